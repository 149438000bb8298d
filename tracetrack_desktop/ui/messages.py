"""The domain's operator messages, in the operator's language.

The workflow and the rules (``domain/``, ``tracetrack_core``) stay Qt-free and speak English;
each message they make is one of the templates below with its values filled in. A message is
matched against the templates, and the matching one's translation is filled with the same
values: ``"0420016 into SB00042: 17 / 30."`` reads ``"0420016 → SB00042: 17 / 30।"`` in Hindi.
A message the domain builds from others (``f"{refusal.message} Log in first."``) is matched the
same way, and each value that is a message of its own is translated too. A message that matches
none is shown as it came (``tests/desktop/test_ui_fit.py`` names any left in English on the
screens it walks). Keep a template word for word the domain's f-string: matching is by the text
around the fields, whatever they are called (``tests/desktop/test_messages_coverage.py`` finds
any domain message without one).
"""

# ruff: noqa: E501 - a template stays one literal, word for word the domain's (lupdate reads it)
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

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
        # composed: a value that is itself a message (or one of these words) is translated too
        QT_TRANSLATE_NOOP("Messages", "Welcome, {name}. {next_step}"),
        QT_TRANSLATE_NOOP("Messages", "Scan a parent bag."),
        QT_TRANSLATE_NOOP("Messages", "Scan or create a bill."),
        QT_TRANSLATE_NOOP("Messages", "Scan a bag to look it up, or open the dashboard."),
        QT_TRANSLATE_NOOP("Messages", "{message} Log in first."),
        QT_TRANSLATE_NOOP("Messages", "{message} Scan the label again."),
        QT_TRANSLATE_NOOP("Messages", "That request timed out. {again}"),
        QT_TRANSLATE_NOOP("Messages", "Scan {parent} again if you still want it on the bill."),
        QT_TRANSLATE_NOOP("Messages", "Press FINISH again if you still want to finish."),
        QT_TRANSLATE_NOOP(
            "Messages", "Undone: take {child} out of {parent} ({count} / {capacity}).{again}"
        ),
        QT_TRANSLATE_NOOP("Messages", " {parent} is open again."),
        QT_TRANSLATE_NOOP("Messages", "A {role} cannot {what}. Ask an admin."),
        QT_TRANSLATE_NOOP("Messages", "A nobody cannot {what}. Ask an admin."),
        QT_TRANSLATE_NOOP("Messages", "pack bags"),
        QT_TRANSLATE_NOOP("Messages", "work on bills"),
        QT_TRANSLATE_NOOP("Messages", "create bills"),
        QT_TRANSLATE_NOOP("Messages", "change bills"),
        QT_TRANSLATE_NOOP("Messages", "complete bills"),
        QT_TRANSLATE_NOOP("Messages", "reopen bills"),
        QT_TRANSLATE_NOOP("Messages", "handle returns"),
        QT_TRANSLATE_NOOP("Messages", "This label"),
        QT_TRANSLATE_NOOP(
            "Messages", "Bill full ({capacity} {parents}). Complete it, or raise its capacity."
        ),
        QT_TRANSLATE_NOOP("Messages", "Bill {bill} changed: {changes}."),
        QT_TRANSLATE_NOOP("Messages", "capacity {old} → {new}"),
        QT_TRANSLATE_NOOP("Messages", "destination {value}"),
        QT_TRANSLATE_NOOP("Messages", "vehicle {value}"),
        QT_TRANSLATE_NOOP("Messages", "(none)"),  # a destination or vehicle left empty
        QT_TRANSLATE_NOOP("Messages", "{what} needs both the child and its parent."),
        QT_TRANSLATE_NOOP("Messages", "Undo"),
        QT_TRANSLATE_NOOP("Messages", "Removing a child"),
        QT_TRANSLATE_NOOP("Messages", "{code} is not in {parent}; {where}"),
        QT_TRANSLATE_NOOP("Messages", "it is in {parent}."),
        QT_TRANSLATE_NOOP("Messages", "{code} is in no parent bag."),
        QT_TRANSLATE_NOOP("Messages", "Parent {code}: {count} children, {status}{where}."),
        QT_TRANSLATE_NOOP("Messages", ", on bill {bill}"),
        # the workflow
        QT_TRANSLATE_NOOP(
            "Messages", "Bill {bill} ({state}): {count} / {capacity} parents. Scan its parent bags."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Bill {bill} is open again ({count} / {capacity} parents). Scan parents onto it, or edit its capacity.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{code} is not a bill id or bag code. Scan the bill or the bag label."
        ),
        QT_TRANSLATE_NOOP("Messages", "{code} is not a bag code. Scan the parent bag's label."),
        QT_TRANSLATE_NOOP("Messages", "There is no bill {bill}."),
        QT_TRANSLATE_NOOP(
            "Messages", "{code} is a parent bag: open or create a bill first, then scan it."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Bill {bill} already holds {count} parents: its capacity cannot go below {least}. Take parents off first to go lower.",
        ),
        # logging in
        QT_TRANSLATE_NOOP(
            "Messages",
            "Too many wrong passwords: {user} is locked until {time}. Wait, or ask a supervisor.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{user} has no station role."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{user} is not an operator known to this station. Check the name, or let the station sync once with the server to receive the operator list.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{user} is a {role} and cannot scan bags."),
        QT_TRANSLATE_NOOP(
            "Messages", "{tries} wrong passwords: {user} is locked for {minutes} minutes."
        ),
        # lookup
        QT_TRANSLATE_NOOP("Messages", "Child {code} is in {parent}."),
        QT_TRANSLATE_NOOP("Messages", "Child {code} is free."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Bill {bill}: {count} / {capacity} parents, {actual} of {expected} kg, {status}.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{code} is voided: it counts nowhere until an admin restores it."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{code} is not known at this station (it may not have synced yet)."
        ),
        # corrections
        QT_TRANSLATE_NOOP("Messages", "A {role} cannot correct bags. Ask a biller or an admin."),
        QT_TRANSLATE_NOOP("Messages", "Only an admin can restore a voided bag; a {role} cannot."),
        QT_TRANSLATE_NOOP("Messages", "{code} is in no parent."),
        QT_TRANSLATE_NOOP("Messages", "Scan or type the parent to move it into."),
        QT_TRANSLATE_NOOP("Messages", "{code} is on no bill."),
        QT_TRANSLATE_NOOP("Messages", "Log in first."),
        QT_TRANSLATE_NOOP("Messages", "Pick the reason for this correction."),
        QT_TRANSLATE_NOOP("Messages", "Say why in the note (the reason is Other)."),
        QT_TRANSLATE_NOOP("Messages", "Keep the note under {limit} characters."),
        # the rules (tracetrack_core.rules): outcomes the station passes on as they are
        QT_TRANSLATE_NOOP(
            "Messages", "{code} moved from {source}; {target} is complete: {count} / {capacity}."
        ),
        QT_TRANSLATE_NOOP("Messages", "{parent} finished with {count} children."),
        QT_TRANSLATE_NOOP("Messages", "Bill {bill} created for {capacity} parents."),
        QT_TRANSLATE_NOOP("Messages", "Bill {bill} updated."),
        QT_TRANSLATE_NOOP("Messages", "Refused read recorded ({reason})."),
        QT_TRANSLATE_NOOP("Messages", "Unknown event type {type}."),
        QT_TRANSLATE_NOOP("Messages", "Pick why this correction is made."),
        QT_TRANSLATE_NOOP(
            "Messages", "{reason} is not a correction reason; pick one from the list."
        ),
        QT_TRANSLATE_NOOP("Messages", "The reason is 'other': say why in a note."),
        QT_TRANSLATE_NOOP("Messages", "No parent code was given."),
        QT_TRANSLATE_NOOP("Messages", "{code} is a child bag, not a parent. Scan a parent bag."),
        QT_TRANSLATE_NOOP("Messages", "{code} is not a parent bag code. Scan a parent label."),
        QT_TRANSLATE_NOOP("Messages", "{code} is already complete with {count} children."),
        QT_TRANSLATE_NOOP("Messages", "{code}: scan its children ({count} / {capacity})."),
        QT_TRANSLATE_NOOP("Messages", "No child code was given."),
        QT_TRANSLATE_NOOP("Messages", "{code} cannot go into itself."),
        QT_TRANSLATE_NOOP("Messages", "{code} is a parent bag, not a child. Scan a child label."),
        QT_TRANSLATE_NOOP("Messages", "{code} is not a child bag code. Scan a child label."),
        QT_TRANSLATE_NOOP("Messages", "{code} is already in {parent}. Nothing to do."),
        QT_TRANSLATE_NOOP("Messages", "{holder} already holds {code}. Put it back."),
        QT_TRANSLATE_NOOP("Messages", "Undone: {code} is out of {parent} ({count} / {capacity})."),
        QT_TRANSLATE_NOOP("Messages", "Name the parent the child leaves."),
        QT_TRANSLATE_NOOP("Messages", "{code} is not a known bag."),
        QT_TRANSLATE_NOOP("Messages", "{code} is already complete."),
        QT_TRANSLATE_NOOP("Messages", "{code} has no children; scan some before finishing."),
        QT_TRANSLATE_NOOP("Messages", "{code} is open already; nothing to reopen."),
        QT_TRANSLATE_NOOP("Messages", "{code} holds {count} / {capacity}: remove a child first."),
        QT_TRANSLATE_NOOP("Messages", "No bag code was given."),
        QT_TRANSLATE_NOOP("Messages", "{code} is voided already."),
        QT_TRANSLATE_NOOP("Messages", "{code} is on bill {bill}: take it off the bill first."),
        QT_TRANSLATE_NOOP(
            "Messages", "{code} still holds children: move or remove its {count} children first."
        ),
        QT_TRANSLATE_NOOP("Messages", "{code} is not voided; nothing to restore."),
        QT_TRANSLATE_NOOP("Messages", "A bill holds 1 to {limit} parents, not {capacity}."),
        QT_TRANSLATE_NOOP(
            "Messages", "The bill already holds {count} parents; capacity cannot be {capacity}."
        ),
        QT_TRANSLATE_NOOP("Messages", "data.{field} must be text of up to 200 characters."),
        QT_TRANSLATE_NOOP("Messages", "Bill {bill} exists already; open it instead."),
        QT_TRANSLATE_NOOP("Messages", "{code} is not a bag code."),
        QT_TRANSLATE_NOOP("Messages", "There is no bill {bill}. Create it first."),
        QT_TRANSLATE_NOOP("Messages", "{code} has never been packed; pack it at a station first."),
        QT_TRANSLATE_NOOP("Messages", "{code} is not on bill {bill}."),
        QT_TRANSLATE_NOOP("Messages", "Bill {bill} is already completed."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Bill {bill} holds {count} of {capacity} parents; lower its capacity to close it early.",
        ),
        QT_TRANSLATE_NOOP("Messages", "Bill {bill} is open already."),
        QT_TRANSLATE_NOOP("Messages", "{code} is not on any bill."),
        QT_TRANSLATE_NOOP("Messages", "{code} is not in {parent}; nothing to undo."),
        QT_TRANSLATE_NOOP("Messages", "No bill id was given."),
        QT_TRANSLATE_NOOP("Messages", "{bill} is not a valid bill id."),
        # refused reads: tracetrack_core.codes, and the scanner's own (scanner/decode.py)
        QT_TRANSLATE_NOOP("Messages", "The scanner sent binary noise, not a barcode."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "This read holds more than one line (two labels ran together); check the scanner's suffix setting and scan again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "The read is {length} characters long; no label is over {limit}."
        ),
        QT_TRANSLATE_NOOP("Messages", "The scanner sent an empty read."),
        QT_TRANSLATE_NOOP("Messages", "The scanner sent unreadable characters."),
        QT_TRANSLATE_NOOP("Messages", "The GS1 barcode could not be read: {why}"),
        QT_TRANSLATE_NOOP("Messages", "EAN/UPC barcode failed its check: {why}"),
        QT_TRANSLATE_NOOP("Messages", "GS1 barcode failed its check: {why}"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Two labels ran together in one read; neither was counted. Check that the scanner ends each read with Enter or Tab.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Only the end of a label arrived (its start went elsewhere); it was not counted.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Typed keys and a scan ran together in the scan line; neither was counted."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "The scanner sent a read shorter than any label; it was not counted."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The scanner sent a label without Enter or Tab at the end; it was not counted. Set its suffix, or choose 'no suffix' in Settings, Scanners.",
        ),
        QT_TRANSLATE_NOOP("Messages", "The read was not whole; scan it again."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The scanner sent more than {limit} characters without an end of line; check its terminator setting.",
        ),
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

_WORD_FIELDS = frozenset({"role", "status", "state"})
"""Fields whose value is one of the station's code words (a role, a bag's or bill's status):
shown through :func:`status_word`. Any other value is translated only if it is a message."""

_LIST = ", "
"""How the domain joins a list of message pieces (``Bill B1 changed: capacity 5 → 3, ...``)."""


@dataclass(frozen=True)
class _Template:
    text: str
    literals: tuple[str, ...]  # the text around the fields: one more than there are fields
    fields: tuple[str, ...]
    shape: re.Pattern[str]  # a quick test that the literals occur, in order

    @property
    def weight(self) -> int:
        """How much of a message the template says itself: the more, the more specific."""
        return sum(map(len, self.literals))


def _template(text: str) -> _Template:
    parts = _FIELD.split(text)
    literals = tuple(parts[::2])
    shape = re.compile("(?s:" + "(.*?)".join(map(re.escape, literals)) + ")")
    return _Template(text, literals, tuple(parts[1::2]), shape)


@cache
def _templates() -> tuple[_Template, ...]:
    # a template of fields alone would match anything (and itself, forever)
    return tuple(t for t in map(_template, TEMPLATES) if t.weight)


def _fills(body: str, separators: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every way to cut ``body`` into values at ``separators`` (in order)."""
    if not separators:
        yield (body,)
        return
    separator, rest = separators[0], separators[1:]
    at = body.find(separator)
    while at != -1:
        for tail in _fills(body[at + len(separator) :], rest):
            yield (body[:at], *tail)
        at = body.find(separator, at + 1)


def _splits(template: _Template, text: str) -> Iterator[tuple[str, ...]]:
    """Every reading of ``text`` as ``template``: the values of its fields."""
    if template.shape.fullmatch(text) is None:
        return
    if not template.fields:
        yield ()
        return
    first, *middle, last = template.literals
    yield from _fills(text[len(first) : len(text) - len(last)], tuple(middle))


def _known(field: str, value: str) -> bool:
    """Whether a value is something the station can say in the installed language."""
    if field in _WORD_FIELDS and value in _STATUS_WORDS:
        return True
    return _reading(value) is not None or _known_list(value)


def _known_list(value: str) -> bool:
    parts = value.split(_LIST)
    return len(parts) > 1 and all(_reading(part) is not None for part in parts)


@lru_cache(maxsize=4096)
def _reading(text: str) -> tuple[_Template, tuple[str, ...]] | None:
    """The template ``text`` is made from, and its values; None if it is no message.

    Of the templates that fit, the most specific wins (the one saying most of the text itself:
    ``"{code} is already on bill {bill}. Take it off there first."`` over ``"{code} is already
    on bill {bill}."``); of the ways to read it, the one with the most values that are
    messages of their own (``"Welcome, A. Rao. Scan a parent bag."``: the name is ``A. Rao``).
    """
    best: tuple[tuple[int, int], _Template, tuple[str, ...]] | None = None
    for template in _templates():
        if not text or (best is not None and template.weight < best[0][0]):
            continue
        for values in _splits(template, text):
            score = (
                template.weight,
                sum(_known(f, v) for f, v in zip(template.fields, values, strict=True) if v),
            )
            if best is None or score > best[0]:
                best = (score, template, values)
    return None if best is None else (best[1], best[2])


def _translate_value(field: str, value: str) -> str:
    if field in _WORD_FIELDS and value in _STATUS_WORDS:
        return status_word(value)
    if _known_list(value):  # before a reading whose last value would swallow the list
        return _LIST.join(map(translate_message, value.split(_LIST)))
    if _reading(value) is not None:
        return translate_message(value)
    return value  # a code, a number, a name


def translate_message(text: str) -> str:
    """``text`` (an English message of the domain's) in the installed language.

    A message built from others (``f"{refusal.message} Log in first."``) comes out whole:
    each value that is a message of its own, or a role or status word, is translated too.
    """
    reading = _reading(text)
    if reading is None:
        return text
    template, values = reading
    filled = {
        field: _translate_value(field, value)
        for field, value in zip(template.fields, values, strict=True)
    }
    return QCoreApplication.translate("Messages", template.text).format(**filled)


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
