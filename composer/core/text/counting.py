"""``count()``: one text measured the way one channel measures it (spec.counting chooses how).

Facts per channel: docs/platforms.md (X §1, Mastodon §2, Bluesky §3, Threads §4,
Instagram §6, Telegram §8, YouTube §10).
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from functools import lru_cache
from typing import Any

from composer.core.adapters import Counting, PlatformSpec
from composer.core.i18n import _
from composer.core.text import bluesky, mastodon, twitter, units
from composer.core.text.entities import entities
from composer.core.text.model import TextCount
from composer.core.text.patterns import LazyPattern

# Threads counts "emoji as the number of UTF-8 bytes" (developers.facebook.com/documentation/
# threads/overview); a grapheme is an emoji when it holds a pictograph, a flag or a keycap.
_EMOJI = LazyPattern(r"[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]")

UNITS = {
    Counting.TWITTER: "weighted",
    Counting.BLUESKY: "graphemes",
    Counting.MASTODON: "graphemes",
    Counting.GRAPHEMES: "graphemes",
    Counting.CODEPOINTS: "codepoints",
    Counting.UTF16: "utf16",
    Counting.THREADS: "threads",
    Counting.BYTES: "bytes",
    Counting.NONE: "characters",
}


def unit_name(unit: str) -> str:
    """A counting unit as a person reads it, in the current language ("weighted" stays the key in
    JSON output; this is for text)."""
    names = {
        "weighted": _("weighted"),
        "graphemes": _("graphemes"),
        "codepoints": _("code points"),
        "utf16": _("UTF-16 units"),
        "threads": _("characters (emoji as bytes)"),
        "bytes": _("bytes"),
        "characters": _("characters"),
    }
    return names.get(unit, unit)


def _threads_costs(text: str) -> tuple[list[int], list[int]]:
    """(grapheme starts, cost of each grapheme): code points, or UTF-8 bytes for an emoji."""
    starts = units.grapheme_starts(text)
    ends = starts[1:] + [len(text)]
    costs = [b - a for a, b in zip(starts, ends, strict=True)]
    for k in _emoji_graphemes(text, starts):
        costs[k] = units.utf8_len(text[starts[k]:ends[k]])
    return starts, costs


def _emoji_graphemes(text: str, starts: list[int]) -> set[int]:
    return {bisect.bisect_right(starts, m.start()) - 1 for m in _EMOJI.finditer(text)}


def _threads_length(text: str) -> int:
    if text.isascii() or not _EMOJI.search(text):
        return len(text)
    extra = 0
    # emoji are never ASCII, so each lies in a special window; segment only those
    for a, b in units.special_windows(text):
        window = text[a:b]
        if not _EMOJI.search(window):
            continue
        starts = units.grapheme_starts(window)
        for k in _emoji_graphemes(window, starts):
            g = window[starts[k]:starts[k + 1] if k + 1 < len(starts) else len(window)]
            extra += units.utf8_len(g) - len(g)
    return len(text) + extra


def measure(spec: PlatformSpec, text: str, limit: int | None) -> tuple[int, bool, int | None]:
    """(length, fits, overflow_at) in the channel's unit; the fast core of count() and split()."""
    kind = spec.counting
    if kind == Counting.TWITTER:
        w = twitter.weigh(text)
        if limit is None or w.length <= limit:
            return w.length, True, None
        return w.length, False, twitter.overflow_index(w, limit)
    if kind == Counting.BLUESKY:
        n = units.grapheme_count(text)
        size = units.utf8_len(text)
        byte_limit = spec.text_max_bytes
        over: list[int] = []
        # (each index_over_* below is a number, never None: the text is over that limit)
        if limit is not None and n > limit:
            at = units.index_over_graphemes(text, limit)
            if at is not None:
                over.append(at)
        if byte_limit is not None and size > byte_limit:
            i = units.index_over_utf8(text, byte_limit)
            if i is not None:
                # mark from the start of the grapheme the byte limit cuts into (boundaries up
                # to i never depend on what follows, so a prefix is enough)
                starts = units.grapheme_starts(text[:i + 1])
                over.append(starts[_floor_index(starts, i)])
        return n, not over, min(over) if over else None
    if kind == Counting.MASTODON:
        url_length = spec.url_length or mastodon.URL_LENGTH
        n = mastodon.length(text, url_length)
        if limit is None or n <= limit:
            return n, True, None
        return n, False, mastodon.overflow_index(text, limit, url_length)
    if kind == Counting.GRAPHEMES:
        n = units.grapheme_count(text)
        if limit is None or n <= limit:
            return n, True, None
        return n, False, units.index_over_graphemes(text, limit)
    if kind == Counting.UTF16:
        n = units.utf16_len(text)
        if limit is None or n <= limit:
            return n, True, None
        return n, False, units.index_over_utf16(text, limit)
    if kind == Counting.BYTES:
        n = units.utf8_len(text)
        if limit is None or n <= limit:
            return n, True, None
        return n, False, units.index_over_utf8(text, limit)
    if kind == Counting.THREADS:
        n = _threads_length(text)
        if limit is None or n <= limit:
            return n, True, None
        # every grapheme costs at least one: the first limit + 1 of them hold the answer
        head = text[:units.index_over_graphemes(text, limit + 1) or len(text)]
        starts, costs = _threads_costs(head)
        at = units.first_over(costs, limit)  # a number: the text is over the limit
        return n, False, starts[at] if at is not None else None
    n = len(text)  # CODEPOINTS, NONE
    if limit is None or n <= limit:
        return n, True, None
    return n, False, limit


def _floor_index(starts: list[int], i: int) -> int:
    return max(0, bisect.bisect_right(starts, i) - 1)


# A text longer than this many code points overflows every channel that has a limit (the
# largest, Facebook's 63,206 UTF-16 units, and any channel's longest thread; see
# composer.core.checks.text): for such a text only its head is scanned and measured, so a pasted
# book is refused in a second instead of minutes.
HUGE_TEXT = 200_000


def _problem_messages(spec: PlatformSpec, text: str) -> tuple[tuple[str, str, dict[str, object]], ...]:
    """The problems as (stable code, message, placeholder values), translated by the caller: the
    cached answer then holds for every language. The code is the rule book's
    (composer.core.checks), which turns these into findings."""
    problems: list[tuple[str, str, dict[str, object]]] = []
    if spec.hashtag_limit is not None or spec.mention_limit is not None or spec.max_links is not None:
        found = entities(text[:HUGE_TEXT])  # a huge text is over every count anyway
        tags = sum(1 for e in found if e.kind == "hashtag")
        if spec.hashtag_limit is not None and tags > spec.hashtag_limit:
            problems.append(("hashtags.too_many", "Too many hashtags for {channel}: {count} (at most {limit})",
                             dict(channel=spec.name, count=tags, limit=spec.hashtag_limit)))
        mentions = sum(1 for e in found if e.kind == "mention")
        if spec.mention_limit is not None and mentions > spec.mention_limit:
            problems.append(("mentions.too_many", "Too many mentions for {channel}: {count} (at most {limit})",
                             dict(channel=spec.name, count=mentions, limit=spec.mention_limit)))
        links = len({e.text for e in found if e.kind == "url"})
        if spec.max_links is not None and links > spec.max_links:
            problems.append(("links.too_many", "Too many links for {channel}: {count} (at most {limit})",
                             dict(channel=spec.name, count=links, limit=spec.max_links)))
    if spec.counting == Counting.TWITTER and twitter.has_invalid_characters(text):
        problems.append(("text.invalid", "X refuses the characters U+FEFF, U+FFFE and U+FFFF; remove them", {}))
    if spec.description_limit_bytes is not None and ("<" in text or ">" in text):
        problems.append(("text.invalid", "{channel} does not allow < or > in the description", dict(channel=spec.name)))
    return tuple(problems)


def count(spec: PlatformSpec, text: str, *, with_media: bool = False,
          limit: int | None = None) -> TextCount:
    """Measure ``text`` for the channel ``spec``. ``limit`` overrides the spec's limit (for
    example a Mastodon instance's own); ``with_media`` picks the caption limit where one exists."""
    # A keystroke asks the same question twice per channel (the counters and the preview): the
    # measuring is cached (TextCount is immutable), only the problems are translated per call.
    result, problems = _count(spec, text, with_media, limit)
    if not problems:
        return result
    return replace(result, problems=tuple(_(message, **values) for _code, message, values in problems))


def coded_problems(spec: PlatformSpec, text: str, *, with_media: bool = False,
                   limit: int | None = None) -> tuple[tuple[str, str, dict[str, object]], ...]:
    """``count``'s problems untranslated, each with its stable code: (code, message, values).
    Shares count's cache, so asking both per keystroke measures once."""
    return _count(spec, text, with_media, limit)[1]


def count_coded(spec: PlatformSpec, text: str, *, with_media: bool = False,
                limit: int | None = None) -> tuple[TextCount, tuple[tuple[str, str, dict[str, object]], ...]]:
    """``count`` and ``coded_problems`` from one cache look-up (the rule book's text rule asks
    both per channel per keystroke, and hashing a spec is not free)."""
    result, problems = _count(spec, text, with_media, limit)
    if problems:
        result = replace(result, problems=tuple(_(m, **values) for _c, m, values in problems))
    return result, problems


@lru_cache(maxsize=128)
def _count(spec: PlatformSpec, text: str, with_media: bool,
           limit: int | None) -> tuple[TextCount, tuple[tuple[str, str, dict[str, object]], ...]]:
    if limit is None:
        limit = spec.limit_for(with_media=with_media)
    if spec.counting == Counting.NONE:
        limit = None
    length, fits, overflow_at = measure(spec, text, limit)
    extra: dict[str, Any] = {}  # the fields only some units have
    if spec.counting == Counting.BLUESKY:
        extra = {"graphemes": length, "bytes": units.utf8_len(text),
                 "facets": tuple(bluesky.detect_facets(text))}
    elif spec.counting == Counting.GRAPHEMES:
        extra = {"graphemes": length}
    return (TextCount(length=length, limit=limit, fits=fits, overflow_at=overflow_at,
                      unit=UNITS[spec.counting], **extra), _problem_messages(spec, text))
