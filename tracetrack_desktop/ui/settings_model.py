"""The settings the dialog edits, and the rules that refuse bad values.

The dialog shows each error beside its field; the composition root turns accepted values into
the station's configuration. Messages are marked for translation in the ``SettingsErrors``
context; the widgets translate them when they show them. :func:`learn_profile` works out a
keyboard scanner's settings from a few test reads (``ScannerProfile`` context).

Only Qt's translation marker is imported from PySide6: everything here runs without a window.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError
from PySide6.QtCore import QT_TRANSLATE_NOOP

from tracetrack_core.codes import CodeRules, ParentSeries
from tracetrack_desktop.config import (
    SerialSettings,
    StationConfig,
    plain_http_host,
    server_url_problem,
)
from tracetrack_desktop.scanner.records import ScanRecord
from tracetrack_desktop.scanner.wedge import WedgeConfig

BAUD_RATES = (9600, 19200, 38400, 57600, 115200)
TERMINATORS = ("AUTO", "CR", "LF", "CRLF", "IDLE")
"""What ends a serial read (``scanner.serial_reader.Terminator``): AUTO (the default) takes CR,
LF or CRLF; CR, LF and CRLF take only that suffix; IDLE: a pause."""
LANGUAGES = {"en": "English", "hi": "हिन्दी"}
WEDGE_TERMINATORS = ("Enter", "Tab")
LEARNED_IDLE_SUBMIT_MS = 300
"""The pause that ends a read of a scanner learned to send no suffix: longer than any key gap
(at most 200 ms), short enough that the next label can follow at once."""
"""The keys that can end a keyboard scanner's read."""
IDLE_SUBMIT_RANGE_MS = (100, 2000)
"""Submit-after-a-pause for scanners without a suffix: 0 is off, else within this range."""
MAX_PREFIX_LENGTH = 8


@dataclass(frozen=True)
class SettingsValues:
    """Everything the settings dialog can change."""

    server_url: str = ""
    offline_only: bool = False
    allow_plain_http: bool = False
    serial_port: str = ""
    baud: int = 9600
    terminator: str = "AUTO"
    wedge_max_gap_ms: int = 80
    wedge_min_length: int = 4
    wedge_prefix: str = ""
    wedge_idle_submit_ms: int = 0
    wedge_terminators: tuple[str, ...] = WEDGE_TERMINATORS
    parent_patterns: tuple[str, ...] = (r"SB\d{5}", r"M444-\d{5}")
    child_pattern: str = r"[A-Z0-9]{4,20}"
    muted: bool = False
    high_contrast: bool = False
    language: str = "en"
    kiosk: bool = False
    extra: dict[str, str] = field(default_factory=dict)


MESSAGES: dict[str, str] = {
    key: str(text)
    for key, text in {
        "server_url": QT_TRANSLATE_NOOP(
            "SettingsErrors",
            "Enter a full address such as https://tracetrack.example.com, or tick offline only.",
        ),
        "server_url_plain": QT_TRANSLATE_NOOP(
            "SettingsErrors",
            "This address is not encrypted (http:// to another machine). Use https://, or "
            "tick the box below to allow it.",
        ),
        "server_url_plain_setup": QT_TRANSLATE_NOOP(
            "SettingsErrors",
            "This address is not encrypted (http:// to another machine). Use https://, or "
            "choose offline only now and allow plain http later in Settings, Server.",
        ),
        "terminator": QT_TRANSLATE_NOOP(
            "SettingsErrors",
            "Choose what your scanner sends after each code, or AUTO for CR, LF or CRLF.",
        ),
        "wedge_max_gap_ms": QT_TRANSLATE_NOOP(
            "SettingsErrors", "A scanner types faster than people: use 5 to 200 ms."
        ),
        "wedge_min_length": QT_TRANSLATE_NOOP("SettingsErrors", "Use 1 to 64 characters."),
        "wedge_prefix": QT_TRANSLATE_NOOP(
            "SettingsErrors",
            "Use up to 8 characters without spaces, exactly as set on the scanner, e.g. ~.",
        ),
        "wedge_idle_submit_ms": QT_TRANSLATE_NOOP(
            "SettingsErrors",
            "Use off (0) or 100 to 2000 ms, and no less than the slowest key gap.",
        ),
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


def check_server_url(
    url: str,
    offline_only: bool,
    *,
    allow_plain_http: bool = False,
    plain_key: str = "server_url_plain",
) -> str | None:
    """An error message for a server URL the station may not use, or None.

    The rule is the settings file's (``config.server_url_problem``); this picks the message
    the operator reads. ``plain_key``: the :data:`MESSAGES` key for unencrypted http.
    """
    if offline_only:  # the address is kept for later but not needed now
        return None
    if server_url_problem(url, allow_plain_http=True):
        return MESSAGES["server_url"]
    if server_url_problem(url, allow_plain_http=allow_plain_http):
        return MESSAGES[plain_key]
    return None


def needs_plain_http_opt_in(url: str) -> bool:
    """The URL is http:// to another machine: it works only with ``allow_plain_http``."""
    return plain_http_host(url) is not None


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
    url_error = check_server_url(
        values.server_url, values.offline_only, allow_plain_http=values.allow_plain_http
    )
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
    prefix = values.wedge_prefix
    if len(prefix) > MAX_PREFIX_LENGTH or any(
        not ch.isprintable() or ch.isspace() for ch in prefix
    ):
        errors["wedge_prefix"] = MESSAGES["wedge_prefix"]
    idle = values.wedge_idle_submit_ms
    low, high = IDLE_SUBMIT_RANGE_MS
    # The pause that submits a read must be longer than any gap inside one (WedgeConfig's rule).
    if idle and not (low <= idle <= high and idle >= values.wedge_max_gap_ms):
        errors["wedge_idle_submit_ms"] = MESSAGES["wedge_idle_submit_ms"]
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


def values_from_config(
    config: StationConfig, codes: CodeRules | None = None, *, enrolled_with: str | None = None
) -> SettingsValues:
    """What the dialog shows for the station's settings file (and the site's code rules).

    ``enrolled_with``: the server the station enrolled with, which is the one it syncs with
    whatever the file's ``url`` says (``make run`` enrolls without writing the file); shown
    instead, so pressing OK keeps it rather than writing an empty address.
    """
    serial = config.scanner.serial[0] if config.scanner.serial else None
    codes = codes or CodeRules()
    url = enrolled_with or config.server.url
    return SettingsValues(
        server_url=url,
        offline_only=not url,
        allow_plain_http=config.server.allow_plain_http,
        serial_port=serial.port if serial else "",
        baud=serial.baud if serial else 9600,
        terminator=serial.terminator if serial else "AUTO",
        wedge_max_gap_ms=int(config.scanner.wedge_max_gap_ms),
        wedge_min_length=config.scanner.wedge_min_length,
        wedge_prefix=config.scanner.wedge_prefix,
        wedge_idle_submit_ms=round(config.scanner.wedge_idle_submit_ms),
        wedge_terminators=tuple(config.scanner.wedge_terminators),
        parent_patterns=tuple(series.pattern for series in codes.parent_series),
        child_pattern=codes.child_pattern,
        muted=config.ui.muted,
        high_contrast=config.ui.high_contrast,
        kiosk=config.ui.kiosk,
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
                update={
                    "url": "" if values.offline_only else values.server_url.strip().rstrip("/"),
                    "allow_plain_http": values.allow_plain_http,
                }
            ),
            "scanner": config.scanner.model_copy(
                update={
                    "serial": tuple(serial),
                    "wedge_max_gap_ms": float(values.wedge_max_gap_ms),
                    "wedge_min_length": values.wedge_min_length,
                    "wedge_prefix": values.wedge_prefix,
                    "wedge_idle_submit_ms": float(values.wedge_idle_submit_ms),
                    "wedge_terminators": tuple(values.wedge_terminators),
                }
            ),
            "ui": config.ui.model_copy(
                update={
                    "muted": values.muted,
                    "high_contrast": values.high_contrast,
                    "kiosk": values.kiosk,
                    "language": values.language,
                }
            ),
        }
    )


def wedge_config(base: WedgeConfig, values: SettingsValues) -> WedgeConfig:
    """``base`` (the running keyboard-scanner settings) with what the dialog changed.

    Settings the dialog does not show (the longest read, the GS substitute, the scanner id)
    are kept from ``base``. The values must have passed :func:`validate`.
    """
    return dataclasses.replace(
        base,
        max_char_interval_ms=float(values.wedge_max_gap_ms),
        min_length=values.wedge_min_length,
        prefix=values.wedge_prefix,
        idle_submit_ms=float(values.wedge_idle_submit_ms) or None,
        terminators=frozenset(values.wedge_terminators),
    )


# -- learning a keyboard scanner from test reads -----------------------------------------

LEARN_MIN_READS = 3
"""Test reads needed before a profile is offered: one read can hide a slow radio packet."""
LEARN_KEEP_READS = 5
"""Only the latest test reads count, so a scanner reconfigured mid-test is learned afresh."""
PERSON_GAP_MS = 100
"""People type a key every 100-250 ms: a key gap this long lets typing pass as a scan."""

PROFILE_TEXTS: dict[str, str] = {
    key: str(text)
    for key, text in {
        "gap": QT_TRANSLATE_NOOP(
            "ScannerProfile",
            "Slowest gap between keys in {reads} reads: {slowest} ms. Key gap: {gap} ms.",
        ),
        "suffix": QT_TRANSLATE_NOOP("ScannerProfile", "The scanner ends each code with {key}."),
        "no_suffix": QT_TRANSLATE_NOOP(
            "ScannerProfile",
            "The scanner sends nothing after a code: a read will end after a short pause.",
        ),
        "mixed_suffix": QT_TRANSLATE_NOOP(
            "ScannerProfile",
            "The reads ended with different keys: Enter and Tab will both end a read.",
        ),
        "overlaps": QT_TRANSLATE_NOOP(
            "ScannerProfile",
            "This scanner types almost as slowly as a person; set a prefix on the scanner "
            "(see docs/scanners.md) and enter it here.",
        ),
    }.items()
}
"""The sentences of a learned profile's summary (translated by the ``translate`` given)."""


@dataclass(frozen=True)
class LearnedProfile:
    """Keyboard-scanner settings worked out from test reads.

    Attributes:
        max_gap_ms: the key gap to set: the slowest gap seen times 1.25, plus 5 ms, within
            20-200 ms.
        suffix: the key the scanner sends after each code (``"Enter"``, ``"Tab"``), or
            ``""`` when it sends none (a pause must end its reads).
        slowest_gap_ms: the longest gap between two keys in any test read.
        overlaps_typing: ``max_gap_ms`` is as slow as a person types, so timing alone cannot
            tell this scanner from typing: a prefix is needed.
        summary: what was learned, in sentences for the operator.
        reads: how many test reads it was learned from.
        suffix_agreed: the recent reads all ended the same way; when False, ``suffix`` is
            only the fallback ``"Enter"`` and both keys should stay terminators.
    """

    max_gap_ms: int
    suffix: str
    slowest_gap_ms: float
    overlaps_typing: bool
    summary: str
    reads: int = 0
    suffix_agreed: bool = True

    @property
    def idle_submit_ms(self) -> int:
        """The no-suffix pause to set: only a scanner without a suffix needs one (for one with
        a suffix it would only hide a lost Enter); 0 is off."""
        return 0 if self.suffix else LEARNED_IDLE_SUBMIT_MS

    @property
    def terminators(self) -> tuple[str, ...]:
        """The keys that end a read: the scanner's own, or both when its reads disagreed."""
        if self.suffix in WEDGE_TERMINATORS and self.suffix_agreed:
            return (self.suffix,)
        return WEDGE_TERMINATORS


def _same(text: str) -> str:
    return text


def learn_profile(
    records: Sequence[ScanRecord], translate: Callable[[str], str] = _same
) -> LearnedProfile:
    """Work out a keyboard scanner's key gap and suffix from its test reads.

    Args:
        records: test reads, oldest first; those with fewer than three keys (no timing worth
            the name) are skipped.
        translate: turns a :data:`PROFILE_TEXTS` sentence into the operator's language.

    Returns:
        The learned profile.

    Raises:
        ValueError: no read has keystroke timing.
    """
    samples = [record for record in records if len(record.char_intervals_ms) >= 2]
    if not samples:
        raise ValueError("learn_profile needs keyboard reads of at least three keys")
    slowest = max(max(record.char_intervals_ms) for record in samples)
    # Radio packets vary from read to read: leave a quarter more, plus a little for jitter.
    # (A Bluetooth scanner at its usual 60 ms comes out at the default, 80 ms.)
    max_gap = min(200, max(20, math.ceil(slowest * 1.25 + 5)))
    recent = {_suffix_of(record) for record in samples[-LEARN_MIN_READS:]}
    agreed = len(recent) == 1
    suffix = recent.pop() if agreed else "Enter"
    overlaps = max_gap >= PERSON_GAP_MS
    sentences = [
        translate(PROFILE_TEXTS["gap"]).format(
            reads=len(samples), slowest=round(slowest), gap=max_gap
        )
    ]
    if not agreed:
        sentences.append(translate(PROFILE_TEXTS["mixed_suffix"]))
    elif suffix:
        sentences.append(translate(PROFILE_TEXTS["suffix"]).format(key=suffix))
    else:
        sentences.append(translate(PROFILE_TEXTS["no_suffix"]))
    if overlaps:
        sentences.append(translate(PROFILE_TEXTS["overlaps"]))
    return LearnedProfile(
        max_gap_ms=max_gap,
        suffix=suffix,
        slowest_gap_ms=slowest,
        overlaps_typing=overlaps,
        summary=" ".join(sentences),
        reads=len(samples),
        suffix_agreed=agreed,
    )


def _suffix_of(record: ScanRecord) -> str:
    """The key that ended a read (``"Enter"``, ``"Tab"``); ``""`` for a pause or a text suffix."""
    return record.terminator if record.terminator in WEDGE_TERMINATORS else ""


def config_with_profile(config: StationConfig, profile: LearnedProfile) -> StationConfig:
    """``config`` with a learned keyboard-scanner profile (what the dialog's fields take)."""
    return config.model_copy(
        update={
            "scanner": config.scanner.model_copy(
                update={
                    "wedge_max_gap_ms": float(profile.max_gap_ms),
                    "wedge_idle_submit_ms": float(profile.idle_submit_ms),
                    "wedge_terminators": profile.terminators,
                }
            )
        }
    )
