"""What the sync worker needs from the local store (implemented in ``storage``).

The worker never touches SQL: it asks the outbox for the next batch, sends it, and hands the
server's results back. Keeping this a Protocol lets the sync layer be tested on its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from tracetrack_desktop.storage.outbox import EventResult, OutboxEvent, SyncStatus


class OutboxPort(Protocol):
    def next_batch(
        self, max_events: int, max_bytes: int, after_seq: int | None = None
    ) -> list[OutboxEvent]:
        """Oldest pending events first (by seq), at most ``max_events`` and about ``max_bytes``;
        with ``after_seq``, only events after that seq (the batch in flight is still pending)."""
        ...

    def settle(self, results: Sequence[EventResult]) -> list[EventResult]:
        """Take finished events off the queue in one transaction; apply conflicts and
        rejections to local state and remember them. Returns the conflicts and rejections."""
        ...

    def pending_count(self) -> int: ...

    def oldest_pending_at(self) -> datetime | None: ...

    def changes_cursor(self) -> str | None: ...

    def apply_changes(self, changes: Sequence[Mapping[str, Any]], cursor: str) -> None:
        """Store reference data from ``GET /api/v1/sync/changes`` and the new cursor, atomically."""
        ...

    def record_sync(self, status: SyncStatus) -> None: ...

    # after a server restore (docs/protocol.md, "Restores")

    def server_epoch(self) -> str | None:
        """The server's database epoch last taken in (None: none yet)."""
        ...

    def record_server_epoch(self, epoch: str) -> None: ...

    def delivered_seq_ranges(self) -> list[tuple[int, int]]:
        """The delivered events still kept, as inclusive seq ranges in order."""
        ...

    def resend_missing(self, held: Sequence[tuple[int, int]]) -> int:
        """Queue again the kept delivered events outside ``held`` (same ids, seqs, times),
        drop their recorded conflicts and forget the changes cursor, atomically; how many."""
        ...

    def prune_delivered(self, before: datetime) -> int:
        """Drop delivered events settled before ``before``; how many."""
        ...

    def sync_status(self) -> SyncStatus: ...
