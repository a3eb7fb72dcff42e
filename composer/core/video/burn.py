"""Captions drawn into the picture, for a channel that takes no captions file.

Each cue is drawn once (Pillow, the office's usual sans face found by
composer.core.media.fonts): white letters with a dark outline on a translucent dark box,
centred at the bottom, wrapped to the frame's width, their size a share of the frame's height.
While a cue is on screen, each frame gets that drawing laid over it; the frames between cues go
through untouched.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from composer.core.video.captions import Cue

FONT_FAMILY = "DejaVu Sans"
TEXT_SHARE = 0.05  # letter height: this share of the frame's height
BOTTOM_SHARE = 0.06  # the gap under the box
WIDTH_SHARE = 0.9  # lines wrap at this share of the frame's width
_TAGS = re.compile(r"<[^>]*>")


def cues_key(cues: Sequence[Cue]) -> str:
    """What the burned output is named by: the cues themselves (times and words)."""
    digest = hashlib.sha256()
    for cue in cues:
        digest.update(f"{cue.start:.3f}|{cue.end:.3f}|{cue.text}\n".encode())
    return digest.hexdigest()[:16]


def _wrap(text: str, font: Any, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in _TAGS.sub("", text).split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if line and font.getlength(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        if line:
            lines.append(line)
    return lines


class Burner:
    """Lays the cue on screen (if any) over each frame of one output, in time order."""

    def __init__(self, cues: Sequence[Cue], width: int, height: int):
        self.cues = sorted(cues, key=lambda c: c.start)
        self.width, self.height = width, height
        self._drawn: dict[int, tuple[Any, int]] = {}

    def cue_at(self, seconds: float) -> int | None:
        for index, cue in enumerate(self.cues):
            if cue.start <= seconds < cue.end:
                return index
            if cue.start > seconds:
                break
        return None

    def overlay(self, index: int) -> tuple[Any, int]:
        """The cue's drawing (an RGBA strip as wide as the frame) and the row it starts at."""
        if index not in self._drawn:
            self._drawn[index] = self._draw(self.cues[index].text)
        return self._drawn[index]

    def _draw(self, text: str) -> tuple[Any, int]:
        from PIL import Image, ImageDraw

        from composer.core.media.fonts import load_font

        size = max(10, round(self.height * TEXT_SHARE))
        font = load_font(FONT_FAMILY, size, bold=True)
        lines = _wrap(text, font, self.width * WIDTH_SHARE) or [""]
        stroke = max(1, size // 14)
        line_h = round(size * 1.25)
        pad = max(4, size // 3)
        text_w = max(font.getlength(line) for line in lines)
        box_w = min(self.width, int(text_w) + 2 * pad)
        box_h = line_h * len(lines) + 2 * pad
        strip = Image.new("RGBA", (self.width, box_h), (0, 0, 0, 0))
        draw = ImageDraw.Draw(strip)
        left = (self.width - box_w) // 2
        draw.rounded_rectangle((left, 0, left + box_w - 1, box_h - 1), radius=pad,
                               fill=(0, 0, 0, 150))
        for row, line in enumerate(lines):
            x = (self.width - font.getlength(line)) / 2
            draw.text((x, pad + row * line_h), line, font=font, fill=(255, 255, 255, 255),
                      stroke_width=stroke, stroke_fill=(0, 0, 0, 255))
        top = max(0, self.height - box_h - round(self.height * BOTTOM_SHARE))
        return strip, top

    def apply(self, frame: Any, seconds: float) -> Any:
        """``frame`` with the cue at ``seconds`` drawn on it (the same frame when none)."""
        index = self.cue_at(seconds)
        if index is None:
            return frame
        import av

        strip, top = self.overlay(index)
        picture = frame.to_image()
        picture.paste(strip, (0, top), strip)
        out = av.VideoFrame.from_image(picture).reformat(  # type: ignore[no-untyped-call]
            format="yuv420p")
        out.pts, out.time_base = frame.pts, frame.time_base
        return out
