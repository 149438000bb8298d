"""Fixtures of the X-server suite: one Xvfb for the module, one station window per test."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.xserver.rig import XStation, have_x_tools, seed_station, xvfb

if not have_x_tools():
    if os.environ.get("CI"):
        raise RuntimeError("the X-server suite needs Xvfb and xdotool: .ci/run installs them")
    pytest.skip(
        "Xvfb and xdotool are not installed (apt install xvfb xdotool)", allow_module_level=True
    )


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    with xvfb() as name:
        yield name


StationFactory = Callable[..., XStation]


@pytest.fixture
def open_station(display: str, tmp_path: Path) -> Iterator[StationFactory]:
    """``open_station(stall_ms=0, config="", seeded=True)``: the real window on ``display``."""
    started: list[XStation] = []

    def start(stall_ms: int = 0, config: str = "", seeded: bool = True) -> XStation:
        data_dir = tmp_path / f"station{len(started)}"
        config_path = tmp_path / f"station{len(started)}.toml"
        if seeded:
            seed_station(data_dir, config_path, config)
        else:
            data_dir.mkdir()
            config_path.write_text("[ui]\nmuted = true\n" + config)
        station = XStation(display, data_dir, config_path, stall_ms=stall_ms, seeded=seeded)
        started.append(station)
        return station

    yield start
    for station in started:
        station.close()
