"""Shared fixtures: a real PostgreSQL database per test session, the Flask app, a live server."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from werkzeug.serving import BaseWSGIServer, make_server

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.models import Base
from sync_server.db.schema import upgrade
from sync_server.db.session import make_engine
from tests.procs import ServerProcess
from tracetrack_desktop.pyside_fix import install_emit_refcount_fix

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The station's settings and data default to the user's platform dirs (platformdirs reads these
# on every call, and processes the tests start inherit them): a test that names no --config or
# --data-dir must neither write the real user's files nor read what an earlier run left there.
_USER_DIRS = Path(tempfile.mkdtemp(prefix="tt-test-user-"))
atexit.register(shutil.rmtree, _USER_DIRS, ignore_errors=True)
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_USER_DIRS / _name.lower())
# PySide6 6.12 loses a reference to True on every emit(); without the guard a long test run
# (thousands of scans) aborts the interpreter. See tracetrack_desktop/pyside_fix.py.
install_emit_refcount_fix()

ADMIN_URL = os.environ.get("TRACETRACK_TEST_PG", "postgresql+psycopg://root@127.0.0.1:5432/test")


def _admin_engine():  # type: ignore[no-untyped-def]
    # pre-ping: a fault test restarts PostgreSQL; pooled connections must not go stale
    return create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database at the current schema, dropped after the session."""
    name = f"tt_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def truncate_all(url: str) -> None:
    engine = make_engine(url)
    tables = [t.name for t in Base.metadata.sorted_tables if t.name != "feed_clock"]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(tables) + " RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                conn.execute(text(f"DELETE FROM {table}"))
        conn.execute(text("UPDATE feed_clock SET version = 0"))
    engine.dispose()


@pytest.fixture
def pg_db(pg_url: str) -> str:
    """The session database, emptied before the test."""
    truncate_all(pg_url)
    return pg_url


@pytest.fixture
def settings(pg_db: str) -> Settings:
    return Settings(database_url=pg_db)


@pytest.fixture
def app(settings: Settings):  # type: ignore[no-untyped-def]
    application = create_app(settings)
    yield application
    dispose_app(application)


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


@pytest.fixture
def live_server(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A real HTTP server on 127.0.0.1 (random port), serving the test app; yields its URL."""
    server: BaseWSGIServer = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def sqlite_settings(tmp_path) -> Settings:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'server.db'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return replace(Settings(), database_url=url)


@pytest.fixture
def server(pg_db: str) -> Iterator[ServerProcess]:
    """``tracetrack-server serve`` (gunicorn) on the session database, as a process."""
    proc = ServerProcess(pg_db).start()
    yield proc
    proc.stop()
