"""The scanner test learns a keyboard scanner's key gap and suffix from a few test reads."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.desktop.wedge_keys import send_keys
from tracetrack_desktop.scanner.records import ScanRecord, ScanSource, Suspect
from tracetrack_desktop.ui.i18n import install_translator
from tracetrack_desktop.ui.scanner_test_panel import ScannerTestPanel
from tracetrack_desktop.ui.settings_dialog import SettingsDialog
from tracetrack_desktop.ui.settings_model import (
    LEARNED_IDLE_SUBMIT_MS,
    LearnedProfile,
    SettingsValues,
    learn_profile,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LABEL = "C0016586"
CABLED_GAPS = ((2.1, 3.0, 4.8, 2.5, 3.3, 2.0, 4.1), (3.9, 2.2, 5.0, 2.4, 3.1, 2.8, 2.6))
BLUETOOTH_GAPS = ((15.0, 18.5, 60.0, 16.0, 17.2, 40.0, 15.5), (22.0, 15.1, 48.3, 15.0, 58.9, 16.0))


def _read(
    gaps: tuple[float, ...],
    terminator: str = "Enter",
    source: ScanSource = ScanSource.WEDGE,
    suspect: str = "",
) -> ScanRecord:
    return ScanRecord(
        LABEL,
        source,
        "keyboard",
        datetime.now(UTC),
        char_intervals_ms=gaps,
        duration_ms=sum(gaps),
        terminator=terminator,
        suspect=suspect,
    )


def test_a_cabled_scanner_gets_a_tight_gap() -> None:
    profile = learn_profile([_read(gaps) for gaps in (*CABLED_GAPS, CABLED_GAPS[0])])
    assert profile.slowest_gap_ms == 5.0
    assert profile.max_gap_ms <= 30
    assert profile.max_gap_ms == 20, "never tighter than 20 ms: the OS can delay one key"
    assert (profile.suffix, profile.suffix_agreed, profile.reads) == ("Enter", True, 3)
    assert not profile.overlaps_typing
    assert "ends each code with Enter" in profile.summary
    assert "prefix" not in profile.summary


def test_a_bluetooth_scanner_at_60_ms_gets_the_default_gap() -> None:
    profile = learn_profile([_read(gaps, "Tab") for gaps in (*BLUETOOTH_GAPS, (20.0, 30.0))])
    assert profile.slowest_gap_ms == 60.0
    assert profile.max_gap_ms == 80  # 60 * 1.25 + 5: people (100 ms and slower) stay typing
    assert not profile.overlaps_typing
    assert profile.suffix == "Tab"
    assert "prefix" not in profile.summary


def test_a_scanner_as_slow_as_typing_is_told_to_use_a_prefix() -> None:
    profile = learn_profile([_read((40.0, 90.0), "Tab")] * 3)
    assert profile.max_gap_ms == 118
    assert profile.overlaps_typing
    assert "set a prefix on the scanner (see docs/scanners.md)" in profile.summary


def test_the_gap_stops_at_200_ms() -> None:
    profile = learn_profile([_read((300.0, 20.0))] * 3)
    assert (profile.max_gap_ms, profile.overlaps_typing) == (200, True)


def test_reads_ended_by_a_pause_mean_no_suffix() -> None:
    profile = learn_profile([_read(gaps, terminator="") for gaps in (*CABLED_GAPS, (3.0, 3.0))])
    assert (profile.suffix, profile.suffix_agreed) == ("", True)
    assert "sends nothing after a code" in profile.summary


def test_mixed_suffixes_fall_back_to_enter_and_say_so() -> None:
    reads = [_read(CABLED_GAPS[0], "Enter"), _read(CABLED_GAPS[1], "Tab"), _read((3.0, 4.0), "")]
    profile = learn_profile(reads)
    assert (profile.suffix, profile.suffix_agreed) == ("Enter", False)
    assert "different keys" in profile.summary


def test_the_latest_reads_decide_the_suffix() -> None:
    reads = [_read((3.0, 3.0), "Enter")] * 2 + [_read((3.0, 3.0), "Tab")] * 3
    assert learn_profile(reads).suffix == "Tab"


def test_reads_without_keystroke_timing_are_skipped() -> None:
    reads = [_read((2.0,)), _read(()), _read((3.0, 4.0)), _read((90.0,))]
    profile = learn_profile(reads)
    assert (profile.slowest_gap_ms, profile.reads) == (4.0, 1)
    with pytest.raises(ValueError, match="at least three keys"):
        learn_profile([_read((2.0,)), _read(())])


def test_the_summary_is_translated_by_the_function_given() -> None:
    profile = learn_profile([_read((3.0, 4.0))] * 3, translate=lambda text: f"<{text}>")
    assert profile.summary == (
        "<Slowest gap between keys in 3 reads: 4 ms. Key gap: 20 ms.> "
        "<The scanner ends each code with Enter.>"
    )


def _panel(qtbot: QtBot) -> ScannerTestPanel:
    panel = ScannerTestPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_panel_learns_a_scanner_from_three_reads(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    assert panel.focusWidget() is panel.line, "a scan made now lands in the test line"
    scan_here = panel.line_label
    assert scan_here.text().replace("&", "") == "Scan here"
    assert scan_here.buddy() is panel.line
    clock = [1_000]
    gaps = (15, 18, 60, 16, 17, 40, 15, 20)  # a Bluetooth scanner's radio packets
    for done in range(1, 4):
        assert panel.use_button.isHidden()
        with qtbot.waitSignal(panel.line.read_submitted) as read:
            send_keys(panel.line, LABEL, clock, gaps)
        assert read.args[0].text == LABEL
        assert read.args[0].terminator == "Enter"
        assert panel.raw.text() == LABEL
        if done < 3:
            assert f"{done} of 3" in panel.learn_status.text()
    assert not panel.learned.isHidden()
    assert not panel.use_button.isHidden()
    assert panel.use_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert "Key gap: 80 ms." in panel.learned.text()
    assert "set a prefix" not in panel.learned.text()
    with qtbot.waitSignal(panel.profile_learned) as learned:
        qtbot.mouseClick(panel.use_button, Qt.MouseButton.LeftButton)
    profile = learned.args[0]
    assert isinstance(profile, LearnedProfile)
    assert (profile.max_gap_ms, profile.suffix, profile.reads) == (80, "Enter", 3)
    assert not profile.overlaps_typing


def test_the_panel_takes_a_read_without_suffix_after_a_pause(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    clock = [5_000]
    with qtbot.waitSignal(panel.line.read_submitted, timeout=5_000) as read:
        send_keys(panel.line, LABEL, clock, (4,), then="")
    record = read.args[0]
    assert (record.text, record.source, record.terminator) == (LABEL, ScanSource.WEDGE, "")
    assert len(panel.samples) == 1


def test_refused_and_serial_reads_teach_nothing(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.show_record(_read((3.0, 400.0, 3.0), suspect=Suspect.TWO_READS))
    panel.show_record(ScanRecord(LABEL, ScanSource.SERIAL, "/dev/ttyACM0", datetime.now(UTC)))
    assert len(panel.samples) == 0
    for _ in range(6):
        panel.show_record(_read((3.0, 4.0)))
    assert len(panel.samples) == 5, "only the latest reads count"


def _dialog(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(SettingsValues(offline_only=True), [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_learned_profile_goes_into_the_dialog_values(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.wedge_idle.setValue(500)
    dialog.tabs.setCurrentWidget(dialog.test_panel)
    panel = dialog.test_panel
    assert dialog.focusWidget() is panel.line
    clock = [1_000]
    for _ in range(3):
        with qtbot.waitSignal(panel.line.read_submitted):
            send_keys(panel.line, LABEL, clock, (3, 2, 5, 4), then="\t")
    assert dialog.isVisible()
    qtbot.mouseClick(panel.use_button, Qt.MouseButton.LeftButton)
    values = dialog.values()
    assert (values.wedge_max_gap_ms, values.wedge_terminators) == (20, ("Tab",))
    assert values.wedge_idle_submit_ms == 0, "a scanner with a suffix needs no pause rule"
    assert dialog.tabs.currentWidget() is dialog.scanners_page
    assert dialog.learned_note.text() == "Learned from 3 test reads; press OK to keep."
    assert dialog.learned_note.isVisible()


def test_a_scanner_without_suffix_gets_a_pause_and_keeps_both_keys(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    profile = learn_profile([_read(gaps, "") for gaps in (*BLUETOOTH_GAPS, (20.0, 30.0))])
    dialog.test_panel.profile_learned.emit(profile)
    values = dialog.values()
    assert values.wedge_max_gap_ms == 80
    assert values.wedge_idle_submit_ms == LEARNED_IDLE_SUBMIT_MS
    assert values.wedge_terminators == ("Enter", "Tab")
    assert dialog.wedge_idle.text() == "300 ms"


def test_mixed_suffixes_keep_both_keys(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    reads = [_read(CABLED_GAPS[0], "Enter"), _read(CABLED_GAPS[1], "Tab"), _read((3.0, 4.0))]
    dialog.test_panel.profile_learned.emit(learn_profile(reads))
    assert dialog.values().wedge_terminators == ("Enter", "Tab")


def test_the_learned_summary_speaks_hindi(qtbot: QtBot, qapp: QApplication) -> None:
    translator = install_translator(qapp, "hi")
    assert translator is not None
    try:
        panel = _panel(qtbot)
        for _ in range(3):
            panel.show_record(_read((15.0, 90.0, 20.0), terminator=""))
        text = panel.learned.text()
    finally:
        qapp.removeTranslator(translator)
    assert text.startswith("3 स्कैन में कुंजियों के बीच सबसे धीमा अंतर: 90 ms।")
    assert "स्कैनर कोड के बाद कुछ नहीं भेजता" in text
    assert "प्रीफ़िक्स" in text
