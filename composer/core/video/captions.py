"""Captions files: read SRT or WebVTT, write either. A channel that takes one format gets the
officer's file converted; a trimmed video's captions are moved onto the clock of the part kept
(``within``), the same way whether they are sent as a file or drawn into the picture."""

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


def within(cues: list[Cue], start: float, end: float | None = None) -> list[Cue]:
    """The cues on the clock of the part kept, ``start`` to ``end`` seconds of the source: moved
    back by ``start``, those wholly outside dropped, those across either edge cut at it."""
    length = None if end is None else end - start
    out: list[Cue] = []
    for cue in cues:
        begin, stop = cue.start - start, cue.end - start
        if length is not None:
            stop = min(stop, length)
        begin = max(begin, 0.0)
        if stop - begin > 0.0005:
            out.append(Cue(round(begin, 3), round(stop, 3), cue.text))
    return out


def for_channel(source: str | Path, formats: tuple[str, ...], out_dir: Path, *,
                span: tuple[float, float] | None = None) -> Path | None:
    """The captions file in a format the channel takes (the source itself when it already is
    and the video is not trimmed). ``span``: the part of the video kept (seconds of the
    source); the cues are moved onto its clock (``within``), and None comes back when none of
    them is on screen in that part (the channel gets no captions file)."""
    p = Path(source)
    cues = read(p)  # also proves the file is usable
    fmt = p.suffix.lower().lstrip(".")
    if span is None and (fmt in formats or not formats):
        return p
    if fmt not in formats and formats:
        fmt = formats[0]
    if span is not None:
        cues = within(cues, *span)
        if not cues:
            return None
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"{p.stem}.{fmt}" if span is None else f"{p.stem}-{span[0]:.2f}-{span[1]:.2f}.{fmt}"
    return write(cues, out_dir / name, fmt)
