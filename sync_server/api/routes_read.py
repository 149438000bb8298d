"""Read side: stats, stations, bags, bills (JSON and CSV)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("read", __name__, url_prefix="/api/v1")
