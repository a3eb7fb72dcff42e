"""Draw a template onto a canvas: one renderer (Pillow) for previews and publishing alike."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageColor, ImageDraw

from composer.core.media.fonts import load_font
from composer.core.media.rich_text import Face
from composer.core.templates import Layer, Rect, Template, fill

# Asked for the photo at exactly this pixel size, cover-fitted around the focal point.
PhotoSource = Callable[[tuple[int, int]], Image.Image]
ELLIPSIS = "…"
_logo_lock = threading.Lock()


def colour(value: str) -> tuple[int, int, int, int]:
    try:
        rgba = ImageColor.getcolor(value, "RGBA")
    except (ValueError, AttributeError):
        return 0, 0, 0, 255
    return rgba  # type: ignore[return-value]


@lru_cache(maxsize=16)
def _logo(path: str) -> Image.Image | None:
    from composer.core.media.load import open_image

    try:
        with open_image(path) as im:  # a regular file of bounded size, bomb checks included
            return im.convert("RGBA")
    except Exception:  # a missing or broken logo leaves a gap, not a failed render
        return None


@dataclass(frozen=True)
class TextLayout:
    """What one text layer really shows on a canvas: the record a test or a check reads instead
    of trusting the inputs. ``clipped``: some of the text had to be cut (an ellipsis)."""

    layer: str
    text: str
    lines: tuple[str, ...]
    size: int  # font size in pixels
    box: tuple[int, int, int, int]
    clipped: bool

    @property
    def shown(self) -> str:
        return " ".join(self.lines)


def compose(template: Template, size: tuple[int, int], photo: PhotoSource | None,
            values: dict[str, str], *, only: Iterable[str] | None = None,
            record: list[TextLayout] | None = None) -> Image.Image:
    """The branded canvas (RGBA). ``only`` limits drawing to some layer types or ids (tests
    measure the text this way); ``record`` receives each text layer's layout."""
    width, height = size
    wanted = set(only) if only is not None else None
    canvas = Image.new("RGBA", size, colour(template.background))
    for layer in template.layers:
        if not layer.visible or (wanted is not None and layer.type not in wanted and layer.id not in wanted):
            continue
        rect = template.layer_rect(layer, width, height)
        box = rect.box()
        w, h = box[2] - box[0], box[3] - box[1]
        if w <= 0 or h <= 0:
            continue
        if layer.type == "photo" and photo is not None:
            canvas.paste(photo((w, h)).convert("RGBA"), box[:2])
        elif layer.type == "rect":
            _blend(canvas, Image.new("RGBA", (w, h), colour(layer.color)), box[:2])
        elif layer.type == "logo":
            _draw_logo(canvas, template, layer, rect, values.get("logo", ""))
        elif layer.type == "text":
            laid = draw_text(canvas, layer, rect, fill(layer.text, values), min(width, height))
            if record is not None and laid is not None:
                record.append(laid)
    return canvas


def _blend(canvas: Image.Image, tile: Image.Image, at: tuple[int, int]) -> None:
    """alpha_composite that tolerates tiles reaching past the canvas edges."""
    x, y = at
    left, top = max(0, -x), max(0, -y)
    right = min(tile.width, canvas.width - x)
    bottom = min(tile.height, canvas.height - y)
    if right <= left or bottom <= top:
        return
    canvas.alpha_composite(tile, (x + left, y + top), (left, top, right, bottom))


def _draw_logo(canvas: Image.Image, template: Template, layer: Layer, rect: Rect,
               office_logo: str = "") -> None:
    """The office's own logo (its profile) when it has one that opens, else the template's."""
    logo = _logo(office_logo) if office_logo else None
    if logo is None:
        path = template.resolve_src(layer)
        logo = _logo(str(path)) if path is not None else None
    if logo is None:
        return
    scale = min(rect.width / logo.width, rect.height / logo.height)
    size = (max(1, round(logo.width * scale)), max(1, round(logo.height * scale)))
    with _logo_lock:  # the cached logo is shared between render threads
        fitted = logo.resize(size, Image.Resampling.LANCZOS)
    x = {"left": rect.left, "center": rect.left + (rect.width - size[0]) / 2,
         "right": rect.right - size[0]}[layer.align]
    y = {"top": rect.top, "middle": rect.top + (rect.height - size[1]) / 2,
         "bottom": rect.bottom - size[1]}[layer.valign]
    _blend(canvas, fitted, (round(x), round(y)))


# -- text -------------------------------------------------------------------------------------

# Below the template's own smallest size, text still shrinks this far (short-edge units: about
# 19 px on a 1080 px square, still readable on a phone) before any word is cut.
FLOOR_SIZE = 0.018


def _wrap(text: str, font: Face, width: float, wrap: bool, limit: int | None = None) -> list[str]:
    """The lines of ``text`` in ``width``; past ``limit`` lines it stops (the rest cannot show:
    a 4,000-character title is not wrapped to the end at every size tried)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if limit is not None and len(lines) > limit:
            break
        if not wrap:
            lines.append(paragraph)
            continue
        line = ""
        for word in paragraph.split():
            if limit is not None and len(lines) > limit:
                break
            candidate = f"{line} {word}" if line else word
            if font.getlength(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while font.getlength(word) > width and len(word) > 1:  # a word wider than the box
                if limit is not None and len(lines) > limit:
                    break
                cut = _longest_fitting(word, font, width)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _longest_fitting(word: str, font: Face, width: float) -> int:
    """How many of ``word``'s characters fit ``width`` (at least one): a binary search, since a
    longer prefix is never narrower, so a 4,000-character "word" costs a dozen measures, not
    thousands."""
    lo, hi = 1, len(word) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.getlength(word[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _ellipsize(line: str, font: Face, width: float) -> str:
    if font.getlength(line + ELLIPSIS) > width:
        line = line[:_longest_fitting(line + ELLIPSIS, font, width)].rstrip()
    while line and font.getlength(line + ELLIPSIS) > width:
        line = line[:-1].rstrip()
    return line + ELLIPSIS


def _attempt(layer: Layer, rect: Rect, text: str, size: float) -> tuple[Face, list[str], float, int, int, bool]:
    """(face, lines, line height, glyph height, room, fits) at one font size."""
    font = Face(load_font(layer.font, round(size), layer.bold, layer.italic), round(size))
    glyph = font.glyph_height  # what one line really covers, accents and descenders included
    line_height = max(size * layer.line_spacing, 1)
    room = max(1, int((rect.height - glyph) // line_height) + 1)
    if layer.max_lines:
        room = min(room, layer.max_lines)
    lines = _wrap(text, font, rect.width, layer.wrap, limit=room)
    fits = (len(lines) <= room and glyph <= rect.height
            and all(font.getlength(li) <= rect.width for li in lines))
    return font, lines, line_height, glyph, room, fits


def layout_text(layer: Layer, rect: Rect, text: str,
                short_edge: int) -> tuple[Face, list[str], float, int, bool]:
    """(face, lines, line height, glyph height, clipped): the largest size that fits the box,
    from the layer's size down to its ``min_size``, and on down to FLOOR_SIZE when that lets the
    whole text show; only a text too long even then is cut with an ellipsis (``clipped``), at
    the template's own smallest size."""
    size = layer.size * short_edge
    smallest = (layer.min_size or layer.size) * short_edge
    while True:
        attempt = _attempt(layer, rect, text, size)
        if attempt[5] or size * 0.9 < smallest:
            break
        size *= 0.9
    floor = min(FLOOR_SIZE * short_edge, size)
    if not attempt[5] and floor < size:
        tiny = _attempt(layer, rect, text, floor)
        if tiny[5]:  # shrinking lets it all show: the largest size between that fits
            lo, hi, attempt = floor, size, tiny
            for _step in range(6):
                mid = (lo + hi) / 2
                trial = _attempt(layer, rect, text, mid)
                if trial[5]:
                    lo, attempt = mid, trial
                else:
                    hi = mid
    font, lines, line_height, glyph, room, _fits = attempt
    clipped = False
    if len(lines) > room:
        lines = lines[:room]
        lines[-1] = _ellipsize(lines[-1], font, rect.width)
        clipped = True
    cut = [li if font.getlength(li) <= rect.width else _ellipsize(li, font, rect.width) for li in lines]
    clipped = clipped or cut != lines or glyph > rect.height
    return font, cut, line_height, glyph, clipped


# More than any text layer can show at its smallest size: a longer value (a 10 MB title) is cut
# before layout, which would otherwise measure every character of it (and Pillow refuses
# strings past a million characters).
MAX_DRAWN_CHARS = 4000


def draw_text(canvas: Image.Image, layer: Layer, rect: Rect, text: str,
              short_edge: int) -> TextLayout | None:
    """Draw one text layer inside its box; its layout (None when there is nothing to draw)."""
    text = text.strip()[:MAX_DRAWN_CHARS]
    left, upper, right, lower = rect.inner_box()
    if not text or right - left < 2 or lower - upper < 2:
        return None
    font, lines, line_height, glyph, clipped = layout_text(layer, rect, text, short_edge)
    block = line_height * (len(lines) - 1) + glyph
    top = {"top": 0.0, "middle": (rect.height - block) / 2, "bottom": rect.height - block}[layer.valign]
    # Drawn on a layer exactly the size of the text's box: whatever a font's glyphs do, nothing
    # lands outside it (and the box lies inside the safe area).
    overlay = Image.new("RGBA", (right - left, lower - upper), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for i, line in enumerate(lines):
        font.draw(overlay, draw, rect.width, top + i * line_height, line, colour(layer.color), layer.align)
    _blend(canvas, overlay, (left, upper))
    return TextLayout(layer.id, text, tuple(lines), font.size, (left, upper, right, lower), clipped)
