"""The site's code rules: stored as a setting (``settings.code_rules``), the defaults when none
is stored."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_server.db.models import Setting
from tracetrack_core import rules as core
from tracetrack_core.codes import CodeRules

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
