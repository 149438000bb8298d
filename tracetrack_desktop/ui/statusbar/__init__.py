"""Status bar widgets, one per file."""
