"""Bluesky rich-text facets, ported rule for rule from @atproto/api ``RichText.detectFacets``.

Source: bluesky-social/atproto ``packages/api/src/rich-text/detection.ts`` and ``util.ts``
(npm @atproto/api 0.21.0; tests/data/bluesky-richtext holds its answers, tools/regen_oracle.sh
asks them again). Facet offsets are UTF-8 byte offsets, end exclusive
(lexicons/app/bsky/richtext/facet.json). The JavaScript patterns are translated with care:
- JavaScript ``\\s`` is a fixed set (below), not Python's ``str.isspace``;
- ``[a-z]`` with the ``i`` flag but without ``u`` matches ASCII letters only, so the patterns
  spell out ``[a-zA-Z]`` instead of using Python's Unicode-aware IGNORECASE;
- ``\\b`` in a non-``u`` JavaScript pattern is an ASCII word boundary (``re.ASCII`` here);
- ``\\d`` is ``[0-9]`` and ``$`` without ``m`` is the very end (``\\Z``).
Graphemes count as Intl.Segmenter does (extended grapheme clusters, ``\\X``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from composer.core.text.model import Facet
from composer.core.text.patterns import LazyPattern
from composer.core.text.units import grapheme_count

# ECMAScript WhiteSpace + LineTerminator: what ``\s`` matches in JavaScript.
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_S = f"[{JS_SPACE}]"
_NS = f"[^{JS_SPACE}]"
_ZW = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"  # zero-width characters a tag may not hold

# util.ts MENTION_REGEX = /(^|\s|\()(@)([a-zA-Z0-9.-]+)(\b)/g
MENTION = re.compile(rf"(^|{_S}|\()(@)([a-zA-Z0-9.-]+)(\b)", re.ASCII)
# util.ts URL_REGEX = /(^|\s|\()((https?:\/\/[\S]+)|((?<domain>[a-z][a-z0-9]*(\.[a-z0-9]+)+)[\S]*))/gim
URL = re.compile(
    rf"(^|(?<=[\n\r\u2028\u2029])|{_S}|\()"
    rf"(([hH][tT][tT][pP][sS]?://{_NS}+)"
    rf"|((?P<domain>[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+){_NS}*))"
)
# util.ts TAG_REGEX (u flag): a run of non-spaces holding at least one non-digit, non-punctuation
TAG = LazyPattern(
    rf"(^|{_S})[#\uff03]((?!\ufe0f)[^{JS_SPACE}{_ZW}]*[^0-9{JS_SPACE}\p{{P}}{_ZW}]+"
    rf"[^{JS_SPACE}{_ZW}]*)?"
)
TRAILING_PUNCTUATION = LazyPattern(r"\p{P}+$")
TAG_MAX = 64  # detection.ts: a longer tag is no tag (lexicon facet#tag maxGraphemes 64)
# util.ts CASHTAG_REGEX (u flag): $AAPL becomes a tag facet "$AAPL"
CASHTAG = re.compile(rf"(^|{_S}|\()\$([A-Za-z][A-Za-z0-9]{{0,4}})(?={_S}|\Z|[.,;:!?)\"'\u2019])")
_END_PUNCT = re.compile(r"[.,;:!?]$")
_JS_TRIM = re.compile(rf"^{_S}+|{_S}+$")


@cache  # imported on first use (1,400 names), then a plain lookup per candidate
def tlds() -> frozenset[str]:
    from composer.core.text._bluesky_tlds import TLDS

    return TLDS


def is_valid_domain(value: str) -> bool:
    """detection.ts isValidDomain: ends with "." + a known TLD (case-sensitive, as upstream)."""
    dot = value.rfind(".")
    return dot >= 0 and value[dot + 1:] in tlds()


def _byte_offsets(text: str, indices: set[int]) -> dict[int, int]:
    """str index -> UTF-8 byte offset for every index asked, in one pass over the text (upstream
    encodes the prefix again for each facet; a long text with many facets must stay linear)."""
    offsets: dict[int, int] = {}
    done = byte = 0
    for i in sorted(indices):
        byte += len(text[done:i].encode("utf-8", "surrogatepass"))
        offsets[i] = byte
        done = i
    return offsets


def _tag_too_long(tag: str) -> bool:
    """Over 64 graphemes. @atproto/api 0.21 counts them only when the UTF-16 length is over 64
    (before, that length alone decided: "#" + 33 emoji was no tag). Graphemes never outnumber
    code points, so the cheap ``len`` check is the same shortcut."""
    return len(tag) > TAG_MAX and grapheme_count(tag) > TAG_MAX


def detect_facets(text: str) -> list[Facet]:
    """Links, mentions and tags exactly where @atproto/api's detectFacets puts them."""
    return list(_facets(text))


# A keystroke asks for the same text's facets more than once (the count, the preview card, the
# thread splitter): the answer is kept for the last few texts.
@lru_cache(maxsize=8)
def _facets(text: str) -> tuple[Facet, ...]:
    if not any(c in text for c in "@.:#\uff03$"):  # nothing any pattern could start with
        return ()
    found: list[tuple[int, int, str, str]] = []

    def add(start: int, end: int, kind: str, value: str) -> None:
        found.append((start, end, kind, value))

    for m in MENTION.finditer(text):
        handle = m.group(3)
        if not is_valid_domain(handle) and not handle.endswith(".test"):
            continue  # probably not a handle
        start = m.start(3) - 1
        add(start, start + len(handle) + 1, "mention", handle)

    for m in URL.finditer(text):
        uri = m.group(2)
        if not uri.startswith("http"):
            domain = m.group("domain")
            if not domain or not is_valid_domain(domain):
                continue
            uri = f"https://{uri}"
        start = m.start(2)
        end = m.end(2)
        if _END_PUNCT.search(uri):  # strip ending punctuation
            uri, end = uri[:-1], end - 1
        if uri.endswith(")") and "(" not in uri:
            uri, end = uri[:-1], end - 1
        add(start, end, "link", uri)

    for tm in TAG.finditer(text):  # a `regex` match (Unicode classes), not an `re` one
        tag = tm.group(2)
        if not tag:
            continue
        tag = TRAILING_PUNCTUATION.sub("", _JS_TRIM.sub("", tag))
        if not tag or _tag_too_long(tag):
            continue
        start = tm.start() + len(tm.group(1))
        add(start, start + 1 + len(tag), "tag", tag)

    for m in CASHTAG.finditer(text):
        ticker = m.group(2).upper()
        start = m.start() + len(m.group(1))
        add(start, start + 1 + len(ticker), "tag", "$" + ticker)

    if not found:
        return ()
    found.sort(key=lambda f: f[0])  # stable, like Array.prototype.sort (same order as bytes)
    if text.isascii():
        return tuple(Facet(start, end, kind, value, start, end) for start, end, kind, value in found)
    byte = _byte_offsets(text, {i for f in found for i in f[:2]})
    return tuple(Facet(byte[start], byte[end], kind, value, start, end)
                 for start, end, kind, value in found)
