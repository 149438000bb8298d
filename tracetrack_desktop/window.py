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

import contextlib
import logging
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSocketNotifier
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
from tracetrack_desktop.token_store import (
    SETUP_TOKEN_FILE,
    TokenPlace,
    TokenStoreError,
    save_token,
)
from tracetrack_desktop.ui.app import ScanInput, StationApp, Timing
from tracetrack_desktop.ui.background import BackgroundCall
from tracetrack_desktop.ui.dashboard_client import ServerReader
from tracetrack_desktop.ui.enrollment import EnrollAnswer, Enroller, enroll_station
from tracetrack_desktop.ui.feedback import SoundPlayer, quiet_multimedia_logging
from tracetrack_desktop.ui.first_run import FirstRunResult, FirstRunWizard
from tracetrack_desktop.ui.i18n import Language
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
    enroller: Enroller, wedge: WedgeConfig | None = None, place: TokenPlace | None = None
) -> FirstRunResult | None:
    """Show the guided setup; None if the operator closed it.

    Enrollment runs in the background while the wizard stays responsive; the wizard keeps the
    token (``place``: the keyring, or the file asked for or offered) before it lets the
    operator on, and the result says where. A keyboard scanner is read while it is open, so a
    scan never types into its fields or presses its buttons: the wizard shows what was read.
    """
    wizard = FirstRunWizard(place=place)
    scans = WedgeEventFilter(WedgeDetector(wedge or WedgeConfig()), wizard)
    scans.scan_read.connect(wizard.show_scan)
    qt_app = QCoreApplication.instance()
    if qt_app is not None:
        qt_app.installEventFilter(scans)
    calls: list[BackgroundCall] = []

    def on_enroll_requested(url: str, code: str) -> None:
        call = BackgroundCall(lambda: enroller(url, code), wizard)
        call.done.connect(wizard.show_enrollment)
        calls.append(call)
        call.start()

    wizard.enroll_requested.connect(on_enroll_requested)
    try:
        accepted = wizard.exec() == int(QDialog.DialogCode.Accepted)
    finally:
        if qt_app is not None:
            qt_app.removeEventFilter(scans)
    for call in calls:
        call.stop()
    return wizard.result_values() if accepted else None


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
    store: LocalStore, config: StationConfig, config_path: Path, place: TokenPlace
) -> StationConfig | None:
    """The guided setup; returns the saved settings, or None if the operator closed it."""
    from argon2 import PasswordHasher  # noqa: PLC0415

    result = run_first_run(enroller(config), config.scanner.wedge(), place)
    if result is None:
        return None
    server = {"url": "" if result.offline_only else result.server_url.rstrip("/")}
    if result.token_file:  # where no keyring works: later runs read it from there
        server["token_file"] = result.token_file
    config = config.model_copy(update={"server": config.server.model_copy(update=server)})
    if result.scanner_profile is not None:  # learned on the wizard's scanner page
        config = config_with_profile(config, result.scanner_profile)
    if result.enrollment is not None:  # its token is kept already
        enrolled = result.enrollment
        store.set_identity(enrolled.station_id, enrolled.server_url.rstrip("/"))
    if result.offline_only and result.username and result.password:
        store.add_local_user(result.username, PasswordHasher().hash(result.password), "admin")
    store.set_meta("setup_done", datetime.now(UTC).isoformat())
    save_config(config, config_path)
    return config


def enroller(config: StationConfig, place: TokenPlace | None = None) -> Enroller:
    """How the window enrolls (the guided setup, Settings), trusting the site's CA.

    ``place``: where the token will be kept, checked before the code is sent (Settings); the
    guided setup checks its own choice first and passes None.
    """
    ca_bundle = config.server.ca_bundle

    def enroll(url: str, code: str) -> EnrollAnswer:
        problem = place.problem() if place is not None else None
        if problem is not None:  # the code would be spent on a token nobody can keep
            return EnrollAnswer(False, problem)
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
    language: Language | None = None,
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
        settings=values_from_config(
            config, store.code_rules(), enrolled_with=identity.server_url if identity else None
        ),
        list_ports=port_choices,
        enroller=enroller(config, TokenPlace(token_file)),
        language=language,
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


def run_station(
    qt_app: QApplication, station_app: StationApp, on_open: Callable[[], None] | None = None
) -> int:
    """Show the window and run the event loop until the window closes; stops every thread.

    SIGTERM and SIGINT (a shutdown, Ctrl+C on ``make run``) close the window the same way,
    kiosk or not: threads stopped, the store closed, exit code 0. ``on_open`` is called once
    the window shows.
    """
    qt_app.aboutToQuit.connect(station_app.stop)
    station_app.start()
    settle_collector()
    with _closing_on_termination(qt_app, station_app):
        log.info("the station window is open (pid %d)", os.getpid())
        if on_open is not None:
            on_open()
        try:
            return qt_app.exec()
        finally:
            station_app.stop()


@contextmanager
def _closing_on_termination(qt_app: QApplication, station_app: StationApp) -> Iterator[None]:
    """While the event loop runs, a SIGTERM or SIGINT closes the window from the GUI thread.

    Python runs a signal handler only between bytecodes, which an idle Qt loop never reaches;
    the signal's number is written to a socket (``signal.set_wakeup_fd``) that Qt watches.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only
        return
    read, write = socket.socketpair()
    read.setblocking(False)
    write.setblocking(False)
    notifier = QSocketNotifier(read.fileno(), QSocketNotifier.Type.Read)

    def on_activated() -> None:
        with contextlib.suppress(OSError):
            read.recv(64)
        log.info("asked to stop: closing the station window")
        station_app.window.close_now()
        qt_app.exit(0)  # also leaves the loop of any dialog that is open

    notifier.activated.connect(on_activated)
    handled = (signal.SIGTERM, signal.SIGINT)
    previous = {sig: signal.signal(sig, lambda _sig, _frame: None) for sig in handled}
    previous_fd = signal.set_wakeup_fd(write.fileno())
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous_fd)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        notifier.setEnabled(False)
        read.close()
        write.close()


QUIT_AFTER_ENV = "TRACETRACK_QUIT_AFTER"
"""Set to a number of seconds, the window quits by itself that long after it is shown (the
bundle's test and its start-up bench: ``tests/bundle``, ``bench/bundle.py``)."""


def _quit_after(qt_app: QApplication) -> None:
    """With :data:`QUIT_AFTER_ENV` set: once the loop runs with the window shown, log
    "window shown" and quit later, as closing the window does."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    seconds = os.environ.get(QUIT_AFTER_ENV)
    if not seconds:
        return

    def shown() -> None:
        log.info("window shown; quitting in %s s (%s)", seconds, QUIT_AFTER_ENV)
        QTimer.singleShot(round(float(seconds) * 1000), qt_app.quit)

    QTimer.singleShot(0, shown)


def main(
    *,
    config_path: Path,
    data_dir: Path,
    token_file: str | None = None,
    identity: Identity | None = None,
    kiosk: bool = False,
    on_open: Callable[[], None] | None = None,
) -> int:
    """``tracetrack-station``: open the window and run until it closes (see the module doc).

    Args:
        token_file: the token's file asked for on the command line (None: the settings' file,
            else the OS keyring).
        identity: who the station is, when the caller holds the token in memory (``make run``);
            otherwise it is read from the store and the keyring.
        kiosk: full screen, closed only by an admin (``kiosk.py`` starts it again after a
            crash); otherwise the window opens maximised.
        on_open: called once the window shows.
    """
    qt_app = qt_application()
    config = load_config(config_path)
    language = Language(qt_app, config.ui.language)
    apply_theme(qt_app, high_contrast=config.ui.high_contrast)
    try:
        store = LocalStore(data_dir)
    except StorageError as exc:
        _say(QCoreApplication.translate("StationApp", "Station data"), exc.message)
        return 1
    try:
        if store.meta("setup_done") is None and store.meta("station_id") is None:
            place = TokenPlace(config.token_file(token_file), data_dir / SETUP_TOKEN_FILE)
            setup = _first_run(store, config, config_path, place)
            if setup is None:
                return 1
            config = setup
        token_file = config.token_file(token_file)
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
            language=language,
        )
        station_app.window.set_presentation("kiosk" if kiosk else "maximized")
        _quit_after(qt_app)
        return run_station(qt_app, station_app, on_open)
    finally:
        store.close()
