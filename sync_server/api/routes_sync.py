"""Sync endpoints: upload events, download changes, enroll a station."""

from __future__ import annotations

import orjson
from flask import Blueprint, Response, g

from sync_server.api.auth import current_principal, require
from sync_server.api.errors import ApiError
from sync_server.api.extension import context, db_session
from sync_server.api.metrics import BATCHES_INGESTED, EVENTS_INGESTED
from sync_server.api.schemas import BatchIn, BatchOut, HeldIn, HeldOut
from sync_server.api.validation import parse_body, read_json, spec
from sync_server.services import epochs, ingest

bp = Blueprint("sync", __name__, url_prefix="/api/v1")


@bp.post("/sync/events")
@spec(
    summary="Upload a batch of events (exactly-once effect per event id)",
    tags=["sync"],
    body=BatchIn,
    responses={
        200: BatchOut,
        409: "out_of_order: the event named by after_event has not reached the server; "
        "epoch_changed: the batch names an epoch that is not the database's (a restore)",
        413: "Over max_batch_events or max_batch_bytes",
    },
    auth="station",
)
@require("station")
def upload_events() -> Response:
    """Every event gets exactly one final result. Replays answer ``duplicate`` with the
    original outcome under ``detail.original``."""
    settings = context().settings
    payload = read_json()
    if isinstance(payload, dict) and isinstance(payload.get("events"), list):
        count = len(payload["events"])
        if count > settings.max_batch_events:
            raise ApiError(
                413,
                "too_many_events",
                f"A batch holds at most {settings.max_batch_events} events; "
                f"this one has {count}. Split it.",
                limit="max_batch_events",
                max_batch_events=settings.max_batch_events,
            )
    batch = parse_body(BatchIn, payload)
    _check_station(batch.station_id)
    epoch = epochs.current_epoch(db_session())
    if batch.epoch is not None and batch.epoch != epoch:
        # the station's delivered events may be missing here: it must ask what is held and
        # send those again first, so nothing of this batch is applied before them
        raise ApiError(
            409,
            "epoch_changed",
            "The server was restored from a backup since this station last synced; "
            "ask POST /api/v1/sync/held what it still holds.",
            epoch=epoch,
        )
    try:
        outcome = ingest.ingest_batch(
            db_session(),
            ingest.BatchInput(
                station_id=batch.station_id,
                sent_at=batch.sent_at,
                events=batch.events,
                pending=batch.pending,
                oldest_pending_at=batch.oldest_pending_at,
                after_event=batch.after_event,
            ),
            rules=context().site_rules,
            settings=ingest.IngestSettings(max_clock_skew_hours=settings.max_clock_skew_hours),
        )
    except ingest.BatchError as exc:
        raise ApiError(exc.status, exc.code, exc.message, **exc.detail) from exc
    BATCHES_INGESTED.inc()
    for status, n in outcome.counts.items():
        EVENTS_INGESTED.labels(status).inc(n)
    g.log_fields = {
        "station": batch.station_id,
        "batch_size": len(batch.events),
        **outcome.counts,
        "pending": batch.pending,
    }
    return Response(
        orjson.dumps({**outcome.as_json(), "epoch": epoch}), mimetype="application/json"
    )


@bp.post("/sync/held")
@spec(
    summary="Which of this station's delivered seqs the server holds (after a restore)",
    tags=["sync"],
    body=HeldIn,
    responses={200: HeldOut},
    auth="station",
)
@require("station")
def held_events() -> Response:
    """A station that sees a new ``epoch`` names the seq ranges it delivered; the answer
    lists those the server holds an event for, so it sends the others again."""
    body = parse_body(HeldIn)
    _check_station(body.station_id)
    held = epochs.held_seqs(db_session(), body.station_id, body.ranges)
    return Response(
        orjson.dumps({"epoch": held.epoch, "held": held.held}), mimetype="application/json"
    )


def _check_station(station_id: str) -> None:
    principal = current_principal()
    if station_id != principal.station_id:
        raise ApiError(
            403,
            "wrong_station",
            f"This token belongs to station {principal.station_id}, not {station_id}.",
        )
