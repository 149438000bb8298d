"""Statements run straight through the driver (``db/session.py: run_on_driver``) fail as
SQLAlchemy's own would: a key clash is an ``IntegrityError`` (ingest runs the batch again),
a lost connection an ``OperationalError`` (503) and the connection is dropped from the pool."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from sync_server.db.session import run_keyed, run_on_driver

_PID = text("SELECT pg_backend_pid()")
_INSERT = text("INSERT INTO settings (key, value, version) VALUES (:key, CAST('{}' AS json), 1)")
_KILL = text("SELECT pg_terminate_backend(:pid)")


def test_a_key_clash_is_an_integrity_error_and_the_transaction_rolls_back(app) -> None:
    sessions = app.extensions["tracetrack"].sessions
    with sessions() as session:
        session.begin()
        run_on_driver(session, _INSERT, {"key": "twice"})
        with pytest.raises(IntegrityError):
            run_on_driver(session, _INSERT, {"key": "twice"})
        session.rollback()
        with session.begin():
            count = session.execute(text("SELECT count(*) FROM settings WHERE key = 'twice'"))
            assert count.scalar_one() == 0  # the first insert went with the failed transaction


def test_a_lost_connection_is_an_operational_error_and_is_not_reused(app) -> None:
    ctx = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        session.begin()
        [(pid,)] = run_on_driver(session, _PID)
        with ctx.engine.connect() as other:
            assert other.execute(_KILL, {"pid": pid}).scalar_one() is True
        with pytest.raises(OperationalError) as raised:
            run_on_driver(session, _PID)
        assert raised.value.connection_invalidated
        session.rollback()
    with ctx.sessions() as session, session.begin():
        [(fresh,)] = run_on_driver(session, _PID)
        assert fresh != pid  # the dead connection was dropped, not handed out again


_SETTING = text("SELECT current_setting('enable_seqscan'), current_setting('plan_cache_mode')")


def test_keyed_plans_hold_for_the_rest_of_their_transaction_and_no_longer(app) -> None:
    """``run_keyed`` turns sequential scans off and forces kept plans in its transaction
    only: a report on the same pooled connection afterwards plans as usual."""
    ctx = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        session.begin()
        [(pid,)], [before] = run_keyed(session, (_PID, {}), (_SETTING, {}))
        assert tuple(before) == ("off", "force_generic_plan")
        assert tuple(run_on_driver(session, _SETTING)[0]) == ("off", "force_generic_plan")
        session.commit()
        with session.begin():
            [after] = run_on_driver(session, _SETTING)
            [(same,)] = run_on_driver(session, _PID)
    assert same == pid  # the same connection, back to its defaults
    assert tuple(after) == ("on", "auto")


def test_a_lost_connection_in_keyed_statements_is_an_operational_error(app) -> None:
    ctx = app.extensions["tracetrack"]
    with ctx.sessions() as session:
        session.begin()
        [[(pid,)]] = run_keyed(session, (_PID, {}))
        with ctx.engine.connect() as other:
            assert other.execute(_KILL, {"pid": pid}).scalar_one() is True
        with pytest.raises(OperationalError) as raised:
            run_keyed(session, (_PID, {}))
        assert raised.value.connection_invalidated
        session.rollback()
