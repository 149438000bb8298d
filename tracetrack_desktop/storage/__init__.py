"""Station storage layer."""
