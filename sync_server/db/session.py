"""Engine and session factory for PostgreSQL (production) and SQLite (embedded)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Dialect, Engine, Select, TextClause, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql import ClauseElement


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, *, pool_size: int = 5) -> Engine:
    """Create an engine with the settings each backend needs.

    SQLite: WAL, a long busy timeout, and ``BEGIN IMMEDIATE`` so a writer takes the
    lock up front instead of failing half-way through a batch.

    PostgreSQL: no ping before each checkout (it cost every request two round trips). After
    a database restart the first request on a dead connection fails with 503 and
    ``Retry-After`` (stations retry), and SQLAlchemy then replaces every pooled connection
    older than the failure (tests/faults/test_process_faults.py restarts PostgreSQL).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        _configure_sqlite(engine)
        return engine
    return create_engine(
        url,
        pool_pre_ping=False,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_recycle=1800,
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def read_planned(
    session: Session, stmt: Select[Any] | TextClause, params: dict[str, Any] | None = None
) -> Sequence[Any]:
    """The rows of a read, planned for its own parameters every time on PostgreSQL.

    psycopg prepares a statement after it ran five times, and PostgreSQL may then keep a
    generic plan made while a table was nearly empty: on a fresh database the bag reads of
    every upload and pull kept scanning the whole ``bags`` table as it grew (many-stations
    benchmark: ~7,800 sequential scans a minute, latency climbing all run long). The reads
    whose best plan depends on a table's size go through here; the rest stay prepared.
    """
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return connection.execute(stmt, params).all()
    driver = connection.connection.driver_connection
    assert driver is not None
    threshold = driver.prepare_threshold
    driver.prepare_threshold = None  # psycopg neither prepares it nor uses a prepared copy
    try:
        return connection.execute(stmt, params).all()
    finally:
        driver.prepare_threshold = threshold


Write = Callable[[bytes], None]
"""Sends rows (COPY's text format) to the COPY in progress."""


@contextmanager
def copying(session: Session, sql: str) -> Iterator[Write]:
    """``COPY … FROM STDIN`` in the session's transaction (PostgreSQL only), fed as the caller
    goes: PostgreSQL stores each part while the caller works out the next. The block ends once
    all are stored; an error is raised by then, wrapped as SQLAlchemy wraps it (an
    ``IntegrityError`` for a key clash), so callers catch one kind."""
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    try:
        with driver.cursor() as cursor, cursor.copy(sql) as copy:
            yield copy.write
    except psycopg.Error as exc:
        raise DBAPIError.instance(
            sql, None, exc, psycopg.Error, dialect=session.get_bind().dialect
        ) from exc


class ConnectionLostError(Exception):
    """The pooled connection a driver-level read took was dead (it has been dropped)."""


@functools.lru_cache(maxsize=256)
def _compiled(stmt: ClauseElement, dialect: Dialect) -> tuple[str, dict[str, Any]]:
    """``stmt`` as the driver's SQL, and the values bound in it (statements given here are
    built once, so each is compiled once)."""
    compiled = stmt.compile(dialect=dialect)
    return str(compiled), dict(compiled.params)


def _driver_sql(
    stmt: ClauseElement, dialect: Dialect, params: Mapping[str, Any] | None
) -> tuple[str, dict[str, Any]]:
    """``stmt`` as the driver's SQL, and its values: those bound in it, then ``params``."""
    sql, bound = _compiled(stmt, dialect)
    return sql, {**bound, **params} if params else bound


def run_on_driver(
    session: Session,
    stmt: ClauseElement,
    params: Mapping[str, Any] | None = None,
    *,
    prepare: bool | None = None,
) -> list[Any]:
    """The rows of ``stmt`` run in the session's transaction straight through the driver
    (PostgreSQL; elsewhere through SQLAlchemy, unchanged), for the few statements every upload
    and pull makes: SQLAlchemy's work
    per statement (execution context, parameter processing, result wrapping) cost 3x the
    driver's own (measured: ~100 against ~35 us a statement). ``stmt`` must be built once
    (its SQL is compiled once and remembered). ``prepare``: psycopg's (None: after five runs;
    False: planned for its own parameters every time, for a read whose best plan depends on a
    table's size, as :func:`read_planned`).

    Errors are raised as SQLAlchemy raises them (``IntegrityError`` for a key clash,
    ``OperationalError`` for a lost connection, which is then dropped from the pool), so
    callers and the error handlers see one kind.
    """
    connection = session.connection()
    driver = connection.connection.driver_connection
    if not isinstance(driver, psycopg.Connection):  # the embedded SQLite
        return list(connection.execute(stmt, params))  # type: ignore[call-overload]
    sql, values = _driver_sql(stmt, connection.dialect, params)
    try:
        cursor = driver.execute(sql, values, prepare=prepare)
        return cursor.fetchall() if cursor.description is not None else []
    except psycopg.Error as exc:
        raise _as_sqlalchemy(exc, connection, sql, values) from exc


KEYED_PLANS = (
    "SELECT set_config('enable_seqscan', 'off', true),"
    " set_config('plan_cache_mode', 'force_generic_plan', true)"
)
"""For the rest of the transaction: sequential scans off, and one plan per prepared statement
for any parameters (:func:`run_keyed`)."""


def run_keyed(
    session: Session, *statements: tuple[ClauseElement, Mapping[str, Any]]
) -> list[list[Any]]:
    """The rows of each statement, run in order in the session's transaction in one round
    trip (psycopg's pipeline; PostgreSQL runs them one after the other, so each still sees
    what the one before it did), after :data:`KEYED_PLANS` for the rest of the transaction.
    Elsewhere (SQLite) each goes through SQLAlchemy.

    For the transactions every upload and pull makes, whose statements find every row by its
    key: psycopg prepares them, and PostgreSQL then keeps one generic plan per connection. Made
    while a new site's tables are tiny (and just analysed), that plan scanned ``bags`` and
    ``event_keys`` whole and kept doing so as they grew, until something analysed them again
    (``tests/server/test_hot_plans.py``). Planned with scans off, every plan is a key lookup
    at any size, and is made once per connection instead of on every call (a pull's planning
    had cost PostgreSQL three times its run, bench/NOTES.md). Statements as for
    :func:`run_on_driver`, with the same errors.
    """
    connection = session.connection()
    driver = connection.connection.driver_connection
    if not isinstance(driver, psycopg.Connection):  # the embedded SQLite
        return [list(connection.execute(stmt, params)) for stmt, params in statements]  # type: ignore[call-overload]
    runs = [_driver_sql(stmt, connection.dialect, params) for stmt, params in statements]
    try:
        with driver.pipeline():
            driver.execute(KEYED_PLANS)
            cursors = [driver.execute(sql, values) for sql, values in runs]
        return [c.fetchall() if c.description is not None else [] for c in cursors]
    except psycopg.Error as exc:
        together = "; ".join(sql for sql, _ in runs)
        raise _as_sqlalchemy(exc, connection, together, runs[-1][1]) from exc


def _as_sqlalchemy(
    exc: psycopg.Error, connection: Any, sql: str, values: Mapping[str, Any]
) -> StatementError:
    """``exc`` as SQLAlchemy would raise it; a lost connection is dropped from the pool."""
    lost = connection.dialect.is_disconnect(exc, connection.connection, None)
    if lost:
        connection.invalidate(exc)
    return DBAPIError.instance(
        sql,
        values,
        exc,
        psycopg.Error,
        dialect=connection.dialect,
        connection_invalidated=lost,
    )


def read_row_autocommit(
    session: Session, stmt: ClauseElement, params: Mapping[str, Any]
) -> Sequence[Any] | None:
    """The first row of a plain read, outside any transaction, straight through the driver
    (PostgreSQL only): one round trip and none of SQLAlchemy's statement handling. For the
    read every request makes before its real work (the token check), where a transaction of
    its own cost three round trips and ~4x the Python (500 stations: a fifth of the workers).

    ``stmt`` is a module-level statement (its SQL is compiled once) with named parameters.
    On a dead connection the connection is dropped from the pool and :class:`ConnectionLostError`
    is raised; the caller runs the read again through SQLAlchemy, which replaces every
    pooled connection older than the failure and raises its ``OperationalError`` (503) if
    the database is still away.
    """
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    sql, values = _driver_sql(stmt, engine.dialect, params)
    pooled = engine.raw_connection()
    try:
        driver = pooled.driver_connection
        assert isinstance(driver, psycopg.Connection)
        try:
            driver.autocommit = True  # no BEGIN / COMMIT around a single read
            return driver.execute(sql, values).fetchone()
        except psycopg.OperationalError as exc:
            pooled.invalidate(exc)
            raise ConnectionLostError(str(exc)) from exc
        finally:
            if not driver.closed:
                driver.autocommit = False
    finally:
        pooled.close()
