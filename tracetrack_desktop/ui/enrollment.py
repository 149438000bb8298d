"""Trading an enrollment code for a station token, as a blocking call for a background thread.

The call returns an :class:`EnrollAnswer` instead of raising for the failures an operator can
fix (wrong code, server unreachable); the GUI thread then shows the message and, on success,
the composition root stores the token. Nothing here touches widgets.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from tracetrack_desktop.sync.client import RefusedError, SyncError, enroll


@dataclass(frozen=True)
class EnrollAnswer:
    """What an enrollment attempt came to."""

    ok: bool
    message: str
    server_url: str = ""
    station_id: str = ""
    token: str = field(default="", repr=False)


def enroll_station(
    url: str, code: str, hostname: str | None = None, *, ca_bundle: str | None = None
) -> EnrollAnswer:
    """``POST /api/v1/stations/enroll`` and explain the outcome in one sentence.

    Args:
        ca_bundle: the site's CA bundle (``[server] ca_bundle``); None: the system's.
    """
    try:
        result = enroll(url, code, hostname or socket.gethostname(), ca_bundle=ca_bundle)
    except RefusedError as exc:
        return EnrollAnswer(
            False,
            QCoreApplication.translate(
                "Enrollment",
                "The server refused the code ({reason}). Ask the admin for a new code.",
            ).format(reason=exc.message),
        )
    except SyncError as exc:
        return EnrollAnswer(
            False,
            QCoreApplication.translate(
                "Enrollment",
                "Could not reach the server ({reason}). Check the address and the network.",
            ).format(reason=exc),
        )
    return EnrollAnswer(
        True,
        QCoreApplication.translate(
            "Enrollment", "Enrolled as {station}. This station now syncs to {url}."
        ).format(station=result.station_id, url=url),
        url,
        result.station_id,
        result.token,
    )


Enroller = Callable[[str, str], EnrollAnswer]
