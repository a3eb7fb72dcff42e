"""Mastodon's length: graphemes of the text after URLs become 23 characters and remote mentions
lose their domain.

Source: mastodon/mastodon ``app/validators/status_length_validator.rb`` (``countable_text``:
URLs found by twitter-text *with* a scheme only count ``URL_PLACEHOLDER = 'x' * 23``;
``@user@domain`` counts as ``@user``; ``each_grapheme_cluster.size``) and ``Account::MENTION_RE``.
The content warning counts too; the composer adds it to the text before counting.
"""

from __future__ import annotations

from composer.core.text import twitter, units
from composer.core.text.patterns import LazyPattern

URL_LENGTH = 23
# app/models/account.rb: USERNAME_RE = /[a-z0-9_]+([.-]+[a-z0-9_]+)*/i and
# MENTION_RE = %r{(?<![=/[:word:]])@((#{USERNAME_RE})(?:@[[:word:]]+([.-]+[[:word:]]+)*)?)};
# Ruby's [[:word:]] is letters, marks, decimal digits and connector punctuation.
_WORD = r"[\p{L}\p{M}\p{Nd}\p{Pc}]"
MENTION = LazyPattern(
    rf"(?<![=/]|{_WORD})@((?i:[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@{_WORD}+(?:[.-]+{_WORD}+)*)?)"
)
# app/lib/extractor.rb skips a mention followed by this (twitter-text's end_mention_match):
# another at sign, a Latin accented letter, or "://".
_END_MENTION = LazyPattern(
    "[@\uff20\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256"
    "\u0257\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f"
    "\u1e00-\u1eff]|://"
)


def _url_spans(text: str) -> tuple[tuple[int, int], ...]:
    # twitter-text's extractor with extract_url_without_protocol: false, as Mastodon calls it
    return twitter.url_spans(text, without_protocol=False)


def pieces(text: str, url_length: int = URL_LENGTH) -> list[tuple[int, int, int | None]]:
    """Entities as (start, end, counted length); None for ordinary text counted by graphemes."""
    spans = [(a, b, url_length) for a, b in _url_spans(text)]
    if "@" in text:
        for m in MENTION.finditer(text):
            if "@" in m.group(1) and not _END_MENTION.match(text, m.end()):
                user = m.group(1).split("@")[0]  # only remote mentions shrink, to "@user"
                spans.append((m.start(), m.end(), 1 + units.grapheme_count(user)))
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
            out.append(text[a:text.index("@", a + 1)])  # "@user"
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
