"""The statements every upload and pull makes are prepared (psycopg prepares a statement after
five runs), and PostgreSQL may then keep one generic plan for the life of the connection. A
new site's tables are tiny when that happens; the plan must still find rows by their keys
once the tables are big, before anything analyses them again: a kept plan that scanned
``bags`` took a many-stations benchmark from milliseconds to seconds once (bench/NOTES.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import text

from sync_server.db.session import KEYED_PLANS
from tests.server.factories import event
from tests.server.test_feed_order import pull_all
from tests.server.test_ingest import post, station

BIG_TABLES = ("bags", "event_keys", "bills")
"""The tables a hot statement reaches by key that grow with the scanning, a thousandfold in a
site's first hours (stations and users grow by an admin's hand, and are analysed as they do)."""

GROWN = 100_000


def _scans(plan: dict[str, Any]) -> Iterator[str]:
    """The relation of every sequential scan in an EXPLAIN (FORMAT JSON) plan tree."""
    if plan.get("Node Type") == "Seq Scan":
        yield plan["Relation Name"]
    for child in plan.get("Plans", []):
        yield from _scans(child)


def test_plans_kept_from_tiny_tables_still_find_rows_by_key_when_the_tables_are_big(
    app, client
) -> None:  # type: ignore[no-untyped-def]
    ctx = app.extensions["tracetrack"]
    station_id, headers = station(app, "Packing A", area="north")
    cursor = "0"

    def upload_and_pull(events: list[dict[str, Any]]) -> None:
        nonlocal cursor
        assert {r["status"] for r in post(client, station_id, headers, events)} == {"accepted"}
        _, cursor = pull_all(client, headers, cursor)

    with ctx.engine.begin() as conn:
        for table in BIG_TABLES:  # nothing may analyse them behind the test's back
            conn.execute(text(f"ALTER TABLE {table} SET (autovacuum_enabled = off)"))
    try:
        # a new site: a few rows, analysed (as autovacuum does soon after the first ones)
        upload_and_pull([event("parent_scan", "SB00001")])
        with ctx.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        # every pooled connection runs each hot statement past psycopg's threshold
        for n in range(60):
            parent = f"SB{2 + n // 20:05d}"
            scans = [event("parent_scan", parent)] if n % 20 == 0 else []
            upload_and_pull([*scans, event("child_link", f"KT{n:06d}", parent=parent)])
        # the site grows a thousandfold; nothing has analysed it since
        with ctx.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO bags (code, kind, parent, child_count, status, created_at,"
                    " updated_at, version, area) SELECT 'KG' || g, 'child', 'SB00001', 0,"
                    " 'linked', now(), now(), 1, 'north' FROM generate_series(1, :n) AS g"
                ),
                {"n": GROWN},
            )
            conn.execute(
                text(
                    "INSERT INTO event_keys (id, received_at)"
                    " SELECT gen_random_uuid(), now() FROM generate_series(1, :n)"
                ),
                {"n": GROWN},
            )

        examined: list[str] = []
        scanned: list[tuple[str, str]] = []
        pool = ctx.engine.pool
        held = [ctx.engine.raw_connection() for _ in range(pool.checkedin())]
        try:
            for pooled in held:
                driver = pooled.driver_connection
                assert driver is not None
                driver.execute(KEYED_PLANS)  # as the hot transactions plan
                prepared = driver.execute(
                    "SELECT name, statement, cardinality(parameter_types)"
                    " FROM pg_prepared_statements WHERE generic_plans > 0"
                ).fetchall()
                for name, statement, arity in prepared:
                    if not any(f" {table} " in statement for table in BIG_TABLES):
                        continue
                    nulls = ", ".join(["NULL"] * arity)
                    [(plan,)] = driver.execute(
                        f"EXPLAIN (FORMAT JSON) EXECUTE {name}({nulls})"  # our names
                    ).fetchall()
                    plan = json.loads(plan) if isinstance(plan, str) else plan
                    examined.append(statement)
                    scanned += [
                        (table, " ".join(statement.split())[:120])
                        for table in _scans(plan[0]["Plan"])
                        if table in BIG_TABLES
                    ]
                driver.rollback()
        finally:
            for pooled in held:
                pooled.close()
    finally:
        with ctx.engine.begin() as conn:
            for table in BIG_TABLES:
                conn.execute(text(f"ALTER TABLE {table} RESET (autovacuum_enabled)"))

    # the upload's context read and the pull were among the plans kept and looked at
    assert any("FROM event_keys" in s and "LATERAL" in s for s in examined), examined
    assert any("feed_item FROM bags" in s for s in examined), examined
    assert scanned == [], "\n".join(map(str, scanned))
