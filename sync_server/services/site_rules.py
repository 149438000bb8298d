"""The site's code rules: stored as a setting (``settings.code_rules``), the defaults when none
is stored; and how an admin edits them (test sample codes, save with a version check)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import rstr
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync_server.db.models import Setting
from sync_server.db.versions import next_version
from sync_server.services import audit
from sync_server.services.errors import ConflictError, ServiceError
from tracetrack_core import rules as core
from tracetrack_core.codes import (
    MAX_RAW_LENGTH,
    CodeKind,
    CodeRules,
    InvalidReadError,
    decode,
    normalise,
)

NONE_STORED = -1
"""The version of the code rules when none is stored (the defaults)."""


def code_rules_from(value: Mapping[str, Any] | None) -> CodeRules:
    """The code rules a stored setting holds (None: the defaults)."""
    return CodeRules() if value is None else CodeRules.model_validate(value)


def read_code_rules(session: Session) -> CodeRules:
    """The site's code rules as stored now (for reads that need them once)."""
    return code_rules_from(session.scalar(select(Setting.value).where(Setting.key == "code_rules")))


class SiteRules:
    """The site's rules as the rules engine takes them, parsed once per stored version.

    The app's composition root makes one and hands it to ingest; every batch reads the stored
    version under its locks and passes it to :meth:`at`, so a change is in force for the next
    batch, with no expiry to wait out."""

    def __init__(self) -> None:
        # one tuple, replaced whole: a thread reads the old pair or the new, never half of each
        self._held: tuple[int, core.Rules] | None = None

    def at(self, version: int, read: Callable[[], Mapping[str, Any] | None]) -> core.Rules:
        """The rules at ``version``; ``read`` gives the stored value if it must be parsed."""
        held = self._held
        if held is not None and held[0] == version:
            return held[1]
        rules = core.Rules(code_rules_from(read() if version != NONE_STORED else None))
        self._held = (version, rules)
        return rules


# --- editing the rules (the admin API and the command line) ---------------------------------

CODE_RULES_KEY = "code_rules"
MAX_TEST_CODES = 200


class InvalidRulesError(ServiceError):
    code = "invalid_rules"


class StaleRulesError(ConflictError):
    code = "stale_rules"


@dataclass(frozen=True)
class StoredRules:
    """The site's code rules, the version an edit must name, and whether they are the
    defaults (nothing stored)."""

    rules: CodeRules
    version: int

    @property
    def defaults(self) -> bool:
        return self.version == NONE_STORED

    def as_json(self) -> dict[str, Any]:
        return {
            "rules": self.rules.model_dump(mode="json"),
            "version": self.version,
            "defaults": self.defaults,
        }


def stored_rules(session: Session) -> StoredRules:
    with session.begin():
        row = session.execute(
            select(Setting.value, Setting.version).where(Setting.key == CODE_RULES_KEY)
        ).first()
        if row is None:
            return StoredRules(rules=CodeRules(), version=NONE_STORED)
        return StoredRules(rules=code_rules_from(row.value), version=row.version)


def parse_rules(value: Any) -> CodeRules:
    """Code rules from JSON. Raises InvalidRulesError saying every problem in one sentence."""
    try:
        return CodeRules.model_validate(value)
    except ValidationError as exc:
        said = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'rules'}: {err['msg']}"
            for err in exc.errors(include_url=False, include_input=False)
        )
        raise InvalidRulesError(f"These code rules are not valid: {said}.") from exc


_NOTHING_LIKE = ("X", "12", "HELLO WORLD")
"""Text no bag pattern may accept: a pattern that does accepts nearly anything."""

_CHILD_LIKE = ("ABCD1234", "C0FFEE42")
"""Child codes as the defaults know them."""


@dataclass(frozen=True)
class RuleProblem:
    """Why a pattern may not be saved, as data (a station says it in its operator's language)
    and as one English sentence (``message``).

    Attributes:
        code: ``matches_nothing`` or ``matches_anything``.
        subject: a parent series' name, or ``child`` for the child pattern.
        examples: for ``matches_anything``, texts it should not have accepted.
    """

    code: str
    subject: str
    examples: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        what = (
            "The child pattern"
            if self.subject == CHILD_SUBJECT
            else f"The parent series {self.subject!r}"
        )
        if self.code == MATCHES_NOTHING:
            return f"{what} matches no code a scanner can deliver (codes are read in upper case)."
        shown = ", ".join(repr(p) for p in self.examples)
        also = ", so children would be read as parents" if self.subject != CHILD_SUBJECT else ""
        return f"{what} matches almost anything (even {shown}){also}."

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "subject": self.subject, "examples": list(self.examples)}


MATCHES_NOTHING = "matches_nothing"
MATCHES_ANYTHING = "matches_anything"
CHILD_SUBJECT = "child"


def problems(rules: CodeRules) -> list[RuleProblem]:
    """Why saving ``rules`` would be refused: a pattern that can match no code a scanner
    delivers (codes are upper-cased before they are classified), or one that matches nearly
    anything, so that parents and children overlap. Empty when they may be saved."""
    found: list[RuleProblem] = []
    child = re.compile(rules.child_pattern)
    # children these rules would read as children, were no parent pattern to take them first
    drawn = [d.upper() for d in (_samples(child.pattern) or [])[:3]]
    children = [c for c in (*drawn, *_CHILD_LIKE) if c and child.fullmatch(c)]
    for series in rules.parent_series:
        regex = re.compile(series.pattern)
        probes = (
            *(series.name + "0" * n for n in range(1, 13)),
            *(series.name + "-" + "0" * n for n in range(1, 13)),
        )
        if not _matches_some_code(regex, probes):
            found.append(RuleProblem(MATCHES_NOTHING, series.name))
        loose = [p for p in (*_NOTHING_LIKE, *children) if regex.fullmatch(p)]
        if loose:
            found.append(RuleProblem(MATCHES_ANYTHING, series.name, tuple(loose)))
    if not _matches_some_code(child, ()):
        found.append(RuleProblem(MATCHES_NOTHING, CHILD_SUBJECT))
    loose = [p for p in _NOTHING_LIKE if child.fullmatch(p)]
    if loose:
        found.append(RuleProblem(MATCHES_ANYTHING, CHILD_SUBJECT, tuple(loose)))
    return found


def problem_fields(found: list[RuleProblem]) -> dict[str, Any]:
    """How answers carry problems: ``problems`` (sentences, as before) and ``problem_details``."""
    return {
        "problems": [p.message for p in found],
        "problem_details": [p.as_json() for p in found],
    }


def _matches_some_code(regex: re.Pattern[str], probes: Sequence[str]) -> bool:
    """Whether ``regex`` accepts a normalised code: a probe, or one of a few texts drawn from
    the pattern itself (as drawn, or upper-cased). When nothing can be drawn from it (a
    construct the generator does not follow), the pattern is given the benefit of the doubt."""
    samples = _samples(regex.pattern)
    if samples is None:
        return True
    candidates = (*samples, *(s.upper() for s in samples), *probes)
    return any(c and normalise(c) == c and regex.fullmatch(c) for c in candidates)


_SAMPLES = 12


def _samples(pattern: str) -> list[str] | None:
    """A few texts ``pattern`` is meant to accept (rstr draws them from the pattern; seeded, so
    the same rules always get the same answer); None when it cannot."""
    draw = rstr.Rstr(random.Random(pattern))  # noqa: S311 - sampling, not secrets
    try:
        return [draw.xeger(pattern)[: MAX_RAW_LENGTH + 1] for _ in range(_SAMPLES)]
    except (re.error, ValueError, KeyError, IndexError, TypeError, RecursionError):
        return None


@dataclass(frozen=True)
class CodeResult:
    """How rules read one sample code."""

    code: str
    kind: str
    series: str | None
    capacity: int | None
    note: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind,
            "series": self.series,
            "capacity": self.capacity,
            "note": self.note,
        }


def try_codes(rules: CodeRules, codes: Sequence[str]) -> list[CodeResult]:
    """Read each of ``codes`` as a scanner read under ``rules`` (the station's own decoding)."""
    results = []
    for raw in codes[:MAX_TEST_CODES]:
        try:
            decoded = decode(raw, rules)
        except InvalidReadError as exc:
            results.append(CodeResult(raw, CodeKind.UNKNOWN.value, None, None, exc.message))
            continue
        series = rules.series_of(decoded.code) if decoded.kind is CodeKind.PARENT else None
        note = decoded.note
        if decoded.command is not None:
            note = f"command {decoded.command.value}"
        results.append(
            CodeResult(
                decoded.code or raw,
                decoded.kind.value,
                series.name if series else None,
                series.capacity if series else None,
                note,
            )
        )
    return results


def save_code_rules(
    session: Session, value: Any, *, version: int, actor: str, now: datetime | None = None
) -> StoredRules:
    """Store new code rules if ``version`` is the stored one (an edit of what is in force).

    The setting row gets a new feed version, so every station's next pull carries the rules,
    and ingest reads that version before each batch (:class:`SiteRules`), so the next batch
    is classified by them.

    Raises:
        InvalidRulesError: they do not parse, or :func:`problems` finds some (``problems``).
        StaleRulesError: someone saved other rules since ``version`` was read.
    """
    rules = parse_rules(value)
    found = problems(rules)
    if found:
        raise InvalidRulesError(
            "These code rules cannot be saved: " + " ".join(p.message for p in found),
            **problem_fields(found),
        )
    stored = rules.model_dump(mode="json")
    try:
        with session.begin():
            row = session.scalars(
                select(Setting).where(Setting.key == CODE_RULES_KEY).with_for_update()
            ).first()
            current = NONE_STORED if row is None else row.version
            if version != current:
                raise StaleRulesError(
                    "Someone saved other code rules since you opened them; reload and edit those.",
                    version=current,
                )
            before = code_rules_from(row.value if row else None).model_dump(mode="json")
            if row is None:
                row = Setting(key=CODE_RULES_KEY, value=stored)
                session.add(row)
            row.value = stored
            row.version = next_version(session)
            saved = StoredRules(rules=rules, version=row.version)
            audit.record(
                session,
                actor=actor,
                action="code_rules_set",
                target=CODE_RULES_KEY,
                before=before,
                after=stored,
                at=now,
            )
    except IntegrityError as exc:  # two first saves at once: the other one won
        raise StaleRulesError(
            "Someone saved other code rules at the same time; reload and edit those."
        ) from exc
    return saved
