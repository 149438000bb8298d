"""Station sync layer."""
