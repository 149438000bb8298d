"""Times from outside cannot break the server (issue 17): the attacks, and the safe answers.

An upload's ``oldest_pending_at`` of ``0001-01-01T00:00:00+14:00`` was stored as a BC date that
psycopg could not read back: from then on the station list answered 400 to everyone and
``station list``, ``station revoke`` and ``station new-code`` ended in a traceback, while the
station's token kept uploading. A ``sent_at`` in year 5000 and a report ``to=9999-12-31`` were
500s.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from sqlalchemy import text

from sync_server.cli import main
from sync_server.db.schema import upgrade
from sync_server.db.session import make_engine
from tests.conftest import truncate_all
from tests.server.factories import batch, event, make_read_token, make_station
from tests.server.test_ingest import ctx

BC = "0001-01-01T00:00:00+14:00"


def _station_list(pg_db: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--database-url", pg_db, "station", "list", "--json"])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"pending": 1, "oldest_pending_at": BC}, "invalid_field"),
        ({"pending": 1, "oldest_pending_at": "9999-12-31T23:59:59-12:00"}, "invalid_field"),
        ({"sent_at": BC}, "bad_clock"),
        ({"sent_at": "5000-01-01T00:00:00+00:00"}, "bad_clock"),
        ({"sent_at": "9999-12-31T23:59:59-12:00"}, "bad_clock"),
    ],
    ids=["pending-year-1", "pending-year-9999", "sent-year-1", "sent-year-5000", "sent-9999"],
)
def test_a_hostile_upload_time_is_a_clear_400_and_the_station_list_still_reads(
    app: Any, client: Any, pg_db: str, capsys: pytest.CaptureFixture[str], extra: Any, code: str
) -> None:
    with ctx(app).sessions() as session:
        station_id, token = make_station(session, "Line 1")
        reader = make_read_token(session)
    body = {**batch(station_id, [event("parent_scan", "SB00001")]), **extra}
    answer = client.post(
        "/api/v1/sync/events", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 400, answer.get_json()
    assert answer.get_json()["error"]["code"] == code
    listed = client.get("/api/v1/stations", headers={"Authorization": f"Bearer {reader}"})
    assert listed.status_code == 200
    assert [s["name"] for s in listed.get_json()] == ["Line 1"]
    assert _station_list(pg_db, capsys)[0] == 0
    monkey_code = main(["--database-url", pg_db, "station", "revoke", "Line 1", "--json"])
    assert monkey_code == 0


@pytest.mark.parametrize(
    "query",
    [
        "from=2026-01-01&to=9999-12-31",
        "from=0001-01-01&to=2026-01-02",
        "from=2026-01-01T00:00:00%2B14:00&to=9999-12-31T23:59:59-12:00",
    ],
)
@pytest.mark.parametrize("path", ["/stats/summary", "/stats/throughput", "/conflicts", "/bills"])
def test_a_report_range_beyond_any_real_time_is_a_400(
    app: Any, client: Any, path: str, query: str
) -> None:
    with ctx(app).sessions() as session:
        reader = make_read_token(session)
    answer = client.get(f"/api/v1{path}?{query}", headers={"Authorization": f"Bearer {reader}"})
    assert answer.status_code == 400, (path, query, answer.get_data(as_text=True))
    assert "outside the times this server reports on" in answer.get_json()["error"]["message"]


def test_a_year_one_time_stored_by_an_older_version_is_cleared_by_the_upgrade(
    pg_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(pg_db)
    with engine.begin() as conn:  # the database as version 0003 left it
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO stations (id, name, area, hostname, last_seq, seq_gaps,"
                " events_received, oldest_pending_at, last_sent_at) VALUES"
                " ('st_old', 'Line 9', '', '', 0, 0, 0, CAST(:bc AS timestamptz),"
                " CAST(:bc AS timestamptz))"
            ),
            {"bc": BC},
        )
    code = main(["--database-url", pg_db, "station", "list", "--json"])
    said = capsys.readouterr().err
    assert code == 1  # what the attack did to a database of 0003: refused, not a traceback
    assert "db upgrade" in said
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    upgrade(engine)
    engine.dispose()
    code, out = _station_list(pg_db, capsys)
    assert code == 0
    assert "Line 9" in out
    truncate_all(pg_db)
