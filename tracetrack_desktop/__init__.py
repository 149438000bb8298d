"""TraceTrack Station: the offline-first packing-station app."""

__version__ = "0.1.0"
