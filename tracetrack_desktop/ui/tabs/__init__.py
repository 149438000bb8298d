"""Main window tabs, one per file."""
