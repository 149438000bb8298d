"""Offline login against cached argon2 hashes: lockout, disabled users, badges."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.desktop.test_workflow import FEED, Clock
from tracetrack_desktop.domain.results import Feedback, Mode
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource
from tracetrack_desktop.storage.store import LocalStore

# clock, store and wf: tests/desktop/conftest.py


def test_login_keeps_role_and_mode(wf: StationWorkflow) -> None:
    ok = wf.login("Ravi", "ravi-pass")
    assert ok.feedback is Feedback.INFO
    assert (ok.screen.operator, ok.screen.role, ok.screen.mode) == (
        "ravi",
        "dispatcher",
        Mode.SCAN_PARENT,
    )
    wf.logout()
    biller = wf.login("bina", "bina-pass")
    assert (biller.screen.role, biller.screen.mode) == ("biller", Mode.BILL)


def test_five_failures_lock_for_fifteen_minutes(
    wf: StationWorkflow, store: LocalStore, clock: Clock
) -> None:
    for tries_left in (4, 3, 2, 1):
        result = wf.login("ravi", "wrong")
        assert result.reason == "bad_credentials"
        assert f"{tries_left} tries left" in result.message
    locked = wf.login("ravi", "wrong")
    assert locked.reason == "locked"
    assert wf.login("ravi", "ravi-pass").reason == "locked"  # even the right password
    user = store.user("ravi")
    assert user is not None
    assert user.locked_until == clock.now + timedelta(minutes=15)
    clock.now += timedelta(minutes=14, seconds=59)
    assert wf.login("ravi", "ravi-pass").reason == "locked"
    clock.now += timedelta(seconds=2)
    assert wf.login("ravi", "ravi-pass").screen.operator == "ravi"
    user = store.user("ravi")
    assert user is not None
    assert (user.failed_logins, user.locked_until) == (0, None)


def test_lock_survives_a_restart_and_a_feed_refresh(tmp_path: Path, clock: Clock) -> None:
    local = LocalStore(tmp_path / "station", clock=clock)
    local.apply_changes(FEED["changes"], FEED["cursor"])
    wf = StationWorkflow(local, local.rules, clock)
    for _ in range(5):
        wf.login("ravi", "nope")
    local.close()
    reopened = LocalStore(tmp_path / "station", clock=clock)
    try:
        reopened.apply_changes(FEED["changes"], "11")
        again = StationWorkflow(reopened, reopened.rules, clock)
        assert again.login("ravi", "ravi-pass").reason == "locked"
    finally:
        reopened.close()


def test_disabled_and_unknown_users_are_refused(wf: StationWorkflow) -> None:
    assert wf.login("old", "old-pass").reason == "disabled"
    unknown = wf.login("ghost", "x")
    assert unknown.reason == "bad_credentials"
    assert wf.mode is Mode.LOGGED_OUT


def test_badge_login_by_scan(wf: StationWorkflow, clock: Clock) -> None:
    scan = ScanRecord("badge-ravi", ScanSource.SIMULATED, "sim", clock())
    result = wf.handle_scan(scan)
    assert result.screen.operator == "ravi"
    assert result.screen.mode is Mode.SCAN_PARENT
    wf.logout()
    assert wf.login_badge("NOBODY").reason == "unknown_badge"
