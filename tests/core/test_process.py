"""A long-running process's own settings, applied once it has started (station, workers)."""

from __future__ import annotations

import gc

from tracetrack_core import process


def test_once_started_the_station_freezes_what_it_loaded_and_collects_less_often() -> None:
    before = gc.get_threshold()
    try:
        tracked = len(gc.get_objects())
        process.settle_collector()
        assert gc.get_threshold() == process.GC_THRESHOLDS
        assert gc.get_freeze_count() >= tracked // 2  # start-up's objects: out of sight
        assert len(gc.get_objects()) < tracked // 2
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
