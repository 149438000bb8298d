"""The one reading of a time zone a request names (reports, exports, the end-of-day report)."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sync_server.services.errors import ServiceError


def zone(name: str | None) -> ZoneInfo:
    """The IANA zone ``name`` (None or empty: UTC), or a :class:`ServiceError` naming ``tz``."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ServiceError(
            f"Unknown time zone {name!r}; use an IANA name such as Asia/Kolkata.", field="tz"
        ) from exc
