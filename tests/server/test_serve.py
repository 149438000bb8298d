"""``tracetrack-server serve``: gunicorn end to end on PostgreSQL, and the schema guard."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from sync_server import gunicorn_conf
from sync_server.cli import main

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]
ADMIN_URL = os.environ.get("TRACETRACK_TEST_PG", "postgresql+psycopg://root@127.0.0.1:5432/test")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _clean_env() -> dict[str, str]:
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TRACETRACK_") and k != "PROMETHEUS_MULTIPROC_DIR"
    }


@pytest.fixture
def empty_db() -> Iterator[str]:
    """A PostgreSQL database without the TraceTrack schema."""
    name = f"tt_empty_{uuid.uuid4().hex[:8]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_serve_refuses_an_unupgraded_database_until_db_upgrade(
    empty_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--database-url", empty_db, "serve", "--port", str(_free_port())])
    captured = capsys.readouterr()
    assert code == 1
    assert "tracetrack-server db upgrade" in captured.err
    assert captured.out == ""

    assert main(["--database-url", empty_db, "db", "status"]) == 1
    assert main(["--database-url", empty_db, "db", "upgrade"]) == 0
    assert main(["--database-url", empty_db, "db", "status"]) == 0
    assert "up to date" in capsys.readouterr().out.lower()


def _wait_ready(url: str, proc: subprocess.Popen[str]) -> requests.Response:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1]
        try:
            response = requests.get(f"{url}/readyz", timeout=2)
            if response.status_code == 200:
                return response
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    pytest.fail("the server did not become ready within 60 s")


@pytest.mark.slow
def test_serve_runs_gunicorn_and_stops_on_sigterm(pg_db: str) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [
            str(BIN / "tracetrack-server"),
            "--database-url",
            pg_db,
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
            "--threads",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_clean_env(),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        assert _wait_ready(url, proc).json() == {"status": "ok"}
        health = requests.get(f"{url}/healthz", timeout=5)
        assert health.status_code == 200
        assert health.json() == {"status": "ok"}
        for _ in range(4):  # spread over both workers; the metrics must add up across them
            requests.get(f"{url}/healthz", timeout=5)
        metrics = requests.get(f"{url}/metrics", timeout=5)
        assert metrics.status_code == 200
        assert metrics.headers["Content-Type"].startswith("text/plain")
        samples = [
            line
            for line in metrics.text.splitlines()
            if line.startswith("tracetrack_request_seconds_count") and 'endpoint="/healthz"' in line
        ]
        assert samples, metrics.text
        assert sum(float(line.rsplit(" ", 1)[1]) for line in samples) == 5
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            _out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise
    assert proc.returncode == 0, err
    assert "gthread" in err


def test_packaging_config_takes_its_values_from_sync_server(pg_db: str) -> None:
    env = {**_clean_env(), "TRACETRACK_DATABASE_URL": pg_db}
    done = subprocess.run(
        [
            str(BIN / "gunicorn"),
            "-c",
            str(ROOT / "packaging" / "gunicorn.conf.py"),
            "--print-config",
            "sync_server.wsgi:app",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    config = {
        key.strip(): value.strip()
        for key, _, value in (line.partition("=") for line in done.stdout.splitlines())
    }
    assert config["worker_class"] == "gthread"
    assert config["bind"] == "['127.0.0.1:8600']"
    assert config["max_requests"] == str(gunicorn_conf.MAX_REQUESTS)  # the one source of truth
    assert "child_exit" in config["child_exit"]


def test_a_started_worker_freezes_what_it_loaded_and_collects_less_often() -> None:
    """What a worker loaded is out of the collector's sight, and young objects are collected
    at ``GC_THRESHOLDS`` (a big upload's objects were walked ~26 times a batch at Python's
    defaults)."""
    import gc  # noqa: PLC0415 - only this test touches the collector

    before = gc.get_threshold()
    try:
        gc_objects = len(gc.get_objects())
        gunicorn_conf.post_worker_init(None)
        assert gc.get_threshold() == gunicorn_conf.GC_THRESHOLDS
        assert gc.get_freeze_count() >= gc_objects // 2
        assert len(gc.get_objects()) < gc_objects // 2
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
