"""The real station window on a real X server, scanned and typed into by xdotool.

Each test asserts what the station's outbox holds afterwards: exactly the codes sent, no more
and no fewer, and no read refused that was whole.
"""

from __future__ import annotations

import contextlib
import random
import subprocess
import time

import pytest

from tests.procs import wait_for
from tests.xserver.conftest import StationFactory
from tests.xserver.rig import (
    BLUETOOTH_ENTER,
    BLUETOOTH_TAB,
    CABLED_ENTER,
    CABLED_NO_SUFFIX,
    CABLED_TAB,
    MAIN_TITLE,
    PASSWORDS,
    SETTINGS_TITLE,
    WIZARD_TITLE,
    Profile,
    XStation,
    busy_cores,
    codes_of,
    rejected,
)

pytestmark = [pytest.mark.slow, pytest.mark.alone, pytest.mark.timeout(300)]

READS = 20
NO_SUFFIX_CONFIG = "\n[scanner]\nwedge_idle_submit_ms = 300\n"


def labels(rng: random.Random, parent: str, count: int) -> list[str]:
    """A parent and ``count`` distinct children of 4-20 characters (as printed labels vary)."""
    children: set[str] = set()
    while len(children) < count:
        size = rng.choice((4, 7, 7, 7, 10, 16))
        children.add("".join(rng.choice("0123456789") for _ in range(size)))
    return [parent, *sorted(children)]


def recorded(station: XStation, count: int) -> list[str]:
    """The codes of the station's parent and child events once ``count`` have arrived."""
    events = station.wait_events(count)
    time.sleep(1.0)  # anything more (a read split in two) would arrive by now
    events = station.events()
    assert rejected(events) == [], "a whole read was refused"
    return codes_of(events, "parent_scan", "child_link")


@pytest.mark.parametrize("condition", ["busy cores", "stalled GUI"])
@pytest.mark.parametrize(
    "profile",
    [CABLED_ENTER, CABLED_TAB, BLUETOOTH_ENTER, BLUETOOTH_TAB, CABLED_NO_SUFFIX],
    ids=lambda p: p.name,
)
def test_every_read_is_recorded_exactly_once_as_sent(
    open_station: StationFactory, profile: Profile, condition: str
) -> None:
    stalled = condition == "stalled GUI"
    config = NO_SUFFIX_CONFIG if not profile.suffix else ""
    station = open_station(stall_ms=300 if stalled else 0, config=config)
    station.login("ravi")
    rng = random.Random(f"{profile.name}-{condition}")
    sent = labels(rng, "SB00042", READS - 1)
    pause = 600 if not profile.suffix else 250  # without a suffix the pause ends the read
    load = contextlib.nullcontext() if stalled else busy_cores(2, seconds=120)
    with load:
        station.scan(profile, sent, rng, pause_ms=pause)
        got = recorded(station, len(sent))
    assert got == sent


def test_the_window_fills_the_screen_with_no_window_manager(open_station: StationFactory) -> None:
    """A bare X session ignores "maximise": the station sizes itself to the screen."""
    station = open_station()
    shown = subprocess.run(
        ["xdotool", "getwindowgeometry", "--shell", station.window],
        env=station.env,
        capture_output=True,
        text=True,
        check=True,
    )
    geometry = dict(line.split("=", 1) for line in shown.stdout.split())
    assert (geometry["WIDTH"], geometry["HEIGHT"]) == ("1280", "800")  # the rig's Xvfb screen


def test_right_after_login_and_a_tab_switch_the_scan_line_has_the_keyboard(
    open_station: StationFactory,
) -> None:
    station = open_station()
    station.login("ada")
    rng = random.Random(7)
    station.scan(CABLED_ENTER, ["SB00051"], rng)  # the first read after login
    station.press("ctrl+3", "ctrl+1")  # lookup, then back to scanning
    station.scan(BLUETOOTH_ENTER, ["0051001"], rng)
    station.type_slowly("0051002", delay_ms=150, then="Return")  # a person typing a label
    assert recorded(station, 3) == ["SB00051", "0051001", "0051002"]


def test_a_person_typing_in_the_bill_form_stays_typing_and_a_scan_fills_the_bill(
    open_station: StationFactory,
) -> None:
    station = open_station()
    station.login("ada")
    rng = random.Random(8)
    station.scan(CABLED_ENTER, ["SB00061", "0061001", "0061002"], rng)
    station.press("ctrl+2")  # the bills tab: its scan line has the keyboard
    station.press("alt+i")  # a person goes to the bill id field...
    station.type_slowly("BILL-61", delay_ms=130)
    station.press("Tab", "Tab")  # ...past capacity to the destination
    station.type_slowly("Indore", delay_ms=200)
    station.press("alt+c")  # Create bill
    events = station.wait_events(4)
    creates = [e for e in events if e["type"] == "bill_create"]
    assert len(creates) == 1, events
    assert "Indore" in creates[0]["data"], "typed text went into the form, not taken as a scan"
    # a scan goes to the open bill, not a field; SB00061 holds 2 of 30 children, so the first
    # scan is asked about and the second puts it on
    station.scan(BLUETOOTH_TAB, ["SB00061", "SB00061"], rng)
    added = station.wait_events(5)[-1]
    assert (added["type"], added["code"]) == ("bill_add_parent", "SB00061")
    assert rejected(station.events()) == []


def test_a_person_typing_in_lookup_stays_typing(open_station: StationFactory) -> None:
    station = open_station()
    station.login("ravi")
    rng = random.Random(9)
    station.scan(CABLED_ENTER, ["SB00071"], rng)
    station.press("ctrl+2")  # a dispatcher's second tab: lookup
    station.type_slowly("SB00071", delay_ms=150, then="Return")
    station.scan(CABLED_TAB, ["SB00071"], rng)  # a scan in lookup looks up, records nothing
    station.press("ctrl+1")
    station.scan(CABLED_ENTER, ["0071001"], rng)
    assert recorded(station, 2) == ["SB00071", "0071001"]


def test_a_scan_while_settings_are_open_never_presses_ok(open_station: StationFactory) -> None:
    station = open_station()
    station.login("ada")
    rng = random.Random(10)
    station.press("ctrl+comma")
    dialog = wait_for(lambda: station.find(SETTINGS_TITLE), "the settings dialog", timeout=20)
    station.focus(dialog)
    station.scan(CABLED_ENTER, ["SB00081"], rng)
    station.scan(BLUETOOTH_ENTER, ["0081001"], rng)
    time.sleep(1.0)
    assert station.find(SETTINGS_TITLE) == dialog, "a scanner's Enter closed the dialog"
    station.press("Escape")
    wait_for(lambda: station.find(SETTINGS_TITLE) is None, "the dialog to close", timeout=20)
    station.focus(station.window)
    station.scan(CABLED_ENTER, ["SB00082"], rng)
    assert recorded(station, 1) == ["SB00082"], "nothing scanned into the dialog was recorded"


def test_scans_in_the_first_run_wizard_never_press_next_or_finish(
    open_station: StationFactory,
) -> None:
    station = open_station(seeded=False)
    rng = random.Random(11)
    station.press("alt+o")  # offline only
    station.press("alt+n")  # Next: the scanner test page
    station.scan(CABLED_ENTER, ["SB00091"], rng)
    station.press("alt+n")  # Next: the first operator
    station.type_slowly("meena", delay_ms=130)
    station.press("Tab")
    station.type_slowly("meena-pass-1", delay_ms=130)
    station.press("Tab")
    station.type_slowly("meena-pass-1", delay_ms=130)
    station.scan(CABLED_ENTER, ["SB00092"], rng)  # Enter here must not be Finish
    time.sleep(1.0)
    assert station.find(WIZARD_TITLE) is not None, "a scanner's Enter finished the wizard"
    assert station.find(MAIN_TITLE) is None
    station.press("alt+f")  # the person finishes
    station.window = wait_for(lambda: station.find(MAIN_TITLE), "the station window", timeout=30)
    station.focus(station.window)
    PASSWORDS["meena"] = "meena-pass-1"
    try:
        station.login("meena")
    finally:
        del PASSWORDS["meena"]
    station.scan(CABLED_ENTER, ["SB00093"], rng)
    assert recorded(station, 1) == ["SB00093"]
