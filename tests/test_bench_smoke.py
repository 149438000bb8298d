"""The benchmarks still run: ``python -m bench.run --smoke`` for the modules listed here."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("scan_path", "footprint", "drain", "many_stations", "read_side", "input_accuracy")
SECTIONS = {name: importlib.import_module(f"bench.{name}").SECTION for name in MODULES}
EXPECTED = {
    "Station scan path": {
        "durable commit p50",
        "durable commit p99",
        "feedback painted p50",
        "feedback painted p99",
        "bare SQLite insert+commit p99 (the limit)",
    },
    "Station footprint": {
        "start-up to ready (headless)",
        "local database per 10,000 scans",
    },
    "Station input under load": {
        "wedge cabled-enter: reads right",
        "serial, CR/LF/CRLF mixed: reads right",
    },
}

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="pseudo-terminals and /proc"),
    pytest.mark.timeout(480),
]


def test_the_smoke_run_reports_every_section(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [
        sys.executable,
        "-m",
        "bench.run",
        "--smoke",
        "--only",
        *SECTIONS,
        "--out",
        str(tmp_path),
    ]
    done = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=420, check=False
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["failures"] == {}
    assert results["meta"]["mode"] == "smoke"
    for section in SECTIONS.values():
        figures = {f["name"]: f for f in results["figures"] if f["section"] == section}
        assert figures, f"{section!r} reported nothing"
        assert EXPECTED.get(section, set()) <= set(figures), f"{section!r}: {sorted(figures)}"
        for name in EXPECTED.get(section, set()):
            assert figures[name]["value"] > 0, figures[name]
    names = {f["name"] for f in results["figures"]}
    assert any(name.startswith("resident memory after") for name in names), sorted(names)
    drained = next(f for f in results["figures"] if f["name"] == "events drained")
    assert drained["value"] == 2000  # every queued scan reached the server
    upload = next(f for f in results["figures"] if f["name"].endswith("upload success"))
    assert upload["value"] == 100
    commit = next(f for f in results["figures"] if f["name"] == "durable commit p99")
    assert commit["limit"].startswith("bare SQLite WAL insert+commit p99")
    assert (tmp_path / "RESULTS.md").exists()
