"""Scanner text decoding (Qt-free)."""
