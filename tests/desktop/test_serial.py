"""Serial scanners over real pseudo-terminals: framing, several scanners, unplug and replug."""

from __future__ import annotations

import itertools
import os
import queue
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracetrack_core.codes import MAX_RAW_LENGTH
from tracetrack_desktop.config import SerialSettings
from tracetrack_desktop.scanner.decode import Decoder
from tracetrack_desktop.scanner.ports import available_ports, port_choices
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.scanner.serial_reader import (
    LineSplitter,
    ScannerManager,
    SerialScanner,
    SerialScannerConfig,
    Terminator,
    UsbMatch,
    backoff_delays,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")

WAIT = 10.0  # generous: the suite shares 2 cores; the tests never assert on speed


class Pty:
    """A pseudo-terminal: we hold the master end, the scanner opens the slave path."""

    def __init__(self) -> None:
        self.master, slave = os.openpty()
        self.path = os.ttyname(slave)
        os.close(slave)  # the scanner opens it by name, like a real device node

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        if self.master >= 0:
            os.close(self.master)
            self.master = -1


@dataclass
class Events:
    scans: queue.Queue[ScanRecord]
    states: queue.Queue[tuple[str, str, str]]

    def on_scan(self, record: ScanRecord) -> None:
        self.scans.put(record)

    def on_state(self, sid: str, state: str, detail: str) -> None:
        self.states.put((sid, state, detail))

    def scan(self) -> ScanRecord:
        return self.scans.get(timeout=WAIT)

    def wait_state(self, sid: str, state: str) -> str:
        while True:
            got_sid, got, detail = self.states.get(timeout=WAIT)
            if got_sid == sid and got == state:
                return detail


@pytest.fixture
def events() -> Events:
    return Events(queue.Queue(), queue.Queue())


@pytest.fixture
def ptys() -> Iterator[list[Pty]]:
    made: list[Pty] = []
    yield made
    for pty in made:
        pty.unplug()


def _new(ptys: list[Pty]) -> Pty:
    pty = Pty()
    ptys.append(pty)
    return pty


@pytest.fixture
def running() -> Iterator[list[SerialScanner]]:
    scanners: list[SerialScanner] = []
    yield scanners
    for scanner in scanners:
        scanner.stop()
        assert scanner._thread is None


def _start(
    running: list[SerialScanner], events: Events, config: SerialScannerConfig, **kw: Any
) -> SerialScanner:
    scanner = SerialScanner(config, events.on_scan, events.on_state, **kw)
    running.append(scanner)
    scanner.start()
    return scanner


def _cfg(port: str, terminator: Terminator = Terminator.CR, **kw: Any) -> SerialScannerConfig:
    defaults: dict[str, Any] = {"backoff_initial_s": 0.05, "backoff_max_s": 0.4}
    defaults.update(kw)
    return SerialScannerConfig(scanner_id="s1", port=port, terminator=terminator, **defaults)


@pytest.mark.parametrize(
    ("terminator", "wire"),
    [
        (Terminator.CR, b"SB00042\rLABEL NO.0016586 LOT NO.:STAR44GG\r"),
        (Terminator.LF, b"SB00042\nLABEL NO.0016586 LOT NO.:STAR44GG\n"),
        (Terminator.CRLF, b"SB00042\r\nLABEL NO.0016586 LOT NO.:STAR44GG\r\n"),
    ],
)
def test_terminators(
    terminator: Terminator, wire: bytes, events: Events, ptys: list[Pty], running: list[Any]
) -> None:
    pty = _new(ptys)
    _start(running, events, _cfg(pty.path, terminator))
    events.wait_state("s1", "connected")
    # split mid-code and mid-terminator: framing must not depend on how bytes arrive
    pty.send(wire[:3])
    pty.send(wire[3:9])
    pty.send(wire[9:])
    first, second = events.scan(), events.scan()
    assert (first.text, second.text) == ("SB00042", "LABEL NO.0016586 LOT NO.:STAR44GG")
    assert first.raw == b"SB00042"
    assert first.source is ScanSource.SERIAL
    assert first.scanner_id == "s1"
    assert first.monotonic_ns > 0
    assert first.arrived_at.utcoffset() is not None
    decoder = Decoder()
    assert decoder.decode(second).decoded is not None
    assert decoder.decode(second).decoded.code == "0016586"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("wire", "cuts"),
    [
        (b"SB00042\rLABEL NO.0016586 LOT NO.:STAR44GG\r", (3, 9)),
        (b"SB00042\nLABEL NO.0016586 LOT NO.:STAR44GG\n", (3, 9)),
        (b"SB00042\r\nLABEL NO.0016586 LOT NO.:STAR44GG\r\n", (3, 8)),  # mid-CRLF
        (b"SB00042\r\nLABEL NO.0016586 LOT NO.:STAR44GG\r\n", (7, 8)),  # CR, LF, rest
        (b"SB00042\nLABEL NO.0016586 LOT NO.:STAR44GG\r\n", (5, 40)),
        (b"SB00042\r\nLABEL NO.0016586 LOT NO.:STAR44GG\r", (8, 9)),  # LF opens a chunk
    ],
)
def test_auto_terminator_takes_cr_lf_and_crlf(
    wire: bytes, cuts: tuple[int, int], events: Events, ptys: list[Pty], running: list[Any]
) -> None:
    pty = _new(ptys)
    _start(running, events, _cfg(pty.path, Terminator.AUTO))
    events.wait_state("s1", "connected")
    first_cut, second_cut = cuts
    for chunk in (wire[:first_cut], wire[first_cut:second_cut], wire[second_cut:]):
        pty.send(chunk)
    first, second = events.scan(), events.scan()
    # a CRLF is one terminator: no empty read between, no byte of the next read lost
    assert (first.raw, second.raw) == (b"SB00042", b"LABEL NO.0016586 LOT NO.:STAR44GG")
    pty.send(b"M444-00017\r")
    assert events.scan().text == "M444-00017"
    assert events.scans.empty()


def test_default_settings_read_thirty_lf_suffixed_codes_right(
    events: Events, ptys: list[Pty], running: list[Any]
) -> None:
    """A scanner set to an LF suffix works on the station's default settings."""
    assert SerialScannerConfig(scanner_id="s1", port="COM3").terminator is Terminator.AUTO
    pty = _new(ptys)
    config = SerialSettings(port=pty.path).to_scanner()  # a settings file naming only the port
    assert config.terminator is Terminator.AUTO
    _start(running, events, config)
    events.wait_state(config.scanner_id, "connected")
    codes = ["SB00042"] + [f"LABEL NO.{16586 + n:07d} LOT NO.:STAR44GG" for n in range(29)]
    wire = b"".join(code.encode() + b"\n" for code in codes)
    for start in range(0, len(wire), 37):  # chunks that cut codes and suffixes anywhere
        pty.send(wire[start : start + 37])
    reads = [events.scan() for _ in codes]
    decoder = Decoder()
    results = [decoder.decode(read) for read in reads]
    assert [r.decoded.code if r.decoded else r.refusal for r in results] == [
        "SB00042",
        *(f"{16586 + n:07d}" for n in range(29)),
    ]
    assert all(r.ok for r in results)
    assert events.scans.empty()


def test_idle_terminator(events: Events, ptys: list[Pty], running: list[Any]) -> None:
    pty = _new(ptys)
    _start(running, events, _cfg(pty.path, Terminator.IDLE, idle_ms=80))
    events.wait_state("s1", "connected")
    pty.send(b"SB00")
    pty.send(b"042")
    assert events.scan().text == "SB00042"
    pty.send(b"M444-00017")
    assert events.scan().text == "M444-00017"


def test_two_scanners_at_once(events: Events, ptys: list[Pty]) -> None:
    left, right = _new(ptys), _new(ptys)
    manager = ScannerManager(events.on_scan, events.on_state)
    manager.configure(
        [
            SerialScannerConfig(scanner_id="left", port=left.path),
            SerialScannerConfig(scanner_id="right", port=right.path, terminator=Terminator.LF),
        ]
    )
    try:
        connected: set[str] = set()
        while connected != {"left", "right"}:
            sid, state, _ = events.states.get(timeout=WAIT)
            if state == "connected":
                connected.add(sid)
        left.send(b"SB00001\r")
        right.send(b"C0100\n")
        left.send(b"C0101\r")
        got = sorted((r.scanner_id, r.text) for r in (events.scan(), events.scan(), events.scan()))
        assert got == [("left", "C0101"), ("left", "SB00001"), ("right", "C0100")]
        assert manager.states() == {
            "left": ("connected", manager.scanners["left"].detail),
            "right": ("connected", manager.scanners["right"].detail),
        }
    finally:
        manager.stop_all()
    assert manager.scanners == {}


def test_unplug_and_replug_at_the_same_path(
    events: Events, ptys: list[Pty], running: list[Any], tmp_path: Path
) -> None:
    link = tmp_path / "ttyScanner"
    first = _new(ptys)
    link.symlink_to(first.path)
    scanner = _start(running, events, _cfg(str(link)))
    events.wait_state("s1", "connected")
    first.send(b"SB00001\r")
    assert events.scan().text == "SB00001"

    first.unplug()
    events.wait_state("s1", "lost")
    events.wait_state("s1", "reconnecting")  # the device is gone: retries, no busy loop

    second = _new(ptys)
    link.unlink()
    link.symlink_to(second.path)
    events.wait_state("s1", "connected")
    second.send(b"SB00002\r")
    record = events.scan()
    assert record.text == "SB00002"
    assert scanner.state.value == "connected"


def test_usb_match_finds_the_scanner_under_a_new_name(
    events: Events, ptys: list[Pty], running: list[Any]
) -> None:
    @dataclass
    class FakePortInfo:  # what comports() reports; the device path is a real pty
        device: str
        vid: int | None
        pid: int | None
        serial_number: str | None
        description: str = "Honeywell Xenon 1900"

    first = _new(ptys)
    other = _new(ptys)
    present = [
        FakePortInfo(other.path, 0x0C2E, 0x0B61, "OTHER"),
        FakePortInfo(first.path, 0x0C2E, 0x0B61, "17041B0CD1"),
    ]
    config = SerialScannerConfig(
        scanner_id="dock",
        usb=UsbMatch(vid=0x0C2E, pid=0x0B61, serial_number="17041B0CD1"),
        backoff_initial_s=0.05,
        backoff_max_s=0.4,
    )
    scanner = _start(running, events, config, lister=lambda: list(present))
    assert events.wait_state("dock", "connected").startswith(first.path)
    first.send(b"SB00003\r")
    assert events.scan().scanner_id == "dock"

    present.pop()  # unplugged: gone from the port list
    first.unplug()
    events.wait_state("dock", "lost")
    assert "no USB device matches" in events.wait_state("dock", "reconnecting")
    replugged = _new(ptys)
    present.append(FakePortInfo(replugged.path, 0x0C2E, 0x0B61, "17041B0CD1"))
    assert events.wait_state("dock", "connected").startswith(replugged.path)
    replugged.send(b"SB00004\r")
    assert events.scan().text == "SB00004"
    assert scanner.resolve_port() == replugged.path


def test_binary_noise_and_overlong_line_are_refused(
    events: Events, ptys: list[Pty], running: list[Any]
) -> None:
    pty = _new(ptys)
    scanner = _start(running, events, _cfg(pty.path, max_line_bytes=512))
    events.wait_state("s1", "connected")
    decoder = Decoder()

    pty.send(b"\x00\xff\xfe\x01\x02noise\r")
    noise = decoder.decode(events.scan())
    assert noise.refusal is not None
    assert noise.refusal.reason == "binary_noise"

    rng = random.Random(1)
    pty.send(bytes(rng.randrange(32, 127) for _ in range(3000)))
    pty.send(b"tail of the overlong read\rSB00042\r")
    overlong = events.scan()
    assert overlong.truncated
    assert len(overlong.raw) == 512
    refused = decoder.decode(overlong)
    assert refused.refusal is not None
    assert refused.refusal.reason == "too_long"
    # the rest of the overlong read is dropped; the next read is intact
    assert events.scan().text == "SB00042"
    assert scanner.state.value == "connected"
    assert events.scans.empty()


def test_stop_reports_stopped_and_joins(events: Events, ptys: list[Pty]) -> None:
    pty = _new(ptys)
    scanner = SerialScanner(_cfg(pty.path), events.on_scan, events.on_state)
    scanner.start()
    events.wait_state("s1", "connected")
    scanner.stop()
    assert scanner._thread is None
    events.wait_state("s1", "stopped")


def test_missing_port_keeps_reconnecting_until_stopped(events: Events, tmp_path: Path) -> None:
    scanner = SerialScanner(_cfg(str(tmp_path / "nothing")), events.on_scan, events.on_state)
    scanner.start()
    try:
        events.wait_state("s1", "reconnecting")
        events.wait_state("s1", "reconnecting")
    finally:
        scanner.stop()
    events.wait_state("s1", "stopped")


def test_line_splitter_bounds_memory() -> None:
    splitter = LineSplitter(Terminator.CRLF, 16)
    out = splitter.feed(b"A" * 100 + b"\r", 1)
    assert out == [(b"A" * 16, True, 1)]
    assert len(splitter.buffer) <= 1
    assert splitter.feed(b"\nB" * 1 + b"CDE\r\n", 2) == [(b"BCDE", False, 2)]


def test_line_splitter_auto_counts_a_split_crlf_once() -> None:
    splitter = LineSplitter(Terminator.AUTO, 64)
    assert splitter.feed(b"SB00042\r", 1) == [(b"SB00042", False, 1)]
    assert splitter.feed(b"\n", 2) == []
    assert splitter.feed(b"\nC0100\r", 3) == [(b"C0100", False, 3)]  # a bare LF is no read
    assert splitter.feed(b"\r\r\n\n", 4) == []  # empty reads are never returned
    assert splitter.feed(b"C0101", 5) == []
    assert splitter.feed(b"", 6) == []
    assert splitter.feed(b"\r", 7) == [(b"C0101", False, 5)]
    assert splitter.feed(b"X", 8) == []  # not an LF: the first byte of the next read
    assert splitter.feed(b"YZ\n", 9) == [(b"XYZ", False, 8)]


def test_line_splitter_auto_refuses_an_overlong_read_once_and_bounds_memory() -> None:
    splitter = LineSplitter(Terminator.AUTO, 16)
    assert splitter.feed(b"A" * 100, 1) == [(b"A" * 16, True, 1)]
    assert splitter.buffer == bytearray()
    assert splitter.feed(b"B" * 100, 2) == []  # the same overlong read: reported once
    assert len(splitter.buffer) == 0
    assert splitter.feed(b"tail\r", 3) == []
    assert splitter.feed(b"\nSB00042\n", 4) == [(b"SB00042", False, 4)]
    # overlong inside one chunk, terminator included
    assert splitter.feed(b"C" * 40 + b"\r\nC0100\r\n", 5) == [
        (b"C" * 16, True, 5),
        (b"C0100", False, 5),
    ]


_CODES = st.lists(
    st.text(
        alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=60
    ),
    min_size=1,
    max_size=12,
)


def _chunks(data: st.DataObject, stream: bytes) -> list[bytes]:
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(stream)), max_size=12))))
    bounds = [0, *cuts, len(stream)]
    return [stream[a:b] for a, b in itertools.pairwise(bounds)]


def _reads(splitter: LineSplitter, chunks: list[bytes]) -> list[bytes]:
    reads = []
    for ns, chunk in enumerate(chunks, start=1):
        for line, truncated, _started in splitter.feed(chunk, ns):
            assert not truncated
            reads.append(line)
    return reads


@settings(max_examples=300, deadline=None)
@given(codes=_CODES, data=st.data())
def test_auto_splits_any_mix_of_suffixes_in_any_chunks(
    codes: list[str], data: st.DataObject
) -> None:
    ends = data.draw(st.lists(st.sampled_from([b"\r", b"\n", b"\r\n"]), min_size=len(codes)))
    stream = b"".join(code.encode() + end for code, end in zip(codes, ends, strict=False))
    splitter = LineSplitter(Terminator.AUTO, MAX_RAW_LENGTH)
    assert _reads(splitter, _chunks(data, stream)) == [code.encode() for code in codes]
    assert splitter.buffer == bytearray()


@settings(max_examples=300, deadline=None)
@given(
    codes=_CODES,
    terminator=st.sampled_from([Terminator.CR, Terminator.LF, Terminator.CRLF]),
    data=st.data(),
)
def test_an_explicit_terminator_splits_its_own_suffix_in_any_chunks(
    codes: list[str], terminator: Terminator, data: st.DataObject
) -> None:
    end = {Terminator.CR: b"\r", Terminator.LF: b"\n", Terminator.CRLF: b"\r\n"}[terminator]
    stream = b"".join(code.encode() + end for code in codes)
    splitter = LineSplitter(terminator, MAX_RAW_LENGTH)
    assert _reads(splitter, _chunks(data, stream)) == [code.encode() for code in codes]
    assert splitter.buffer == bytearray()


@settings(max_examples=300, deadline=None)
@given(
    chunks=st.lists(st.binary(max_size=40) | st.sampled_from([b"\r", b"\n", b"\r\n"]), max_size=20),
    terminator=st.sampled_from(list(Terminator)),
)
def test_line_splitter_reads_are_never_empty_and_memory_stays_bounded(
    chunks: list[bytes], terminator: Terminator
) -> None:
    splitter = LineSplitter(terminator, 16)
    for ns, chunk in enumerate(chunks, start=1):
        for line, _truncated, _started in splitter.feed(chunk, ns):
            assert 0 < len(line) <= 16
            if terminator is Terminator.AUTO:
                assert b"\r" not in line
                assert b"\n" not in line
        assert len(splitter.buffer) <= 16


def test_backoff_doubles_to_the_cap_with_jitter() -> None:
    delays = backoff_delays(0.5, 10.0, random.Random(3))
    got = [next(delays) for _ in range(8)]
    assert 0.4 <= got[0] <= 0.6
    assert all(d <= 10.0 for d in got)
    assert got[-1] >= 8.0
    assert got[3] > got[0]


def test_config_needs_a_port_or_usb_match() -> None:
    with pytest.raises(ValueError, match="port name or a USB match"):
        SerialScannerConfig(scanner_id="x")


def test_port_listing_labels() -> None:
    @dataclass
    class Info:
        device: str
        description: str
        vid: int | None = None
        pid: int | None = None
        serial_number: str | None = None
        manufacturer: str | None = None

    listed = [
        Info("/dev/ttyS0", "n/a"),
        Info("/dev/ttyACM0", "Xenon 1900", 0x0C2E, 0x0B61, "SN1"),
    ]
    ports = available_ports(lambda: listed)
    assert [p.device for p in ports] == ["/dev/ttyACM0", "/dev/ttyS0"]
    assert port_choices(lambda: listed) == [
        ("/dev/ttyACM0", "Xenon 1900 (0C2E:0B61, SN SN1)"),
        ("/dev/ttyS0", ""),
    ]
    assert isinstance(available_ports(), list)  # the real system listing works too
