"""Station ui layer."""
