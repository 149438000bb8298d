"""The real station for the window's tests: the workflow on a SQLite store in the test's folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from tracetrack_desktop.ui.workflow_station import WorkflowStation, open_station

PASSWORD = "pw"
"""Every test operator's password."""

# the smallest argon2 cost, as in the feed fixtures: each login verifies at the hash's own cost
_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@contextmanager
def real_station(folder: Path, **roles: str) -> Iterator[WorkflowStation]:
    """A station whose operators (``name=role``) log in with :data:`PASSWORD`."""
    operators = {name: (PASSWORD, role) for name, role in roles.items()}
    station = open_station(folder / "station", operators, _HASHER.hash)
    try:
        yield station
    finally:
        station.store.close()


def station_fixture(**roles: str) -> Callable[..., object]:
    """A fixture with a fresh :func:`real_station` per test, named by what it is bound to:
    ``station = station_fixture(sam="admin")``."""

    @pytest.fixture
    def fixture(tmp_path: Path) -> Iterator[WorkflowStation]:
        with real_station(tmp_path, **roles) as station:
            yield station

    return fixture
