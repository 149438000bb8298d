"""The station's settings: one TOML file in the platform config dir (Qt-free).

``tracetrack-station --config FILE`` reads another file. A missing file means the defaults;
a file that cannot be read or holds a bad value stops the station with a message naming the
file, the setting and what is allowed, never a half-applied configuration. The file is
written atomically (a temporary file, then a rename), so a crash never leaves it cut short.
The token is never kept here: it lives in the OS keyring, or where no keyring works and the
admin chose so (the guided setup, ``--insecure-token-file``), in its own file readable only by
the station's user, named by ``[server] token_file``.

Example (every key is optional)::

    [server]
    url = "https://tracetrack.example.com"   # empty: offline only
    ca_bundle = "/etc/ssl/certs/site-ca.pem"  # empty: the system's certificate store
    sync_interval_s = 5
    allow_plain_http = false   # true: allow http:// to a host other than this machine
    token_file = ""            # where no OS keyring works: the token in this file (mode 0600)
    keep_delivered_days = 14   # delivered scans kept to send again after a server restore

An ``http://`` URL is refused unless its host is this machine (127.0.0.0/8, ::1, localhost) or
``allow_plain_http`` is true: the sync traffic carries the site's password hashes and every
scan, so plain HTTP over a network needs the admin's visible opt-in
(:func:`server_url_problem`, used wherever a URL enters the station).

    [scanner]
    debounce_ms = 700
    wedge_max_gap_ms = 80            # cabled scanners type every 1-10 ms, Bluetooth up to ~60 ms
    wedge_min_length = 4
    wedge_terminators = ["Enter", "Tab"]

    [[scanner.serial]]
    id = "dock-left"
    port = "/dev/ttyACM0"          # or COM3
    usb = "0c2e:0b61"              # or find it by USB vendor:product id
    serial_number = "17011B3F0A"  # tells two identical scanners apart
    baud = 9600
    terminator = "AUTO"           # AUTO (CR, LF or CRLF), or only CR, LF, CRLF; IDLE: a pause

    [ui]
    language = "en"   # en or hi
    muted = false
    high_contrast = false
    kiosk = false     # full screen, closed only by an admin, restarted after a crash
"""

from __future__ import annotations

import ipaddress
import os
import tempfile
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tracetrack_desktop.scanner.serial_reader import SerialScannerConfig, Terminator, UsbMatch
from tracetrack_desktop.scanner.wedge import WedgeConfig

CONFIG_NAME = "station.toml"


class ConfigError(Exception):
    """The settings file cannot be used; the message names the file and the fix."""


def is_loopback_host(host: str) -> bool:
    """True for a name or address that can only mean this machine.

    ``localhost`` (any case), 127.0.0.0/8 and ``::1``, with or without IPv6 brackets. Other
    names are not resolved: what a name points to can change after the check.
    """
    host = host.strip().removeprefix("[").removesuffix("]").rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_http_host(url: str) -> str | None:
    """The host of an ``http://`` URL that leaves this machine (unencrypted), else None."""
    parts = urlsplit(url.strip())
    host = parts.hostname
    if parts.scheme.lower() != "http" or not host:  # "http://" alone: no address yet
        return None
    return None if is_loopback_host(host) else host


def server_url_problem(url: str, *, allow_plain_http: bool) -> str | None:
    """Why the station may not use this server URL, or None when it may.

    The one definition of an acceptable server URL: ``https://`` to any host; ``http://`` only
    to this machine, or to any host when the admin set ``[server] allow_plain_http = true``.
    """
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not a server address: write it as https://host[:port]"
    host = plain_http_host(url)
    if host is not None and not allow_plain_http:
        return (
            f"{url} is plain http:// to another machine ({host}): password hashes and scans "
            "would cross the network unencrypted. Use https:// (TLS at the server's reverse "
            "proxy), or set [server] allow_plain_http = true to accept it"
        )
    return None


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerSettings(_Section):
    url: str = ""
    ca_bundle: str = ""
    sync_interval_s: Annotated[float, Field(ge=0.2, le=3600)] = 5.0
    timeout_s: Annotated[float, Field(ge=1, le=300)] = 15.0
    allow_plain_http: bool = False
    token_file: str = ""
    keep_delivered_days: Annotated[int, Field(ge=1, le=3650)] = 14
    """Delivered events stay in the outbox this long, so a server restored from a backup
    gets them again (docs/server-admin.md: back up more often than this)."""

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https:// (or be empty: offline only)")
        return value

    @field_validator("ca_bundle")
    @classmethod
    def _ca_bundle(cls, value: str) -> str:
        if value and not Path(value).is_file():
            raise ValueError(f"no such file: {value}")
        return value

    @model_validator(mode="after")
    def _plain_http(self) -> ServerSettings:
        if self.url:
            problem = server_url_problem(self.url, allow_plain_http=self.allow_plain_http)
            if problem:
                raise ValueError(f"url: {problem}")
        return self


class SerialSettings(_Section):
    id: str = ""
    port: str = ""
    usb: str = ""
    serial_number: str = ""
    baud: Annotated[int, Field(gt=0, le=4_000_000)] = 9600
    # AUTO by default: a scanner set to any of the usual suffixes reads right out of the box;
    # files written with "CR" (the old default) keep loading and mean exactly CR
    terminator: Literal["AUTO", "CR", "LF", "CRLF", "IDLE"] = "AUTO"
    idle_ms: Annotated[int, Field(ge=5, le=5_000)] = 60

    @field_validator("usb")
    @classmethod
    def _usb(cls, value: str) -> str:
        if value:
            parts = value.split(":")
            if len(parts) != 2 or not all(_is_hex(p) for p in parts):
                raise ValueError("write the USB ids as vendor:product in hex, e.g. 0c2e:0b61")
        return value.lower()

    def to_scanner(self) -> SerialScannerConfig:
        usb = None
        if self.usb or self.serial_number:
            vid, pid = (int(p, 16) for p in self.usb.split(":")) if self.usb else (None, None)
            usb = UsbMatch(vid=vid, pid=pid, serial_number=self.serial_number or None)
        if not self.port and usb is None:
            raise ConfigError("a [[scanner.serial]] entry needs a port, or usb / serial_number")
        return SerialScannerConfig(
            scanner_id=self.id or self.port or self.usb or self.serial_number,
            port=self.port or None,
            usb=usb,
            baudrate=self.baud,
            terminator=Terminator(self.terminator),
            idle_ms=self.idle_ms,
        )


def _is_hex(text: str) -> bool:
    try:
        int(text, 16)
    except ValueError:
        return False
    return 0 < len(text) <= 4


class ScannerSettings(_Section):
    debounce_ms: Annotated[int, Field(ge=0, le=60_000)] = 700
    wedge_max_gap_ms: Annotated[float, Field(ge=1, le=1_000)] = 80.0
    wedge_min_length: Annotated[int, Field(ge=1, le=64)] = 4
    wedge_max_total_ms: Annotated[float, Field(ge=1, le=60_000)] = 10_000.0
    wedge_terminators: tuple[Literal["Enter", "Tab"], ...] = ("Enter", "Tab")
    wedge_idle_submit_ms: Annotated[float, Field(ge=0, le=5_000)] = 0.0
    wedge_prefix: str = ""
    wedge_gs_substitute: str = ""
    serial: tuple[SerialSettings, ...] = ()

    def wedge(self) -> WedgeConfig:
        try:
            return WedgeConfig(
                max_char_interval_ms=self.wedge_max_gap_ms,
                min_length=self.wedge_min_length,
                max_total_ms=self.wedge_max_total_ms,
                terminators=frozenset(self.wedge_terminators),
                idle_submit_ms=self.wedge_idle_submit_ms or None,
                prefix=self.wedge_prefix,
                gs_substitute=self.wedge_gs_substitute,
            )
        except ValueError as exc:
            raise ConfigError(f"[scanner] keyboard-wedge settings: {exc}") from exc

    def serial_scanners(self) -> list[SerialScannerConfig]:
        return [entry.to_scanner() for entry in self.serial]


class UiSettings(_Section):
    language: Literal["en", "hi"] = "en"
    muted: bool = False
    high_contrast: bool = False
    idle_logout_min: Annotated[int, Field(ge=1, le=24 * 60)] = 30
    kiosk: bool = False


class StationConfig(_Section):
    """Everything in the settings file. Build it with :func:`load_config`."""

    server: ServerSettings = ServerSettings()
    scanner: ScannerSettings = ScannerSettings()
    ui: UiSettings = UiSettings()

    def token_file(self, asked: str | None = None) -> str | None:
        """Where the token is kept: the file asked for on the command line, else the one the
        settings name, else None (the OS keyring)."""
        return asked or self.server.token_file or None

    def to_toml(self) -> str:
        return tomli_w.dumps(self.model_dump(mode="json"))


def default_config_path() -> Path:
    """``station.toml`` in the platform's per-user config dir."""
    from platformdirs import user_config_dir  # noqa: PLC0415

    return Path(user_config_dir("tracetrack-station", "TraceTrack")) / CONFIG_NAME


def load_config(path: Path | None = None) -> StationConfig:
    """The settings in ``path`` (default: :func:`default_config_path`); defaults if absent.

    Raises:
        ConfigError: the file cannot be read, is not TOML, or holds a bad value.
    """
    path = path or default_config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return StationConfig()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the settings file {path}: {exc}") from exc
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
    try:
        return StationConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"{path}: {problems}") from exc


def save_config(config: StationConfig, path: Path | None = None) -> Path:
    """Write the settings atomically; returns the path written."""
    path = path or default_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".station-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(config.to_toml())
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


__all__ = [
    "ConfigError",
    "ScannerSettings",
    "SerialSettings",
    "ServerSettings",
    "StationConfig",
    "UiSettings",
    "default_config_path",
    "is_loopback_host",
    "load_config",
    "plain_http_host",
    "save_config",
    "server_url_problem",
]
