"""Fixtures the station's workflow tests share: an injected clock, a real SQLite store holding
the operators of ``tests/data/station/feed_users.json``, and a workflow on both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

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
