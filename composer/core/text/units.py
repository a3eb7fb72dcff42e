"""Measuring units shared by the counters: graphemes, UTF-16 code units, UTF-8 bytes, NFC.

Python strings index code points; platforms count graphemes (Bluesky, Mastodon), UTF-16 code
units (Telegram, Meta) or UTF-8 bytes (Bluesky, YouTube). Everything here answers in Python string
indices, so the GUI can mark the same place whatever the unit.
"""

from __future__ import annotations

import array
import bisect
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

from composer.core.text.patterns import LazyPattern

# Extended grapheme clusters, as Intl.Segmenter (Bluesky) and Ruby's grapheme_clusters (Mastodon).
_GRAPHEME = LazyPattern(r"\X")
# Where the regex module's \\X and ICU 78 (Node's Intl.Segmenter, which @atproto/api counts
# with) disagree, found by segmenting "a" + c, c + ZWJ + "🌿" and "🌿" + ZWJ + c for every code
# point c: 37 marks the regex module joins to the character before and ICU does not (read as
# the unassigned U+0378), and 18 reserved emoji code points ICU treats as pictographs (read as
# U+1F7E0, an assigned one). The text is translated one character for one, so indices hold.
_ICU_SEPARATE = (
    "\u05c8\u05c9\u0b53\u0b54\u1ade\u1adf\u1aec\u1aed\u1aee\u1aef\u1af0\U00011df0"
    "\U0001d127\U0001d128\U0001d250\U0001d251\U0001d252\U0001d25b\U0001d25c\U0001d25f"
    "\U0001d280\U0001d281"
    + "".join(map(chr, range(0x10ECB, 0x10ED0)))
    + "".join(map(chr, range(0x10EF0, 0x10EFA)))
)
_ICU_PICTOGRAPHS = (
    "\U0001f1ae\U0001f7da\U0001f7db" + "".join(map(chr, range(0x1F7F1, 0x1F800)))
)
_AS_ICU = str.maketrans({**dict.fromkeys(_ICU_SEPARATE, "\u0378"),
                         **dict.fromkeys(_ICU_PICTOGRAPHS, "\U0001f7e0")})
# Characters that take two UTF-16 code units (one surrogate pair).
_ASTRAL = LazyPattern(r"[\U00010000-\U0010FFFF]")


# UAX #29 rule GB9c joins an Indic consonant to a virama (InCB=Linker) only after another
# consonant; the regex module joins it after anything ("\u094d\u0924" is one cluster there, two
# for ICU and the standard). Such a consonant starts a cluster of its own.
_LINKER = LazyPattern(r"\p{InCB=Linker}")
_UNJOINED_CONSONANT = LazyPattern(
    r"(?<![\p{InCB=Consonant}\p{InCB=Extend}\p{InCB=Linker}])"
    r"[\p{InCB=Extend}\p{InCB=Linker}]*\p{InCB=Linker}[\p{InCB=Extend}\p{InCB=Linker}]*"
    r"(\p{InCB=Consonant})"
)


def grapheme_starts(text: str) -> list[int]:
    """Index where each grapheme cluster starts."""
    if text.isascii() and "\r" not in text:  # every ASCII character but CR LF is its own cluster
        return list(range(len(text)))
    return list(_grapheme_starts(text))


# The channels of one keystroke segment the same text: Bluesky and Threads share the work.
@lru_cache(maxsize=64)
def _grapheme_starts(text: str) -> tuple[int, ...]:
    """Only the special windows go through the segmenter (outside them every character is a
    cluster of its own): typing in a long text with one emoji segments that emoji's window,
    once (it is cached), not the whole text on every keystroke."""
    starts: list[int] = []
    pos = 0
    for a, b in special_windows(text):
        starts.extend(range(pos, a))
        starts.extend(a + s for s in _segment(text[a:b]))
        pos = b
    starts.extend(range(pos, len(text)))
    return tuple(starts)


@lru_cache(maxsize=256)
def _segment(text: str) -> tuple[int, ...]:
    """Where each cluster of ``text`` starts, by the segmenter."""
    clusters = _GRAPHEME.findall(text.translate(_AS_ICU))
    starts = list(accumulate(map(len, clusters), initial=0))[:-1]
    if _LINKER.search(text):
        extra = {m.start(1) for m in _UNJOINED_CONSONANT.finditer(text)}
        if extra:
            starts = sorted(set(starts) | extra)
    return tuple(starts)


# Where anything but a one-character cluster can start: non-ASCII characters and CR (CR LF is
# one cluster). Between two other ASCII characters UAX #29 always breaks.
_SPECIAL_RUN = LazyPattern(r"[^\x00-\x0c\x0e-\x7f]+")


def special_windows(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that need the segmenter: each run of special characters with one
    neighbour on either side (a combining mark or keycap joins the character before it, a
    Prepend character the one after), touching spans merged. Outside them every character is a
    cluster of its own, and segmenting a span alone gives the same clusters as the whole text."""
    windows: list[tuple[int, int]] = []
    for m in _SPECIAL_RUN.finditer(text):
        a, b = max(0, m.start() - 1), min(len(text), m.end() + 1)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return windows


def grapheme_count(text: str) -> int:
    """Graphemes in ``text``, as grapheme_starts would count them, segmenting only the special
    windows: linear, and many times faster on long, mostly-ASCII texts."""
    if text.isascii() and "\r" not in text:
        return len(text)
    if len(text) < 512:  # short texts (every keystroke): the cached segmentation is shared
        return len(_grapheme_starts(text))
    return len(text) + sum(len(_segment(text[a:b])) - (b - a) for a, b in special_windows(text))


def utf16_len(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text) + len(_ASTRAL.findall(text))


def utf8_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def utf16_units(text: str) -> str:
    """The text as a string of UTF-16 code units (astral characters become surrogate pairs), so a
    pattern written for JavaScript matches with JavaScript's offsets."""
    if text.isascii():
        return text
    units = array.array("H")
    units.frombytes(text.encode("utf-16-le", "surrogatepass"))
    return "".join(map(chr, units))


def utf16_to_index(text: str) -> Callable[[int], int]:
    """A function from UTF-16 offset to str index (an offset inside a surrogate pair maps to
    its character)."""
    # where each astral character starts, counted in UTF-16 units
    starts = [m.start() + k for k, m in enumerate(_ASTRAL.finditer(text))]
    if not starts:
        return lambda u: u
    return lambda u: u - bisect.bisect_left(starts, u)


def first_over(costs: list[int], limit: int) -> int | None:
    """The first position whose running total of ``costs`` exceeds ``limit``."""
    totals = list(accumulate(costs))
    if not totals or totals[-1] <= limit:
        return None
    return bisect.bisect_right(totals, limit)


def index_over_utf16(text: str, limit: int) -> int | None:
    """First str index whose UTF-16 running length exceeds ``limit``."""
    if text.isascii():
        return limit if len(text) > limit else None
    head = text[:limit + 1]  # every character is at least one unit: the answer lies in here
    return first_over([2 if ord(c) > 0xFFFF else 1 for c in head], limit)


def index_over_utf8(text: str, limit: int) -> int | None:
    if text.isascii():
        return limit if len(text) > limit else None
    head = text[:limit + 1]  # every character is at least one byte: the answer lies in here
    return first_over([len(c.encode("utf-8", "surrogatepass")) for c in head], limit)


def index_over_graphemes(text: str, limit: int) -> int | None:
    """Start of the first grapheme beyond ``limit`` graphemes."""
    # Segment a prefix that grows until it holds limit + 2 clusters (the last one may be cut
    # short by the prefix's end, the one before it may not): a megabyte of text over a
    # 300-grapheme limit segments a few hundred characters, not the megabyte.
    size = 2 * limit + 16
    while size < len(text):
        starts = grapheme_starts(text[:size])
        if len(starts) > limit + 1:
            return starts[limit]
        size *= 4
    starts = grapheme_starts(text)
    return starts[limit] if len(starts) > limit else None


def nfc_with_map(text: str) -> tuple[str, list[int] | None]:
    """NFC form of ``text`` and, when it differs, ``table[i]`` = the index in ``text`` where the
    grapheme holding normalised character ``i`` starts (normalisation never crosses clusters in
    practice; if it ever did, every character maps to the start of the whole text's first
    differing cluster, which is still a safe mark)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    normal = unicodedata.normalize("NFC", text)
    table: list[int] = []
    pieces: list[str] = []
    for m in _GRAPHEME.finditer(text):
        piece = unicodedata.normalize("NFC", m.group())
        pieces.append(piece)
        table.extend([m.start()] * len(piece))
    if "".join(pieces) != normal:  # pragma: no cover - composition across clusters
        first = next(i for i, (a, b) in enumerate(zip(text, normal, strict=False)) if a != b)
        table = list(range(first)) + [first] * (len(normal) - first)
    table.append(len(text))
    return normal, table
