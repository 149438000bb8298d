"""Station scanner layer."""
