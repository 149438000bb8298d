"""Settings of the station's own process, applied once it has started (Qt-free)."""

from __future__ import annotations

import gc

GC_THRESHOLDS = (50_000, 20, 100)
"""The garbage collector's thresholds once the station runs (Python's defaults: 700, 10, 10).
A 2,000-event sync round keeps ~10,000 objects alive while it is read, sent and settled; at
the defaults the collector walked them dozens of times a round (~15 % of the station's CPU in
a backlog drain, bench/NOTES.md), and a full collection walks everything the process holds,
which pauses whatever thread is running then (the window's, mid-scan). Objects that form no
cycle are freed at once either way; these thresholds only let cyclic garbage wait longer."""


def settle_collector() -> None:
    """Once start-up is done: move what it loaded out of the collector's sight (a full
    collection then walks only what the station made since) and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
