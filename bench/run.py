"""``python -m bench.run --full | --smoke [--only NAME ...]``.

Runs each benchmark module in turn and writes ``bench/RESULTS.md`` and ``bench/results.json``
(``--smoke`` writes ``build/bench-smoke/`` instead, so CI never overwrites the committed
report). A benchmark that fails is reported as failed; the others still run. ``--only NAME
--merge`` measures some benchmarks again and keeps every other section of the existing
``results.json``; each section says when it was measured.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import Context, Figure, machine

MODULES = (
    "scan_path",
    "drain",
    "many_stations",
    "read_side",
    "footprint",
    "input_accuracy",
    "exports",
    "live",
    "imports",
    "bundle",
    "replica",
)
ROOT = Path(__file__).resolve().parent


def render(
    figures: list[Figure],
    failures: dict[str, str],
    meta: dict[str, Any],
    measured: dict[str, str] | None = None,
) -> str:
    lines = ["# Benchmark results", ""]
    lines.append(f"Run {meta['started']} ({meta['mode']}), {meta['seconds']:.0f} s in all.")
    lines.append("")
    lines.append("| machine | |")
    lines.append("|---|---|")
    for key, value in meta["machine"].items():
        lines.append(f"| {key} | {value} |")
    sections: dict[str, list[Figure]] = {}
    for figure in figures:
        sections.setdefault(figure.section, []).append(figure)
    for section, rows in sections.items():
        lines += ["", f"## {section}", ""]
        if measured and section in measured:
            lines += [f"Measured {measured[section]}.", ""]
        lines.append("| figure | value | target | met | beside the limit | note |")
        lines.append("|---|---|---|---|---|---|")
        for f in rows:
            met = "" if f.met is None else ("yes" if f.met else "**no**")
            value = f"{f.value:,.2f} {f.unit}".replace(".00 ", " ")
            lines.append(f"| {f.name} | {value} | {f.target} | {met} | {f.limit} | {f.note} |")
    if failures:
        lines += ["", "## Failed", ""]
        for name, error in failures.items():
            lines.append(f"- `{name}`: {error}")
    notes_file = ROOT / "NOTES.md"
    if notes_file.exists():
        lines += ["", notes_file.read_text().strip()]
    return "\n".join(lines) + "\n"


def _merged(
    old: dict[str, Any], new: list[Figure], measured: dict[str, str]
) -> tuple[list[Figure], dict[str, str]]:
    """The old run's sections that ``new`` does not measure, then ``new``'s."""
    fresh = {figure.section for figure in new}
    kept = [Figure(**row) for row in old["figures"] if row["section"] not in fresh]
    when = dict(old.get("measured", {}))
    for figure in kept:
        when.setdefault(figure.section, old["meta"]["started"])
    when = {section: when[section] for section in dict.fromkeys(f.section for f in kept)}
    return kept + new, when | measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.run")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--full", action="store_true")
    mode.add_argument("--smoke", action="store_true")
    parser.add_argument("--only", nargs="*", choices=MODULES)
    parser.add_argument("--out", help="folder for RESULTS.md and results.json")
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep the sections of the existing results.json that this run does not measure",
    )
    args = parser.parse_args(argv)
    out = (
        Path(args.out)
        if args.out
        else (ROOT if args.full else ROOT.parent / "build" / "bench-smoke")
    )
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    figures: list[Figure] = []
    failures: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="tt-bench-") as work:
        ctx = Context(smoke=args.smoke, work_dir=Path(work))
        for name in args.only or MODULES:
            print(f"== {name}", flush=True)
            try:
                module = importlib.import_module(f"bench.{name}")
                got = module.run(ctx)
            except Exception as exc:  # report, and go on with the others
                traceback.print_exc()
                failures[name] = f"{type(exc).__name__}: {exc}"
                continue
            for figure in got:
                print(
                    f"   {figure.name}: {figure.value:.3f} {figure.unit} {figure.limit}", flush=True
                )
            figures.extend(got)
    meta: dict[str, Any] = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "smoke" if args.smoke else "full",
        "seconds": time.monotonic() - started,
        "machine": machine(),
    }
    measured: dict[str, str] = {figure.section: meta["started"] for figure in figures}
    if args.merge and (out / "results.json").exists():
        previous = json.loads((out / "results.json").read_text())
        figures, measured = _merged(previous, figures, measured)
    (out / "results.json").write_text(
        json.dumps(
            {
                "meta": meta,
                "measured": measured,
                "figures": [f.as_dict() for f in figures],
                "failures": failures,
            },
            indent=2,
        )
        + "\n"
    )
    (out / "RESULTS.md").write_text(render(figures, failures, meta, measured))
    print(f"wrote {out / 'RESULTS.md'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
