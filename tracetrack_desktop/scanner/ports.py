"""Serial ports with the names a person recognises (for the settings dialog)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from serial.tools import list_ports


@dataclass(frozen=True)
class PortInfo:
    """One serial port.

    Attributes:
        device: what to open (``COM3``, ``/dev/ttyACM0``).
        description: the USB product or driver name, if the system knows it.
        vid: USB vendor id, for USB devices.
        pid: USB product id, for USB devices.
        serial_number: the USB serial number, which tells identical scanners apart.
        manufacturer: the USB manufacturer string.
    """

    device: str
    description: str = ""
    vid: int | None = None
    pid: int | None = None
    serial_number: str | None = None
    manufacturer: str | None = None

    @property
    def label(self) -> str:
        """E.g. ``"Honeywell Xenon 1900 (0C2E:0B61, SN 17041B0CD1)"``; ``""`` if nothing known."""
        name = self.description if self.description not in ("", "n/a", self.device) else ""
        if self.vid is None or self.pid is None:
            return name
        usb = f"{self.vid:04X}:{self.pid:04X}"
        if self.serial_number:
            usb += f", SN {self.serial_number}"
        return f"{name} ({usb})" if name else f"USB {usb}"


def _info(port: Any) -> PortInfo:
    return PortInfo(
        device=str(port.device),
        description=str(getattr(port, "description", "") or ""),
        vid=getattr(port, "vid", None),
        pid=getattr(port, "pid", None),
        serial_number=getattr(port, "serial_number", None),
        manufacturer=getattr(port, "manufacturer", None),
    )


def available_ports(lister: Callable[[], Iterable[Any]] = list_ports.comports) -> list[PortInfo]:
    """Every serial port now present, USB scanners first, then by name."""
    try:
        ports = [_info(p) for p in lister()]
    except OSError:
        return []  # an unreadable device tree means "no ports", not a crashed dialog
    return sorted(ports, key=lambda p: (p.vid is None, p.device))


def port_choices(
    lister: Callable[[], Iterable[Any]] = list_ports.comports,
) -> list[tuple[str, str]]:
    """``(device, label)`` pairs, the shape ``StationApp(list_ports=...)`` expects."""
    return [(p.device, p.label) for p in available_ports(lister)]
