"""The server's admin HTTP API (docs/api.md "Admin"), one blocking call at a time.

:class:`AdminClient` is called off the GUI thread (``admin_controller.py`` runs each call in a
:class:`~tracetrack_desktop.ui.background.BackgroundCall`); it never raises for what a server or
a network can do: every call ends in an :class:`AdminAnswer`, an error carrying the server's own
code and one-line message. Each call opens its own :class:`StationSession` (the site's CA bundle,
the station's User-Agent), so calls running at once never share a ``requests.Session``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import requests

from tracetrack_desktop.sync.client import StationSession

DEFAULT_TIMEOUT = (3.0, 15.0)
"""Connect and read timeouts: a hung server costs an admin seconds, never the window."""

UNREACHABLE = 0
"""The :attr:`AdminAnswer.status` of a call that got no HTTP answer at all."""


def segment(value: str) -> str:
    """``value`` as one path segment (a username or an area may hold ``/`` or spaces)."""
    return quote(value, safe="")


@dataclass(frozen=True)
class AdminRequest:
    """One call of the admin API, as a page asks for it.

    Attributes:
        purpose: what the page wants it for; the answer is handed back with the request.
        method: the HTTP method.
        path: under the server's URL, e.g. ``/api/v1/admin/users``.
        body: the JSON body, if any.
        params: query parameters, if any.
    """

    purpose: str
    method: str
    path: str
    body: Any = None
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AdminAnswer:
    """What came back: the status (:data:`UNREACHABLE`: none), the JSON body, and for an error
    the server's code and message."""

    status: int
    body: Any = None
    code: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def unreachable(self) -> bool:
        return self.status == UNREACHABLE

    def field(self, name: str) -> Any:
        """One top-level field of the JSON body (None if the body is not an object)."""
        return self.body.get(name) if isinstance(self.body, Mapping) else None


def answer_from(response: requests.Response) -> AdminAnswer:
    try:
        body = response.json() if response.content else None
    except ValueError:
        body = None
    if 200 <= response.status_code < 300:
        return AdminAnswer(response.status_code, body)
    error = body.get("error") if isinstance(body, Mapping) else None
    if isinstance(error, Mapping):
        message = str(error.get("message") or "")
        return AdminAnswer(response.status_code, body, str(error.get("code") or ""), message)
    # not the API's error shape (a proxy's page, a crash): say what little is known
    return AdminAnswer(
        response.status_code, body, "http_error", f"The server answered {response.status_code}."
    )


class AdminClient:
    """Calls the admin API of the server at ``base_url``.

    Args:
        base_url: the server the station enrolled with.
        ca_bundle: the site's CA bundle (``[server] ca_bundle``); None: the system's.
        timeout: connect and read timeouts in seconds.
    """

    def __init__(
        self,
        base_url: str,
        ca_bundle: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.ca_bundle = ca_bundle
        self.timeout = timeout

    def call(self, request: AdminRequest, session_token: str | None) -> AdminAnswer:
        """Make ``request`` with the operator's session (None: without one, as login)."""
        with StationSession(self.ca_bundle) as http:
            http.headers["Accept"] = "application/json"
            if session_token:
                http.headers["Authorization"] = f"Bearer {session_token}"
            try:
                response = http.request(
                    request.method,
                    self.base_url + request.path,
                    json=request.body,
                    params=dict(request.params) or None,
                    timeout=self.timeout,
                )
            except requests.RequestException as exc:
                return AdminAnswer(UNREACHABLE, None, "unreachable", type(exc).__name__)
        return answer_from(response)


def login_request(username: str, password: str) -> AdminRequest:
    return AdminRequest(
        "login", "POST", "/api/v1/auth/login", {"username": username, "password": password}
    )


def logout_request() -> AdminRequest:
    return AdminRequest("logout", "POST", "/api/v1/auth/logout")
