"""Refresh the translation files: ``python resources/translations/update.py``.

1. ``pyside6-lupdate`` collects every ``tr()``/``translate()`` string from ``tracetrack_desktop/ui``
   into ``tracetrack_en.ts`` and ``tracetrack_hi.ts``;
2. Hindi texts from ``hi.json`` and ``hi_*.json`` (source text → translation, one file per part
   of the window) are filled in; strings without one stay "unfinished" and show in English;
3. ``pyside6-lrelease`` compiles both to ``.qm`` next to them (committed, loaded at start-up).
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent


def hindi_texts() -> dict[str, str]:
    """Every Hindi text, from ``hi.json`` and the ``hi_*.json`` beside it (a source text given
    twice is an error: which one wins would depend on file order)."""
    texts: dict[str, str] = {}
    for path in sorted(HERE.glob("hi*.json")):
        part = json.loads(path.read_text(encoding="utf-8"))
        again = texts.keys() & part.keys()
        if again:
            raise SystemExit(f"{path.name} translates again: {sorted(again)}")
        texts.update(part)
    return texts


def main() -> int:
    """Run lupdate, fill Hindi, run lrelease; print how many strings are still untranslated."""
    sources = sorted(str(p) for p in (ROOT / "tracetrack_desktop" / "ui").rglob("*.py"))
    ts_files = [HERE / "tracetrack_en.ts", HERE / "tracetrack_hi.ts"]
    subprocess.run(  # noqa: S603 - fixed tool from our own venv, fixed arguments
        [
            str(BIN / "pyside6-lupdate"),
            "-no-obsolete",
            "-silent",
            *sources,
            "-ts",
            *map(str, ts_files),
        ],
        check=True,
    )
    hindi = hindi_texts()
    tree = ET.parse(ts_files[1])  # noqa: S314 - our own generated file
    tree.getroot().set("language", "hi_IN")
    missing = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if source in hindi:
            translation.text = hindi[source]
            translation.attrib.pop("type", None)
        else:
            missing += 1
    tree.write(ts_files[1], encoding="utf-8", xml_declaration=True)
    for ts in ts_files:
        subprocess.run(  # noqa: S603 - fixed tool from our own venv, fixed arguments
            [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )
    print(f"Hindi: {missing} strings without a translation")  # noqa: T201 - a tool's report
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
