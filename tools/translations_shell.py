"""Refresh and compile the app shell's Qt translations.

    .venv/bin/python tools/translations_shell.py          # lupdate + lrelease
    .venv/bin/python tools/translations_shell.py --check  # fail when a string is untranslated

lupdate collects every tr()/translate() string of the shell's files into
composer/resources/translations/siaran_shell_id.ts (Indonesian; translate new entries there, e.g.
with Qt Linguist: .venv/bin/pyside6-linguist) and siaran_shell_en.ts (English plural forms
only: "%n image(s)" becomes "1 image" / "2 images"). lrelease compiles both to the .qm files the
app loads. The tools ship with PySide6-Essentials (.venv/bin/pyside6-lupdate, -lrelease).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "composer" / "gui"
OUT = ROOT / "composer" / "resources" / "translations"
# The shell's own folders; previews/ keeps its own catalogue.
SHELL_DIRS = ("editor", "media", "accounts", "publish", "history", "settings", "welcome", "templates",
              "crop", "queue")
# Qt's own strings in Indonesian (PySide6 ships none), kept by hand: compiled, never lupdated
QTBASE = ("qtbase_id.ts",)


def sources() -> list[str]:
    files = sorted(GUI.glob("*.py"))
    for folder in SHELL_DIRS:
        files += sorted((GUI / folder).glob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files]


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def untranslated(ts: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if kind in ("unfinished", None) and kind != "vanished" and kind != "obsolete":
            texts = [translation.text or ""] + [n.text or "" for n in translation.findall("numerusform")]
            if kind == "unfinished" or not any(t.strip() for t in texts):
                missing.append(message.findtext("source"))
    return missing


def main() -> int:
    ts_id, ts_en = OUT / "siaran_shell_id.ts", OUT / "siaran_shell_en.ts"
    if "--check" in sys.argv:
        missing = untranslated(ts_id) + [m for name in QTBASE for m in untranslated(OUT / name)]
        for text in missing:
            print(f"untranslated: {text!r}")
        return 1 if missing else 0
    files = sources()
    subprocess.run([tool("lupdate"), "-locations", "none", "-no-obsolete", *files, "-ts", str(ts_id)],
                   cwd=ROOT, check=True)
    subprocess.run([tool("lupdate"), "-locations", "none", "-no-obsolete", "-pluralonly", *files,
                    "-ts", str(ts_en)], cwd=ROOT, check=True)
    for ts in (ts_id, ts_en, *(OUT / name for name in QTBASE)):
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
