"""The ingest contract, run against both stores: PostgreSQL and the embedded SQLite that a new
user meets first (``tracetrack-server serve`` with no database URL, ``make run``).

Each test calls the use case (``services/ingest.ingest_batch``) as the upload endpoint does and
reads back what was stored. A batch of more than ``ingest_pg.COPY_AT`` events travels to
PostgreSQL by ``COPY``, a smaller one as JSON; tests that care run both sizes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from sync_server.db.ingest_pg import COPY_AT
from sync_server.db.models import (
    Bag,
    Bill,
    Event,
    ReturnRecord,
    Setting,
    StatBucket,
    Station,
    User,
)
from sync_server.db.schema import upgrade
from sync_server.db.session import make_engine, make_session_factory
from sync_server.services import ingest, reports, users
from sync_server.services.site_rules import SiteRules
from tests.server.factories import event, make_station
from tracetrack_core.roles import user_key
from tracetrack_core.wire import EVENT_FIELDS, Kind


@dataclass
class Backend:
    name: str
    sessions: sessionmaker[Session]
    rules: SiteRules

    def ingest(
        self,
        station_id: str,
        events: list[dict[str, Any]],
        *,
        sent_at: datetime | None = None,
        **extra: Any,
    ) -> list[dict[str, Any]]:
        """Ingest one batch; its answers as the endpoint sends them."""
        with self.sessions() as session:
            outcome = ingest.ingest_batch(
                session,
                ingest.BatchInput(
                    station_id=station_id,
                    sent_at=sent_at or datetime.now(UTC),
                    events=events,
                    **extra,
                ),
                rules=self.rules,
                settings=ingest.IngestSettings(order_wait_s=0.05),
            )
        return [r.as_json() for r in outcome.results]

    def station(self, name: str = "Line 1", area: str = "Lucknow") -> str:
        with self.sessions() as session:
            return make_station(session, name, area=area)[0]

    def get(self, model: Any, key: Any) -> Any:
        with self.sessions() as session:
            found = session.get(model, key)
            session.expunge_all()
            return found

    def scalar(self, stmt: Any) -> Any:
        with self.sessions() as session:
            return session.scalar(stmt)

    def stored(self, event_id: str) -> Event:
        with self.sessions() as session:
            found = session.scalars(select(Event).where(Event.id == uuid.UUID(event_id))).one()
            session.expunge_all()
            return found


@pytest.fixture(params=["postgresql", "sqlite"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_db")
    else:
        url = f"sqlite:///{tmp_path / 'server.db'}"
    engine = make_engine(url)
    if request.param == "sqlite":
        upgrade(engine)
    yield Backend(request.param, make_session_factory(engine), SiteRules())
    engine.dispose()


def _padding(n: int) -> list[dict[str, Any]]:
    return [event("parent_scan", f"SB{80000 + i:05d}") for i in range(n)]


SIZES = pytest.mark.parametrize("big", [False, True], ids=["live", "backlog"])


def _sized(events: list[dict[str, Any]], big: bool) -> list[dict[str, Any]]:
    """``events`` alone, or after enough others that the batch goes the backlog way."""
    return (_padding(COPY_AT) if big else []) + events


# -- exactly once -------------------------------------------------------------------------


@SIZES
def test_a_replayed_batch_changes_nothing_and_answers_the_first_outcomes(
    backend: Backend, big: bool
) -> None:
    st = backend.station()
    sent = _sized(
        [event("parent_scan", "SB00001"), event("child_link", "CH0001", parent="SB00001")], big
    )
    first = backend.ingest(st, sent)
    again = backend.ingest(st, sent)
    assert {r["status"] for r in first} == {"accepted"}
    assert {(r["status"], r["reason"]) for r in again} == {("duplicate", "already_received")}
    assert again[-1]["detail"]["original"]["status"] == "accepted"
    assert backend.get(Bag, "SB00001").child_count == 1
    assert backend.scalar(select(func.count()).select_from(Event)) == len(sent)
    record = backend.get(Station, st)
    assert record.events_received == len(sent)
    assert record.last_seq == max(e["seq"] for e in sent)


def test_an_id_twice_in_one_batch_is_applied_once(backend: Backend) -> None:
    st = backend.station()
    scan = event("parent_scan", "SB00002")
    answers = backend.ingest(st, [scan, scan])
    assert [r["status"] for r in answers] == ["accepted", "duplicate"]


def test_first_committed_wins_across_stations(backend: Backend) -> None:
    a, b = backend.station("A"), backend.station("B")
    backend.ingest(a, [event("parent_scan", "SB00011")])
    backend.ingest(b, [event("parent_scan", "SB00012")])
    [won] = backend.ingest(a, [event("child_link", "CH0011", parent="SB00011")])
    [lost] = backend.ingest(b, [event("child_link", "ch0011", parent="SB00012")])
    assert won["status"] == "accepted"
    assert (lost["status"], lost["reason"]) == ("conflict", "child_in_other_parent")
    assert lost["detail"]["current_parent"] == "SB00011"
    conflict = backend.stored(lost["id"])
    assert (conflict.status, conflict.version > 0) == ("conflict", True)  # in B's feed


def test_events_apply_in_seq_order_and_answer_in_the_order_sent(backend: Backend) -> None:
    st = backend.station()
    link = event("child_link", "CH0021", parent="SB00021", seq=11)
    scan = event("parent_scan", "SB00021", seq=10)
    answers = backend.ingest(st, [link, scan])
    assert [r["id"] for r in answers] == [link["id"], scan["id"]]
    assert {r["status"] for r in answers} == {"accepted"}


def test_a_batch_waits_for_the_one_it_follows(backend: Backend) -> None:
    st = backend.station()
    ahead = event("parent_scan", "SB00031")
    behind = event("child_link", "CH0031", parent="SB00031")
    with pytest.raises(ingest.BatchError) as refused:
        backend.ingest(st, [behind], after_event=uuid.UUID(ahead["id"]))
    assert (refused.value.status, refused.value.code) == (409, "out_of_order")
    assert backend.scalar(select(func.count()).select_from(Event)) == 0
    backend.ingest(st, [ahead])
    [linked] = backend.ingest(st, [behind], after_event=uuid.UUID(ahead["id"]))
    assert linked["status"] == "accepted"


def test_an_unknown_or_revoked_station_is_refused_whole(backend: Backend) -> None:
    with pytest.raises(ingest.BatchError, match="not enrolled"):
        backend.ingest("st_nobody", [event("parent_scan", "SB00041")])
    st = backend.station()
    with backend.sessions() as session, session.begin():
        session.get_one(Station, st).revoked_at = datetime.now(UTC)
    with pytest.raises(ingest.BatchError, match="not enrolled"):
        backend.ingest(st, [event("parent_scan", "SB00041")])


def test_an_event_without_an_id_refuses_the_batch(backend: Backend) -> None:
    st = backend.station()
    nameless = event("parent_scan", "SB00042")
    del nameless["id"]
    with pytest.raises(ingest.BatchError) as refused:
        backend.ingest(st, [event("parent_scan", "SB00043"), nameless])
    assert (refused.value.code, refused.value.detail) == ("invalid_event_id", {"index": 1})


# -- what is stored -----------------------------------------------------------------------

IST = timezone(timedelta(hours=5, minutes=30))


@SIZES
def test_station_times_are_stored_as_the_instant_sent(backend: Backend, big: bool) -> None:
    st = backend.station()
    at = datetime.now(IST).replace(microsecond=0) - timedelta(hours=1)
    scan = event("parent_scan", "SB00051")
    scan["occurred_at"] = at.isoformat()  # e.g. 2026-12-07T10:15:02+05:30
    link = event("child_link", "CH0051", parent="SB00051")
    steal = event("child_link", "CH0051", parent="SB00053")  # a conflict: in /conflicts too
    steal["occurred_at"] = at.isoformat()
    backend.ingest(st, _sized([scan, link, steal], big))
    assert backend.stored(scan["id"]).occurred_at == at
    with backend.sessions() as session:
        history = reports.lookup_bag(session, "SB00051")["history"]
        day = reports.Range(at - timedelta(days=1), at + timedelta(days=1), ZoneInfo("UTC"))
        [conflict] = reports.list_conflicts(session, day, None)
    [scanned] = [h for h in history if h["id"] == scan["id"]]
    assert datetime.fromisoformat(scanned["occurred_at"]) == at
    assert datetime.fromisoformat(conflict["occurred_at"]) == at


def _hostile() -> list[dict[str, Any]]:
    """Events whose text needs escaping in every encoding (COPY, JSON, SQL), accepted and
    refused, with every field of the wire declaration filled."""
    note = 'tab\there "quoted" back\\slash \\n not a newline ✓ ठाणे \\\\ end\r'
    operator = 'ravi \\ "Ω"\u00a0'
    no_time = event("parent_scan", "SB77000", data={"x": "a\tb\\c"})
    del no_time["occurred_at"]
    return [
        event("parent_scan", "SB77001", operator=" RAVI ", data={"note": note, "n": [1, None]}),
        {**event("child_link", "AB\\CD", parent="SB77001"), "type": "bogus\ttype"},
        event("child_link", "BAD\\CODE", parent="SB77001"),
        no_time,
        event("parent_scan", "SB77002", data={"n": "a\x00b"}),
        event("bill_create", bill="  b-7/x ", data={"capacity": 2, "destination": note}),
        event("parent_scan", "SB77003", operator=operator),  # nobody's name: refused
    ]


SHAPE_REFUSED = (1, 3, 4)
"""The hostile events refused before they are read: only what they sent is kept (``raw``)."""


@SIZES
def test_hostile_text_is_stored_as_decoded_whichever_way_rows_travel(
    backend: Backend, big: bool
) -> None:
    st = backend.station()
    sent = _hostile()
    answers = backend.ingest(st, _sized(sent, big))[-len(sent) :]
    for index, (raw, answer) in enumerate(zip(sent, answers, strict=True)):
        row = backend.stored(raw["id"])
        if answer["status"] == "rejected":  # kept whole as it was sent (NUL spelt out)
            assert row.raw == json.loads(json.dumps(raw).replace("\\u0000", "\\\\u0000"))
        if index in SHAPE_REFUSED:
            continue
        for f in EVENT_FIELDS:
            value = getattr(row, f.name)
            if f.kind is Kind.TIME:
                assert value == datetime.fromisoformat(raw[f.name])
            elif f.kind is Kind.ID:
                assert str(value) == raw[f.name]
            elif f.kind is Kind.CODE:
                assert value == raw[f.name].strip().upper()
            elif f.kind is Kind.TEXT:
                assert value == raw[f.name].strip()
            elif f.kind is Kind.USER:
                assert value == user_key(raw[f.name])
            else:
                assert value == raw[f.name], f.name
    assert [(a["status"], a.get("reason")) for a in answers] == [
        ("accepted", None),
        ("rejected", "invalid_field"),
        ("rejected", "invalid_code"),
        ("rejected", "bad_timestamp"),
        ("rejected", "invalid_field"),
        ("accepted", None),
        ("rejected", "unknown_operator"),
    ]
    first, bogus, bad_code, no_time, nul, _, nobody = (backend.stored(e["id"]) for e in sent)
    assert first.operator == "ravi"  # an operator is stored as the account is spelt
    assert nobody.operator == 'ravi \\ "ω"'  # lower case, trimmed: still nobody's
    assert (first.detail["new"], first.raw, first.reason) == (True, None, None)
    assert bogus.type == "bogus\ttype"  # refused in shape: its type kept as sent, bounded
    assert (bad_code.code, bad_code.detail) == ("BAD\\CODE", {"code": "BAD\\CODE"})
    assert no_time.occurred_at == no_time.received_at  # no time of its own: when it came
    for row in (first, bogus, bad_code, nul):  # each counted in its own 15 minutes
        start = row.occurred_at.replace(minute=row.occurred_at.minute // 15 * 15, second=0)
        assert row.bucket_start == start.replace(microsecond=0)
    assert backend.get(Bill, "B-7/X").destination == sent[0]["data"]["note"].strip()
    assert backend.stored(sent[4]["id"]).raw["data"] == {"n": "a\\u0000b"}  # NUL spelt out


@pytest.mark.parametrize(
    ("change", "reason", "field"),
    [
        ({"seq": -1}, "invalid_field", "seq"),
        ({"seq": 2**63}, "invalid_field", "seq"),
        ({"seq": True}, "invalid_field", "seq"),
        ({"type": ""}, "missing_field", "type"),
        ({"type": "x" * 41}, "invalid_field", "type"),
        ({"type": "parent\x00scan"}, "invalid_field", "type"),
        ({"occurred_at": "yesterday"}, "bad_timestamp", "occurred_at"),
        ({"occurred_at": "2026-12-07T10:15:02"}, "bad_timestamp", "occurred_at"),
        ({"occurred_at": "1999-12-07T10:15:02+05:30"}, "bad_timestamp", "occurred_at"),
        ({"code": 7}, "invalid_field", "code"),
        ({"code": "S" * 201}, "invalid_field", "code"),
        ({"operator": "ravi\x07"}, "invalid_field", "operator"),
        ({"data": [1, 2]}, "invalid_field", "data"),
        ({"data": {"x": "y" * 5000}}, "invalid_field", "data"),
    ],
)
def test_a_malformed_event_is_rejected_alone(
    backend: Backend, change: dict[str, Any], reason: str, field: str
) -> None:
    st = backend.station()
    bad = {**event("parent_scan", "SB00061"), **change}
    good = event("parent_scan", "SB00062")
    answers = backend.ingest(st, [bad, good])
    assert (answers[0]["status"], answers[0]["reason"]) == ("rejected", reason)
    assert answers[0]["detail"]["field"] == field
    assert answers[1]["status"] == "accepted"
    assert backend.stored(bad["id"]).raw is not None  # what it sent is kept
    record = backend.get(Station, st)
    assert record.last_seq < 2**62


def test_counts_land_in_their_buckets(backend: Backend) -> None:
    st = backend.station()
    kids = [f"CH{n:04d}" for n in range(3)]
    backend.ingest(
        st,
        [event("parent_scan", "SB00071")]
        + [event("child_link", k, parent="SB00071") for k in kids]
        + [event("child_link", kids[0], parent="SB00071")],
    )
    total = select(
        func.sum(StatBucket.parent_scans),
        func.sum(StatBucket.children_linked),
        func.sum(StatBucket.duplicates),
    )
    with backend.sessions() as session:
        assert tuple(session.execute(total).one()) == (1, 3, 1)


def test_bills_and_returns_are_written(backend: Backend) -> None:
    st = backend.station()
    kids = [f"CH1{n:03d}" for n in range(30)]
    backend.ingest(
        st,
        [event("parent_scan", "SB00081")]
        + [event("child_link", k, parent="SB00081") for k in kids]
        + [
            event("bill_create", bill="B-81", data={"capacity": 1}),
            event("bill_add_parent", "SB00081", bill="B-81"),
            event("bill_complete", bill="B-81"),
        ],
    )
    bill = backend.get(Bill, "B-81")
    assert (bill.status, bill.parent_count) == ("completed", 1)
    [returned] = backend.ingest(
        st, [event("return_add", "SB00081", data={"ticket": "T1", "location": "Dock 2"})]
    )
    assert returned["status"] == "accepted", returned
    assert backend.scalar(select(ReturnRecord.ticket)) == "T1"
    assert backend.get(Bag, "SB00081").bill is None


def test_new_code_rules_hold_from_the_next_batch(backend: Backend) -> None:
    st = backend.station()
    [before] = backend.ingest(st, [event("parent_scan", "PX12345")])
    assert before["status"] == "rejected"
    with backend.sessions() as session, session.begin():
        session.add(
            Setting(
                key="code_rules",
                value={"parent_series": [{"name": "PX", "pattern": r"PX\d{5}"}]},
                version=1,
            )
        )
    [after] = backend.ingest(st, [event("parent_scan", "PX12346")])
    assert after["status"] == "accepted", after


# -- times and sequence numbers a station cannot abuse (issue 17) -------------------------


@pytest.mark.parametrize(
    "sent_at",
    [
        datetime(5000, 1, 1, tzinfo=UTC),
        datetime(3000, 6, 1, tzinfo=UTC),
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),
        datetime.now(UTC) - timedelta(days=31),
    ],
    ids=["year-5000", "year-3000", "year-1", "a-month-slow"],
)
def test_a_station_clock_far_off_refuses_the_batch_and_stores_nothing(
    backend: Backend, sent_at: datetime
) -> None:
    st = backend.station()
    with pytest.raises(ingest.BatchError) as refused:
        backend.ingest(st, [event("parent_scan", "SB00091")], sent_at=sent_at)
    assert (refused.value.status, refused.value.code) == (400, "bad_clock")
    assert "Set the station's date and time" in refused.value.message
    assert backend.scalar(select(func.count()).select_from(Event)) == 0
    assert backend.get(Station, st).last_sent_at is None


def test_the_skew_correction_stays_within_the_horizon(backend: Backend) -> None:
    st = backend.station()
    slow = timedelta(days=29)  # inside the 30-day horizon: taken, and corrected
    scan = event("parent_scan", "SB00092", at=datetime.now(UTC) - slow)
    [answer] = backend.ingest(st, [scan], sent_at=datetime.now(UTC) - slow)
    assert answer["status"] == "accepted"
    with backend.sessions() as session:
        bucket = session.scalar(select(StatBucket.bucket_start))
    assert abs(bucket - datetime.now(UTC)) < timedelta(hours=1)  # counted when it happened


@pytest.mark.parametrize(
    "pending_since",
    [datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))), datetime(9999, 12, 31, tzinfo=UTC)],
    ids=["year-1", "year-9999"],
)
def test_an_implausible_oldest_pending_at_refuses_the_batch(
    backend: Backend, pending_since: datetime
) -> None:
    st = backend.station()
    with pytest.raises(ingest.BatchError) as refused:
        backend.ingest(
            st, [event("parent_scan", "SB00093")], pending=1, oldest_pending_at=pending_since
        )
    assert (refused.value.status, refused.value.detail) == (400, {"field": "oldest_pending_at"})
    assert backend.get(Station, st).oldest_pending_at is None  # stored nothing to break a read


def test_a_rejected_event_does_not_move_the_last_seq(backend: Backend) -> None:
    st = backend.station()
    backend.ingest(st, [event("parent_scan", "SB00094", seq=5)])
    hostile = event("no_such_type", "SB00095", seq=2**62)
    [answer] = backend.ingest(st, [hostile])
    assert (answer["status"], answer["reason"]) == ("rejected", "unknown_type")
    record = backend.get(Station, st)
    assert (record.last_seq, record.seq_gaps, record.events_received) == (5, 0, 2)
    [late] = backend.ingest(st, [event("parent_scan", "SB00096", seq=6)])
    assert late["status"] == "accepted"
    assert (backend.get(Station, st).last_seq, backend.get(Station, st).seq_gaps) == (6, 0)


# -- the operators events name (issue 17) --------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["no-such-user", "r\u0430vi", "ravi\u200b", "ra vi"],
    ids=["unknown", "cyrillic-look-alike", "zero-width-space", "inner-space"],
)
def test_an_event_from_no_known_user_is_rejected_and_counted_for_nobody(
    backend: Backend, name: str
) -> None:
    st = backend.station()
    [answer] = backend.ingest(st, [event("parent_scan", "SB00101", operator=name)])
    assert (answer["status"], answer["reason"]) == ("rejected", "unknown_operator")
    assert backend.get(Bag, "SB00101") is None
    with backend.sessions() as session:
        counted = session.execute(select(StatBucket.operator, StatBucket.parent_scans)).all()
    assert all(scans == 0 for _, scans in counted)


def test_a_name_written_in_another_width_or_case_is_the_same_user(backend: Backend) -> None:
    st = backend.station()
    [answer] = backend.ingest(
        st, [event("parent_scan", "SB00102", operator="\uff32\uff21\uff36\uff29 ")]
    )
    assert answer["status"] == "accepted"
    assert backend.stored(answer["id"]).operator == "ravi"


def test_a_role_records_only_its_own_work(backend: Backend) -> None:
    st = backend.station()
    [packing] = backend.ingest(st, [event("parent_scan", "SB00103", operator="bina")])
    assert (packing["status"], packing["reason"]) == ("rejected", "role_not_allowed")
    assert packing["detail"]["role"] == "biller"
    [billing] = backend.ingest(
        st, [event("bill_create", bill="B-103", operator="bina", data={"capacity": 1})]
    )
    assert billing["status"] == "accepted"


def test_a_disabled_users_earlier_work_still_counts_and_later_work_does_not(
    backend: Backend,
) -> None:
    st = backend.station()
    with backend.sessions() as session:
        users.set_disabled(session, "meena", True, actor="admin")
    disabled_at = backend.get(User, "meena").disabled_at
    assert disabled_at is not None
    # the station was offline: scans from before the account was disabled arrive now
    before = event("parent_scan", "SB00104", operator="meena", at=disabled_at - timedelta(hours=2))
    after = event("parent_scan", "SB00105", operator="meena", at=disabled_at + timedelta(seconds=1))
    answers = backend.ingest(st, [before, after])
    assert [(a["status"], a.get("reason")) for a in answers] == [
        ("accepted", None),
        ("rejected", "operator_disabled"),
    ]
    with backend.sessions() as session:
        users.set_disabled(session, "meena", False, actor="admin")
    assert backend.get(User, "meena").disabled_at is None
    [again] = backend.ingest(st, [event("parent_scan", "SB00106", operator="meena")])
    assert again["status"] == "accepted"


def test_a_read_refused_before_anyone_logged_in_names_nobody_and_is_kept(
    backend: Backend,
) -> None:
    st = backend.station()
    refused_read = event("scan_rejected", data={"reason": "not_logged_in", "read": "SB1"})
    refused_read["operator"] = ""
    [answer] = backend.ingest(st, [refused_read])
    assert answer["status"] == "accepted"
