"""Keyboard-wedge burst detection (Qt-free)."""
