"""Every operator message of the domain has a template, and comes out whole in Hindi.

The domain (``tracetrack_desktop/domain``, ``tracetrack_core``) writes its messages in English;
``ui/messages.py`` translates one only if a template has the same text around its values. A
message added or reworded without a template would show in English: the first test reads the
domain's source and names each such message where it is written.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.desktop.test_workflow import PASSWORDS, Clock
from tracetrack_core.events import CorrectionReason
from tracetrack_desktop.domain.corrections import Corrections
from tracetrack_desktop.domain.results import ActionResult, Feedback
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.storage.store import LocalStore
from tracetrack_desktop.ui.i18n import install_translator
from tracetrack_desktop.ui.messages import TEMPLATES, translate_message

ROOT = Path(__file__).resolve().parents[2]
SOURCES = (ROOT / "tracetrack_desktop" / "domain", ROOT / "tracetrack_core")
TRANSLATIONS = ROOT / "resources" / "translations"

_FIELD = re.compile(r"\{(\w+)\}")

Skeleton = tuple[str, ...]
"""The literal text of a message around its values: ``"{} into {}: {} / {}."`` is
``("", " into ", ": ", " / ", ".")``."""

_OPERATOR_EXCEPTIONS = frozenset({"InvalidReadError"})
"""Exceptions whose message reaches the operator: a refused read's (``codes.decode`` raises
it, the scanner's decoder turns it into a ``Refusal`` whose message the workflow shows)."""

_LOGGING = frozenset({"debug", "info", "warning", "error", "exception", "critical", "log"})

_MESSAGE_KEYWORDS = frozenset({"message", "note"})
"""Keyword arguments that carry a message (``LookupResult(message=...)``, ``Decoded(note=...)``);
any other keyword is data: ``field=f"data.{key}"`` names a field in an outcome's detail."""


@dataclass(frozen=True)
class Found:
    """One operator message as written in the domain's source."""

    path: Path
    line: int
    skeleton: Skeleton

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {'{}'.join(self.skeleton)!r}"


def template_skeleton(template: str) -> Skeleton:
    return tuple(_FIELD.split(template)[::2])


def _fstring_skeleton(node: ast.JoinedStr) -> Skeleton:
    parts: list[str] = []
    literal = ""
    for value in node.values:
        if isinstance(value, ast.Constant):
            literal += str(value.value)
        else:
            parts.append(literal)
            literal = ""
    parts.append(literal)
    return tuple(parts)


def _reads_as_sentence(text: str) -> bool:
    """A plain string an operator reads: three words or more ending like a sentence (``"No bag
    code was given."``), or sentences (``"... ran together; check ... and scan again."``)."""
    words = re.findall(r"[A-Za-z]+", text)
    return len(words) >= 3 and (text.rstrip().endswith((".", "?", "!")) or ". " in text)


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


class _Messages(ast.NodeVisitor):
    """Collects the operator messages of one module."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[Found] = []
        self.parents: dict[ast.AST, ast.AST] = {}

    def collect(self, tree: ast.Module) -> list[Found]:
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        for node in ast.walk(tree):
            skeleton = self._skeleton(node)
            if skeleton is not None and self._shown(node):
                self.found.append(Found(self.path, getattr(node, "lineno", 0), skeleton))
        return self.found

    def _skeleton(self, node: ast.AST) -> Skeleton | None:
        parent = self.parents.get(node)
        if isinstance(node, ast.JoinedStr):
            if isinstance(parent, ast.FormattedValue):
                return None  # a format spec (``{n:>{width}}``), not a message
            skeleton = _fstring_skeleton(node)
            # no word around the values: a join of values (``f"{action} {parent}"``, a regex
            # group ``f"(?:{pattern})"``), with no text of its own to translate
            return skeleton if re.search(r"[A-Za-z]", "".join(skeleton)) else None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if isinstance(parent, ast.JoinedStr | ast.FormattedValue):
                return None  # part of an f-string, collected with it
            return (node.value,) if _reads_as_sentence(node.value) else None
        return None

    def _shown(self, node: ast.AST) -> bool:
        """Whether the text can reach an operator, judged by where it is written."""
        parent = self.parents.get(node)
        if isinstance(parent, ast.Expr):
            return False  # a docstring (or a bare string statement)
        if isinstance(parent, ast.keyword) and parent.arg not in _MESSAGE_KEYWORDS:
            return False
        ancestor: ast.AST | None = parent
        while ancestor is not None:
            if isinstance(ancestor, ast.Raise):
                # a bug's or a caller's error (ValueError, LookupError, the wire codec's
                # InvalidEventError, which the server answers a malformed upload with): only a
                # refused read's message is said to an operator
                raised = ancestor.exc
                return isinstance(raised, ast.Call) and _call_name(raised) in _OPERATOR_EXCEPTIONS
            if isinstance(ancestor, ast.Call) and _call_name(ancestor) in _LOGGING:
                return False  # for whoever reads the log
            if isinstance(ancestor, ast.stmt):
                return True
            ancestor = self.parents.get(ancestor)
        return True


def operator_messages() -> list[Found]:
    found: list[Found] = []
    for folder in SOURCES:
        for path in sorted(folder.rglob("*.py")):
            found += _Messages(path).collect(ast.parse(path.read_text("utf-8"), str(path)))
    return found


def test_every_operator_message_has_a_template() -> None:
    templates = {template_skeleton(t) for t in TEMPLATES}
    untranslated = [str(f) for f in operator_messages() if f.skeleton not in templates]
    assert untranslated == [], (
        "Add a template to tracetrack_desktop/ui/messages.py (and its Hindi to "
        "resources/translations/hi_messages.json) for:\n" + "\n".join(untranslated)
    )


def test_the_collector_sees_what_an_operator_sees_and_nothing_else() -> None:
    """The check above is only as good as what it collects: the kinds of message it must see
    (composed ones, refused reads, lookups) are there; errors for programmers are not."""
    seen = {"{}".join(f.skeleton) for f in operator_messages()}
    for shown in (
        "That request timed out. {}",  # composed from another message
        "{} Log in first.",
        " {} is open again.",  # a piece of one
        "The scanner sent an empty read.",  # a refused read (raised, then shown)
        "The read is {} characters long; no label is over {}.",
        "Child {} is free.",  # a lookup
        "No bag code was given.",  # a plain sentence, in rules' rejected(...)
        "label number {} from a long label",  # a decoded label's note
    ):
        assert shown in seen, shown
    for hidden in (
        "not a valid regular expression: {}",  # ValueError for a bad site pattern
        "{}, the parent of {}, was not read",  # LookupError: a bug
        "`{}` is missing.",  # the wire codec's InvalidEventError
        "data.{}",  # field=..., detail of an outcome
        "{} {}",  # the screen's "finish SB00042"
        "(?:{})",  # a regular expression
    ):
        assert hidden not in seen, hidden


def _hindi() -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted(TRANSLATIONS.glob("hi*.json")):
        texts.update(json.loads(path.read_text("utf-8")))
    return texts


def test_every_template_has_hindi_with_the_same_values() -> None:
    hindi = _hindi()
    assert [t for t in TEMPLATES if t not in hindi] == []
    for template in TEMPLATES:
        english, translated = set(_FIELD.findall(template)), set(_FIELD.findall(hindi[template]))
        assert translated <= english, template  # a field the English lacks would not fill
        # only a plural the Hindi does not need may be left out
        assert english - translated <= {"parents"}, template


# -- the real domain, in Hindi ------------------------------------------------------------

_ENGLISH_WORD = re.compile(r"\b[A-Za-z]*[a-z][A-Za-z]*\b")
"""A word with a lower-case letter: codes (``SB00042``, ``BILL-7``) and the key names the
Hindi keeps (``FINISH``, ``CONFIRM``) are upper case."""

_NAMES = frozenset({"Ravi", "Bina", "ravi", "bina", "wrong"})
"""The operators' names and user names, shown as they are ("wrong" is a user nobody has)."""


def english_left(text: str) -> list[str]:
    return [w for w in _ENGLISH_WORD.findall(text) if w not in _NAMES and w != "kg"]


@pytest.fixture
def hindi(qapp: QApplication) -> Iterator[None]:
    translator = install_translator(qapp, "hi")
    assert translator is not None, "resources/translations/tracetrack_hi.qm is missing"
    yield
    qapp.removeTranslator(translator)


class Said:
    """What the station said, in English and as the window shows it."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.messages: list[str] = []

    def __call__(self, result: ActionResult) -> ActionResult:
        self.messages.append(result.message)
        return result

    def scan(self, wf: StationWorkflow, text: str) -> ActionResult:
        self.clock.advance(seconds=2)
        return self(wf.handle_scan(ScanRecord(text, ScanSource.SIMULATED, "sim", self.clock())))

    def still_english(self) -> dict[str, str]:
        shown = {m: translate_message(m) for m in self.messages}
        return {m: h for m, h in shown.items() if english_left(h)}


def _login(wf: StationWorkflow, said: Said, user: str) -> None:
    assert said(wf.login(user, PASSWORDS[user])).feedback is Feedback.INFO


@pytest.mark.usefixtures("hindi")
def test_a_packing_shift_is_said_in_hindi(wf: StationWorkflow, clock: Clock) -> None:
    said = Said(clock)
    noise = said.scan(wf, "SB\x0000042")  # before anyone logs in
    assert noise.message.endswith(" Log in first.")
    said(wf.login("ravi", "wrong"))
    _login(wf, said, "ravi")
    said.scan(wf, "\x00")  # a refused read, composed with "Scan the label again."
    said.scan(wf, "0016586")  # a child before any parent
    said.scan(wf, "SB00042")
    said.scan(wf, "0016586")
    said.scan(wf, "0016586")  # a duplicate within the debounce: "it counts once"
    said.scan(wf, "SB00043")
    said(wf.undo())  # takes 0016586 out of SB00042, which is open again
    said(wf.enter_bill_mode())  # "A dispatcher cannot work on bills."
    said.scan(wf, "0016587")
    said(wf.finish())
    clock.advance(seconds=11)
    timed_out = said(wf.confirm())  # "That request timed out. Press FINISH again ..."
    assert timed_out.reason == "confirmation_expired"
    said(wf.logout())
    assert said.still_english() == {}
    assert translate_message(timed_out.message).startswith("समय खत्म हो गया। अगर अब भी")


@pytest.mark.usefixtures("hindi")
def test_billing_and_corrections_are_said_in_hindi(
    wf: StationWorkflow, store: LocalStore, clock: Clock
) -> None:
    said = Said(clock)
    _login(wf, said, "ravi")
    said.scan(wf, "SB00042")
    said.scan(wf, "0016586")
    said.scan(wf, "SB00043")
    said.scan(wf, "0016587")
    said(wf.logout())

    _login(wf, said, "bina")
    said(wf.create_bill("BILL-7", 3))
    said.scan(wf, "SB00042")  # not full: asks first
    clock.advance(seconds=11)
    said(wf.confirm())  # "That request timed out. Scan SB00042 again if ..."
    said(wf.add_parent("SB00042"))
    said(wf.update_bill(capacity=2, destination="DEPOT 9"))  # "Bill BILL-7 changed: ..."
    said(wf.update_bill(destination=""))  # "... changed: destination (none)."
    said(wf.complete_bill_early())
    said(wf.reopen_bill())

    corrections = Corrections(store, store.rules, clock, wf)
    other = CorrectionReason.OTHER.value
    said(corrections.remove_child("0016586", CorrectionReason.OTHER.value, "", parent="SB00042"))
    # the rules' own words, composed: "... is not in SB00043; it is in SB00042."
    said(corrections.remove_child("0016586", other, "wrong parent", parent="SB00043"))
    said(corrections.void_bag("0016587", other, "torn label"))
    said(corrections.restore_bag("0016587", other, "found it"))  # a biller may not
    for code in ("SB00042", "0016586", "0016587", "BILL-7", "SB00099"):
        said.messages.append(wf.lookup(code).message)
    assert said.still_english() == {}
    assert translate_message(said.messages[-1]) == (
        "SB00099 इस स्टेशन पर नहीं है (शायद अभी सिंक नहीं हुआ)।"
    )
