"""Fixtures the station's tests share: an injected clock, a real SQLite store holding the
operators of ``tests/data/station/feed_users.json``, a workflow on both, and a working keyring
in memory (this machine has none)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from tests.desktop.test_workflow import FEED, Clock
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.storage.store import LocalStore


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[LocalStore]:
    local = LocalStore(tmp_path / "station", clock=clock)
    local.apply_changes(FEED["changes"], FEED["cursor"])
    yield local
    local.close()


@pytest.fixture
def wf(store: LocalStore, clock: Clock) -> StationWorkflow:
    return StationWorkflow(store, store.rules, clock)


class MemoryKeyring(KeyringBackend):
    """A working keyring held in memory (the test machine has no Secret Service)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)
