"""The sync round, free of Qt: drain the outbox to the server, then pull the changes feed.

One :meth:`SyncEngine.run_once` call never sleeps: when the server is away or asks us to
wait, it returns the time of the next attempt and the caller (the worker's timer, or the
CLI) decides when to call again. Clock and randomness are injected so tests are exact.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from tracetrack_core.events import MAX_BATCH_BYTES, MAX_BATCH_EVENTS
from tracetrack_desktop.storage.outbox import EventResult, OutboxEvent, SyncStatus
from tracetrack_desktop.sync.backoff import Backoff
from tracetrack_desktop.sync.client import (
    FINAL_STATUSES,
    BatchRefusedError,
    ForbiddenError,
    ProtocolError,
    RefusedError,
    RetryableError,
    SyncClient,
    SyncError,
    TokenRevokedError,
    UploadReply,
    local_now,
)
from tracetrack_desktop.sync.ports import OutboxPort

log = logging.getLogger(__name__)

MAX_CHANGE_PAGES = 10_000
"""Safety stop for a feed that keeps saying ``more`` without moving its cursor forward."""

_SPLIT_STATUSES = frozenset({400, 413, 422})

PIPELINE_DEPTH = 2
"""Uploads in flight at once. The second is sent before the first is answered and names the
first's last event (``after_event``), so the server applies it only after the first: the
server works on one while the other travels, is parsed, and is settled here."""

OUT_OF_ORDER = "out_of_order"
"""The server's code for a batch whose ``after_event`` has not arrived (nothing written)."""

EPOCH_CHANGED = "epoch_changed"
"""The server's code for a batch naming an epoch that is not its database's: it was restored
from a backup since (nothing written)."""

HELD_CHUNK = 1_000
"""Seq ranges per ``POST /sync/held`` (the server takes up to 10,000)."""

PRUNE_EVERY_S = 3600.0
"""How often delivered events past their retention are dropped from the outbox."""


class _EpochChangedError(Exception):
    """The server's database epoch is not the one recorded: it was restored from a backup."""


@dataclass(frozen=True)
class SyncLimits:
    """How big one upload may be (the server publishes its own in the changes feed)."""

    max_batch_events: int = MAX_BATCH_EVENTS
    max_batch_bytes: int = MAX_BATCH_BYTES

    def updated(self, data: Mapping[str, Any]) -> SyncLimits:
        """These limits with any valid value from a ``limits`` setting or a 413 body."""
        events, size = data.get("max_batch_events"), data.get("max_batch_bytes")
        return SyncLimits(
            max_batch_events=events
            if isinstance(events, int) and events > 0
            else self.max_batch_events,
            max_batch_bytes=size if isinstance(size, int) and size > 0 else self.max_batch_bytes,
        )


@dataclass(frozen=True)
class SyncReport:
    """What one round did and where the queue stands.

    Attributes:
        drained: the queue was empty when the round ended.
        skipped: the round did not run (still waiting out a backoff).
        uploaded: events settled from server answers this round.
        accepted, duplicates: counts among them.
        conflicts: conflicts and rejections found this round (server's and local splits').
        rejected_locally: events refused alone with a 4xx, settled as ``rejected``.
        changes_applied: changes-feed items handed to the store.
        resent: delivered events queued again because a restored server no longer held them.
        pending: events still queued.
        oldest_pending_age_s: age of the oldest queued event.
        retry_at: when the next attempt should run (None: no retry is scheduled).
        retry_in_s: the same as a delay from now.
        error: why the round stopped early (None on success).
        token_revoked: the server refused the token; syncing has stopped.
        status: the status recorded in the store.
    """

    drained: bool
    skipped: bool = False
    uploaded: int = 0
    accepted: int = 0
    duplicates: int = 0
    conflicts: list[EventResult] = field(default_factory=list)
    rejected_locally: int = 0
    changes_applied: int = 0
    resent: int = 0
    pending: int = 0
    oldest_pending_age_s: float | None = None
    retry_at: datetime | None = None
    retry_in_s: float | None = None
    error: str | None = None
    token_revoked: bool = False
    status: SyncStatus = field(default_factory=SyncStatus)


@dataclass
class _Round:
    uploaded: int = 0
    accepted: int = 0
    duplicates: int = 0
    conflicts: list[EventResult] = field(default_factory=list)
    rejected_locally: int = 0
    changes_applied: int = 0
    resent: int = 0
    skew_ms: int | None = None
    probed: bool = False


class SyncEngine:
    """Uploads the outbox and pulls the changes feed, one round per :meth:`run_once`.

    Args:
        outbox: the local store (OutboxPort); called only from the thread running rounds.
        client: the HTTP client.
        station_id: this station's id (the body's ``station_id``).
        limits: upload limits to start with (the feed and 413 answers update them).
        clock: the station's wall clock (aware datetimes).
        monotonic: a monotonic clock in seconds (for backoff deadlines).
        backoff: retry pacing.
        pull_changes: pull the changes feed after uploading.
        pull_every_s: pull it at most this often (0: every round). A scan wakes a round at
            once to upload; other stations' changes come on the worker's timer, so a busy
            line does not double its requests.
        pipeline_depth: most uploads in flight at once. More than one only once the server
            has said (in an upload reply) that it honours ``after_event``; a server that does
            not could apply two batches out of order.
        keep_delivered_days: how long delivered events stay in the outbox, to be sent again
            if the server is restored from a backup that lacks them (None: kept for ever).

    After a restore. Every upload names the server's database epoch last taken in; a
    restored server has a new one and refuses the batch (``epoch_changed``), and a pull shows
    it too. The engine then asks which of its kept delivered seqs the server still holds,
    queues the others again (they go out first, in seq order: they have the lowest seqs),
    and only then records the new epoch, so a crash in between asks again.
    """

    def __init__(
        self,
        outbox: OutboxPort,
        client: SyncClient,
        station_id: str,
        limits: SyncLimits | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        monotonic: Callable[[], float] = time.monotonic,
        backoff: Backoff | None = None,
        pull_changes: bool = True,
        pull_every_s: float = 0.0,
        pipeline_depth: int = PIPELINE_DEPTH,
        keep_delivered_days: int | None = 14,
    ) -> None:
        self.outbox = outbox
        self.client = client
        self.station_id = station_id
        self.limits = limits or SyncLimits()
        self._clock = clock
        self._monotonic = monotonic
        self.backoff = backoff or Backoff()
        self.pull_changes = pull_changes
        self.pull_every_s = pull_every_s
        self._last_pull: float | None = None
        self._not_before: float | None = None  # our backoff
        self._server_not_before: float | None = None  # the server's Retry-After
        self._cancel = threading.Event()
        self.stopped_reason: str | None = None
        self.pipeline_depth = max(1, pipeline_depth)
        self._ordered = False  # the server honours after_event (learnt from its replies)
        # the HTTP uploads in flight run here, while this thread reads and settles the outbox
        self._sender = ThreadPoolExecutor(
            max_workers=self.pipeline_depth, thread_name_prefix="sync-upload"
        )
        self.keep_delivered_days = keep_delivered_days
        self._last_prune: float | None = None
        self._epoch = outbox.server_epoch()
        self.client.epoch = self._epoch

    def close(self) -> None:
        """Stop the sender thread (after any upload in flight)."""
        self._sender.shutdown(wait=True)

    # -- control -----------------------------------------------------------------------------

    def cancel(self) -> None:
        """Ask a running round to stop after its current request (any thread may call this)."""
        self._cancel.set()

    @property
    def pipelining(self) -> bool:
        """More than one upload may be in flight (the server said it honours after_event)."""
        return self._ordered and self.pipeline_depth > 1

    def retry_in(self) -> float | None:
        """Seconds until the next attempt is due (None: none is scheduled)."""
        deadline = max(
            (d for d in (self._not_before, self._server_not_before) if d is not None),
            default=None,
        )
        if deadline is None:
            return None
        return max(0.0, deadline - self._monotonic())

    # -- the round ---------------------------------------------------------------------------

    def run_once(self, *, urgent: bool = False) -> SyncReport:
        """Run one round: upload until the queue is empty, then pull changes.

        Args:
            urgent: a new scan is waiting; skip our own backoff (a reconnect is found at
                once) but still honour a server's ``Retry-After``.
        """
        if self.stopped_reason is not None:
            return self._report(_Round(), error=self.stopped_reason, token_revoked=True)
        now_m = self._monotonic()
        if self._server_not_before is not None and now_m < self._server_not_before:
            return self._report(_Round(), skipped=True, retry=self._server_not_before - now_m)
        if not urgent and self._not_before is not None and now_m < self._not_before:
            return self._report(_Round(), skipped=True, retry=self._not_before - now_m)
        self._cancel.clear()

        attempt_at = self._clock()
        previous = self.outbox.sync_status()
        state = _Round()
        try:
            drained = self._sync(state)
        except TokenRevokedError as exc:
            self.stopped_reason = str(exc)
            log.error("sync stopped: %s", exc)
            status = replace(
                previous,
                online=False,
                last_attempt_at=attempt_at,
                last_error=str(exc),
                conflicts_total=previous.conflicts_total + len(state.conflicts),
            )
            self.outbox.record_sync(status)
            return self._report(state, error=str(exc), token_revoked=True, status=status)
        except (RetryableError, ForbiddenError, RefusedError) as exc:
            retry_after = exc.retry_after if isinstance(exc, RetryableError) else None
            if isinstance(exc, ForbiddenError | RefusedError):
                # not cured by retrying soon; come back at the slow pace
                self.backoff.failures = max(self.backoff.failures, 10)
            delay = self.backoff.next_delay(retry_after)
            self._not_before = now_m + delay
            if retry_after is not None:
                self._server_not_before = now_m + delay
            log.warning("sync failed (retry in %.1f s): %s", delay, exc)
            online = isinstance(exc, ForbiddenError | RefusedError) or (
                isinstance(exc, RetryableError) and retry_after is not None
            )
            status = replace(
                previous,
                online=online,
                last_attempt_at=attempt_at,
                last_error=str(exc),
                clock_skew_ms=state.skew_ms
                if state.skew_ms is not None
                else previous.clock_skew_ms,
                conflicts_total=previous.conflicts_total + len(state.conflicts),
            )
            self.outbox.record_sync(status)
            return self._report(state, error=str(exc), retry=delay, status=status)

        self.backoff.reset()
        self._not_before = self._server_not_before = None
        self._prune()
        status = SyncStatus(
            online=True,
            last_success_at=self._clock(),
            last_attempt_at=attempt_at,
            last_error=None,
            clock_skew_ms=state.skew_ms if state.skew_ms is not None else previous.clock_skew_ms,
            conflicts_total=previous.conflicts_total + len(state.conflicts),
        )
        self.outbox.record_sync(status)
        return self._report(state, drained=drained, status=status)

    def _report(
        self,
        state: _Round,
        *,
        drained: bool | None = None,
        skipped: bool = False,
        retry: float | None = None,
        error: str | None = None,
        token_revoked: bool = False,
        status: SyncStatus | None = None,
    ) -> SyncReport:
        pending = self.outbox.pending_count()
        oldest = self.outbox.oldest_pending_at()
        now = self._clock()
        return SyncReport(
            drained=pending == 0 if drained is None else drained and pending == 0,
            skipped=skipped,
            uploaded=state.uploaded,
            accepted=state.accepted,
            duplicates=state.duplicates,
            conflicts=list(state.conflicts),
            rejected_locally=state.rejected_locally,
            changes_applied=state.changes_applied,
            resent=state.resent,
            pending=pending,
            oldest_pending_age_s=(now - oldest).total_seconds() if oldest else None,
            retry_at=now + timedelta(seconds=retry) if retry is not None else None,
            retry_in_s=retry,
            error=error,
            token_revoked=token_revoked,
            status=status or self.outbox.sync_status(),
        )

    def _sync(self, state: _Round) -> bool:
        """Upload, then pull when due; after a restore, send again what the server lost
        and go on. True if the queue is empty."""
        for _ in range(3):
            try:
                drained = self._upload_all(state)
                if self.pull_changes and not self._cancel.is_set() and self._pull_due():
                    self._pull_changes(state)
                    self._last_pull = self._monotonic()
            except BatchRefusedError as exc:
                if exc.code != EPOCH_CHANGED:
                    raise
            except _EpochChangedError:
                pass
            else:
                return drained
            self._catch_up(state)
        raise ProtocolError("the server's database epoch kept changing during one round")

    def _note_epoch(self, epoch: str | None) -> None:
        """Take in the epoch a reply names: the first one is recorded, another one means
        the server was restored since."""
        if epoch is None or epoch == self._epoch:
            return
        if self._epoch is not None:
            raise _EpochChangedError(epoch)
        self.outbox.record_server_epoch(epoch)
        self._epoch = self.client.epoch = epoch

    def _catch_up(self, state: _Round) -> None:
        """The server was restored: queue again the delivered events it no longer holds.

        The new epoch is recorded only after they are queued, so a crash in between asks
        again (what was queued is pending by then, and not asked about).
        """
        ranges = self.outbox.delivered_seq_ranges()
        held: list[tuple[int, int]] = []
        epoch = None
        for start in range(0, max(len(ranges), 1), HELD_CHUNK):
            reply = self.client.held(self.station_id, ranges[start : start + HELD_CHUNK])
            held.extend(reply.held)
            epoch = reply.epoch
        assert epoch is not None
        resent = self.outbox.resend_missing(held)
        self.outbox.record_server_epoch(epoch)
        self._epoch = self.client.epoch = epoch
        self._last_pull = None  # the restored server's feed, from its beginning, this round
        state.resent += resent
        log.warning(
            "the server was restored from a backup (database epoch %s): %d delivered events "
            "it no longer holds are queued again",
            epoch,
            resent,
        )

    def _prune(self) -> None:
        """Drop delivered events past their retention, at most every PRUNE_EVERY_S."""
        if self.keep_delivered_days is None:
            return
        now_m = self._monotonic()
        if self._last_prune is not None and now_m - self._last_prune < PRUNE_EVERY_S:
            return
        self._last_prune = now_m
        dropped = self.outbox.prune_delivered(
            self._clock() - timedelta(days=self.keep_delivered_days)
        )
        if dropped:
            log.info(
                "dropped %d delivered events older than %d days", dropped, self.keep_delivered_days
            )

    def _pull_due(self) -> bool:
        if self.pull_every_s <= 0 or self._last_pull is None:
            return True
        return self._monotonic() - self._last_pull >= self.pull_every_s

    # -- upload ------------------------------------------------------------------------------

    def _upload_all(self, state: _Round) -> bool:
        """Send batches until the queue is empty; True if it is.

        Pipelined: up to ``pipeline_depth`` batches are in flight, once the server has said it
        honours ``after_event`` (before that, one at a time). Each one after the first
        names the last event of the one before it (``after_event``), and the server applies it
        only once that event is stored, so batches take effect in seq order whichever reaches
        a worker first; one that arrives too early is answered ``409 out_of_order`` and stays
        pending. The next batch is read while the others travel, and answers are settled in
        the order sent. If the station stops before settling, those events stay pending and
        are answered as duplicates next time.
        """
        inflight: deque[tuple[list[OutboxEvent], Future[UploadReply]]] = deque()
        queued = self.outbox.pending_count()  # counted once a round (a count per batch cost ms)
        try:
            batch = self._next_batch()
            while not self._cancel.is_set():
                depth = self.pipeline_depth if self._ordered else 1
                while batch and len(inflight) < depth and not self._cancel.is_set():
                    if len(batch) > 1 and self._too_big(batch):
                        if inflight:
                            break  # the careful path runs alone, after what is in flight
                        if self._send(batch, state) == 0:
                            raise ProtocolError("the server answered none of the events sent")
                        batch = self._next_batch()
                        continue
                    after = inflight[-1][0][-1].id if inflight else None
                    oldest = (inflight[0][0] if inflight else batch)[0].occurred_at
                    pending = max(queued - state.uploaded, len(batch))
                    inflight.append((batch, self._submit(batch, after, pending, oldest)))
                    batch = self._next_batch(after_seq=batch[-1].seq)  # while they travel
                if not inflight:
                    if not batch:
                        return True
                    continue  # cancelled, or the careful path is next
                sent, future = inflight.popleft()
                try:
                    reply = future.result()
                except BatchRefusedError as exc:
                    if exc.code == EPOCH_CHANGED:
                        raise  # nothing of it was written; what is in flight is finished below
                    # what was sent after it names it: wait for those answers, then start again
                    # from the oldest pending event
                    self._finish(inflight, state)
                    if exc.code != OUT_OF_ORDER and self._send(sent, state) == 0:
                        # refused as a whole: split it the careful way, one request at a time
                        raise ProtocolError("the server answered none of the events sent") from None
                    batch = self._next_batch()
                    continue
                if reply.server_time is not None:
                    state.skew_ms = reply.clock_skew_ms()
                self._ordered = reply.ordered
                if self._settle(sent, reply.results, state) == 0:
                    # the server answered none of them: sending the same batch again would spin
                    raise ProtocolError("the server answered none of the events sent")
                self._note_epoch(reply.epoch)
            return False
        finally:
            # never leave a request behind: the next round must not overtake it
            self._finish(inflight, state)

    def _finish(
        self, inflight: deque[tuple[list[OutboxEvent], Future[UploadReply]]], state: _Round
    ) -> None:
        """Wait for every upload in flight and settle those answered (in the order sent)."""
        while inflight:
            sent, future = inflight.popleft()
            try:
                reply = future.result()
            except SyncError:
                continue  # not settled: those events stay pending and are sent again
            self._settle(sent, reply.results, state)

    def _next_batch(self, after_seq: int | None = None) -> list[OutboxEvent]:
        return self.outbox.next_batch(
            self.limits.max_batch_events, self.limits.max_batch_bytes, after_seq=after_seq
        )

    def _submit(
        self, batch: list[OutboxEvent], after: str | None, pending: int, oldest: str
    ) -> Future[UploadReply]:
        """Upload ``batch`` on a sender thread (it only does HTTP; the store stays here).

        ``pending`` and ``oldest`` (the oldest unanswered event's time) are reported to the
        server with it: the queue as of the round's start, less what was settled since.
        """
        oldest_at = datetime.fromisoformat(oldest)
        return self._sender.submit(
            self.client.upload, self.station_id, batch, pending, oldest_at, after
        )

    def _send(self, batch: list[OutboxEvent], state: _Round) -> int:
        """Upload ``batch``, splitting it on a 400/413 until a bad event stands alone.

        Returns:
            How many events were settled.
        """
        settled = 0
        stack = [batch]
        while stack:
            part = stack.pop()
            if len(part) > 1 and self._too_big(part):
                stack.extend(self._halves(part))
                continue
            try:
                reply = self.client.upload(
                    self.station_id,
                    part,
                    pending=self.outbox.pending_count(),
                    oldest_pending_at=self.outbox.oldest_pending_at(),
                )
            except BatchRefusedError as exc:
                if exc.status not in _SPLIT_STATUSES:
                    raise
                if exc.status == 413:
                    self.limits = self.limits.updated(exc.detail)
                elif not state.probed:
                    # is it the batch's content, or something about every batch (unknown
                    # station, a proxy)? An empty batch tells: if it is refused as well,
                    # splitting would wrongly blame good events, so stop instead.
                    state.probed = True
                    self.client.upload(self.station_id, [])
                if len(part) > 1:
                    stack.extend(self._halves(part))
                    continue
                settled += self._reject_alone(part[0], exc, state)
                continue
            if reply.server_time is not None:
                state.skew_ms = reply.clock_skew_ms()
            settled += self._settle(part, reply.results, state)
            self._note_epoch(reply.epoch)
            if self._cancel.is_set():
                break
        return settled

    def _too_big(self, part: Sequence[OutboxEvent]) -> bool:
        size = len(
            SyncClient.encode_batch(
                self.station_id, part, self._clock(), 0, self._clock(), None, self.client.epoch
            )
        )
        return size > self.limits.max_batch_bytes

    @staticmethod
    def _halves(part: list[OutboxEvent]) -> list[list[OutboxEvent]]:
        """Both halves, the older last so the stack pops it first (seq order is kept)."""
        middle = len(part) // 2
        return [part[middle:], part[:middle]]

    def _settle(
        self, sent: Sequence[OutboxEvent], results: Sequence[EventResult], state: _Round
    ) -> int:
        sent_ids = {event.id for event in sent}
        final = [
            _original_answer(r) for r in results if r.id in sent_ids and r.status in FINAL_STATUSES
        ]
        if len(final) < len(results):
            log.warning(
                "ignored %d results that were not final or not ours", len(results) - len(final)
            )
        if not final:
            return 0
        found = self.outbox.settle(final)
        state.uploaded += len(final)
        state.accepted += sum(1 for r in final if r.status == "accepted")
        state.duplicates += sum(1 for r in final if r.status == "duplicate")
        state.conflicts.extend(found)
        return len(final)

    def _reject_alone(self, event: OutboxEvent, exc: RefusedError, state: _Round) -> int:
        """Settle one event the server refused on its own, so it cannot block the queue."""
        log.error(
            "event %s (seq %d, %s) refused alone: %s; kept locally as rejected",
            event.id,
            event.seq,
            event.type,
            exc,
        )
        result = EventResult(
            id=event.id,
            status="rejected",
            reason=exc.code,
            message=exc.message,
            detail={"http_status": exc.status, "refused_alone": True, **exc.detail},
        )
        found = self.outbox.settle([result])
        state.rejected_locally += 1
        state.uploaded += 1
        state.conflicts.extend(found)
        return 1

    # -- changes -----------------------------------------------------------------------------

    def _pull_changes(self, state: _Round) -> None:
        cursor = self.outbox.changes_cursor()
        for _ in range(MAX_CHANGE_PAGES):
            page = self.client.changes(cursor)
            self._note_epoch(page.epoch)  # a restored server's page is not applied
            for item in page.changes:
                if item.get("kind") == "setting" and item.get("key") == "limits":
                    data = item.get("data")
                    if isinstance(data, Mapping):
                        self.limits = self.limits.updated(data)
            self.outbox.apply_changes(page.changes, page.cursor)
            state.changes_applied += len(page.changes)
            if not page.more or page.cursor == cursor or self._cancel.is_set():
                return
            cursor = page.cursor
        raise ProtocolError(f"the changes feed did not end after {MAX_CHANGE_PAGES} pages")


def _original_answer(result: EventResult) -> EventResult:
    """A replay's answer as the original one when that was a conflict or a rejection.

    A station whose reply was lost sends the batch again and hears ``duplicate /
    already_received`` with ``detail.original``; the event's real outcome is the original
    (docs/conflicts.md), and the operator must hear about a lost conflict either way.
    """
    if result.status != "duplicate" or result.reason != "already_received":
        return result
    original = (result.detail or {}).get("original")
    if not isinstance(original, Mapping) or original.get("status") not in ("conflict", "rejected"):
        return result
    detail = original.get("detail")
    return EventResult(
        id=result.id,
        status=str(original["status"]),
        reason=str(original.get("reason") or "") or None,
        detail={**(detail if isinstance(detail, Mapping) else {}), "replayed": True},
        message=result.message,
    )


__all__ = ["SyncEngine", "SyncError", "SyncLimits", "SyncReport"]
