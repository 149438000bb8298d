"""``tracetrack-station``: the composition root of the station window.

Every part of the running window is built here and nowhere else; ``ui/app.py:StationApp`` only
wires and answers what it is handed. :func:`main` builds, in this order: the Qt application
(with the PySide6 guard, :mod:`tracetrack_desktop.pyside_fix`), translations and theme, the
local store, the guided setup on a first run, the station's identity (keyring), then
:func:`build_station`: the workflow, the scanner inputs (keyboard wedge on every widget, serial
ports from the settings file), the sync worker and the server reader (each run on its own
``QThread``), and the window with every signal wired (:class:`StationApp`). Every HTTP client
it builds trusts the site's CA bundle from the settings (``[server] ca_bundle``).

The headless station has its own root, ``headless.py``; what both build the same way is in
``composition.py``.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog

from tracetrack_core.process import settle_collector
from tracetrack_desktop.composition import (
    Identity,
    open_engine_factory,
    server_refusal,
    station_identity,
)
from tracetrack_desktop.config import StationConfig, load_config, save_config
from tracetrack_desktop.domain.workflow import StationWorkflow
from tracetrack_desktop.pyside_fix import install_emit_refcount_fix
from tracetrack_desktop.scanner.ports import port_choices
from tracetrack_desktop.scanner.qt_adapter import SerialScannerBridge, WedgeEventFilter
from tracetrack_desktop.scanner.wedge import WedgeConfig, WedgeDetector
from tracetrack_desktop.storage.errors import StorageError
from tracetrack_desktop.storage.store import LocalStore
from tracetrack_desktop.sync.worker import SyncWorker
from tracetrack_desktop.token_store import TokenStoreError, save_token
from tracetrack_desktop.ui.app import ScanInput, StationApp, Timing
from tracetrack_desktop.ui.background import BackgroundCall
from tracetrack_desktop.ui.dashboard_client import ServerReader
from tracetrack_desktop.ui.enrollment import EnrollAnswer, Enroller, enroll_station
from tracetrack_desktop.ui.feedback import SoundPlayer, quiet_multimedia_logging
from tracetrack_desktop.ui.first_run import FirstRunResult, FirstRunWizard
from tracetrack_desktop.ui.i18n import install_translator
from tracetrack_desktop.ui.settings_model import (
    SettingsValues,
    config_with_profile,
    config_with_values,
    rules_from,
    values_from_config,
)
from tracetrack_desktop.ui.theme import apply_theme
from tracetrack_desktop.ui.workflow_station import WorkflowStation

log = logging.getLogger(__name__)


def qt_application() -> QApplication:
    """The process's QApplication, created once with the station's logging rules."""
    install_emit_refcount_fix()
    quiet_multimedia_logging()  # before any media object: see feedback.py
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName("TraceTrack Station")
    qt_app.setOrganizationName("TraceTrack")
    return qt_app


def run_first_run(
    enroller: Enroller, wedge: WedgeConfig | None = None
) -> tuple[FirstRunResult, EnrollAnswer | None] | None:
    """Show the guided setup; None if the operator closed it.

    Enrollment runs in the background while the wizard stays responsive; the answer (with the
    token, on success) comes back for the caller to store with the rest of the configuration.
    A keyboard scanner is read while it is open, so a scan never types into its fields or
    presses its buttons: the wizard shows what was read.
    """
    wizard = FirstRunWizard()
    scans = WedgeEventFilter(WedgeDetector(wedge or WedgeConfig()), wizard)
    scans.scan_read.connect(wizard.show_scan)
    qt_app = QCoreApplication.instance()
    if qt_app is not None:
        qt_app.installEventFilter(scans)
    answers: list[EnrollAnswer] = []
    calls: list[BackgroundCall] = []

    def on_enroll_requested(url: str, code: str) -> None:
        call = BackgroundCall(lambda: enroller(url, code), wizard)
        call.done.connect(on_done)
        calls.append(call)
        call.start()

    def on_done(answer: EnrollAnswer) -> None:
        answers.append(answer)
        wizard.show_enrollment(answer.ok, answer.message)

    wizard.enroll_requested.connect(on_enroll_requested)
    try:
        accepted = wizard.exec() == int(QDialog.DialogCode.Accepted)
    finally:
        if qt_app is not None:
            qt_app.removeEventFilter(scans)
    for call in calls:
        call.stop()
    if not accepted:
        return None
    good = [a for a in answers if a.ok]
    return wizard.result_values(), (good[-1] if good else None)


def _say(title: str, text: str) -> None:
    """A blocking message box before the window exists (and the same text on stderr)."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    log.warning("%s: %s", title, text)
    if QCoreApplication.instance() is not None and not _offscreen():
        QMessageBox.warning(None, title, text)


def _offscreen() -> bool:
    app = QCoreApplication.instance()
    return isinstance(app, QApplication) and app.platformName() in ("offscreen", "minimal")


def _first_run(
    store: LocalStore, config: StationConfig, config_path: Path, token_file: str | None
) -> StationConfig | None:
    """The guided setup; returns the saved settings, or None if the operator closed it."""
    from argon2 import PasswordHasher  # noqa: PLC0415

    answer = run_first_run(enroller(config), config.scanner.wedge())
    if answer is None:
        return None
    result, enrolled = answer
    config = config.model_copy(
        update={
            "server": config.server.model_copy(
                update={"url": "" if result.offline_only else result.server_url.rstrip("/")}
            )
        }
    )
    if result.scanner_profile is not None:  # learned on the wizard's scanner page
        config = config_with_profile(config, result.scanner_profile)
    if enrolled is not None and enrolled.ok:
        try:
            save_token(enrolled.station_id, enrolled.token, token_file)
        except TokenStoreError as exc:
            _say(QCoreApplication.translate("StationApp", "Token not saved"), str(exc))
        else:
            store.set_identity(enrolled.station_id, enrolled.server_url.rstrip("/"))
    if result.offline_only and result.username and result.password:
        store.add_local_user(result.username, PasswordHasher().hash(result.password), "admin")
    store.set_meta("setup_done", datetime.now(UTC).isoformat())
    save_config(config, config_path)
    return config


def enroller(config: StationConfig) -> Enroller:
    """How the window enrolls (the guided setup, Settings), trusting the site's CA."""
    ca_bundle = config.server.ca_bundle

    def enroll(url: str, code: str) -> EnrollAnswer:
        return enroll_station(url, code, ca_bundle=ca_bundle)

    return enroll


def _server_parts(
    data_dir: Path, identity: Identity, config: StationConfig
) -> tuple[SyncWorker, ServerReader]:
    """The sync worker and the server reader for an enrolled station."""
    worker = SyncWorker(
        open_engine_factory(data_dir, identity, config), interval_s=config.server.sync_interval_s
    )
    reader = ServerReader(identity.server_url, identity.token, ca_bundle=config.server.ca_bundle)
    return worker, reader


def build_station(
    store: LocalStore,
    config: StationConfig,
    *,
    config_path: Path,
    data_dir: Path,
    identity: Identity | None,
    token_file: str | None = None,
    sounds: SoundPlayer | None = None,
) -> StationApp:
    """The running station on ``store``: call ``start()`` on it (or :func:`run_station`).

    ``identity``: who the station is, None if not enrolled (or its token is unreadable). A
    station whose server :func:`~tracetrack_desktop.composition.server_refusal` refuses works
    offline until Settings allow it, with the identity kept for then.
    """
    install_emit_refcount_fix()  # before the first emit, also for callers that skip main
    workflow = StationWorkflow(
        store,
        store.rules,
        lambda: datetime.now().astimezone(),
        debounce_ms=config.scanner.debounce_ms,
    )
    syncing = identity if identity and server_refusal(identity, config) is None else None
    worker, reader = _server_parts(data_dir, syncing, config) if syncing else (None, None)
    scan_inputs: list[ScanInput] = [
        WedgeEventFilter(WedgeDetector(config.scanner.wedge())),
        SerialScannerBridge(config.scanner.serial_scanners()),
    ]
    station_app = StationApp(
        WorkflowStation(workflow, store),
        scan_inputs=scan_inputs,
        sync_worker=worker,
        reader=reader,
        sounds=sounds,
        settings=values_from_config(config, store.code_rules()),
        list_ports=port_choices,
        enroller=enroller(config),
        timing=Timing(idle_logout_ms=config.ui.idle_logout_min * 60_000),
    )
    saved = [config]

    def on_settings_changed(values: SettingsValues) -> None:
        saved[0] = config_with_values(saved[0], values)
        save_config(saved[0], config_path)
        if store.meta("station_id") is None:  # offline only: it keeps the site's rules itself
            store.set_code_rules(rules_from(values))
        elif (  # enrolled, its server refused: allowed now?
            station_app.sync_worker is None
            and identity is not None
            and server_refusal(identity, saved[0]) is None
        ):
            station_app.connect_server(*_server_parts(data_dir, identity, saved[0]))

    def on_enrollment_finished(answer: EnrollAnswer) -> None:
        if not answer.ok:
            return
        try:
            save_token(answer.station_id, answer.token, token_file)
        except TokenStoreError as exc:
            station_app.bridge.error(str(exc))
            return
        server = answer.server_url.rstrip("/")
        store.set_identity(answer.station_id, server)
        fresh = Identity(answer.station_id, server, answer.token)
        # sync with the new server from now on: new worker and reader, no restart
        station_app.connect_server(*_server_parts(data_dir, fresh, saved[0]))
        station_app.bridge.info(
            QCoreApplication.translate(
                "StationApp", "Enrolled. This station now syncs with {url}."
            ).format(url=server)
        )

    station_app.settings_changed.connect(on_settings_changed)
    station_app.enrollment_finished.connect(on_enrollment_finished)
    return station_app


def run_station(qt_app: QApplication, station_app: StationApp) -> int:
    """Show the window and run the event loop until the window closes; stops every thread."""
    qt_app.aboutToQuit.connect(station_app.stop)
    station_app.start()
    settle_collector()
    try:
        return qt_app.exec()
    finally:
        station_app.stop()


def main(
    *,
    config_path: Path,
    data_dir: Path,
    token_file: str | None = None,
    identity: Identity | None = None,
) -> int:
    """``tracetrack-station``: open the window and run until it closes (see the module doc).

    Args:
        identity: who the station is, when the caller holds the token in memory (``make run``);
            otherwise it is read from the store and the keyring.
    """
    qt_app = qt_application()
    config = load_config(config_path)
    translator = install_translator(qt_app, config.ui.language)
    apply_theme(qt_app, high_contrast=config.ui.high_contrast)
    try:
        store = LocalStore(data_dir)
    except StorageError as exc:
        _say(QCoreApplication.translate("StationApp", "Station data"), exc.message)
        return 1
    try:
        if store.meta("setup_done") is None and store.meta("station_id") is None:
            setup = _first_run(store, config, config_path, token_file)
            if setup is None:
                return 1
            config = setup
        if identity is None and store.meta("station_id"):
            try:
                identity = station_identity(store, token_file)
            except TokenStoreError as exc:
                _say(QCoreApplication.translate("StationApp", "Offline"), str(exc))
        refusal = server_refusal(identity, config) if identity is not None else None
        if refusal:  # the window works offline until the admin allows it in Settings
            _say(QCoreApplication.translate("StationApp", "Offline"), refusal)
        station_app = build_station(
            store,
            config,
            config_path=config_path,
            data_dir=data_dir,
            identity=identity,
            token_file=token_file,
        )
        del translator  # installed on the app, which keeps it
        return run_station(qt_app, station_app)
    finally:
        store.close()
