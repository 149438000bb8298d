"""Serial scanners (RS-232 and USB-CDC virtual COM ports), one daemon thread each (Qt-free).

A :class:`SerialScanner` opens its port with pyserial, splits the byte stream into reads by
the configured terminator (by default any of CR, LF or CRLF; or exactly one of them, or a
pause), and reports each read as a :class:`ScanRecord`. It survives the cable being pulled:
the read fails, the scanner reports ``lost``, then tries again with exponential backoff and
jitter (``reconnecting``), finding the device again by USB vendor/product id and serial number
if so configured (a replugged scanner may come back under another port name). It never spins:
reads block with a timeout and waits use :class:`threading.Event`.

Callbacks run on the scanner's thread; the Qt adapter relays them to the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

import serial
from serial.tools import list_ports

from tracetrack_core.codes import MAX_RAW_LENGTH
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource

log = logging.getLogger(__name__)


class Terminator(StrEnum):
    """What ends one read on a serial line.

    ``AUTO`` (the default) ends a read at CR, at LF, or at CRLF counted once, so a scanner
    works whatever suffix it was set up with. ``CR``, ``LF`` and ``CRLF`` accept only that
    suffix; ``IDLE`` ends a read after a pause, for scanners that send no suffix.
    """

    AUTO = "AUTO"
    CR = "CR"
    LF = "LF"
    CRLF = "CRLF"
    IDLE = "IDLE"


_TERMINATOR_BYTES = {Terminator.CR: b"\r", Terminator.LF: b"\n", Terminator.CRLF: b"\r\n"}
_CR, _LF = 0x0D, 0x0A
_LINE_END = re.compile(rb"[\r\n]")


class ScannerState(StrEnum):
    CONNECTED = "connected"
    LOST = "lost"
    RECONNECTING = "reconnecting"
    STOPPED = "stopped"


@dataclass(frozen=True)
class UsbMatch:
    """Find a scanner by its USB identity rather than its port name.

    Attributes:
        vid: USB vendor id (``0x0C2E``); None matches any.
        pid: USB product id; None matches any.
        serial_number: the device's serial number (tells two identical scanners apart).
    """

    vid: int | None = None
    pid: int | None = None
    serial_number: str | None = None

    def matches(self, port: Any) -> bool:
        """Whether a ``comports()`` entry is this scanner."""
        if self.vid is None and self.pid is None and self.serial_number is None:
            return False
        if self.vid is not None and getattr(port, "vid", None) != self.vid:
            return False
        if self.pid is not None and getattr(port, "pid", None) != self.pid:
            return False
        return self.serial_number is None or getattr(port, "serial_number", None) == (
            self.serial_number
        )


@dataclass(frozen=True)
class SerialScannerConfig:
    """One serial scanner.

    Attributes:
        scanner_id: the name in status and records (``"/dev/ttyACM0"``, ``"dock-left"``).
        port: the port name (``COM3``, ``/dev/ttyACM0``); used when ``usb`` is not set, and as
            a fallback when no USB device matches.
        usb: find the port by USB ids instead (re-resolved on every reconnect).
        baudrate: bits per second (ignored by USB-CDC devices, needed by RS-232).
        terminator: what ends a read (``AUTO``: CR, LF or CRLF, whichever the scanner sends).
        idle_ms: with ``IDLE``, a read ends after this much silence.
        max_line_bytes: a read longer than this without a terminator is refused and dropped.
        read_timeout_s: how long one blocking read waits (bounds the reaction to ``stop()``).
        backoff_initial_s: first wait before reconnecting.
        backoff_max_s: the longest wait between reconnect attempts.
    """

    scanner_id: str
    port: str | None = None
    usb: UsbMatch | None = None
    baudrate: int = 9600
    terminator: Terminator = Terminator.AUTO
    idle_ms: int = 60
    max_line_bytes: int = MAX_RAW_LENGTH
    read_timeout_s: float = 0.2
    backoff_initial_s: float = 0.5
    backoff_max_s: float = 10.0

    def __post_init__(self) -> None:
        if self.port is None and self.usb is None:
            raise ValueError("give a port name or a USB match")
        if self.baudrate <= 0 or self.idle_ms <= 0 or self.max_line_bytes <= 0:
            raise ValueError("baudrate, idle_ms and max_line_bytes must be positive")
        if not 0 < self.backoff_initial_s <= self.backoff_max_s:
            raise ValueError("need 0 < backoff_initial_s <= backoff_max_s")


ScanCallback = Callable[[ScanRecord], None]
StateCallback = Callable[[str, str, str], None]


class _Port(Protocol):
    """What we use of ``serial.Serial``."""

    in_waiting: int

    def read(self, size: int = 1) -> bytes: ...
    def close(self) -> None: ...
    def cancel_read(self) -> None: ...


PortOpener = Callable[[str, SerialScannerConfig], _Port]
PortLister = Callable[[], Iterable[Any]]


def _open_port(name: str, config: SerialScannerConfig) -> _Port:
    timeout = config.read_timeout_s
    if config.terminator is Terminator.IDLE:
        # a read must return well within the pause that ends a code, or the pause goes unseen
        timeout = min(timeout, config.idle_ms / 2000)
    port: _Port = serial.Serial(name, config.baudrate, timeout=timeout, exclusive=True)
    return port


def backoff_delays(
    initial_s: float, max_s: float, rng: random.Random | None = None
) -> Iterable[float]:
    """Endless reconnect waits: doubling from ``initial_s`` up to ``max_s``, ±20 % jitter.

    Jitter keeps several scanners on one hub from retrying in lockstep.
    """
    rng = rng or random.Random()  # noqa: S311 - jitter, not security
    delay = initial_s
    while True:
        yield min(max_s, delay * rng.uniform(0.8, 1.2))
        delay = min(max_s, delay * 2)


class LineSplitter:
    """Bytes in, complete reads out, with the terminator and the length limit applied.

    Empty reads are never returned. With ``AUTO``, a CR directly followed by LF ends one read,
    not two, even when the LF arrives in a later chunk.
    """

    def __init__(self, terminator: Terminator, max_bytes: int) -> None:
        self.terminator = terminator
        self.max_bytes = max_bytes
        self.buffer = bytearray()
        self.discarding = False
        self.started_ns = 0
        # AUTO only: the last read ended with a CR at the very end of a chunk, so an LF that
        # opens the next chunk is that CRLF's second half, not the end of an empty read
        self._after_cr = False

    def feed(self, data: bytes, now_ns: int) -> list[tuple[bytes, bool, int]]:
        """Split ``data``; returns ``(line, truncated, started_ns)`` for each complete read."""
        out: list[tuple[bytes, bool, int]] = []
        if not data:
            return out
        if self._after_cr:
            self._after_cr = False
            if data[0] == _LF:
                data = data[1:]
        if data and not self.buffer and not self.discarding:
            self.started_ns = now_ns
        sep = _TERMINATOR_BYTES.get(self.terminator)
        self.buffer.extend(data)
        while (end := self._line_end(sep)) is not None:
            index, after = end
            line = bytes(self.buffer[:index])
            del self.buffer[:after]
            if self.discarding:
                self.discarding = False  # the overlong read ends here; it was reported
            elif len(line) > self.max_bytes:
                out.append((line[: self.max_bytes], True, self.started_ns))
            elif line:
                out.append((line, False, self.started_ns))
            self.started_ns = now_ns
        if len(self.buffer) > self.max_bytes:
            if not self.discarding:
                out.append((bytes(self.buffer[: self.max_bytes]), True, self.started_ns))
            # Keep only a possible partial terminator: memory stays bounded however long.
            # (AUTO has none: every CR or LF in the buffer has been consumed above.)
            keep = len(sep) - 1 if sep else 0
            self.buffer = bytearray(self.buffer[len(self.buffer) - keep :] if keep else b"")
            self.discarding = self.terminator is not Terminator.IDLE
        return out

    def _line_end(self, sep: bytes | None) -> tuple[int, int] | None:
        """Where the first complete read in the buffer ends: ``(its length, bytes to drop)``."""
        if sep is not None:
            index = self.buffer.find(sep)
            return None if index < 0 else (index, index + len(sep))
        if self.terminator is not Terminator.AUTO:
            return None  # IDLE: only silence ends a read
        found = _LINE_END.search(self.buffer)
        if found is None:
            return None
        index = found.start()
        if self.buffer[index] == _CR:
            if index + 1 == len(self.buffer):
                self._after_cr = True  # its LF, if any, is still on the wire
            elif self.buffer[index + 1] == _LF:
                return index, index + 2  # CRLF is one terminator
        return index, index + 1

    def idle(self) -> tuple[bytes, bool, int] | None:
        """Silence: with the IDLE terminator, what is buffered is one read."""
        if self.terminator is not Terminator.IDLE or not self.buffer:
            return None
        line = bytes(self.buffer)
        self.buffer.clear()
        return (line, False, self.started_ns)


class SerialScanner:
    """One serial scanner read on a daemon thread, reconnecting by itself.

    Args:
        config: port, framing and backoff.
        on_scan: called with each read (on this scanner's thread).
        on_state: called with ``(scanner_id, state, detail)`` on every state change.
        opener: opens a port (tests and odd drivers); default pyserial.
        lister: lists ports for USB matching; default ``serial.tools.list_ports.comports``.
    """

    def __init__(
        self,
        config: SerialScannerConfig,
        on_scan: ScanCallback,
        on_state: StateCallback | None = None,
        *,
        opener: PortOpener = _open_port,
        lister: PortLister = list_ports.comports,
        rng: random.Random | None = None,
    ) -> None:
        self.config = config
        self._on_scan = on_scan
        self._on_state = on_state or (lambda _sid, _state, _detail: None)
        self._opener = opener
        self._lister = lister
        self._rng = rng
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._port: _Port | None = None
        self._port_lock = threading.Lock()
        self.state = ScannerState.STOPPED
        self.detail = ""

    @property
    def scanner_id(self) -> str:
        return self.config.scanner_id

    def start(self) -> None:
        """Start reading (idempotent)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"scanner-{self.scanner_id}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop reading, close the port and join the thread."""
        self._stop.set()
        with self._port_lock:
            if self._port is not None:
                # wake a blocked read now rather than at its timeout
                with contextlib.suppress(OSError, serial.SerialException, AttributeError):
                    self._port.cancel_read()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("scanner %s did not stop within %.1f s", self.scanner_id, timeout)
            self._thread = None

    def resolve_port(self) -> str | None:
        """The port name to open now: the USB match if any, else the configured name."""
        usb = self.config.usb
        if usb is not None:
            try:
                ports = list(self._lister())
            except OSError as exc:
                log.warning("listing serial ports failed: %s", exc)
                ports = []
            for port in ports:
                if usb.matches(port):
                    return str(port.device)
        return self.config.port

    # -- thread ---------------------------------------------------------------------

    def _set_state(self, state: ScannerState, detail: str = "") -> None:
        self.state, self.detail = state, detail
        try:
            self._on_state(self.scanner_id, state.value, detail)
        except Exception:
            log.exception("scanner state callback failed")

    def _run(self) -> None:
        cfg = self.config
        delays = iter(backoff_delays(cfg.backoff_initial_s, cfg.backoff_max_s, self._rng))
        while not self._stop.is_set():
            name = self.resolve_port()
            port: _Port | None = None
            problem = ""
            if name is None:
                problem = "no USB device matches"
            else:
                try:
                    port = self._opener(name, self.config)
                except (OSError, serial.SerialException, ValueError) as exc:
                    problem = f"{name}: {exc}"
            if port is None:
                wait = next(delays)
                self._set_state(ScannerState.RECONNECTING, f"{problem}; next try in {wait:.1f} s")
                if self._stop.wait(wait):
                    break
                continue
            with self._port_lock:
                self._port = port
            if self._stop.is_set():
                self._close()
                break
            # a good connection resets the backoff: the next unplug retries quickly again
            delays = iter(backoff_delays(cfg.backoff_initial_s, cfg.backoff_max_s, self._rng))
            self._set_state(ScannerState.CONNECTED, f"{name} · {self.config.baudrate} baud")
            error = self._read_until_error(port)
            self._close()
            if self._stop.is_set():
                break
            self._set_state(ScannerState.LOST, error)
        self._close()
        self._set_state(ScannerState.STOPPED, "")

    def _close(self) -> None:
        with self._port_lock:
            port, self._port = self._port, None
        if port is not None:
            with contextlib.suppress(OSError, serial.SerialException):
                port.close()

    def _read_until_error(self, port: _Port) -> str:
        """Read and dispatch until the port fails or we are stopped; returns the failure."""
        cfg = self.config
        splitter = LineSplitter(cfg.terminator, cfg.max_line_bytes)
        last_byte_ns = 0
        idle_ns = cfg.idle_ms * 1_000_000
        while not self._stop.is_set():
            try:
                waiting = port.in_waiting
                data = port.read(max(1, min(waiting, 4096)))
            except (OSError, serial.SerialException, TypeError) as exc:
                # pyserial raises TypeError from a read racing close(); treat all as unplug
                return str(exc) or type(exc).__name__
            now = time.monotonic_ns()
            if data:
                last_byte_ns = now
                for line, truncated, started in splitter.feed(data, now):
                    self._dispatch(line, truncated, started, now)
            elif splitter.buffer and now - last_byte_ns >= idle_ns:
                done = splitter.idle()
                if done is not None:
                    self._dispatch(*done, now)
        return "stopped"

    def _dispatch(self, line: bytes, truncated: bool, started_ns: int, now_ns: int) -> None:
        record = ScanRecord(
            text=line.decode("utf-8", errors="replace"),
            source=ScanSource.SERIAL,
            scanner_id=self.scanner_id,
            arrived_at=datetime.now(UTC),
            raw=line,
            duration_ms=max(0.0, (now_ns - started_ns) / 1_000_000),
            monotonic_ns=now_ns,
            truncated=truncated,
        )
        try:
            self._on_scan(record)
        except Exception:
            # a bug in a consumer must not kill the scanner thread; it is logged loudly
            log.exception("scan callback failed for %s", self.scanner_id)


class ScannerManager:
    """Several serial scanners, started and stopped together.

    Args:
        on_scan: called with every read of every scanner (on that scanner's thread).
        on_state: called with every state change.
        scanner_factory: builds one scanner (tests); default :class:`SerialScanner`.
    """

    def __init__(
        self,
        on_scan: ScanCallback,
        on_state: StateCallback | None = None,
        *,
        scanner_factory: Callable[..., SerialScanner] = SerialScanner,
    ) -> None:
        self._on_scan = on_scan
        self._on_state = on_state
        self._factory = scanner_factory
        self.scanners: dict[str, SerialScanner] = {}

    def configure(self, configs: Sequence[SerialScannerConfig]) -> None:
        """Run exactly these scanners: stop removed or changed ones, start new ones."""
        wanted = {c.scanner_id: c for c in configs}
        if len(wanted) != len(configs):
            raise ValueError("scanner_id must be unique")
        for sid in list(self.scanners):
            if sid not in wanted or self.scanners[sid].config != wanted[sid]:
                self.scanners.pop(sid).stop()
        for sid, config in wanted.items():
            if sid not in self.scanners:
                scanner = self._factory(config, self._on_scan, self._on_state)
                self.scanners[sid] = scanner
                scanner.start()

    def states(self) -> dict[str, tuple[str, str]]:
        """Each scanner's current state and detail."""
        return {sid: (s.state.value, s.detail) for sid, s in self.scanners.items()}

    def stop_all(self) -> None:
        """Stop every scanner and join their threads."""
        for scanner in self.scanners.values():
            scanner._stop.set()  # signal all first so they wind down together
        for scanner in self.scanners.values():
            scanner.stop()
        self.scanners.clear()
