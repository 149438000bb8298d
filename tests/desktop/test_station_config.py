"""The station's settings file, its token store, and the command line's error paths."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication

from sync_server import cli as server_cli
from tests.desktop.conftest import MemoryKeyring
from tracetrack_desktop import cli
from tracetrack_desktop.config import (
    ConfigError,
    StationConfig,
    is_loopback_host,
    load_config,
    plain_http_host,
    save_config,
    server_url_problem,
)
from tracetrack_desktop.headless import HeadlessError, parse_serial
from tracetrack_desktop.scanner.serial_reader import Terminator
from tracetrack_desktop.token_store import TokenStoreError, load_token, save_token


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_a_missing_file_means_defaults_and_a_saved_one_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "station.toml"
    assert load_config(path) == StationConfig()
    config = StationConfig.model_validate(
        {
            "server": {"url": "https://tt.example.com/", "sync_interval_s": 2},
            "scanner": {
                "debounce_ms": 500,
                "serial": [
                    {"id": "dock", "port": "/dev/ttyACM0", "baud": 115200, "terminator": "CRLF"},
                    {"usb": "0C2E:0B61", "serial_number": "17011B3F0A"},
                ],
            },
            "ui": {"language": "hi", "muted": True},
        }
    )
    save_config(config, path)
    again = load_config(path)
    assert again == config
    assert again.server.url == "https://tt.example.com"
    dock, usb = again.scanner.serial_scanners()
    assert (dock.scanner_id, dock.baudrate, dock.terminator) == ("dock", 115200, Terminator.CRLF)
    assert usb.usb is not None
    assert (usb.usb.vid, usb.usb.pid, usb.usb.serial_number) == (0x0C2E, 0x0B61, "17011B3F0A")
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


def test_the_serial_terminator_defaults_to_auto_and_older_files_keep_theirs(
    tmp_path: Path,
) -> None:
    path = tmp_path / "station.toml"
    path.write_text("[[scanner.serial]]\nport = '/dev/ttyS0'\n")
    (fresh,) = load_config(path).scanner.serial_scanners()
    assert fresh.terminator is Terminator.AUTO  # CR, LF or CRLF: any usual suffix reads right
    assert 'terminator = "AUTO"' in load_config(path).to_toml()
    for name in ("CR", "LF", "CRLF", "IDLE", "AUTO"):  # a file written before AUTO still loads
        path.write_text(f"[[scanner.serial]]\nport = '/dev/ttyS0'\nterminator = '{name}'\n")
        (scanner,) = load_config(path).scanner.serial_scanners()
        assert scanner.terminator is Terminator(name)


def test_headless_serial_spec_defaults_to_auto() -> None:
    assert parse_serial("/dev/ttyACM0").terminator is Terminator.AUTO
    assert parse_serial("COM3@115200", "crlf").terminator is Terminator.CRLF
    with pytest.raises(HeadlessError, match="AUTO, CR, LF, CRLF, IDLE"):
        parse_serial("COM3", "NUL")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[server]\nurl = 'tt.example.com'\n", "server.url"),
        ("[scanner]\ndebounce_ms = -1\n", "scanner.debounce_ms"),
        ("[scanner]\nwedge_terminatorz = ['Enter']\n", "wedge_terminatorz"),
        ("[[scanner.serial]]\nport = '/dev/ttyS0'\nterminator = 'NUL'\n", "terminator"),
        ("[[scanner.serial]]\nusb = 'zebra'\n", "vendor:product"),
        ("[ui]\nlanguage = 'fr'\n", "ui.language"),
        ("[server\nurl=", "not valid TOML"),
    ],
)
def test_a_bad_setting_is_refused_naming_the_file_and_the_key(
    tmp_path: Path, text: str, named: str
) -> None:
    path = tmp_path / "station.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    assert str(path) in str(refused.value)
    assert named in str(refused.value)


def test_every_command_takes_config_and_says_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[scanner]\ndebounce_ms = 'soon'\n")
    data = str(tmp_path / "data")
    assert cli.main(["--config", str(bad), "--data-dir", data, "sync"]) == 2
    assert "scanner.debounce_ms" in capsys.readouterr().err
    assert cli.main(["sync", "--config", str(bad), "--data-dir", data]) == 2  # after the name
    assert "scanner.debounce_ms" in capsys.readouterr().err
    good = tmp_path / "good.toml"
    good.write_text("[scanner]\ndebounce_ms = 300\n")
    assert cli.main(["config", "--config", str(good)]) == 0
    shown = capsys.readouterr().out
    assert f"# {good}" in shown
    assert "debounce_ms = 300" in shown


def test_without_a_keyring_the_token_is_never_written_anywhere(
    no_keyring: None, tmp_path: Path
) -> None:
    with pytest.raises(TokenStoreError) as refused:
        save_token("st_1", "secret-token")
    assert "--insecure-token-file" in str(refused.value)
    assert "Secret Service" in str(refused.value)
    with pytest.raises(TokenStoreError):
        load_token("st_1")
    assert list(tmp_path.iterdir()) == []
    path = tmp_path / "token"
    path.write_text("old")
    path.chmod(0o644)
    save_token("st_1", "secret-token", str(path))  # only when asked, and only for its owner
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_token("st_1", str(path)) == "secret-token"


def test_a_working_keyring_holds_the_token(memory_keyring: MemoryKeyring) -> None:
    assert save_token("st_9", "tok-9") == "token kept in the OS keyring"
    assert load_token("st_9") == "tok-9"
    assert memory_keyring.items == {("tracetrack-station", "st_9"): "tok-9"}


def test_enroll_without_a_keyring_keeps_the_code_unspent(
    no_keyring: None,
    pg_db: str,
    live_server: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert server_cli.main(["--database-url", pg_db, "station", "add", "Line 2", "--json"]) == 0
    code = json.loads(capsys.readouterr().out)["enrollment_code"]
    data = ["--data-dir", str(tmp_path / "data")]
    assert cli.main([*data, "enroll", "--server", live_server, code]) == 1
    err = capsys.readouterr().err
    assert "No OS keyring" in err
    assert "--insecure-token-file" in err
    token = tmp_path / "token"
    assert (
        cli.main(
            [*data, "--insecure-token-file", str(token), "enroll", "--server", live_server, code]
        )
        == 0
    )  # the code still works
    assert token.exists()


def test_headless_refuses_to_start_with_a_reason(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # qapp: the headless station reuses the process's application or makes a QCoreApplication,
    # which would then be the only one and leave widget tests run later without a QApplication
    data = ["--data-dir", str(tmp_path / "data")]
    assert cli.main([*data, "--headless", "--serial", "/dev/null"]) == 2
    assert "--operator" in capsys.readouterr().err
    assert cli.main([*data, "--headless", "--operator", "ravi"]) == 2
    assert "--serial" in capsys.readouterr().err
    assert cli.main([*data, "--headless", "--serial", "/dev/ttyX@fast", "--operator", "a"]) == 2
    assert "speed" in capsys.readouterr().err
    args = [*data, "--headless", "--serial", "/dev/null", "--operator", "ravi"]
    assert cli.main([*args, "--server", "http://127.0.0.1:9"]) == 2
    assert "not enrolled" in capsys.readouterr().err
    offline = [*data, "--headless", "--serial", "/dev/null", "--operator", "ravi"]
    assert cli.main(offline) == 2  # offline only: the operator must still be known here
    assert "not an operator known to this station" in capsys.readouterr().err


# -- plain http: refused to another machine unless the admin opts in ----------------------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.5.5.5", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("10.0.0.5", False),
        ("example.com", False),
        ("localhost.example.com", False),  # a name that only starts like it
        ("128.0.0.1", False),
        ("::2", False),
    ],
)
def test_only_this_machine_counts_as_loopback(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("http://127.0.0.1:5000", False),
        ("http://127.5.5.5", False),
        ("http://[::1]:8000/", False),
        ("http://localhost:5000", False),
        ("http://LOCALHOST", False),
        ("HTTP://localhost", False),
        ("http://10.0.0.5:8000", True),
        ("http://example.com", True),
        ("http://localhost@example.com", True),  # the host is after the "@"
        ("http://127.0.0.1.example.com", True),
        ("https://example.com", False),
        ("https://10.0.0.5:8443", False),
        ("https://localhost", False),
    ],
)
def test_plain_http_is_refused_for_another_machine_only(url: str, refused: bool) -> None:
    problem = server_url_problem(url, allow_plain_http=False)
    assert (problem is not None) is refused
    assert (plain_http_host(url) is not None) is refused
    if refused:
        assert "allow_plain_http" in str(problem)
        assert "https://" in str(problem)
    assert server_url_problem(url, allow_plain_http=True) is None  # the admin's opt-in


def test_a_settings_file_with_remote_plain_http_is_refused_unless_opted_in(
    tmp_path: Path,
) -> None:
    path = tmp_path / "station.toml"
    path.write_text("[server]\nurl = 'http://10.0.0.5:8000'\n")
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    assert str(path) in str(refused.value)
    assert "server" in str(refused.value)
    assert "allow_plain_http" in str(refused.value)
    path.write_text("[server]\nurl = 'http://10.0.0.5:8000'\nallow_plain_http = true\n")
    config = load_config(path)
    assert config.server.url == "http://10.0.0.5:8000"
    assert config.server.allow_plain_http
    save_config(config, path)
    assert load_config(path) == config  # the opt-in is written back
    path.write_text("[server]\nurl = 'http://127.0.0.1:8000'\n")
    assert not load_config(path).server.allow_plain_http  # this machine: no opt-in needed
    path.write_text("[server]\nurl = 'https://tracetrack.example.com'\n")
    assert load_config(path).server.url == "https://tracetrack.example.com"


def test_enroll_refuses_remote_plain_http_before_spending_the_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "enroll", "--server", "http://10.0.0.5:8000", "K7QF-92XD"]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "10.0.0.5" in err
    assert "allow_plain_http" in err
    assert not data.exists(), "nothing was asked of the server nor written"


def _enrolled_over_plain_http(tmp_path: Path) -> tuple[Path, Path]:
    """A station enrolled with a remote http:// server before the check existed: (its data
    folder, its token file)."""
    from tracetrack_desktop.storage.store import LocalStore  # noqa: PLC0415

    data, token = tmp_path / "data", tmp_path / "token"
    store = LocalStore(data)
    store.set_identity("st_1", "http://10.0.0.5:8000")
    store.set_meta("setup_done", "1")  # past the guided setup
    store.close()
    save_token("st_1", "tok", str(token))
    return data, token


def test_headless_refuses_an_enrolled_remote_plain_http_server(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # qapp: see test_headless_refuses_to_start_with_a_reason
    data, token = _enrolled_over_plain_http(tmp_path)
    args = ["--data-dir", str(data), "--insecure-token-file", str(token)]
    args += ["--headless", "--serial", "/dev/null", "--operator", "ravi"]
    args += ["--server", "http://10.0.0.5:8000"]
    assert cli.main(args) == 2
    assert "allow_plain_http" in capsys.readouterr().err
    opted_in = tmp_path / "station.toml"
    opted_in.write_text("[server]\nallow_plain_http = true\n")
    assert cli.main(["--config", str(opted_in), *args]) == 2  # past the check, to the operator
    assert "not an operator known to this station" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("server", "allowed", "refused"),
    [
        ("http://10.0.0.5:8000", False, True),
        ("http://10.0.0.5:8000", True, False),
        ("https://10.0.0.5", False, False),
        ("http://127.0.0.1:8600", False, False),
    ],
)
def test_an_enrolled_server_is_held_to_the_plain_http_rule(
    server: str, allowed: bool, refused: bool
) -> None:
    from tracetrack_desktop.composition import Identity, server_refusal  # noqa: PLC0415

    config = StationConfig.model_validate({"server": {"allow_plain_http": allowed}})
    refusal = server_refusal(Identity("st_1", server, "tok"), config)
    assert (refusal is not None) is refused
    if refusal:
        assert "allow_plain_http" in refusal


# the whole window starts: its sound player finds no sound device on this machine
@pytest.mark.qt_log_ignore("PulseAudioService", "propagateSizeHints")
def test_the_window_does_not_sync_with_an_enrolled_remote_plain_http_server(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracetrack_desktop import window  # noqa: PLC0415

    data, token = _enrolled_over_plain_http(tmp_path)
    built: list[object] = []
    monkeypatch.setattr(window, "run_station", lambda _qt, app, *_: built.append(app) or 0)
    for allowed in (False, True):
        config = tmp_path / f"station-{allowed}.toml"
        config.write_text(f"[server]\nallow_plain_http = {str(allowed).lower()}\n")
        assert window.main(config_path=config, data_dir=data, token_file=str(token)) == 0
    refused, opted_in = built
    assert refused.sync_worker is None  # type: ignore[attr-defined]
    assert opted_in.sync_worker is not None  # type: ignore[attr-defined]
    # the admin ticks the opt-in in Settings: the refused window starts syncing, no restart
    values = replace(refused.settings, allow_plain_http=True)  # type: ignore[attr-defined]
    refused.settings_changed.emit(values)  # type: ignore[attr-defined]
    assert refused.sync_worker is not None  # type: ignore[attr-defined]
    for app in built:
        app.stop()  # type: ignore[attr-defined]


def test_a_sync_from_the_command_line_is_held_to_the_plain_http_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, token = _enrolled_over_plain_http(tmp_path)
    args = ["--data-dir", str(data), "--insecure-token-file", str(token), "sync"]
    assert cli.main(args) == 2  # refused before any request is made
    assert "allow_plain_http" in capsys.readouterr().err
