"""A PostgreSQL database of a test's own (a restore needs nobody else connected to it), and a
Flask app served on a fixed loopback port (so it can be stopped and served again there)."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from werkzeug.serving import make_server

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.schema import upgrade
from sync_server.db.session import make_engine

ADMIN_URL = os.environ.get("TRACETRACK_TEST_PG", "postgresql+psycopg://root@127.0.0.1:5432/test")


@contextmanager
def fresh_database(prefix: str = "tt_own", revision: str = "head") -> Iterator[str]:
    """A new database at ``revision``, dropped (even if still connected) afterwards."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        engine = make_engine(url)
        upgrade(engine, revision)
        engine.dispose()
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def served(url: str, port: int) -> Iterator[Any]:
    """The app on ``url``'s database at 127.0.0.1:``port``; its pool is closed afterwards."""
    app = create_app(Settings(database_url=url))
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        dispose_app(app)
