"""The outbox's records: what the station stores to upload, and what the server answers.

Storage owns them because it stores them (the workflow writes ``OutboxEvent``s in the same
transaction as the state change; the store reads them back in batches and settles
``EventResult``s); the sync layer only carries them (``sync/ports.py: OutboxPort``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson

from tracetrack_core.wire import WireEvent


@dataclass(frozen=True)
class OutboxEvent(WireEvent):
    """An event waiting to be uploaded: its wire fields (:class:`WireEvent`, the one
    declaration of an event) and, when the store read it encoded already, its JSON."""

    encoded: bytes | None = field(default=None, compare=False, repr=False)
    """The event as sent, when its store has it encoded already (else made on first use)."""

    @property
    def wire_json(self) -> bytes:
        """The event as sent (JSON), encoded once however often the batch is sized and sent."""
        memo: bytes | None = self.encoded or self.__dict__.get("_wire_json")
        if memo is None:
            try:
                memo = orjson.dumps(self.as_wire())
            except (orjson.JSONEncodeError, TypeError):  # e.g. an integer beyond 64 bits
                text = json.dumps(self.as_wire(), ensure_ascii=False, separators=(",", ":"))
                memo = text.encode()
            # not a field (equality and repr ignore it); set past the frozen __setattr__, as
            # functools.cached_property would, without its per-call lock (Python 3.11)
            self.__dict__["_wire_json"] = memo
        return memo


@dataclass(frozen=True)
class EventResult:
    """The server's final answer for one event (accepted, duplicate, conflict, rejected)."""

    id: str
    status: str
    reason: str | None = None
    detail: Mapping[str, Any] | None = None
    message: str | None = None


@dataclass(frozen=True)
class SyncStatus:
    """What ``tracetrack-station status`` and the status bar show."""

    online: bool = False
    last_success_at: datetime | None = None
    last_attempt_at: datetime | None = None
    last_error: str | None = None
    clock_skew_ms: int | None = None
    conflicts_total: int = 0
