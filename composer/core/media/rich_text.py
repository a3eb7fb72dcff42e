"""Text with colour emoji: the layer's font for letters, Noto Color Emoji for emoji.

Pillow draws one font at a time and has no fallback, so an emoji in a title came out as a box.
A line is cut into runs: letters go through the layer's font as before, emoji through the
colour emoji font (a bitmap font that only opens at its own size, 109 px, so its glyphs are
drawn there and scaled to the text's size). Lines without emoji are drawn exactly as before.

The emoji font is Noto Color Emoji (SIL Open Font License 1.1), from Debian's
fonts-noto-color-emoji; without it emoji fall back to the layer's font.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from PIL.ImageFont import FreeTypeFont

from composer.core.media.fonts import font_file

EMOJI_FAMILY = "Noto Color Emoji"
EMOJI_NATIVE_SIZE = 109  # the only size the CBDT bitmaps of Noto Color Emoji open at

# Pictographs (U+1F000-1FAFF), the older symbols that are emoji by default, anything followed by
# the emoji variation selector, joined by zero-width joiners into one picture.
_SINGLE = (r"(?:[\U0001F000-\U0001FAFF]|[\u231A\u231B\u23E9-\u23EC\u23F0\u23F3\u25FD\u25FE"
           r"\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5"
           r"\u26CE\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u2705\u270A\u270B\u2728\u274C"
           r"\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF\u2B1B\u2B1C\u2B50\u2B55]"
           r"|[\u00A9\u00AE\u2000-\u2BFF]\uFE0F)\uFE0F?")
EMOJI = re.compile(f"(?:{_SINGLE}(?:\u200d{_SINGLE})*)+")


@lru_cache(maxsize=1)
def _emoji_path() -> str | None:
    path = font_file(EMOJI_FAMILY)
    return path if path and "emoji" in path.lower() else None  # fontconfig answers with anything


@lru_cache(maxsize=8)
def _emoji_font(thread: int) -> FreeTypeFont | None:
    path = _emoji_path()
    if path is None:
        return None
    try:
        return ImageFont.truetype(path, EMOJI_NATIVE_SIZE)
    except OSError:
        return None


def runs(text: str) -> list[tuple[str, bool]]:
    """``text`` as (part, is_emoji) runs, in order."""
    out: list[tuple[str, bool]] = []
    at = 0
    for match in EMOJI.finditer(text):
        if match.start() > at:
            out.append((text[at:match.start()], False))
        out.append((match.group(), True))
        at = match.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


class Face:
    """A layer's font at one size, with emoji drawn from the colour emoji font."""

    def __init__(self, font: FreeTypeFont, size: int):
        self.font = font
        self.size = max(1, size)
        ascent, descent = font.getmetrics()
        self.ascent = ascent
        self.glyph_height = ascent + descent
        self.emoji = _emoji_font(threading.get_ident())
        self.scale = self.size / EMOJI_NATIVE_SIZE

    def _parts(self, text: str) -> list[tuple[str, bool]]:
        if self.emoji is None or text.isascii() or not EMOJI.search(text):
            return [(text, False)]
        return runs(text)

    def getlength(self, text: str) -> float:
        total = 0.0
        for part, emoji in self._parts(text):
            if emoji and self.emoji is not None:
                total += self.emoji.getlength(part) * self.scale
            else:
                total += self.font.getlength(part)
        return total

    def draw(self, overlay: Image.Image, draw: ImageDraw.ImageDraw, width: float, y: float,
             line: str, fill: tuple[int, int, int, int], align: str) -> None:
        """One line at ``y`` (its top), aligned in a box ``width`` wide."""
        parts = self._parts(line)
        if len(parts) == 1 and not parts[0][1]:  # no emoji: Pillow's own alignment, as ever
            x = {"left": 0.0, "center": width / 2, "right": width}[align]
            anchor = {"left": "la", "center": "ma", "right": "ra"}[align]
            draw.text((x, y), line, font=self.font, fill=fill, anchor=anchor)
            return
        length = self.getlength(line)
        x = {"left": 0.0, "center": (width - length) / 2, "right": width - length}[align]
        for part, emoji in parts:
            if emoji and self.emoji is not None:
                self._draw_emoji(overlay, x, y, part)
                x += self.emoji.getlength(part) * self.scale
            else:
                draw.text((x, y), part, font=self.font, fill=fill, anchor="la")
                x += self.font.getlength(part)

    def _draw_emoji(self, overlay: Image.Image, x: float, y: float, part: str) -> None:
        assert self.emoji is not None
        ascent, descent = self.emoji.getmetrics()
        native = Image.new("RGBA", (max(1, round(self.emoji.getlength(part))), ascent + descent))
        ImageDraw.Draw(native).text((0, 0), part, font=self.emoji, embedded_color=True, anchor="la")
        w = max(1, round(native.width * self.scale))
        h = max(1, round(native.height * self.scale))
        glyphs = native.resize((w, h), Image.Resampling.LANCZOS)
        top = y + (self.glyph_height - h) / 2  # centred on the line's letters
        overlay.alpha_composite(glyphs, (max(0, round(x)), max(0, round(top))))
