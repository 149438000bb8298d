"""TraceTrack sync server: takes event batches from stations exactly once and serves stats."""

__version__ = "0.1.0"
