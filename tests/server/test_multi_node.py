"""More than one app node (issue 20): two ``tracetrack-server serve`` processes, started as the
shipped systemd unit starts them, on different ports (standing for hosts) and one PostgreSQL
database, behind nginx running the shipped site with both as upstreams
(``tests/server/proxy_setup.py``). Each node names itself to PostgreSQL
(``application_name``), so the test can tell which node holds a request. Checked:

* stations and uploaders spread over both nodes: every event exactly once;
* ``after_event``: a batch at one node waits for its predecessor's at the other;
* the rate limit is one limit for a client whose requests alternate between the nodes;
* the changes feed: a cursor from one node, read at the other, misses and repeats nothing;
* a node killed with SIGKILL while it holds a batch (held mid-transaction by the test taking
  that station's lock), while uploaders are in full flow and two real stations scan: nginx
  sends that batch on to the other node, stations and uploaders retry, and in the end every
  event is on the server once, the stats recount right and every station's outbox is empty.
"""

from __future__ import annotations

import os
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from sync_server.app import create_app, dispose_app
from sync_server.config import Settings
from sync_server.db.models import Bag, Event
from tests.faults.recount import assert_consistent
from tests.procs import enrolled_station_id, server_admin, wait_for
from tests.server.factories import batch, children, event, make_station
from tests.server.proxy_setup import Nginx, UnitServer, require_nginx, write_certificate
from tests.server.test_nginx_proxy import Line, Proxied
from tracetrack_desktop.storage.store import LocalStore

pytestmark = [
    pytest.mark.timeout(300),
    pytest.mark.skipif(os.name != "posix", reason="nginx, gunicorn and ptys are POSIX here"),
]

require_nginx()

NODES = 2
ANSWER_TIMEOUT = 30.0
RETRIED = {408, 409, 429, 500, 502, 503, 504}  # what a station sends again (PROTOCOL.md)
EVENTS = "/api/v1/sync/events"


@dataclass
class Cluster(Proxied):
    """The single-node proxy test's set-up (its stations, ``Line``, run on it), with every
    node; ``server`` is the first."""

    nodes: list[UnitServer] = field(default_factory=list)

    def upstreams(self) -> list[str]:
        """Each request's upstream list in nginx's log ("a, b": tried a, then b)."""
        return [r["upstream"] for r in self.log()]

    def station(self, name: str) -> tuple[str, str]:
        with self.app.extensions["tracetrack"].sessions() as session:
            return make_station(session, name)


def _start(pg_db: str, tmp: Path, env: dict[str, str]) -> Cluster:
    cert, key = write_certificate(tmp)
    nodes: list[UnitServer] = []
    for n in range(NODES):
        # the node's name in pg_stat_activity: which node holds a waiting batch
        url = make_url(pg_db).update_query_dict({"application_name": f"tt-node-{n}"})
        node = UnitServer(url.render_as_string(hide_password=False), tmp / f"run{n}")
        node.env.update(env)
        nodes.append(node)
    nginx = Nginx(tmp / "nginx", [node.port for node in nodes], cert, key)
    app = create_app(Settings(database_url=pg_db))
    cluster = Cluster(pg_db, app, nodes[0], nginx, cert, tmp, nodes)
    try:
        for node in nodes:
            node.start()
        nginx.start()
    except BaseException:
        _stop(cluster)
        raise
    return cluster


def _stop(cluster: Cluster) -> None:
    cluster.nginx.stop()
    for node in cluster.nodes:
        node.stop()
    dispose_app(cluster.app)


@pytest.fixture
def cluster(pg_db: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Cluster]:
    made = _start(pg_db, tmp_path, getattr(request, "param", {}))
    try:
        yield made
    finally:
        _stop(made)


def _post(session: requests.Session, url: str, body: dict[str, Any], cert: Path | None) -> Any:
    return session.post(url, json=body, verify=str(cert) if cert else True, timeout=ANSWER_TIMEOUT)


def _stored(cluster: Cluster) -> int:
    with cluster.app.extensions["tracetrack"].sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Event)) or 0)


# --- exactly once, ordering ------------------------------------------------------------------


def _uploader(
    cluster: Cluster, tag: str, station_id: str, token: str, go_on: Callable[[int], bool]
) -> Callable[[], set[str]]:
    """A station's uploads as its sync worker makes them: each batch sent again until it is
    answered, on any failure the protocol says to retry, until ``go_on(batches sent)`` is
    false. Returns the ids sent; every event must be answered ``accepted``, or ``duplicate``
    of an accepted first try (applied by a node that died before its answer got out)."""

    def upload() -> set[str]:
        sent: set[str] = set()
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {token}"
            n = 0
            while go_on(n):
                parent = f"SB{tag}{n:03d}"
                events = [event("parent_scan", parent)] + [
                    event("child_link", kid, parent=parent)
                    for kid in children(29, prefix=f"M{tag}{n:03d}")
                ]
                for _ in range(60):
                    try:
                        reply = _post(session, cluster.url + EVENTS, batch(station_id, events),
                                      cluster.cert)  # fmt: skip
                    except requests.RequestException:
                        time.sleep(0.2)
                        continue
                    if reply.status_code in RETRIED:
                        time.sleep(0.2)
                        continue
                    assert reply.status_code == 200, reply.text
                    for result in reply.json()["results"]:
                        # duplicate: an earlier try was applied (by a node that died before
                        # answering, whose request nginx sent on): its outcome is the same
                        outcome = result.get("detail", {}).get("original", result)
                        assert outcome["status"] == "accepted", reply.text
                    break
                else:
                    raise AssertionError(f"batch {n} of {tag} never answered")
                sent |= {e["id"] for e in events}
                n += 1
        return sent

    return upload


class Jobs:
    """Functions run on threads; ``results()`` raises the first one's failure."""

    def __init__(self, jobs: list[Callable[[], Any]]) -> None:
        self.outcomes: dict[int, Any] = {}
        self.threads = [
            threading.Thread(target=self._run, args=(n, job), daemon=True)
            for n, job in enumerate(jobs)
        ]
        for thread in self.threads:
            thread.start()

    def _run(self, n: int, job: Callable[[], Any]) -> None:
        try:
            self.outcomes[n] = job()
        except BaseException as exc:
            self.outcomes[n] = exc

    def results(self, timeout: float = 180.0) -> list[Any]:
        for thread in self.threads:
            thread.join(timeout)
        out = []
        for n in range(len(self.threads)):
            outcome = self.outcomes.get(n, AssertionError("never finished"))
            if isinstance(outcome, BaseException):
                raise AssertionError(f"job {n} failed: {outcome!r}") from outcome
            out.append(outcome)
        return out


def _drained_once(cluster: Cluster, lines: list[Line]) -> None:
    """Each station's outbox empties and stops; its events are on the server once each, and
    the stats recount from the event log (tests/faults/recount.py)."""
    for line in lines:
        wait_for(line.drained, "a station's outbox to empty through nginx", timeout=120)
        assert line.proc.terminate() == 0
    stores = {enrolled_station_id(line.data): LocalStore(line.data) for line in lines}
    try:
        assert_consistent(cluster.app, stores)
    finally:
        for store in stores.values():
            store.close()


def test_stations_and_uploaders_over_both_nodes_apply_every_event_once(
    cluster: Cluster,
) -> None:
    server_admin(cluster.db, "user", "add", "ravi", "--role", "dispatcher", "--password-stdin",
                 stdin="ravi-secret-1\n")  # fmt: skip
    uploaders = [cluster.station(f"Uploader {n}") for n in range(4)]
    lines = [Line(cluster, n) for n in range(2)]
    try:
        for line in lines:
            line.proc.start()
        jobs = Jobs(
            [
                _uploader(cluster, f"{n}0", sid, tok, lambda sent: sent < 5)
                for n, (sid, tok) in enumerate(uploaders)
            ]
        )
        scans = 0
        for n, line in enumerate(lines):
            codes = [f"SB{n:03d}99"] + [f"S{n}{c:05d}" for c in range(20)]
            line.scan(codes)
            scans += len(codes)
        sent = set().union(*jobs.results())
        _drained_once(cluster, lines)
    finally:
        for line in lines:
            line.close()
    assert _stored(cluster) == len(sent) + scans
    served = {u for u in cluster.upstreams() if u}
    assert {f"127.0.0.1:{node.port}" for node in cluster.nodes} <= served, served


def test_a_batch_at_one_node_waits_for_its_predecessor_at_the_other(cluster: Cluster) -> None:
    station_id, token = cluster.station("Line 1")
    a, b = (node.url + EVENTS for node in cluster.nodes)
    first = [event("parent_scan", "SB00001")]
    second = [event("child_link", kid, parent="SB00001") for kid in children(5, prefix="K")]
    ahead = {"after_event": first[-1]["id"]}
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {token}"
        # Alone, the later batch is refused whole at node B: its predecessor is nowhere.
        early = _post(session, b, batch(station_id, second, **ahead), None)
        assert early.status_code == 409, early.text
        assert early.json()["error"]["code"] == "out_of_order"
        assert _stored(cluster) == 0
        # Sent while its predecessor goes to node A: B applies it after A's commit.
        later = Jobs([lambda: _send(token, b, batch(station_id, second, **ahead))])
        assert _post(session, a, batch(station_id, first), None).status_code == 200
        (reply,) = later.results()
        if reply.status_code == 409:  # the wait ran out first: the station sends it again
            reply = _send(token, b, batch(station_id, second, **ahead))
        assert reply.status_code == 200, reply.text
        assert [r["status"] for r in reply.json()["results"]] == ["accepted"] * len(second)
    with cluster.app.extensions["tracetrack"].sessions() as session:
        parent = session.get(Bag, "SB00001")
        assert parent is not None
        assert parent.child_count == len(second)


def _send(token: str, url: str, body: dict[str, Any]) -> Any:
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {token}"
        return _post(session, url, body, None)


# --- rate limit, changes feed -----------------------------------------------------------------

LIMIT = 40
EXACT = {  # every request counted in PostgreSQL: exact, so a test can count on it
    "TRACETRACK_RATE_LIMIT_PER_MINUTE": str(LIMIT),
    "TRACETRACK_RATE_LIMIT_SYNC_SECONDS": "0",
}


@pytest.mark.parametrize("cluster", [EXACT], indirect=True)
def test_the_rate_limit_is_one_limit_across_nodes(cluster: Cluster) -> None:
    """Counted in PostgreSQL by every worker of both nodes (by default each counts alone
    below half the limit and shares its counts once a second: ``db/rate_window.py``)."""
    station_id, token = cluster.station("Line 1")
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {token}"
        codes = [_post(session, cluster.url + EVENTS, batch(station_id, []), cluster.cert)
                 for _ in range(LIMIT + 5)]  # fmt: skip
    assert [c.status_code for c in codes] == [200] * LIMIT + [429] * 5
    assert int(codes[-1].headers["Retry-After"]) >= 1
    answered_by = [u for u in cluster.upstreams() if u]
    for node in cluster.nodes:  # each node alone saw fewer than LIMIT of them
        assert 0 < answered_by.count(f"127.0.0.1:{node.port}") < LIMIT


def test_a_cursor_from_one_node_reads_right_at_the_other(cluster: Cluster) -> None:
    writer, writer_token = cluster.station("Line 1")
    _, reader_token = cluster.station("Line 2")
    a, b = cluster.nodes

    def upload(node: UnitServer, parents: range) -> set[str]:
        events = [event("parent_scan", f"SB{p:05d}") for p in parents]
        reply = _send(writer_token, node.url + EVENTS, batch(writer, events))
        assert reply.status_code == 200, reply.text
        return {f"SB{p:05d}" for p in parents}

    def pull(node: UnitServer, since: str | None) -> tuple[list[str], str]:
        """Every page from ``since``, alternating nodes page by page; (bag keys, cursor)."""
        keys: list[str] = []
        nodes = [node, b if node is a else a]
        pages = 0
        while True:
            at = nodes[pages % 2]
            query = f"?limit=7{f'&since={since}' if since else ''}"
            reply = requests.get(f"{at.url}/api/v1/sync/changes{query}",
                                 headers={"Authorization": f"Bearer {reader_token}"},
                                 timeout=ANSWER_TIMEOUT)  # fmt: skip
            assert reply.status_code == 200, reply.text
            body = reply.json()
            keys += [c["key"] for c in body["changes"] if c["kind"] == "bag"]
            since, pages = body["cursor"], pages + 1
            if not body["more"]:
                return keys, since

    def pull_until(node: UnitServer, since: str | None, want: set[str]) -> tuple[list[str], str]:
        """Pulls from ``node`` until every bag of ``want`` came: the feed may lag a moment
        while another test's transaction runs in the cluster, never skip (a minute at most)."""
        keys: list[str] = []
        cursor = since

        def arrived() -> bool:
            nonlocal cursor
            more, cursor = pull(node, cursor)
            keys.extend(more)
            return want <= set(keys)

        wait_for(arrived, f"the bags {sorted(want)}", timeout=60, every=0.05)
        assert cursor is not None
        return keys, cursor

    expected = upload(a, range(0, 20)) | upload(b, range(20, 30))
    keys, cursor = pull_until(b, None, expected)
    assert sorted(keys) == sorted(expected)  # every bag once, across pages from both nodes
    newer = upload(b, range(30, 45))
    keys, cursor = pull_until(a, cursor, newer)
    assert sorted(keys) == sorted(newer)
    assert pull(b, cursor)[0] == []


# --- a node killed mid-batch ----------------------------------------------------------------


def _station_lock_key(station_id: str) -> int:
    """The key of the advisory lock a batch of this station takes first (db/ingest_pg.py)."""
    return zlib.crc32(station_id.encode()) & 0x7FFFFFFF


def _waiting_node(conn: psycopg.Connection[Any]) -> str | None:
    """The node whose batch waits for a lock the test holds, if any (``conn`` in autocommit:
    a transaction sees one snapshot of pg_stat_activity)."""
    row = conn.execute(
        "SELECT application_name FROM pg_stat_activity WHERE datname = current_database()"
        " AND wait_event_type = 'Lock' AND application_name LIKE 'tt-node-%' LIMIT 1"
    ).fetchone()
    return None if row is None else str(row[0])  # tt-node-N


def test_a_node_killed_mid_batch_loses_nothing(cluster: Cluster) -> None:
    server_admin(cluster.db, "user", "add", "ravi", "--role", "dispatcher", "--password-stdin",
                 stdin="ravi-secret-1\n")  # fmt: skip
    lines = [Line(cluster, n) for n in range(2)]
    uploaders = [cluster.station(f"Uploader {n}") for n in range(3)]
    killed = threading.Event()
    after_kill: dict[int, int] = {}

    def go_on(n: int, who: int) -> bool:
        """Upload until three batches after the kill (the burst runs through it)."""
        if not killed.is_set():
            return n < 500
        start = after_kill.setdefault(who, n)
        return n < start + 3

    dsn = make_url(cluster.db).set(drivername="postgresql").render_as_string(hide_password=False)
    holder = psycopg.connect(dsn)
    watcher = psycopg.connect(dsn, autocommit=True)
    try:
        for line in lines:
            line.proc.start()
        first, second = lines
        first.scan(["SB00700", "P0070001"])  # a reply says after_event is honoured: it pipelines
        wait_for(first.drained, "the first station's first upload")
        # Hold the first uploader's lock: its next batch stops inside its transaction.
        held_id, _ = uploaders[0]
        holder.execute("SELECT pg_advisory_xact_lock(1, %s)", (_station_lock_key(held_id),))
        jobs = Jobs(
            [
                _uploader(cluster, f"{n}7", sid, tok, lambda sent, who=n: go_on(sent, who))
                for n, (sid, tok) in enumerate(uploaders)
            ]
        )
        scans = 2
        codes = [f"P007{c:04d}" for c in range(2, 12)]
        first.scan(codes)
        scans += len(codes)
        holding = wait_for(lambda: _waiting_node(watcher), "a node to hold the held batch")
        victim = int(holding.rsplit("-", 1)[1])
        cluster.nodes[victim].kill()  # SIGKILL, master and workers, mid-transaction
        killed.set()
        codes = [f"P007{c:04d}" for c in range(12, 25)]
        first.scan(codes)
        second.scan(["SB00800"] + [f"P008{c:04d}" for c in range(10)])
        scans += len(codes) + 11
        holder.rollback()  # the held batch goes on at the live node (nginx sent it there)
        sent = set().union(*jobs.results())
        _drained_once(cluster, lines)
    finally:
        holder.close()
        watcher.close()
        for line in lines:
            line.close()
    assert _stored(cluster) == len(sent) + scans
    live = f"127.0.0.1:{cluster.nodes[1 - victim].port}"
    retried = [u for u in cluster.upstreams() if ", " in u]
    assert any(u.endswith(live) for u in retried), "no request went on to the node left"
