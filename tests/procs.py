"""Real processes for end-to-end and fault tests: the sync server and the headless station.

``ServerProcess`` runs ``tracetrack-server serve`` (gunicorn) on a PostgreSQL database and a
fixed loopback port, so it can be killed and brought back at the same address.
``StationProcess`` runs ``tracetrack-station --headless`` reading a serial scanner on a
pseudo-terminal this test owns; its stdout (one JSON line per outcome) is read by a thread.
``SlowClient`` is an attacker's connection that sends its request one byte a second, and
``enrolled_station_id`` reads the id a station was enrolled with from its data folder.
Everything binds to 127.0.0.1 (or another loopback address) and every wait has a deadline.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import select
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import tty
from pathlib import Path
from typing import Any

import requests

from tracetrack_desktop.storage.store import LocalStore

BIN = Path(sys.executable).parent
WAIT_S = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TRACETRACK_") and k != "PROMETHEUS_MULTIPROC_DIR"
    }
    env.update(extra)
    return env


def wait_for(predicate: Any, what: str, timeout: float = WAIT_S, every: float = 0.1) -> Any:
    """Poll ``predicate`` until it returns something truthy; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class ServerProcess:
    """``tracetrack-server serve`` on ``database_url`` at a fixed 127.0.0.1 port."""

    def __init__(
        self,
        database_url: str,
        port: int | None = None,
        workers: int | None = 1,
        threads: int | None = None,
    ) -> None:
        self.database_url = database_url
        self.port_chosen = port is None  # ours to change until the server first listens
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.threads = threads
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = b""

    def start(self) -> ServerProcess:
        for _ in range(3):
            try:
                self._start()
            except AssertionError:
                # a free port found by free_port() can be taken by another test's process
                # before the server binds it: then (and only then) try another
                if not (self.port_chosen and b"Address already in use" in self.log):
                    raise
                self.port = free_port()
                self.url = f"http://127.0.0.1:{self.port}"
                continue
            self.port_chosen = False  # restarts keep the address the stations know
            return self
        raise AssertionError(f"no free port for the server: {self.log[-2000:]!r}")

    def _start(self) -> None:
        cmd = [str(BIN / "tracetrack-server"), "--database-url", self.database_url, "serve"]
        cmd += ["--host", "127.0.0.1", "--port", str(self.port)]
        if self.workers is not None:  # None: serve's own default (one per core)
            cmd += ["--workers", str(self.workers)]
        if self.threads is not None:
            cmd += ["--threads", str(self.threads)]
        with tempfile.TemporaryFile() as log:
            self.proc = subprocess.Popen(
                cmd,
                env=clean_env(),
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,  # its own process group: kill() takes the workers too
            )
            try:
                wait_for(self.ready, f"the server at {self.url}")
            except AssertionError as exc:
                log.seek(0)
                self.log = log.read()
                raise AssertionError(f"{exc}; its log: {self.log[-2000:]!r}") from None

    def kill(self) -> None:
        """SIGKILL the master and every worker at once (a power cut, an OOM kill)."""
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.proc = None

    def ready(self) -> bool:
        if self.proc is None or self.proc.poll() is not None:
            raise AssertionError("the server process is not running")
        try:
            return requests.get(f"{self.url}/readyz", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)  # the workers too, not only the master
                self.proc.wait(timeout=10)
        self.proc = None


class Pty:
    """A pseudo-terminal: the station opens ``path`` as its serial port, we write to it."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.master)
        self.path = os.ttyname(self.slave)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def close(self) -> None:
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


class StationProcess:
    """``tracetrack-station --headless`` with its outcome lines collected by a thread."""

    def __init__(
        self,
        data_dir: Path,
        token_file: Path,
        serial_path: str,
        operator: str,
        server: str | None = None,
        config: Path | None = None,
    ) -> None:
        self.args = ["--data-dir", str(data_dir), "--insecure-token-file", str(token_file)]
        if config is not None:
            self.args += ["--config", str(config)]
        self.args += ["--headless", "--serial", serial_path, "--operator", operator]
        if server:
            self.args += ["--server", server]
        self.lines: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self.proc: subprocess.Popen[bytes] | None = None
        self.stderr = b""

    def command(self) -> list[str]:
        """The program and its arguments (``tests/bundle`` runs the built bundle instead)."""
        return [str(BIN / "tracetrack-station"), *self.args]

    def env(self) -> dict[str, str]:
        return clean_env(QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="")

    def start(self) -> StationProcess:
        self.proc = subprocess.Popen(
            self.command(),
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.threads = [
            threading.Thread(target=self._read, daemon=True),
            threading.Thread(target=self._drain_stderr, daemon=True),
        ]
        for thread in self.threads:
            thread.start()
        self.expect("started")
        self.expect("scanner", lambda line: line.get("state") == "connected")
        return self

    def _read(self) -> None:
        assert self.proc is not None
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            try:
                self.lines.put(json.loads(raw))
            except ValueError:
                continue

    def _drain_stderr(self) -> None:
        assert self.proc is not None
        assert self.proc.stderr is not None
        self.stderr = self.proc.stderr.read()

    def expect(self, kind: str, match: Any = None, timeout: float = WAIT_S) -> dict[str, Any]:
        """The next line of ``kind`` (satisfying ``match``); earlier lines are kept in seen."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(
                    f"no {kind!r} line within {timeout:.0f} s; stderr: {self.stderr[-2000:]!r}"
                )
            try:
                line = self.lines.get(timeout=min(left, 0.5))
            except queue.Empty:
                if self.proc is not None and self.proc.poll() is not None and self.lines.empty():
                    raise AssertionError(
                        f"the station exited ({self.proc.returncode}) before a {kind!r} line; "
                        f"stderr: {self.stderr[-2000:]!r}"
                    ) from None
                continue
            self.seen.append(line)
            if line.get("kind") == kind and (match is None or match(line)):
                return line

    def confirmed(self) -> list[dict[str, Any]]:
        """Every scan line with ``recorded: true`` so far, including lines still in the pipe
        (after a kill, everything the station wrote before it died)."""
        while True:
            try:
                self.seen.append(self.lines.get_nowait())
            except queue.Empty:
                break
        return [line for line in self.seen if line.get("kind") == "scan" and line.get("recorded")]

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind runs in the station."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._close_pipes()

    def terminate(self) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=60)
        self._close_pipes()
        return code

    def _close_pipes(self) -> None:
        """After exit: let the readers reach end of file, then close the pipes."""
        assert self.proc is not None
        for thread in self.threads:
            thread.join(timeout=10)
        for pipe in (self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                pipe.close()

    def ensure_stopped(self) -> None:
        """For fixtures: kill the process if a failed test left it running."""
        if self.proc is not None and self.proc.poll() is None:
            self.kill()


def server_admin(db: str, *args: str, stdin: str | None = None) -> Any:
    """``tracetrack-server --database-url DB ARGS --json``, parsed; fails the test on error."""
    done = subprocess.run(  # our own entry point
        [str(BIN / "tracetrack-server"), "--database-url", db, *args, "--json"],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        env=clean_env(),
    )
    return json.loads(done.stdout)


def station_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``tracetrack-station ARGS`` as a user would run it."""
    return subprocess.run(  # our own entry point
        [str(BIN / "tracetrack-station"), *args],
        capture_output=True,
        check=False,
        text=True,
        env=clean_env(QT_QPA_PLATFORM="offscreen"),
        timeout=120,
    )


def enrolled_station_id(data: Path) -> str:
    """The id the station whose data folder is ``data`` was enrolled with."""
    store = LocalStore(data)
    try:
        value = store.meta("station_id")
    finally:
        store.close()
    assert value is not None
    return value


class SlowClient(threading.Thread):
    """A client from loopback address ``source`` that sends ``head`` and then ``body`` one byte
    a second (over TLS if given ``tls``), stopping after ``stall_after`` bytes of it if given;
    it reconnects whenever the server cuts it off, until ``stop`` is set."""

    def __init__(
        self,
        port: int,
        head: bytes,
        body: bytes,
        stop: threading.Event,
        *,
        source: str = "127.0.0.1",
        tls: ssl.SSLContext | None = None,
        stall_after: int | None = None,
    ) -> None:
        super().__init__(daemon=True)
        self.port, self.source, self.tls = port, source, tls
        self.head, self.body, self.stop, self.stall_after = head, body, stop, stall_after
        self.cut_off: list[bytes] = []  # what the server said each time it dropped us
        self.holding = threading.Event()  # set once a connection has sent a slow byte
        self.finished = False  # sent its whole request: nobody stopped it
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                self._one_connection()
        except BaseException as exc:
            self.error = exc

    def _one_connection(self) -> None:
        raw = socket.create_connection(
            ("127.0.0.1", self.port), timeout=10, source_address=(self.source, 0)
        )
        sock = raw if self.tls is None else self.tls.wrap_socket(raw, server_hostname="127.0.0.1")
        with sock:
            sock.sendall(self.head)
            limit = len(self.body) if self.stall_after is None else self.stall_after
            sent = 0
            while sent < len(self.body):
                # Wait a second for the server to speak (it may only refuse or close), then
                # send the next byte: one byte a second, and the cut seen at once.
                readable, _, _ = select.select([sock], [], [], 1.0)
                if readable:
                    answer = _answer_so_far(sock)
                    if answer is not None:
                        self.cut_off.append(answer)
                        return
                if self.stop.is_set():
                    return
                if sent < limit:
                    try:
                        sock.sendall(self.body[sent : sent + 1])
                    except OSError:
                        self.cut_off.append(b"")
                        return
                    sent += 1
                    self.holding.set()
            self.finished = True


def _answer_so_far(sock: socket.socket) -> bytes | None:
    """What the server said before closing (b"" for nothing), or None when what arrived was
    only TLS's own business (TLS 1.3 sends session tickets after the handshake)."""
    sock.settimeout(0.0)
    try:
        first = sock.recv(4096)
    except ssl.SSLWantReadError:
        return None
    except OSError:
        return b""
    finally:
        sock.settimeout(10)
    return first + _read_until_closed(sock) if first else b""


def _read_until_closed(sock: socket.socket) -> bytes:
    answer = b""
    try:
        while chunk := sock.recv(4096):
            answer += chunk
    except OSError:
        pass  # reset, the timeout, or a close without TLS's goodbye (ssl.SSLError)
    return answer
