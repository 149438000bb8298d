"""The settings the dialog edits, and the rules that refuse bad values.

The dialog shows each error beside its field; the composition root turns accepted values into
the station's configuration. Messages are marked for translation in the ``SettingsErrors``
context; the widgets translate them when they show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

from pydantic import ValidationError
from PySide6.QtCore import QT_TRANSLATE_NOOP

from tracetrack_core.codes import CodeRules, ParentSeries
from tracetrack_desktop.config import SerialSettings, StationConfig

BAUD_RATES = (9600, 19200, 38400, 57600, 115200)
TERMINATORS = ("AUTO", "CR", "LF", "CRLF", "IDLE")
"""What ends a serial read (``scanner.serial_reader.Terminator``): AUTO (the default) takes CR,
LF or CRLF; CR, LF and CRLF take only that suffix; IDLE: a pause."""
LANGUAGES = {"en": "English", "hi": "हिन्दी"}


@dataclass(frozen=True)
class SettingsValues:
    """Everything the settings dialog can change."""

    server_url: str = ""
    offline_only: bool = False
    serial_port: str = ""
    baud: int = 9600
    terminator: str = "AUTO"
    wedge_max_gap_ms: int = 80
    wedge_min_length: int = 4
    parent_patterns: tuple[str, ...] = (r"SB\d{5}", r"M444-\d{5}")
    child_pattern: str = r"[A-Z0-9]{4,20}"
    muted: bool = False
    high_contrast: bool = False
    language: str = "en"
    extra: dict[str, str] = field(default_factory=dict)


MESSAGES: dict[str, str] = {
    key: str(text)
    for key, text in {
        "server_url": QT_TRANSLATE_NOOP(
            "SettingsErrors",
            "Enter a full address such as https://tracetrack.example.com, or tick offline only.",
        ),
        "terminator": QT_TRANSLATE_NOOP(
            "SettingsErrors",
            "Choose what your scanner sends after each code, or AUTO for CR, LF or CRLF.",
        ),
        "wedge_max_gap_ms": QT_TRANSLATE_NOOP(
            "SettingsErrors", "A scanner types faster than people: use 5 to 200 ms."
        ),
        "wedge_min_length": QT_TRANSLATE_NOOP("SettingsErrors", "Use 1 to 64 characters."),
        "parent_patterns": QT_TRANSLATE_NOOP(
            "SettingsErrors", "Give at least one parent pattern, e.g. SB\\d{5}."
        ),
        "child_pattern": QT_TRANSLATE_NOOP(
            "SettingsErrors", "This pattern refuses plain child labels such as 0016586; widen it."
        ),
        "language": QT_TRANSLATE_NOOP("SettingsErrors", "Choose English or Hindi."),
        "baud": QT_TRANSLATE_NOOP("SettingsErrors", "Choose one of the listed speeds."),
        "pattern": QT_TRANSLATE_NOOP("SettingsErrors", "Not a valid pattern:"),
    }.items()
}
"""What to tell the operator for each refused field (translated where shown)."""


def check_server_url(url: str, offline_only: bool) -> str | None:
    """An error message for a bad server URL, or None."""
    if offline_only:  # the address is kept for later but not needed now
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return MESSAGES["server_url"]
    return None


def rules_from(values: SettingsValues) -> CodeRules:
    """The code rules these values describe (may raise ``ValidationError``)."""
    defaults = CodeRules()
    series = []
    for index, pattern in enumerate(values.parent_patterns):
        base = defaults.parent_series[min(index, len(defaults.parent_series) - 1)]
        name = base.name if index < len(defaults.parent_series) else f"S{index + 1}"
        series.append(
            ParentSeries(
                name=name, pattern=pattern, capacity=base.capacity, expected_kg=base.expected_kg
            )
        )
    return CodeRules(parent_series=tuple(series), child_pattern=values.child_pattern)


def validate(values: SettingsValues) -> dict[str, str]:
    """Field name → what is wrong with it and how to fix it. Empty when all is well."""
    errors: dict[str, str] = {}
    url_error = check_server_url(values.server_url, values.offline_only)
    if url_error:
        errors["server_url"] = url_error
    if values.baud not in BAUD_RATES:
        errors["baud"] = MESSAGES["baud"]
    if values.terminator not in TERMINATORS:
        errors["terminator"] = MESSAGES["terminator"]
    if not 5 <= values.wedge_max_gap_ms <= 200:
        errors["wedge_max_gap_ms"] = MESSAGES["wedge_max_gap_ms"]
    if not 1 <= values.wedge_min_length <= 64:
        errors["wedge_min_length"] = MESSAGES["wedge_min_length"]
    if not any(p.strip() for p in values.parent_patterns):
        errors["parent_patterns"] = MESSAGES["parent_patterns"]
    else:
        try:
            rules = rules_from(values)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = "child_pattern" if "child_pattern" in first["loc"] else "parent_patterns"
            errors[where] = f"{MESSAGES['pattern']} {first['msg']}"
        else:
            if not values.child_pattern.strip() or not rules.is_child("0016586"):
                errors["child_pattern"] = MESSAGES["child_pattern"]
    if values.language not in LANGUAGES:
        errors["language"] = MESSAGES["language"]
    return errors


def values_from_config(config: StationConfig, codes: CodeRules | None = None) -> SettingsValues:
    """What the dialog shows for the station's settings file (and the site's code rules)."""
    serial = config.scanner.serial[0] if config.scanner.serial else None
    codes = codes or CodeRules()
    return SettingsValues(
        server_url=config.server.url,
        offline_only=not config.server.url,
        serial_port=serial.port if serial else "",
        baud=serial.baud if serial else 9600,
        terminator=serial.terminator if serial else "AUTO",
        wedge_max_gap_ms=int(config.scanner.wedge_max_gap_ms),
        wedge_min_length=config.scanner.wedge_min_length,
        parent_patterns=tuple(series.pattern for series in codes.parent_series),
        child_pattern=codes.child_pattern,
        muted=config.ui.muted,
        high_contrast=config.ui.high_contrast,
        language=config.ui.language,
    )


def config_with_values(config: StationConfig, values: SettingsValues) -> StationConfig:
    """``config`` with what the dialog changed (other settings in the file are kept)."""
    serial = list(config.scanner.serial)
    if values.serial_port:
        first = serial[0] if serial else SerialSettings()
        serial[:1] = [
            first.model_copy(
                update={
                    "id": first.id or values.serial_port,
                    "port": values.serial_port,
                    "baud": values.baud,
                    "terminator": values.terminator,
                }
            )
        ]
    else:
        serial = serial[1:]
    return config.model_copy(
        update={
            "server": config.server.model_copy(
                update={"url": "" if values.offline_only else values.server_url.strip().rstrip("/")}
            ),
            "scanner": config.scanner.model_copy(
                update={
                    "serial": tuple(serial),
                    "wedge_max_gap_ms": float(values.wedge_max_gap_ms),
                    "wedge_min_length": values.wedge_min_length,
                }
            ),
            "ui": config.ui.model_copy(
                update={
                    "muted": values.muted,
                    "high_contrast": values.high_contrast,
                    "language": values.language,
                }
            ),
        }
    )
