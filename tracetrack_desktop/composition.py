"""What the composition roots (``window.py``, ``headless.py``) build the same way (Qt-free).

Not a root itself: who the station is (:class:`Identity`, from the store and the keyring) and
how the sync worker opens its engine, with its HTTP client, in its own thread
(:func:`open_engine_factory`). The CLI's ``sync`` command uses both too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tracetrack_desktop.config import StationConfig, server_url_problem
from tracetrack_desktop.storage.store import LocalStore
from tracetrack_desktop.sync.client import SyncClient
from tracetrack_desktop.sync.engine import SyncEngine
from tracetrack_desktop.token_store import TokenStoreError, load_token


@dataclass(frozen=True)
class Identity:
    """An enrolled station: its id, the server it enrolled with, its token."""

    station_id: str
    server_url: str
    token: str = field(repr=False)


def station_identity(
    store: LocalStore, token_file: str | None = None, server: str | None = None
) -> Identity:
    """The enrolled identity, or raise :class:`TokenStoreError` with the fix.

    Args:
        server: if given, the station must be enrolled with this server.
    """
    station_id, enrolled_at = store.meta("station_id"), store.meta("server_url")
    if not station_id or not enrolled_at:
        raise TokenStoreError(
            "this station is not enrolled: run `tracetrack-station enroll --server URL CODE`"
        )
    if server and server.rstrip("/") != enrolled_at:
        raise TokenStoreError(
            f"this station is enrolled with {enrolled_at}, not {server}; enroll it again "
            "with the new server to move it"
        )
    token = load_token(station_id, token_file)
    if not token:
        raise TokenStoreError("no token for this station: enroll it again")
    return Identity(station_id, enrolled_at, token)


def server_refusal(identity: Identity, config: StationConfig) -> str | None:
    """Why this station may not sync with the server it enrolled with, if it may not: plain
    http:// to another machine without ``[server] allow_plain_http`` (a station enrolled so
    before the rule, or whose settings changed since)."""
    problem = server_url_problem(
        identity.server_url, allow_plain_http=config.server.allow_plain_http
    )
    return None if problem is None else f"not syncing with the enrolled server: {problem}"


def _client(identity: Identity, config: StationConfig) -> SyncClient:
    timeout = config.server.timeout_s
    return SyncClient(
        identity.server_url,
        identity.token,
        ca_bundle=config.server.ca_bundle,
        timeout=(min(5.0, timeout), timeout),
    )


class ServerRefusedError(Exception):
    """The station may not sync with the server it enrolled with (:func:`server_refusal`)."""


def open_engine_factory(
    data_dir: Path, identity: Identity, config: StationConfig
) -> Callable[[], tuple[SyncEngine, Callable[[], None]]]:
    """What the sync worker calls in its own thread: its own store connection and client.

    Raises:
        ServerRefusedError: at once, in the caller's thread: every way of syncing (the
            window, headless, ``tracetrack-station sync``) is held to the plain-http rule.
    """
    refusal = server_refusal(identity, config)
    if refusal:
        raise ServerRefusedError(refusal)

    def open_engine() -> tuple[SyncEngine, Callable[[], None]]:
        store = LocalStore(data_dir)
        client = _client(identity, config)

        engine = SyncEngine(
            store,
            client,
            identity.station_id,
            pull_every_s=config.server.sync_interval_s,  # uploads at once, pulls on the timer
            keep_delivered_days=config.server.keep_delivered_days,
        )

        def close() -> None:
            engine.close()
            client.close()
            store.close()

        return engine, close

    return open_engine


__all__ = [
    "Identity",
    "ServerRefusedError",
    "open_engine_factory",
    "server_refusal",
    "station_identity",
]
