"""A private PostgreSQL primary and a streaming replica of it, made with PostgreSQL's own tools.

The primary is a cluster of its own (``initdb`` in a temporary directory, a free loopback
port), not the shared server at 5432: replication needs settings (``wal_level``,
``max_wal_senders``, ``pg_hba.conf``) a test must not change on a server others use. The
replica is ``pg_basebackup -R -X stream`` of it, started on another port. As root the tools run
as the ``postgres`` user (``initdb`` refuses root). Everything is stopped and removed by
:meth:`Replicated.close`.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.procs import free_port

PG_BIN = Path(os.environ.get("TRACETRACK_PG_BIN", "/usr/lib/postgresql/15/bin"))
USER = "tt"
DATABASE = "tracetrack"


def pg_tools_found() -> bool:
    return all((PG_BIN / tool).exists() for tool in ("initdb", "pg_ctl", "pg_basebackup"))


class Replicated:
    """The two clusters. ``primary_url`` and ``replica_url`` name the ``tracetrack`` database."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="tt-replica-"))
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
        self.primary_dir = self.root / "primary"
        self.replica_dir = self.root / "replica"
        self.primary_port = free_port()
        self.replica_port = free_port()
        self.primary_url = self._url(self.primary_port)
        self.replica_url = self._url(self.replica_port)
        self._started: list[Path] = []

    def _url(self, port: int) -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{port}/{DATABASE}"

    def _run(self, *args: str) -> None:
        command = [str(PG_BIN / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr[-2000:]}")

    def start(self) -> Replicated:
        """initdb, start the primary, make the database, base-back it up, start the replica."""
        self._run("initdb", "-D", str(self.primary_dir), "-U", USER, "--auth=trust", "-E", "UTF8")
        # initdb's pg_hba.conf already trusts replication connections from 127.0.0.1
        with (self.primary_dir / "postgresql.conf").open("a") as conf:
            conf.write(
                "listen_addresses = '127.0.0.1'\n"
                "wal_level = replica\nmax_wal_senders = 4\n"
                "fsync = off\nsynchronous_commit = off\n"
            )
        self.start_cluster(self.primary_dir, self.primary_port)
        self._run(
            "psql", "-h", "127.0.0.1", "-p", str(self.primary_port), "-U", USER, "-d",
            "postgres", "-qc", f"CREATE DATABASE {DATABASE}",
        )  # fmt: skip
        self._run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary_port), "-U", USER,
            "-D", str(self.replica_dir), "-R", "-X", "stream", "--checkpoint=fast",
        )  # fmt: skip
        self.start_cluster(self.replica_dir, self.replica_port)
        return self

    def start_cluster(self, data_dir: Path, port: int) -> None:
        self._run(
            "pg_ctl", "-D", str(data_dir), "-l", f"{data_dir}.log", "-w", "-t", "60",
            "-o", f"-p {port} -k {self.root}", "start",
        )  # fmt: skip
        if data_dir not in self._started:
            self._started.append(data_dir)

    def stop_cluster(self, data_dir: Path) -> None:
        self._run("pg_ctl", "-D", str(data_dir), "-m", "fast", "-w", "-t", "60", "stop")
        self._started.remove(data_dir)

    def start_replica(self) -> None:
        self.start_cluster(self.replica_dir, self.replica_port)

    def stop_replica(self) -> None:
        self.stop_cluster(self.replica_dir)

    def close(self) -> None:
        """Stop what runs (the replica first) and remove both clusters."""
        for data_dir in reversed(self._started):
            with contextlib.suppress(RuntimeError):  # already gone: the directory goes anyway
                self._run("pg_ctl", "-D", str(data_dir), "-m", "immediate", "-w", "stop")
        self._started.clear()
        shutil.rmtree(self.root, ignore_errors=True)
