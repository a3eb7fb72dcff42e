"""Thread splitting: a long text becomes parts that each fit the channel.

Where a part ends, in order of preference:
1. after a sentence (``.``, ``!``, ``?``, ``…`` and their CJK forms, closing quotes allowed) or a
   line break, if that part is at least half full;
2. after a word;
3. at a grapheme boundary outside any URL, mention or hashtag (a word longer than a whole part);
4. at any grapheme boundary (a URL, mention or hashtag longer than a whole part; never needed on
   X and Mastodon, where a URL counts 23).
Nothing is ever cut inside a grapheme.

The contract (tested): ``"".join(p.body for p in parts) == text``. The whitespace at a cut stays
at the end of the earlier part, so no character is lost or added; platforms trim it. With
numbering, each part's ``marker`` (" 2/5", or "2/5" right after the cut's whitespace) follows its
body, and the counted length includes it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from composer.core.adapters import Counting, PlatformSpec
from composer.core.text import bluesky, units
from composer.core.text.counting import measure
from composer.core.text.entities import entities

_CJK_STOPS = "\u3002\uff01\uff1f"
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]\u00bb]*\s+$")


@dataclass(frozen=True)
class Part:
    body: str  # a slice of the original text
    marker: str = ""  # numbering such as " 1/3"

    @property
    def text(self) -> str:
        return self.body + self.marker


@dataclass(frozen=True)
class _Cuts:
    sentence: list[int]
    word: list[int]
    safe: list[int]  # grapheme boundaries outside entities
    grapheme: list[int]


def _cuts(spec: PlatformSpec, text: str) -> _Cuts:
    graphemes = units.grapheme_starts(text)[1:]
    spans = [(e.start, e.end) for e in entities(text)]
    if spec.counting == Counting.BLUESKY:
        spans += [(f.start, f.end) for f in bluesky.detect_facets(text)]
    inside: set[int] = set()
    for a, b in spans:
        inside.update(range(a + 1, b))
    safe = [p for p in graphemes if p not in inside]
    word = [p for p in safe if text[p - 1].isspace() and not text[p].isspace()]
    sentence: list[int] = []
    for p in word:
        before = text[max(0, p - 12):p]
        if "\n" in before[len(before.rstrip()):] or _SENTENCE_END.search(before):
            sentence.append(p)
    # Chinese and Japanese put no space after a sentence: cut right after 。！？
    cjk = [p for p in safe if text[p - 1] in _CJK_STOPS and not text[p].isspace()]
    if cjk:
        sentence = sorted(set(sentence) | set(cjk))
        word = sorted(set(word) | set(cjk))
    return _Cuts(sentence, word, safe, graphemes)


def _marker(body: str, i: int, n: int) -> str:
    return f"{i}/{n}" if body[-1:].isspace() else f" {i}/{n}"


def _largest_fitting(candidates: list[int], fits: Callable[[int], bool]) -> int | None:
    """The farthest candidate cut whose part fits (binary search, then a check downwards in case
    the count is not monotonic, e.g. when a cut turns a domain into plain text). ``candidates``
    lie within one part's reach (see _reach), so every measure here is of a part-sized slice."""
    lo, hi = 0, len(candidates) - 1
    best = None
    while lo <= hi:
        mid = (lo + hi) // 2
        if fits(candidates[mid]):
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    if best is None:
        for k in range(min(len(candidates) - 1, lo), -1, -1):
            if fits(candidates[k]):
                return candidates[k]
        return None
    return candidates[best]


def _reach(boundaries: list[int], first: int, fits: Callable[[int], bool]) -> int:
    """The index of the farthest boundary from ``first`` on whose part still fits, or
    ``first - 1`` when not even ``boundaries[first]`` does. Galloping (1, 2, 4 ... boundaries
    ahead, then a binary search) measures slices at most twice a part's length, so splitting
    stays linear in the text however long it is, instead of measuring the whole rest per part."""
    if first >= len(boundaries) or not fits(boundaries[first]):
        return first - 1
    good, step = first, 1
    bad = len(boundaries)
    while good + step < len(boundaries):
        if fits(boundaries[good + step]):
            good += step
            step *= 2
        else:
            bad = good + step
            break
    else:
        if good != len(boundaries) - 1 and fits(boundaries[-1]):
            return len(boundaries) - 1
        bad = len(boundaries) - 1 if good != len(boundaries) - 1 else len(boundaries)
    lo, hi = good + 1, bad - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if fits(boundaries[mid]):
            good, lo = mid, mid + 1
        else:
            hi = mid - 1
    return good


def _greedy(spec: PlatformSpec, text: str, limit: int, cuts: _Cuts, total: int | None) -> list[Part]:
    parts: list[Part] = []
    start = 0
    # every grapheme boundary, the text's end included: where a part can end at all
    ends = [*(p for p in cuts.grapheme if p < len(text)), len(text)]

    def label(body: str) -> str:
        return _marker(body, len(parts) + 1, total) if total else ""

    def fits_from(a: int) -> Callable[[int], bool]:
        def fits(b: int) -> bool:
            body = text[a:b]
            return measure(spec, body + label(body), limit)[1]
        return fits

    def length(a: int, b: int) -> int:
        return measure(spec, text[a:b], limit)[0]

    while True:
        fits = fits_from(start)
        first = bisect.bisect_right(ends, start)
        reach = _reach(ends, first, fits)
        if reach >= 0 and ends[reach] == len(text):
            parts.append(Part(text[start:], label(text[start:])))
            return parts
        # the part ends at or before the farthest grapheme boundary that fits
        farthest = ends[reach] if reach >= first else start
        end = None
        for tier in (cuts.sentence, cuts.word, cuts.safe, cuts.grapheme):
            window = tier[bisect.bisect_right(tier, start):bisect.bisect_right(tier, farthest)]
            found = _largest_fitting(window, fits) if window else None
            if found is not None and tier is cuts.sentence and 2 * length(start, found) < limit:
                found = None  # a half-empty part: prefer cutting between words
            if found is not None:
                end = found
                break
        if end is None:  # not even one grapheme fits: take one anyway so the split ends
            end = next((p for p in cuts.grapheme if p > start), len(text))
        parts.append(Part(text[start:end], label(text[start:end])))
        start = end
        if start >= len(text):
            return parts


class TooManyParts(ValueError):
    """The text needs more thread parts than allowed (raised without splitting all of it)."""

    def __init__(self, max_parts: int):
        super().__init__(f"more than {max_parts} parts")
        self.max_parts = max_parts


def split_parts(spec: PlatformSpec, text: str, *, numbering: bool = False,
                limit: int | None = None, max_parts: int | None = None) -> list[Part]:
    """``max_parts``: raise TooManyParts as soon as the text needs more parts than that; only
    a prefix of a long text is then looked at, so a 10 MB text is refused in milliseconds."""
    if limit is None:
        limit = spec.text_limit
    if limit is None or spec.counting == Counting.NONE:
        return [Part(text)]
    if max_parts is not None:  # first: measuring all of a 10 MB text takes seconds
        _refuse_long_thread(spec, text, limit, max_parts)
    if measure(spec, text, limit)[1]:
        return [Part(text)]
    cuts = _cuts(spec, text)
    parts = _greedy(spec, text, limit, cuts, None)
    if not numbering:
        return parts
    guess = len(parts)
    while True:  # the markers' width depends on the number of parts: settle it
        parts = _greedy(spec, text, limit, cuts, guess)
        if len(parts) <= guess:
            break
        guess = len(parts)
    n = len(parts)
    return [Part(p.body, _marker(p.body, i, n)) for i, p in enumerate(parts, 1)]


def _refuse_long_thread(spec: PlatformSpec, text: str, limit: int, max_parts: int) -> None:
    """TooManyParts when the parts split from a prefix already outnumber ``max_parts``: parts
    end at the same places in a prefix as in the whole text, except near the prefix's end,
    which the count of whole parts before it leaves out."""
    size = (max_parts + 2) * limit * 4  # generous: four characters per unit of the limit
    while size < len(text):
        head = text[:size]
        parts = _greedy(spec, head, limit, _cuts(spec, head), None)
        if len(parts) - 1 > max_parts:  # the last part may be cut short by the prefix's end
            raise TooManyParts(max_parts)
        if len(parts) <= max_parts // 2:  # long URLs packed into few parts: look further
            size *= 4
            continue
        return


def split(spec: PlatformSpec, text: str, *, numbering: bool = False,
          limit: int | None = None, max_parts: int | None = None) -> list[str]:
    """The thread parts of ``text`` for the channel ``spec`` (see the module's contract);
    TooManyParts when ``max_parts`` is given and the text needs more."""
    return list(_split(spec, text, numbering, limit, max_parts))


# The counters and the preview of a channel that threads both split the same text per keystroke.
@lru_cache(maxsize=32)
def _split(spec: PlatformSpec, text: str, numbering: bool, limit: int | None,
           max_parts: int | None) -> tuple[str, ...]:
    return tuple(p.text for p in split_parts(spec, text, numbering=numbering, limit=limit,
                                             max_parts=max_parts))
