"""The domain's operator messages, in the operator's language.

The workflow and the rules (``domain/``, ``tracetrack_core``) stay Qt-free and speak English;
each message they make is one of the templates below with its values filled in. A message is
matched against the templates, and the matching one's translation is filled with the same
values: ``"0420016 into SB00042: 17 / 30."`` reads ``"0420016 → SB00042: 17 / 30।"`` in Hindi.
A message that matches none is shown as it came (``tests/desktop/test_ui_fit.py`` names any
left in English on the screens it walks). Keep a template word for word the domain's f-string.
"""

# ruff: noqa: E501 - a template stays one literal, word for word the domain's (lupdate reads it)
from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TEMPLATES: tuple[str, ...] = tuple(
    str(template)  # QT_TRANSLATE_NOOP is typed as returning object
    for template in (
        QT_TRANSLATE_NOOP("Messages", "{code} into {parent}: {count} / {capacity}."),
        QT_TRANSLATE_NOOP("Messages", "{holder} already holds this child ({code}) — put it back."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{code} is already in {parent} ({count} / {capacity}). Nothing to do; scan the next child.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{parent} is complete ({count} / {capacity}). Close it and scan the next parent.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{parent} is complete: {count} / {capacity}. Scan the next parent."
        ),
        QT_TRANSLATE_NOOP("Messages", "{code} opened (0 / {capacity}). Scan its children."),
        QT_TRANSLATE_NOOP("Messages", "Resuming {code} ({count} / {capacity}). Scan its children."),
        QT_TRANSLATE_NOOP(
            "Messages", "{code} is already open ({count} / {capacity}). Keep scanning its children."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Now filling {code} ({count} / {capacity}). {previous} stays open at {pcount} / {pcapacity}; scan it again to resume it.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{code} is already complete ({count} / {capacity}). Scan the next parent."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{code} is already complete ({count} / {capacity}). Keep filling {previous} ({pcount} / {pcapacity}).",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Scan a parent bag first: {code} is a child bag. Put it aside, scan the parent.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Finish {parent} with only {count} / {capacity}? Press FINISH again or CONFIRM to finish it; CANCEL to keep scanning.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Not finished. Keep scanning children of {parent} ({count} / {capacity})."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{parent} finished with {count} children. Close it and scan the next parent.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{parent} was already complete. Scan the next parent."),
        QT_TRANSLATE_NOOP("Messages", "No parent is open to finish. Scan a parent."),
        QT_TRANSLATE_NOOP(
            "Messages", "{parent} has no children yet. Scan its children, or scan another parent."
        ),
        QT_TRANSLATE_NOOP("Messages", "Nothing to confirm."),
        QT_TRANSLATE_NOOP("Messages", "Nothing to cancel."),
        QT_TRANSLATE_NOOP("Messages", "Nothing to undo in this session."),
        QT_TRANSLATE_NOOP(
            "Messages", "Undone: take {child} out of {parent} ({count} / {capacity})."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Undone: take {child} out of {parent} ({count} / {capacity}). {again} is open again.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{child} is no longer in {parent}; nothing to undo."),
        QT_TRANSLATE_NOOP("Messages", "Log in first, then scan."),
        QT_TRANSLATE_NOOP("Messages", "Welcome, {name}. Scan a parent bag."),
        QT_TRANSLATE_NOOP("Messages", "Welcome, {name}. Scan or create a bill."),
        QT_TRANSLATE_NOOP(
            "Messages", "Welcome, {name}. Scan a bag to look it up, or open the dashboard."
        ),
        QT_TRANSLATE_NOOP("Messages", "{name} logged out. Log in to scan."),
        QT_TRANSLATE_NOOP("Messages", "Log in to scan."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{code} holds {count} of {capacity} children. Scan it again or press Confirm to put it on the bill anyway.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{parent} on bill {bill}: {count} / {capacity}."),
        QT_TRANSLATE_NOOP(
            "Messages", "Bill {bill} created for {capacity} parents. Scan its parent bags."
        ),
        QT_TRANSLATE_NOOP("Messages", "{code} stays off bill {bill}. Scan the next parent."),
        QT_TRANSLATE_NOOP("Messages", "Open or create a bill first."),
        QT_TRANSLATE_NOOP("Messages", "Open a bill first."),
        QT_TRANSLATE_NOOP(
            "Messages", "There is no bill {bill} here. Create it first (or wait for sync)."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{code} is already on another bill ({bill}). Take it off that bill first."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Unknown bag {code}: it has never been packed. Send it to a packing station.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Wrong bag type: {code} is a child bag. Only parent bags go onto a bill."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Invalid format: {code} is not a bag code. Scan the parent bag's label."
        ),
        QT_TRANSLATE_NOOP("Messages", "Unknown bill {bill}. Create it first."),
        QT_TRANSLATE_NOOP(
            "Messages", "Bill full ({capacity} parents). Complete it, or raise its capacity."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Bill full ({capacity} parent). Complete it, or raise its capacity."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{code} is not a parent or child label. Scan the bag's own label."
        ),
        QT_TRANSLATE_NOOP("Messages", "Bill mode: scan or create a bill."),
        QT_TRANSLATE_NOOP("Messages", "Bill mode: bill {bill} is open."),
        QT_TRANSLATE_NOOP("Messages", "Scan mode: scan a parent bag."),
        QT_TRANSLATE_NOOP("Messages", "{code} taken out of {parent} and voided."),
        QT_TRANSLATE_NOOP("Messages", "{code} voided."),
        QT_TRANSLATE_NOOP("Messages", "{code} restored; it can be used again."),
        QT_TRANSLATE_NOOP(
            "Messages", "{parent} reopened ({count} / {capacity}); scan more children."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{code} moved from {source} to {target}: {count} / {capacity}."
        ),
        QT_TRANSLATE_NOOP("Messages", "{code} removed from {parent} ({count} / {capacity})."),
        QT_TRANSLATE_NOOP("Messages", "{code} taken off bill {bill}."),
        QT_TRANSLATE_NOOP("Messages", "Bill {bill} completed."),
        QT_TRANSLATE_NOOP("Messages", "Bill {bill} reopened."),
        QT_TRANSLATE_NOOP("Messages", "{code} returned from bill {bill}."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "No scans for {minutes} minutes: scan a parent to continue ({parent} stays open at {count} / {capacity}).",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{code} was read twice in a row by the scanner; it counts once."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Two labels ran together in one read; neither was counted. Check that the scanner ends each read with Enter or Tab. Scan the label again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Only the end of a label arrived (its start went elsewhere); it was not counted. Scan the label again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Typed keys and a scan ran together in the scan line; neither was counted. Scan the label again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The scanner sent a read shorter than any label; it was not counted. Scan the label again.",
        ),
        QT_TRANSLATE_NOOP("Messages", "This badge belongs to nobody. Log in by name."),
        QT_TRANSLATE_NOOP("Messages", "Wrong user name or password. Check and try again."),
        QT_TRANSLATE_NOOP(
            "Messages", "Wrong user name or password. {left} tries left before the account locks."
        ),
        QT_TRANSLATE_NOOP("Messages", "The account {user} is disabled."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Bill {bill} completed with {count} parents (capacity lowered from {capacity}).",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Bill {bill} has no parents yet: scan parents onto it first."
        ),
        QT_TRANSLATE_NOOP("Messages", "{code} is a child bag; only parent bags go onto a bill."),
        QT_TRANSLATE_NOOP("Messages", "{code} is already on bill {bill}."),
        QT_TRANSLATE_NOOP("Messages", "{code} is already on bill {bill}. Take it off there first."),
        QT_TRANSLATE_NOOP("Messages", "Bill {bill} is completed."),
        QT_TRANSLATE_NOOP("Messages", "Bill {bill} is full ({count} / {capacity})."),
        QT_TRANSLATE_NOOP("Messages", "{code} is full ({count} / {capacity}). Scan a new parent."),
        QT_TRANSLATE_NOOP("Messages", "{code} was voided; put it aside (an admin may restore it)."),
        QT_TRANSLATE_NOOP("Messages", "Nothing to change on bill {bill}."),
        QT_TRANSLATE_NOOP("Messages", "label number {label} from a long label"),
    )
)
"""English templates, ``{name}`` where the domain puts a value (codes, counts, names)."""

QT_OWN: tuple[str, ...] = (
    str(QT_TRANSLATE_NOOP("QWizard", "< &Back")),
    str(QT_TRANSLATE_NOOP("QWizard", "&Next >")),
    str(QT_TRANSLATE_NOOP("QWizard", "&Finish")),
    str(QT_TRANSLATE_NOOP("QWizard", "Cancel")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "OK")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "Close")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "Apply")),
    str(QT_TRANSLATE_NOOP("QPlatformTheme", "Save")),
)
"""Qt's own button texts (Qt ships no Hindi): listed here so ``update.py`` collects them into
our translation, which Qt's widgets consult under their own context."""

_FIELD = re.compile(r"\{(\w+)\}")


def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    at = 0
    for field in _FIELD.finditer(template):
        parts.append(re.escape(template[at : field.start()]))
        parts.append(f"(?P<{field.group(1)}>.+?)")
        at = field.end()
    parts.append(re.escape(template[at:]))
    return re.compile("".join(parts))


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((_pattern(template), template) for template in TEMPLATES)


def translate_message(text: str) -> str:
    """``text`` (an English message of the domain's) in the installed language."""
    if not text:
        return text
    for pattern, template in _patterns():
        found = pattern.fullmatch(text)
        if found is not None:
            return QCoreApplication.translate("Messages", template).format(**found.groupdict())
    return text


_STATUS_WORDS: dict[str, str] = {
    # a bill's status
    "new": str(QT_TRANSLATE_NOOP("Status", "new")),
    "processing": str(QT_TRANSLATE_NOOP("Status", "processing")),
    "completed": str(QT_TRANSLATE_NOOP("Status", "completed")),
    # a role
    "dispatcher": str(QT_TRANSLATE_NOOP("Status", "dispatcher")),
    "biller": str(QT_TRANSLATE_NOOP("Status", "biller")),
    "supervisor": str(QT_TRANSLATE_NOOP("Status", "supervisor")),
    "admin": str(QT_TRANSLATE_NOOP("Status", "admin")),
    # a code's kind, where a read came from
    "parent": str(QT_TRANSLATE_NOOP("Status", "parent")),
    "child": str(QT_TRANSLATE_NOOP("Status", "child")),
    "bill": str(QT_TRANSLATE_NOOP("Status", "bill")),
    "command": str(QT_TRANSLATE_NOOP("Status", "command")),
    "unknown": str(QT_TRANSLATE_NOOP("Status", "unknown")),
    "wedge": str(QT_TRANSLATE_NOOP("Status", "keyboard scanner")),
    "serial": str(QT_TRANSLATE_NOOP("Status", "serial scanner")),
    "typed": str(QT_TRANSLATE_NOOP("Status", "typed")),
    "keyboard": str(QT_TRANSLATE_NOOP("Status", "keyboard")),
    # a scanner's state
    "connected": str(QT_TRANSLATE_NOOP("Status", "connected")),
    "ready": str(QT_TRANSLATE_NOOP("Status", "ready")),
    "open": str(QT_TRANSLATE_NOOP("Status", "open")),
    "listening": str(QT_TRANSLATE_NOOP("Status", "listening")),
    "reconnecting": str(QT_TRANSLATE_NOOP("Status", "reconnecting")),
    "disconnected": str(QT_TRANSLATE_NOOP("Status", "disconnected")),
}


def status_word(status: str) -> str:
    """A word the station keeps as a code (a bill's status, a scanner's state, a role, a code's
    kind, a read's source) in the installed language; one it does not know, as it is."""
    word = _STATUS_WORDS.get(status)
    return QCoreApplication.translate("Status", word) if word else status
