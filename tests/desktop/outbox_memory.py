"""A small in-memory OutboxPort, so the sync layer is tested without the SQLite store."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson

from tracetrack_desktop.storage.outbox import EventResult, OutboxEvent, SyncStatus

CONFLICTING = frozenset({"conflict", "rejected"})


class MemoryOutbox:
    """Keeps pending events, settled results, applied changes and the sync status in lists."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.pending: dict[str, OutboxEvent] = {}
        self.settled: dict[str, EventResult] = {}
        self.pages: list[tuple[list[Mapping[str, Any]], str]] = []
        self.cursor: str | None = None
        self.status = SyncStatus()
        self.status_history: list[SyncStatus] = []
        self._seq = 0
        self.delivered: dict[str, OutboxEvent] = {}
        self.epoch: str | None = None

    def add(
        self,
        type_: str,
        code: str = "",
        *,
        parent: str = "",
        bill: str = "",
        data: Mapping[str, Any] | None = None,
        event_id: str | None = None,
        operator: str = "ravi",
    ) -> OutboxEvent:
        with self._lock:
            self._seq += 1
            event = OutboxEvent(
                id=event_id or str(uuid.uuid4()),
                seq=self._seq,
                type=type_,
                occurred_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
                operator=operator,
                code=code,
                parent=parent,
                bill=bill,
                data=dict(data or {}),
            )
            self.pending[event.id] = event
            return event

    # -- OutboxPort --------------------------------------------------------------------------

    def next_batch(
        self, max_events: int, max_bytes: int, after_seq: int | None = None
    ) -> list[OutboxEvent]:
        with self._lock:
            batch: list[OutboxEvent] = []
            size = 0
            for event in sorted(self.pending.values(), key=lambda e: e.seq):
                if after_seq is not None and event.seq <= after_seq:
                    continue
                size += len(orjson.dumps(event.as_wire()))
                if batch and (len(batch) >= max_events or size > max_bytes):
                    break
                batch.append(event)
            return batch

    def settle(self, results: Sequence[EventResult]) -> list[EventResult]:
        with self._lock:
            found = []
            for result in results:
                event = self.pending.pop(result.id, None)
                if event is None:
                    continue
                self.delivered[result.id] = event
                self.settled[result.id] = result
                if result.status in CONFLICTING:
                    found.append(result)
            return found

    def pending_count(self) -> int:
        with self._lock:
            return len(self.pending)

    def oldest_pending_at(self) -> datetime | None:
        with self._lock:
            if not self.pending:
                return None
            first = min(self.pending.values(), key=lambda e: e.seq)
            return datetime.fromisoformat(first.occurred_at)

    def changes_cursor(self) -> str | None:
        return self.cursor

    def apply_changes(self, changes: Sequence[Mapping[str, Any]], cursor: str) -> None:
        with self._lock:
            self.pages.append((list(changes), cursor))
            self.cursor = cursor

    def record_sync(self, status: SyncStatus) -> None:
        with self._lock:
            self.status = status
            self.status_history.append(status)

    def sync_status(self) -> SyncStatus:
        with self._lock:
            return self.status

    def server_epoch(self) -> str | None:
        return self.epoch

    def record_server_epoch(self, epoch: str) -> None:
        self.epoch = epoch

    def delivered_seq_ranges(self) -> list[tuple[int, int]]:
        with self._lock:
            return [(e.seq, e.seq) for e in sorted(self.delivered.values(), key=lambda e: e.seq)]

    def resend_missing(self, held: Sequence[tuple[int, int]]) -> int:
        with self._lock:
            lost = [e for e in self.delivered.values() if not any(a <= e.seq <= b for a, b in held)]
            for event in lost:
                del self.delivered[event.id]
                self.settled.pop(event.id, None)
                self.pending[event.id] = event
            self.cursor = None
            return len(lost)

    def prune_delivered(self, before: datetime) -> int:
        return 0  # kept for the test's life
