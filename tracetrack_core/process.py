"""Settings of a long-running process (the station, a server worker), applied once it has
started."""

from __future__ import annotations

import gc

GC_THRESHOLDS = (50_000, 20, 100)
"""The garbage collector's thresholds once a process runs (Python's defaults: 700, 10, 10).
A 2,000-event batch keeps its objects alive while it is worked out (~60,000 in a server
worker, ~10,000 in the station's sync round); at the defaults the collector walked them
dozens of times a batch (~12 of ~55 ms of a worker's Python; ~15 % of the station's CPU in a
backlog drain, bench/NOTES.md), and a full collection walks everything the process holds,
pausing whatever thread runs then (the window's, mid-scan). Objects that form no cycle are
freed at once either way; these thresholds only let cyclic garbage wait longer."""


def settle_collector() -> None:
    """Once start-up is done: move what it loaded out of the collector's sight (a full
    collection then walks only what the process made since) and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
