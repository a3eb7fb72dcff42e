"""Where each image goes in a channel's post card: pure geometry, no Qt, unit-tested.

Every function takes the images' aspect ratios (width / height), the column width in pixels and
the channel's feed grid cells (``PlatformSpec.grid_cells``: the core's data, which the render
also follows so a branded image fits its cell) and returns a :class:`Grid` of tiles. The rules
come from docs/previews.md; the sources are cited per layout. Tiles are drawn ``cover``-cropped
unless ``fit == "contain"``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Tile:
    x: float
    y: float
    w: float
    h: float
    index: int  # which image
    more: int = 0  # "+N" drawn over this tile (N hidden images)
    fit: str = "cover"  # or "contain" (the whole image, letterboxed)


@dataclass(frozen=True)
class Grid:
    tiles: tuple[Tile, ...]
    height: float
    dots: int = 0  # carousel: number of slides (dots under the media)
    strip: bool = False  # horizontal strip that scrolls (Threads): tiles may run past the width


EMPTY = Grid((), 0.0)
Cells = tuple[tuple[float, ...], ...]  # PlatformSpec.grid_cells
SQUARE = 1.0  # the first cell's shape when a channel declares no grid for this many images


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _two_columns(ratios, width, height, gap, *, left_share=0.5):
    lw = (width - gap) * left_share
    return (Tile(0, 0, lw, height, 0), Tile(lw + gap, 0, width - lw - gap, height, 1))


def _big_left_stack(count, width, height, gap, left_share=0.5):
    """One tall tile on the left, the rest stacked evenly on the right."""
    lw = (width - gap) * left_share
    rest = count - 1
    th = (height - gap * (rest - 1)) / rest
    tiles = [Tile(0, 0, lw, height, 0)]
    tiles += [Tile(lw + gap, i * (th + gap), width - lw - gap, th, i + 1) for i in range(rest)]
    return tiles


def _rows(count, width, top, row_height, gap, first_index):
    tw = (width - gap * (count - 1)) / count
    return [Tile(i * (tw + gap), top, tw, row_height, first_index + i) for i in range(count)]


def _2x2(width, height, gap):
    tw, th = (width - gap) / 2, (height - gap) / 2
    return [Tile((i % 2) * (tw + gap), (i // 2) * (th + gap), tw, th, i) for i in range(4)]


def _first_cell(cells: Cells, count: int) -> float:
    return next((c[0] for c in cells if len(c) == count), SQUARE)


def _cell_grid(cells: Cells, count: int, width: float, gap: float) -> Grid:
    """2-4 images in fixed cells, their size from the first cell's shape: two columns; a tall
    tile left and two stacked right; 2x2."""
    half = (width - gap) / 2
    h = half / _first_cell(cells, count)
    if count == 2:
        return Grid(_two_columns([], width, h, gap), h)
    if count == 3:
        return Grid(tuple(_big_left_stack(3, width, h, gap)), h)
    return Grid(tuple(_2x2(width, 2 * h + gap, gap)), 2 * h + gap)


# X: single images keep their ratio, extreme ones centre-cropped (approx. 3:4 ... 2:1); 2-4 images
# share a 16:9 frame with 4 px gutters (mixpost ProviderGallery/Twitter, docs/previews.md §1).
def x_grid(ratios: list[float], width: float, cells: Cells = ()) -> Grid:
    n = min(len(ratios), 4)
    if n == 0:
        return EMPTY
    if n == 1:
        h = width / _clamp(ratios[0], 0.75, 2.0)
        return Grid((Tile(0, 0, width, h, 0),), h)
    return _cell_grid(cells, n, width, 4)


# Bluesky ImageLayoutGrid / AutoSizedImage (social-app, docs/previews.md §7): one image keeps its ratio,
# clipped at 1:2, inside a box no taller than wide (desktop), left-aligned; 2 = two squares;
# 3 = square + two stacked; 4 = 2x2 of 3:2 tiles; gutter 4.
def bluesky_grid(ratios: list[float], width: float, cells: Cells = ()) -> Grid:
    n = min(len(ratios), 4)
    gap = 4
    if n == 0:
        return EMPTY
    if n == 1:
        r = max(ratios[0], 0.5)
        h = width * min(1 / r, 1.0)
        return Grid((Tile(0, 0, min(width, h * r), h, 0),), h)
    return _cell_grid(cells, n, width, gap)


# Mastodon media_gallery.jsx (docs/previews.md §6): one item at its own ratio (height capped at 566 px,
# the whole image fitted); 2-4 items in a 3:2 frame: halves, left half + two quarters, 2x2.
def mastodon_grid(ratios: list[float], width: float, cells: Cells = ()) -> Grid:
    n = min(len(ratios), 4)
    if n == 0:
        return EMPTY
    if n == 1:
        h = min(width / ratios[0], 566.0)
        fit = "contain" if width / ratios[0] > 566 else "cover"
        return Grid((Tile(0, 0, width, h, 0, fit=fit),), h)
    return _cell_grid(cells, n, width, 2)


# Facebook, mixpost's approximation (ProviderGallery/Facebook/*.vue, docs/previews.md §3): 1 full width;
# 2 squares; 3-4 with a landscape first image: it on top, the rest as a row of squares; with a
# portrait first image: a square block, big tile left (1/2 for 3, 2/3 for 4), squares stacked
# right; 5+: two squares over three, "+N" on the fifth. LinkedIn uses the same stand-in (§4).
def facebook_grid(ratios: list[float], width: float, cells: Cells = ()) -> Grid:
    n = len(ratios)
    gap = 4
    if n == 0:
        return EMPTY
    if n == 1:
        h = width / _clamp(ratios[0], 0.8, 1.91)
        return Grid((Tile(0, 0, width, h, 0),), h)
    if n == 2:
        return _cell_grid(cells, n, width, gap)
    if n in (3, 4):
        if ratios[0] >= 1.0:
            top = width / _clamp(ratios[0], 1.0, 1.91)
            rest = n - 1
            side = (width - gap * (rest - 1)) / rest
            tiles = [Tile(0, 0, width, top, 0)] + _rows(rest, width, top + gap, side, gap, 1)
            return Grid(tuple(tiles), top + gap + side)
        share = 0.5 if n == 3 else 2 / 3
        return Grid(tuple(_big_left_stack(n, width, width, gap, share)), width)
    top = (width - gap) / 2
    bottom = (width - 2 * gap) / 3
    tiles = _rows(2, width, 0, top, gap, 0) + _rows(3, width, top + gap, bottom, gap, 2)
    last = tiles[-1]
    tiles[-1] = Tile(last.x, last.y, last.w, last.h, last.index, more=n - 5)
    return Grid(tuple(tiles), top + gap + bottom)


# Instagram carousel (docs/previews.md §2): one slide visible, every slide at the first slide's ratio
# clamped to 4:5 ... 1.91:1, dots under the media.
def instagram_grid(ratios: list[float], width: float) -> Grid:
    if not ratios:
        return EMPTY
    h = width / _clamp(ratios[0], 0.8, 1.91)
    return Grid((Tile(0, 0, width, h, 0),), h, dots=len(ratios) if len(ratios) > 1 else 0)


# Telegram Web A calculateAlbumLayout.ts (ported from tdesktop, docs/previews.md §8): gutter 2, height
# budget = width; classify w (>1.2) / n (<0.8) / q; dedicated layouts for 2-4, rows for 5-10.
def telegram_grid(ratios: list[float], width: float) -> Grid:
    n = min(len(ratios), 10)
    if n == 0:
        return EMPTY
    gap, budget = 2, width
    if n == 1:
        h = min(width / ratios[0], 432.0)
        w = min(width, h * ratios[0])
        return Grid((Tile(0, 0, w, h, 0),), h)
    kinds = "".join("w" if r > 1.2 else "n" if r < 0.8 else "q" for r in ratios[:n])
    avg = sum(ratios[:n]) / n
    if n == 2:
        r0, r1 = ratios[0], ratios[1]
        if kinds == "ww" and avg > 1.4 and abs(r0 - r1) < 0.2:
            h0, h1 = width / r0, width / r1
            scale = min(1.0, (budget - gap) / (h0 + h1))
            return Grid((Tile(0, 0, width, h0 * scale, 0),
                         Tile(0, h0 * scale + gap, width, h1 * scale, 1)), (h0 + h1) * scale + gap)
        if kinds in ("ww", "qq"):
            h = min((width - gap) / 2 / min(r0, r1), budget)
            return Grid(_two_columns(ratios, width, h, gap), h)
        share = _clamp(r0 / (r0 + r1), 0.4, 0.6)
        h = min((width - gap) / (r0 + r1), budget)
        return Grid(_two_columns(ratios, width, h, gap, left_share=share), h)
    if n == 3:
        if kinds[0] == "n":
            h = min(budget, width / (ratios[0] + 0.5))
            return Grid(tuple(_big_left_stack(3, width, h, gap, 0.5)), h)
        top = min(width / ratios[0], budget * 0.66)
        side = (width - gap) / 2
        bottom = min(side / ((ratios[1] + ratios[2]) / 2), budget - top - gap)
        tiles = [Tile(0, 0, width, top, 0)] + _rows(2, width, top + gap, bottom, gap, 1)
        return Grid(tuple(tiles), top + gap + bottom)
    if n == 4:
        if kinds[0] == "w":
            top = min(width / ratios[0], budget * 0.66)
            bottom = (width - 2 * gap) / 3 / max(1.0, sum(ratios[1:4]) / 3)
            tiles = [Tile(0, 0, width, top, 0)] + _rows(3, width, top + gap, bottom, gap, 1)
            return Grid(tuple(tiles), top + gap + bottom)
        return Grid(tuple(_big_left_stack(4, width, budget * 0.9, gap, 0.66)), budget * 0.9)
    return Grid(*_telegram_rows(ratios[:n], width, budget, gap))


def _telegram_rows(ratios, width, budget, gap):
    """5-10 items: try 2, 3 and 4 rows, keep the split whose height is closest to the budget."""
    avg = sum(ratios) / len(ratios)
    clamped = [_clamp(r, 1.0, 2.75) if avg > 1.1 else _clamp(r, 0.667, 1.0) for r in ratios]
    n = len(clamped)
    best = None
    for rows in (2, 3, 4):
        if n < rows:
            continue
        sizes = _even_split(n, rows)
        heights, start = [], 0
        for size in sizes:
            part = clamped[start:start + size]
            heights.append((width - gap * (size - 1)) / sum(part))
            start += size
        total = sum(heights) + gap * (rows - 1)
        penalty = abs(total - budget) + sum(200 for h in heights if h < 100)
        if best is None or penalty < best[0]:
            best = (penalty, sizes, heights, total)
    _, sizes, heights, total = best
    tiles, start, y = [], 0, 0.0
    for size, h in zip(sizes, heights, strict=True):
        x = 0.0
        for i in range(size):
            w = width - x if i == size - 1 else clamped[start + i] * h
            tiles.append(Tile(x, y, w, h, start + i))
            x += w + gap
        start += size
        y += h + gap
    return tuple(tiles), total


def _even_split(n: int, rows: int) -> list[int]:
    """Split n items into rows, the later rows holding the extra ones (Telegram keeps the last
    row at least as full as the first)."""
    base, extra = divmod(n, rows)
    return [base + (1 if i >= rows - extra else 0) for i in range(rows)]


# Threads (docs/previews.md §5, UNVERIFIED): one image at its ratio; several scroll sideways in a strip.
def threads_grid(ratios: list[float], width: float) -> Grid:
    if not ratios:
        return EMPTY
    if len(ratios) == 1:
        h = width / _clamp(ratios[0], 0.75, 1.91)
        return Grid((Tile(0, 0, width, h, 0),), h)
    h, gap, x, tiles = width * 0.6, 6, 0.0, []
    for i, r in enumerate(ratios):
        w = h * _clamp(r, 0.6, 1.5)
        tiles.append(Tile(x, 0, w, h, i))
        x += w + gap
    return Grid(tuple(tiles), h, strip=True)


# WhatsApp (docs/previews.md §9, thresholds UNVERIFIED): one image fills the bubble; 4+ become a 2x2
# album with "+N"; 2-3 arrive as separate images.
def whatsapp_grid(ratios: list[float], width: float) -> Grid:
    n = len(ratios)
    if n == 0:
        return EMPTY
    if n >= 4:
        tiles = _2x2(width, width, 3)
        last = tiles[3]
        tiles[3] = Tile(last.x, last.y, last.w, last.h, 3, more=n - 4)
        return Grid(tuple(tiles), width)
    tiles, y = [], 0.0
    for i, r in enumerate(ratios):
        h = width / _clamp(r, 0.56, 2.0)
        tiles.append(Tile(0, y, width, h, i))
        y += h + 4
    return Grid(tuple(tiles), y - 4)


def _fixed_ratio(ratio: float) -> Callable[[list[float], float], Grid]:
    """Only the first image, at a fixed ratio: YouTube thumbnails (16:9, §10), WordPress featured
    images (3:2 in Twenty Twenty-Five's query loop, §11)."""

    def grid(ratios: list[float], width: float) -> Grid:
        if not ratios:
            return EMPTY
        h = width / ratio
        return Grid((Tile(0, 0, width, h, 0),), h)

    return grid


# The layouts that put several images in fixed cells: they take the channel's declared cells.
CELL_LAYOUTS: dict[str, Callable[[list[float], float, Cells], Grid]] = {
    "x": x_grid,
    "bluesky": bluesky_grid,
    "mastodon": mastodon_grid,
    "facebook": facebook_grid,
}

LAYOUTS: dict[str, Callable[[list[float], float], Grid]] = {
    "instagram": instagram_grid,
    "telegram": telegram_grid,
    "threads": threads_grid,
    "whatsapp": whatsapp_grid,
    "youtube": _fixed_ratio(16 / 9),
    "featured": _fixed_ratio(3 / 2),
}


def layout(kind: str, ratios: list[float], width: float, cells: Cells = ()) -> Grid:
    """The tiles of ``kind``'s layout; ``cells``: the channel's PlatformSpec.grid_cells."""
    if kind in CELL_LAYOUTS or kind not in LAYOUTS:
        return CELL_LAYOUTS.get(kind, x_grid)(list(ratios), float(width), cells)
    return LAYOUTS[kind](list(ratios), float(width))
