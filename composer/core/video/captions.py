"""Captions files: read SRT or WebVTT, write either. A channel that takes one format gets the
officer's file converted, never re-timed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from composer.core.i18n import UserError, _

_TIME = r"(\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_CUE = re.compile(rf"^\s*({_TIME})\s*-->\s*({_TIME})(.*)$")
MAX_BYTES = 2_000_000


class CaptionsError(UserError):
    """A captions file that cannot be used; one translated line."""


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    value = 0.0
    for part in parts:
        value = value * 60 + float(part)
    return value


def _stamp(seconds: float, sep: str) -> str:
    ms = int(round(seconds * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def read(path: str | Path) -> list[Cue]:
    """The cues of an SRT or WebVTT file; CaptionsError when it holds none."""
    p = Path(path)
    try:
        raw = p.read_bytes()[: MAX_BYTES + 1]
    except OSError:
        raise CaptionsError(_("The captions file is missing: {path}", path=p)) from None
    if len(raw) > MAX_BYTES:
        raise CaptionsError(_("{name} is too large for a captions file", name=p.name))
    text = raw.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    cues: list[Cue] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        match = _CUE.match(lines[i])
        if match is None:
            i += 1
            continue
        start, end = _seconds(match.group(1)), _seconds(match.group(3))
        i += 1
        body = []
        while i < len(lines) and lines[i].strip():
            body.append(lines[i].strip())
            i += 1
        if end > start and body:
            cues.append(Cue(start, end, "\n".join(body)))
    if not cues:
        raise CaptionsError(_("{name} holds no captions (SRT or WebVTT expected)", name=p.name))
    return cues


def write(cues: list[Cue], path: Path, fmt: str) -> Path:
    """Write ``cues`` as "vtt" or "srt"."""
    if fmt == "vtt":
        body = "WEBVTT\n\n" + "\n".join(
            f"{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n{c.text}\n" for c in cues)
    else:
        body = "\n".join(f"{n}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n{c.text}\n"
                         for n, c in enumerate(cues, 1))
    path.write_text(body, encoding="utf-8")
    return path


def for_channel(source: str | Path, formats: tuple[str, ...], out_dir: Path) -> Path:
    """The captions file in a format the channel takes (the source itself when it already is)."""
    p = Path(source)
    cues = read(p)  # also proves the file is usable
    fmt = p.suffix.lower().lstrip(".")
    if fmt in formats or not formats:
        return p
    out_dir.mkdir(parents=True, exist_ok=True)
    return write(cues, out_dir / f"{p.stem}.{formats[0]}", formats[0])
