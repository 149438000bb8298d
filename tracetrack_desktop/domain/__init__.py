"""Station domain layer."""
