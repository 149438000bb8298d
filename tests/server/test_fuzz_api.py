"""Schema-driven fuzzing: schemathesis against the served OpenAPI document, over real HTTP.

The run uses a station token, so both the upload path and every read endpoint are exercised
with generated (mostly invalid) input. The only check that must hold everywhere: no 5xx.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.server.test_ingest import station


@pytest.mark.slow
@pytest.mark.timeout(420)  # the run's own limit is 400 s; the API grew past the default 120 s
def test_no_server_errors_under_schema_driven_fuzzing(app, live_server, tmp_path: Path) -> None:
    _, headers = station(app, "Fuzzer")
    schemathesis = Path(sys.executable).with_name("schemathesis")
    result = subprocess.run(
        [
            str(schemathesis),
            "run",
            f"{live_server}/api/v1/openapi.json",
            "--header",
            f"Authorization:{headers['Authorization']}",
            "--checks",
            "not_a_server_error",
            "--exclude-path",
            "/api/v1/audit",
            "--max-examples",
            "30",
            "--seed",
            "20261128",
            "--request-timeout",
            "20",
            "--report-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=400,
        check=False,
        cwd=tmp_path,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    # exit code 0 means every check passed; 404-only warnings for lookups of unknown ids are fine
    generated = re.search(r"(\d+) generated, (\d+) passed", output)
    assert generated is not None, output[-3000:]
    assert generated.group(1) == generated.group(2)
    assert int(generated.group(1)) > 200
