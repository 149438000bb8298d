"""HTTP client of sync protocol v1 (docs/protocol.md): upload, changes, enroll.

The client only speaks HTTP and maps answers to typed errors; deciding what to do about
them (retry, split, stop) is the engine's job. It never logs or repeats the token.
"""

from __future__ import annotations

import email.utils
import logging
import threading
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import orjson
import requests

from tracetrack_desktop.storage.outbox import EventResult, OutboxEvent

if TYPE_CHECKING:
    from requests.sessions import _Settings  # the stubs' name for what requests returns

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT: tuple[float, float] = (3.05, 15.0)
"""(connect, read) seconds: a dead network shows quickly, a slow batch still gets its answer."""

FINAL_STATUSES = frozenset({"accepted", "duplicate", "conflict", "rejected"})
_RETRY_STATUSES = frozenset({408, 429})
USER_AGENT = "tracetrack-station/0.1"


class StationSession(requests.Session):
    """An HTTP session of the station: TLS always verified, against the site's CA if it has one.

    Args:
        ca_bundle: a PEM file of CA certificates to trust instead of the system's
            (``[server] ca_bundle``); empty or None: the system's.
    """

    def __init__(self, ca_bundle: str | None = None) -> None:
        super().__init__()
        self.verify = ca_bundle or True
        self.headers["User-Agent"] = USER_AGENT

    def merge_environment_settings(
        self,
        url: str | bytes | None,
        proxies: MutableMapping[str, str] | None,
        stream: bool | None,
        verify: bool | str | None,
        cert: str | tuple[str, str] | None,
    ) -> _Settings:
        # requests lets REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE beat a session's own `verify`
        # (psf/requests#3829, kept until requests 3), which would drop the site's CA wherever
        # the variable is set; a request that names none verifies as its session says
        if verify is None:
            verify = self.verify
        return super().merge_environment_settings(url, proxies, stream, verify, cert)


def local_now() -> datetime:
    """The station's wall clock with its UTC offset (what ``sent_at`` carries)."""
    return datetime.now().astimezone()


class SyncError(Exception):
    """Base of every error the sync client raises."""


class RetryableError(SyncError):
    """Try again later: timeout, connection failure, 5xx, 408 or 429.

    Attributes:
        retry_after: seconds the server asked us to wait (``Retry-After``), if it said.
    """

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ProtocolError(RetryableError):
    """The server answered 2xx with something that is not a valid reply (a server bug)."""


class TokenRevokedError(SyncError):
    """401: the token is unknown or revoked; the station must stop syncing until re-enrolled."""


class ForbiddenError(SyncError):
    """403: the token is valid but may not do this (read-only token, wrong station)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class RefusedError(SyncError):
    """Another 4xx: the request itself is refused; sending it again unchanged will not help.

    Attributes:
        status: the HTTP status.
        code: the machine-readable ``error.code`` (or ``http_<status>``).
        detail: the other fields of the error object (e.g. ``limit``, ``max_batch_events``).
    """

    def __init__(
        self, status: int, code: str, message: str, detail: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.detail: dict[str, Any] = dict(detail or {})


class BatchRefusedError(RefusedError):
    """An upload refused as a whole (400, 413, ...): nothing of it was written."""


@dataclass(frozen=True)
class UploadReply:
    """The server's answer to one upload.

    Attributes:
        results: one final result per event the server answered, in the order sent.
        server_time: the server's clock when it answered.
        sent_at: our clock when the request left (the body's ``sent_at``).
        received_at: our clock when the reply arrived.
        ordered: the server honours ``after_event`` (it said so in the reply), so the next
            batch may be sent before this one is answered.
        epoch: the server's database epoch (None: a server that does not say).
    """

    results: list[EventResult]
    server_time: datetime | None
    sent_at: datetime
    received_at: datetime
    ordered: bool = False
    epoch: str | None = None

    def clock_skew_ms(self) -> int | None:
        """Server clock minus station clock, taking the request's midpoint as "now"."""
        if self.server_time is None:
            return None
        midpoint = self.sent_at + (self.received_at - self.sent_at) / 2
        return round((self.server_time - midpoint).total_seconds() * 1000)


@dataclass(frozen=True)
class ChangesPage:
    """One page of ``GET /api/v1/sync/changes``."""

    changes: list[dict[str, Any]]
    cursor: str
    more: bool
    server_time: datetime | None = None
    epoch: str | None = None


@dataclass(frozen=True)
class HeldReply:
    """``POST /api/v1/sync/held``: the seqs asked about that the server holds, and its epoch."""

    epoch: str
    held: list[tuple[int, int]]


@dataclass(frozen=True)
class Enrollment:
    station_id: str
    token: str = field(repr=False)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _epoch(body: Mapping[str, Any]) -> str | None:
    epoch = body.get("epoch")
    return epoch if isinstance(epoch, str) and epoch else None


def _error_fields(response: requests.Response) -> tuple[str, str, dict[str, Any]]:
    """``(code, message, other fields)`` of a docs/protocol.md#errors body, tolerating any body."""
    try:
        body = response.json()
    except ValueError:
        body = None
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        code = str(error.get("code") or f"http_{response.status_code}")
        message = str(error.get("message") or response.reason or "")
        extra = {k: v for k, v in error.items() if k not in ("code", "message")}
        return code, message, extra
    return f"http_{response.status_code}", str(response.reason or ""), {}


def raise_for_answer(
    response: requests.Response, refused: type[RefusedError] = RefusedError
) -> None:
    """Map a non-2xx answer to the typed error the engine acts on."""
    status = response.status_code
    if 200 <= status < 300:
        return
    code, message, extra = _error_fields(response)
    if status >= 500 or status in _RETRY_STATUSES:
        raise RetryableError(
            f"server answered {status} {code}: {message}",
            retry_after=parse_retry_after(response.headers.get("Retry-After")),
        )
    if status == 401:
        raise TokenRevokedError(
            f"The server no longer accepts this station's token ({code}: {message}). "
            "Syncing has stopped; enroll the station again with a new code."
        )
    if status == 403:
        raise ForbiddenError(code, f"The server refused this station ({code}): {message}")
    raise refused(status, code, message, extra)


def _json_body(response: requests.Response) -> dict[str, Any]:
    try:
        body = orjson.loads(response.content)
    except ValueError as exc:
        raise ProtocolError(f"the server's reply is not JSON ({response.status_code})") from exc
    if not isinstance(body, dict):
        raise ProtocolError("the server's reply is not a JSON object")
    return body


def _request(
    session: requests.Session,
    method: str,
    url: str,
    *,
    timeout: tuple[float, float],
    **kwargs: Any,
) -> requests.Response:
    """Send one request; network failures become :class:`RetryableError` (no token in text)."""
    try:
        return session.request(method, url, timeout=timeout, **kwargs)
    except requests.exceptions.SSLError as exc:
        # A certificate problem does not heal by retrying soon, but it is an environment
        # problem (wrong CA bundle, clock), so it is shown and retried at the slow pace.
        raise RetryableError(f"TLS verification failed for {url}: {exc}") from exc
    except requests.exceptions.Timeout as exc:
        raise RetryableError(f"the server did not answer in time ({url})") from exc
    except requests.exceptions.ConnectionError as exc:
        raise RetryableError(f"cannot reach the server ({url}): {type(exc).__name__}") from exc
    except requests.exceptions.RequestException as exc:
        raise RetryableError(f"request to {url} failed: {type(exc).__name__}") from exc


class SyncClient:
    """Speaks sync protocol v1 to one server with one station token.

    Args:
        base_url: the server's root URL (``https://sync.example``).
        token: the station's bearer token.
        ca_bundle: a PEM file of CA certificates to trust instead of the system's.
        timeout: ``(connect, read)`` seconds for every request.
        clock: the station's wall clock (aware datetimes); injected for tests.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        ca_bundle: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._clock = clock
        self._ca_bundle = ca_bundle
        self._headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        # one HTTP session (and keep-alive connection) per thread: the engine uploads the next
        # batch from a second thread while the first is still in flight
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._sessions_lock = threading.Lock()
        self.epoch: str | None = None
        """The server epoch every upload names (set by the engine between uploads): a
        server restored since answers 409 ``epoch_changed`` and writes nothing."""

    def __repr__(self) -> str:
        return f"SyncClient({self.base_url!r})"

    def close(self) -> None:
        with self._sessions_lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    @property
    def _session(self) -> requests.Session:
        """This thread's HTTP session."""
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = StationSession(self._ca_bundle)
            session.headers.update(self._headers)
            self._local.session = session
            with self._sessions_lock:
                self._sessions.append(session)
        return session

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def encode_batch(
        station_id: str,
        events: Sequence[OutboxEvent],
        sent_at: datetime,
        pending: int | None = None,
        oldest_pending_at: datetime | None = None,
        after_event: str | None = None,
        epoch: str | None = None,
    ) -> bytes:
        """The upload body exactly as sent (the engine measures it against the byte limit)."""
        body: dict[str, Any] = {
            "station_id": station_id,
            "sent_at": sent_at.isoformat(timespec="milliseconds"),
            "events": [orjson.Fragment(event.wire_json) for event in events],  # encoded once
        }
        if pending is not None:
            body["pending"] = pending
        if oldest_pending_at is not None:
            body["oldest_pending_at"] = oldest_pending_at.isoformat()
        if after_event is not None:
            body["after_event"] = after_event
        if epoch is not None:
            body["epoch"] = epoch
        # each event is JSON already (``wire_json`` falls back for what orjson refuses); the
        # envelope holds only text and counts
        return orjson.dumps(body)

    def upload(
        self,
        station_id: str,
        events: Sequence[OutboxEvent],
        pending: int | None = None,
        oldest_pending_at: datetime | None = None,
        after_event: str | None = None,
    ) -> UploadReply:
        """``POST /api/v1/sync/events``; ``sent_at`` is stamped now, on this attempt.

        ``after_event``: the last event of a batch sent before this one and not answered yet;
        the server applies this batch only after that one (else ``409 out_of_order``).

        Raises:
            RetryableError: network trouble, 5xx, 408, 429 (with ``retry_after``).
            TokenRevokedError: 401.
            ForbiddenError: 403.
            BatchRefusedError: any other 4xx (400 shape, 413 over a limit, ...).
        """
        sent_at = self._clock()
        body = self.encode_batch(
            station_id, events, sent_at, pending, oldest_pending_at, after_event, self.epoch
        )
        response = _request(
            self._session,
            "POST",
            f"{self.base_url}/api/v1/sync/events",
            timeout=self._timeout,
            data=body,
            headers={"Content-Type": "application/json"},
        )
        received_at = self._clock()
        raise_for_answer(response, BatchRefusedError)
        reply = _json_body(response)
        raw_results = reply.get("results")
        if not isinstance(raw_results, list):
            raise ProtocolError("the upload reply has no `results` list")
        results = []
        for raw in raw_results:
            if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
                raise ProtocolError("an upload result has no `id`")
            detail = raw.get("detail")
            results.append(  # positional: a backlog's reply holds thousands
                EventResult(
                    raw["id"],
                    str(raw.get("status", "")),
                    raw.get("reason"),
                    detail if isinstance(detail, dict) else None,
                    raw.get("message"),
                )
            )
        return UploadReply(
            results=results,
            server_time=_parse_time(reply.get("server_time")),
            sent_at=sent_at,
            received_at=received_at,
            ordered=reply.get("after_event") is True,
            epoch=_epoch(reply),
        )

    def held(self, station_id: str, ranges: Sequence[tuple[int, int]]) -> HeldReply:
        """``POST /api/v1/sync/held``: which of ``ranges`` (inclusive seq ranges this station
        delivered) the server holds an event for."""
        response = _request(
            self._session,
            "POST",
            f"{self.base_url}/api/v1/sync/held",
            timeout=self._timeout,
            data=orjson.dumps({"station_id": station_id, "ranges": [list(r) for r in ranges]}),
            headers={"Content-Type": "application/json"},
        )
        raise_for_answer(response)
        body = _json_body(response)
        epoch, held = _epoch(body), body.get("held")
        if epoch is None or not isinstance(held, list):
            raise ProtocolError("the held reply lacks `epoch` or `held`")
        try:
            ranges_held = [(int(first), int(last)) for first, last in held]
        except (TypeError, ValueError) as exc:
            raise ProtocolError("the held reply's ranges are not [first, last] pairs") from exc
        return HeldReply(epoch=epoch, held=ranges_held)

    def changes(self, since: str | None, limit: int | None = None) -> ChangesPage:
        """``GET /api/v1/sync/changes``: one page from ``since`` (None = the beginning)."""
        params: dict[str, str] = {}
        if since is not None:
            params["since"] = since
        if limit is not None:
            params["limit"] = str(limit)
        response = _request(
            self._session,
            "GET",
            f"{self.base_url}/api/v1/sync/changes",
            timeout=self._timeout,
            params=params,
        )
        raise_for_answer(response)
        body = _json_body(response)
        changes = body.get("changes")
        cursor = body.get("cursor")
        if not isinstance(changes, list) or cursor is None:
            raise ProtocolError("the changes reply lacks `changes` or `cursor`")
        return ChangesPage(
            changes=[c for c in changes if isinstance(c, dict)],
            cursor=str(cursor),
            more=bool(body.get("more", False)),
            server_time=_parse_time(body.get("server_time")),
            epoch=_epoch(body),
        )


def enroll(
    base_url: str,
    code: str,
    hostname: str,
    *,
    ca_bundle: str | None = None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
) -> Enrollment:
    """``POST /api/v1/stations/enroll``: trade a one-time code for a station id and token.

    Raises:
        RetryableError: the server could not be reached or failed.
        RefusedError: the code is unknown, used or expired (or the request was refused).
    """
    with StationSession(ca_bundle) as session:
        url = f"{base_url.rstrip('/')}/api/v1/stations/enroll"
        response = _request(
            session,
            "POST",
            url,
            timeout=timeout,
            json={"enrollment_code": code.strip(), "hostname": hostname},
        )
        if response.status_code in (401, 403):
            # enrollment sends no token: these mean the code was refused, not a revoked token
            code_, message, extra = _error_fields(response)
            raise RefusedError(response.status_code, code_, message, extra)
        raise_for_answer(response)
        body = _json_body(response)
    station_id, token = body.get("station_id"), body.get("token")
    if not isinstance(station_id, str) or not isinstance(token, str) or not token:
        raise ProtocolError("the enrollment reply lacks `station_id` or `token`")
    return Enrollment(station_id=station_id, token=token)
