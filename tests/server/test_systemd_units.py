"""packaging/systemd's unit passes systemd's own checks, as shipped but for the venv path.

How the unit starts the server (its ExecStartPre and ExecStart, its environment and the
example env file) is run for real by tests/server/test_nginx_proxy.py (proxy_setup.UnitServer).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.procs import BIN
from tests.server.proxy_setup import ENV_EXAMPLE, SHIPPED_VENV_BIN, UNIT

pytestmark = [
    pytest.mark.timeout(60),
    pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze"),
]


def _installed_copy(folder: Path) -> Path:
    """The unit with this venv's commands and the example env file (verify checks both)."""
    text = UNIT.read_text(encoding="utf-8")
    assert text.count(SHIPPED_VENV_BIN) == 2
    env_line = "EnvironmentFile=/etc/tracetrack/server.env"
    assert text.count(env_line) == 1
    text = text.replace(SHIPPED_VENV_BIN, f"{BIN}/").replace(
        env_line, f"EnvironmentFile={ENV_EXAMPLE}"
    )
    copy = folder / UNIT.name
    copy.write_text(text, encoding="utf-8")
    return copy


def test_the_unit_verifies_clean(tmp_path: Path) -> None:
    done = subprocess.run(  # systemd's own checker
        ["systemd-analyze", "verify", str(_installed_copy(tmp_path))],
        capture_output=True, text=True, check=False, timeout=30,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr


def test_the_unit_is_hardened(tmp_path: Path) -> None:
    """systemd's exposure score (0 locked down .. 10 exposed) stays at 2.0 or below; the
    shipped unit scores 1.7 ("OK") with systemd 252."""
    done = subprocess.run(  # systemd's own checker
        ["systemd-analyze", "security", "--offline=true", "--threshold=20",
         str(_installed_copy(tmp_path))],
        capture_output=True, text=True, check=False, timeout=30,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:]
