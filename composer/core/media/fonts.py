"""Find an installed font by family name or file, with Pillow's built-in scalable font last.

fontconfig's ``fc-match`` knows every installed font and its styles (Linux, and macOS with
fontconfig); without it we look through the usual font folders by file name.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import cast

from PIL import ImageFont

# Where each system keeps its fonts, searched when fontconfig's fc-match is not there.
_SYSTEM_FONT_DIRS = {
    "linux": ("/usr/share/fonts", "/usr/local/share/fonts",
              "~/.local/share/fonts", "~/.fonts"),  # per-OS: macOS and Windows below
    "darwin": ("/Library/Fonts", "/System/Library/Fonts", "~/Library/Fonts"),
    "win32": (os.path.join(os.environ.get("WINDIR", "C:/Windows"), "Fonts"),
              os.path.join(os.environ.get("LOCALAPPDATA", ""), "Microsoft", "Windows", "Fonts")),
}
FONT_DIRS = _SYSTEM_FONT_DIRS.get(sys.platform, _SYSTEM_FONT_DIRS["linux"])
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@lru_cache(maxsize=128)
def font_file(family: str, bold: bool = False, italic: bool = False) -> str | None:
    """The file of an installed font, or None when nothing fits (the caller falls back)."""
    if not family:
        return None
    if Path(family).suffix.lower() in FONT_SUFFIXES:
        return family if Path(family).expanduser().is_file() else None
    fc = shutil.which("fc-match")
    if fc:
        style = ":weight=bold" if bold else ""
        style += ":slant=italic" if italic else ""
        try:
            out = subprocess.run([fc, "-f", "%{file}", family + style], capture_output=True,
                                 text=True, timeout=5)
            path = out.stdout.strip()
            if out.returncode == 0 and path and Path(path).is_file():
                return path
        except (OSError, subprocess.SubprocessError):
            pass
    return _search_dirs(_squash(family), bold, italic)


def _search_dirs(family: str, bold: bool, italic: bool) -> str | None:
    candidates = []
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if path.suffix.lower() in FONT_SUFFIXES and _squash(path.stem).startswith(family):
                candidates.append(path)
    if not candidates:
        return None

    def score(path: Path) -> tuple[int, int]:
        rest = _squash(path.stem)[len(family):]
        wants = ("bold" in rest) == bold and (("italic" in rest or "oblique" in rest) == italic)
        return (0 if wants else 1, len(rest))

    return str(min(candidates, key=score))


def installed_families() -> list[str]:
    """Font families for a picker (fontconfig's list; file names without it)."""
    fc = shutil.which("fc-list")
    if fc:
        try:
            out = subprocess.run([fc, ":", "family"], capture_output=True, text=True, timeout=10)
            return sorted({line.split(",")[0].strip() for line in out.stdout.splitlines() if line.strip()})
        except (OSError, subprocess.SubprocessError):
            pass
    names: set[str] = set()
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            names.update(p.stem for p in root.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)
    return sorted(names)


@lru_cache(maxsize=256)
def _truetype(path: str, size: int, thread: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


@lru_cache(maxsize=64)
def _builtin(size: int, thread: int) -> ImageFont.FreeTypeFont:
    # cast: with FreeType (every Pillow wheel has it) this is a FreeType face; the bitmap
    # fallback would ignore the size, and layout needs a FreeType face's metrics anyway
    return cast(ImageFont.FreeTypeFont, ImageFont.load_default(size))


def load_font(family: str, size: int, bold: bool = False,
              italic: bool = False) -> ImageFont.FreeTypeFont:
    """A font object at ``size`` pixels. FreeType faces are not shared between threads."""
    size = max(1, int(size))
    thread = threading.get_ident()
    path = font_file(family, bold, italic)
    if path:
        try:
            return _truetype(path, size, thread)
        except OSError:
            pass
    return _builtin(size, thread)
