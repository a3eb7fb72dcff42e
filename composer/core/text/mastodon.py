"""Mastodon's length: graphemes of the text after URLs become 23 characters and remote mentions
lose their domain.

Source: mastodon/mastodon ``app/validators/status_length_validator.rb`` (``countable_text``:
URLs found by twitter-text *with* a scheme only count ``URL_PLACEHOLDER = 'x' * 23``;
``@user@domain`` counts as ``@user``; ``each_grapheme_cluster.size``) and ``Account::MENTION_RE``.
The content warning counts too; the composer adds it to the text before counting.
"""

from __future__ import annotations

import regex

from composer.core.text import twitter, units

URL_LENGTH = 23
# app/models/account.rb: USERNAME_RE and MENTION_RE
MENTION = regex.compile(
    r"(?<![=/\w])@(([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\w.-]+\w+)?)", regex.IGNORECASE
)


def _url_spans(text: str) -> list[tuple[int, int]]:
    # twitter-text's extractor with extract_url_without_protocol: false, as Mastodon calls it
    return twitter.url_spans(text, without_protocol=False)


def pieces(text: str, url_length: int = URL_LENGTH) -> list[tuple[int, int, int | None]]:
    """Entities as (start, end, counted length); None for ordinary text counted by graphemes."""
    spans = [(a, b, url_length) for a, b in _url_spans(text)]
    if "@" in text:
        for m in MENTION.finditer(text):
            if "@" in m.group(1):  # only remote mentions shrink
                spans.append((m.start(), m.end(), 1 + units.grapheme_count(m.group(2))))
    spans.sort()
    kept: list[tuple[int, int, int | None]] = []
    pos = 0
    for a, b, n in spans:
        if a < pos:
            continue  # Extractor.remove_overlapping_entities
        if a > pos:
            kept.append((pos, a, None))
        kept.append((a, b, n))
        pos = b
    if pos < len(text):
        kept.append((pos, len(text), None))
    return kept


def countable_text(text: str, url_length: int = URL_LENGTH) -> str:
    out = []
    for a, b, n in pieces(text, url_length):
        if n is None:
            out.append(text[a:b])
        elif text[a] == "@":
            out.append(text[a:text.index("@", a + 1)])
        else:
            out.append("x" * n)
    return "".join(out)


def length(text: str, url_length: int = URL_LENGTH) -> int:
    return units.grapheme_count(countable_text(text, url_length))


def overflow_index(text: str, limit: int, url_length: int = URL_LENGTH) -> int | None:
    running = 0
    for a, b, n in pieces(text, url_length):
        if n is not None:
            running += n
            if running > limit:
                return a
            continue
        starts = units.grapheme_starts(text[a:b])
        if running + len(starts) > limit:
            return a + starts[limit - running]
        running += len(starts)
    return None
