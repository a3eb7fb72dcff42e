"""X (Twitter) weighted length: twitter-text v3, exactly as the official JavaScript ``parseTweet``.

Source of truth: twitter/twitter-text ``js/src/parseTweet.js`` (npm twitter-text 3.1.0),
``config/v3.json`` and the conformance file ``conformance/validate.yml`` (vendored into
tests/data/twitter-text/). The text is NFC-normalised; every URL twitter-text extracts (also
scheme-less ones such as ``example.com``) weighs 23; every emoji sequence twemoji-parser finds
weighs 2; any other code point weighs 1 inside the v3 ranges and 2 outside.

The PyPI port ``twitter-text-parser`` 3.0.0 supplies the URL extractor (it passes every
conformance case). Two of its parts differ from the official library and are replaced here:
- it rewrites ``\\r\\n`` to ``\\n`` before counting, so a Windows line break weighs 1 instead of the
  official 2 (parse_tweet.py ``convert_line_ending``);
- its emoji pattern is built from emoji-test.txt rather than twemoji-parser's pattern, so we run
  twemoji-parser's own pattern (``_twemoji.py``) on UTF-16 code units, as JavaScript does.
It is also slow for per-keystroke use; text without a dot cannot hold a URL and skips it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from composer.core.text import units

SCALE = 100
DEFAULT_WEIGHT = 200
URL_WEIGHT = 23 * SCALE
MAX_LENGTH = 280
# config/v3.json: code point ranges that weigh 100 (everything else weighs 200)
_LIGHT = "\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037"
_HEAVY = re.compile(f"[^{_LIGHT}]")
# hasInvalidCharacters: twitter-text regexp/invalidChars.js
INVALID = re.compile("[\ufffe\ufeff\uffff]")
# Where an emoji match can begin: anything outside ASCII, and a keycap's base (# * 0-9) when a
# keycap mark or variation selector follows (the pattern's only ASCII start: [#*0-9]\ufe0f?\u20e3);
# a plain digit or hashtag is not worth trying the big pattern on.
_EMOJI_START = re.compile(r"[^\x00-\x7f]|[#*0-9](?=[\ufe0f\u20e3])")


@lru_cache(maxsize=1)
def _emoji_pattern() -> re.Pattern[str]:
    from composer.core.text._twemoji import PATTERN

    return re.compile(PATTERN)


# Every channel of a keystroke asks about the same text: X, Mastodon, Threads and Instagram
# share one extraction.
@lru_cache(maxsize=256)
def _extract_urls(text: str, without_protocol: bool = True) -> tuple[tuple[int, int, int], ...]:
    """extractUrlsWithIndices.js, on twitter-text-parser's compiled patterns (same sources).

    The port's own function checks domains with Python's strict IDNA codec, which refuses
    labels the official library accepts (an Arabic or CJK word glued to ``bsky.app`` makes it
    drop the URL that X counts as 23); twitter-text only checks each label's punycode length.
    Like JavaScript, the patterns run on UTF-16 code units: an astral character before a domain
    is two units there, and the official result depends on it.

    Each URL is (start, end, weighed_end): parseTweet weighs 23 for ``url.length`` characters
    from ``start``, and that text can be shorter than the indices when the domain holds
    non-ASCII text after its ASCII part (``url.replace(domain, asciiDomain)``)."""
    if "." not in text or (not without_protocol and ":" not in text):  # the official shortcut
        return ()
    u16 = units.utf16_units(text).translate(_JS_CASE)
    spans = _extract_urls_utf16(u16, without_protocol)
    if not spans or len(u16) == len(text):
        return tuple(spans)
    index = units.utf16_to_index(text)
    return tuple((index(a), index(b), index(c)) for a, b, c in spans)


# Python's IGNORECASE lets four non-ASCII letters match ASCII ones (İ ı ſ K); a JavaScript
# pattern without the u flag never does. Each becomes its non-ASCII neighbour for the patterns.
_JS_CASE = str.maketrans({"\u0130": "\u0132", "\u0131": "\u0133", "\u017f": "\u017e",
                          "\u212a": "\u2129"})


# A URL never holds whitespace, so the pattern only needs to run over the words that hold a dot
# (and the character before each, which the pattern reads as "before"): about 10x faster than
# scanning the whole text.
_DOTTED_WORD = re.compile(r"\S*\.\S*")


def _fold(text: str) -> str:
    """One character for one: close to the simple case folding that IGNORECASE matches with."""
    return "".join(c.casefold()[:1] or c for c in text)


def _may_hold_url(word: str) -> bool:
    """Cheap and never wrong in the "no" direction: the pattern needs a scheme, or a dot
    followed by a known top-level domain (possibly run on into other letters, as in
    "example.com日本") or a punycode one. Skipping other words makes counting ~5x faster."""
    if "://" in word:
        return True
    tlds, longest = _tlds()
    dot = word.find(".")
    while dot >= 0:
        tail = _fold(word[dot + 1:dot + 1 + longest])
        if tail.startswith("xn--") or any(tail[:n] in tlds for n in range(2, len(tail) + 1)):
            return True
        dot = word.find(".", dot + 1)
    return False


@lru_cache(maxsize=1)
def _tlds() -> tuple[frozenset[str], int]:
    from composer.core.text._twitter_url import TLDS

    folded = frozenset(_fold(t) for t in TLDS)
    return folded, max(map(len, folded))


def _extract_urls_utf16(text: str, without_protocol: bool) -> list[tuple[int, int, int]]:
    urls: list[list[int]] = []
    for word in _DOTTED_WORD.finditer(text):
        if not (_may_hold_url(word.group()) if without_protocol else "://" in word.group()):
            continue
        # compiled only for a word that may hold a URL: a text without links ("09.00 WIB.")
        # never pays the ~100 ms the big patterns take to compile
        rx = _url_patterns()
        start, end = max(word.start() - 1, 0), word.end()
        # The pattern's search would try every position; a match can only begin where its
        # "before" group can, so trying those positions in order finds the same matches.
        resume = start
        candidates = [p.start() for p in rx.before.finditer(text, start, end)]
        if start == 0 and (not candidates or candidates[0] != 0):
            candidates.insert(0, 0)  # the "^" alternative
        for p in candidates:
            if p < resume:
                continue
            m = rx.extract.match(text, p, end)
            if m:
                _url_match(m, rx, urls, without_protocol)
                resume = m.end()
    return [(a, b, c) for a, b, c in urls]


def _url_match(m: re.Match[str], rx: _UrlPatterns, urls: list[list[int]],
               without_protocol: bool) -> None:
    _, before, url, protocol, domain, _, path, _ = m.groups()
    end = m.end()
    start = end - len(url)
    if not _is_valid_url(url, protocol or "https://", domain):
        return
    if protocol is None:
        if not without_protocol or rx.invalid_preceding.match(before):
            return
        last = None
        for d in rx.ascii_domain.finditer(domain):
            last = [start + d.start(), start + d.end(), start + d.end()]
            urls.append(last)
        if last is not None and path:
            last[1] = end
            # lastUrl.url = url.replace(domain, asciiDomain): what parseTweet steps over
            last[2] = last[0] + (last[2] - last[0]) + len(url) - len(domain)
        return
    tco = rx.tco.search(url)  # t.co URLs take no extra path characters
    if tco:
        if tco.group(1) and len(tco.group(1)) > 40:
            return
        end = start + len(tco.group(0))
    urls.append([start, end, end])


@dataclass(frozen=True)
class _UrlPatterns:
    extract: re.Pattern[str]
    before: re.Pattern[str]
    ascii_domain: re.Pattern[str]
    invalid_preceding: re.Pattern[str]
    tco: re.Pattern[str]


@lru_cache(maxsize=1)
def _url_patterns() -> _UrlPatterns:
    """Compiled on first use (~150 ms); ``warm_up()`` does it ahead of time."""
    from composer.core.text import _twitter_url as p

    before = p.VALID_URL_PRECEDING_CHARS.removesuffix("|^)") + ")"  # the characters alone
    return _UrlPatterns(re.compile(p.EXTRACT_URL, p.FLAGS), re.compile(before, p.FLAGS),
                        re.compile(p.VALID_ASCII_DOMAIN, p.FLAGS),
                        re.compile(p.INVALID_URL_WITHOUT_PROTOCOL_PRECEDING_CHARS),
                        re.compile(p.VALID_TCO_URL, p.FLAGS))


def warm_up() -> None:
    """Compile the big patterns now (the GUI calls this off its thread at start-up)."""
    _url_patterns()
    _emoji_pattern()


_SEPARATORS = re.compile("[\u3002\uff0e\uff61]")


def _punycode_to_ascii(label: str) -> str:
    """punycode.js toASCII (what lib/idna.js calls): encode each non-ASCII label, nothing else."""
    if label.isascii():  # nothing to encode, and the separators it maps are all non-ASCII
        return label
    parts = label.split("@")
    prefix = ""
    if len(parts) > 1:
        prefix, label = parts[0] + "@", parts[1]
    # ucs2decode: pair the surrogates that form a character, keep lone ones as they are
    label = label.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    pieces = _SEPARATORS.sub(".", label).split(".")
    return prefix + ".".join(
        p if p.isascii() else "xn--" + _punycode(p) for p in pieces)


def _punycode(label: str) -> str:
    try:
        return label.encode("punycode").decode("ascii")
    except UnicodeError:  # pragma: no cover - the codec takes any code point
        return label


def _is_valid_url(url: str, protocol: str, domain: str) -> bool:
    """extractUrlsWithIndices.js isValidUrl with lib/idna.js toAscii."""
    if domain.startswith("xn--") and not _url_patterns().ascii_domain.search(domain):
        return False
    for label in domain.split("."):
        if not 1 <= len(_punycode_to_ascii(label)) <= 63:
            return False
    return len(protocol) + units.utf16_len(url) <= 4096


def url_spans(text: str, *, without_protocol: bool = True) -> tuple[tuple[int, int], ...]:
    """The URLs twitter-text finds in ``text`` (str indices); ``without_protocol=False`` keeps
    only those with a scheme (Mastodon's rule)."""
    return tuple((a, b) for a, b, _ in _extract_urls(text, without_protocol))


def _emoji_spans(text: str) -> list[tuple[int, int]]:
    """twemoji-parser matches, converted from UTF-16 offsets to str indices."""
    if text.isascii():
        return []
    u16 = units.utf16_units(text)
    rx = _emoji_pattern()
    spans = []
    pos = 0
    # Trying the big pattern only where an emoji can start is ~10x faster than finditer.
    for cand in _EMOJI_START.finditer(u16):
        start = cand.start()
        if start < pos:
            continue
        m = rx.match(u16, start)
        if m:
            spans.append((m.start(), m.end()))
            pos = m.end()
    if not spans or len(u16) == len(text):
        return spans
    index = units.utf16_to_index(text)
    return [(index(a), index(b)) for a, b in spans]


@dataclass(frozen=True)
class Weighed:
    """The NFC text cut into the units parseTweet weighs (start, end, weight in 1/100)."""

    normal: str
    table: list[int] | None  # normalised index -> original index (None: identical)
    pieces: list[tuple[int, int, int]]
    total: int  # sum of weights, in 1/100 characters

    @property
    def length(self) -> int:
        return self.total // SCALE

    def original_index(self, i: int) -> int:
        return i if self.table is None else self.table[i]


def _plain_weight(text: str) -> int:
    return (len(text) + len(_HEAVY.findall(text))) * SCALE


def weigh(text: str, *, emoji_parsing: bool = True) -> Weighed:
    """``emoji_parsing=False`` is config v2 (each emoji code point weighed on its own)."""
    normal, table = units.nfc_with_map(text)
    entities: list[tuple[int, int, int]] = [(a, c, URL_WEIGHT) for a, _, c in _extract_urls(normal)]
    emoji = _emoji_spans(normal) if emoji_parsing else []
    if emoji:
        # parseTweet visits each index once; a URL starting at an index wins over an emoji
        # there, and anything starting inside an entity already consumed is skipped.
        by_start = {a: (a, b, URL_WEIGHT) for a, b, _ in entities}
        for a, b in emoji:
            by_start.setdefault(a, (a, b, DEFAULT_WEIGHT))
        entities = []
        end = 0
        for a in sorted(by_start):
            if a >= end:
                entities.append(by_start[a])
                end = by_start[a][1]
    pieces: list[tuple[int, int, int]] = []
    total = 0
    pos = 0
    for a, b, w in entities:
        if a > pos:
            weight = _plain_weight(normal[pos:a])
            pieces.append((pos, a, -1))  # -1: plain characters, weighed one by one when needed
            total += weight
        pieces.append((a, b, w))
        total += w
        pos = b
    if pos < len(normal):
        pieces.append((pos, len(normal), -1))
        total += _plain_weight(normal[pos:])
    return Weighed(normal, table, pieces, total)


def char_weight(ch: str) -> int:
    return DEFAULT_WEIGHT if _HEAVY.match(ch) else SCALE


def overflow_index(w: Weighed, limit: int) -> int | None:
    """Index in the original text of the first unit whose weight takes the total past ``limit``
    (what parseTweet reports as validRangeEnd + 1)."""
    if w.total <= limit * SCALE:
        return None
    budget = limit * SCALE
    running = 0
    for a, b, weight in w.pieces:
        if weight >= 0:
            running += weight
            if running > budget:
                return w.original_index(a)
            continue
        piece = w.normal[a:b]
        cost = _plain_weight(piece)
        if running + cost <= budget:  # the whole run fits: no need to weigh it character by character
            running += cost
            continue
        if not _HEAVY.search(piece):  # every character weighs one: the limit falls at a known place
            return w.original_index(a + (budget - running) // SCALE)
        for i in range(a, b):
            running += char_weight(w.normal[i])
            if running > budget:
                return w.original_index(i)
    return None  # pragma: no cover - total said otherwise


def has_invalid_characters(text: str) -> bool:
    return INVALID.search(text) is not None


def parse_tweet(text: str, *, emoji_parsing: bool = True, max_length: int = MAX_LENGTH) -> dict[str, int | bool]:
    """The official ``parseTweet`` result (UTF-16 ranges included), for conformance checks."""
    w = weigh(text, emoji_parsing=emoji_parsing)
    valid = True
    last = 0  # UTF-16 index of the last unit that fits while everything so far is valid
    running = 0
    pos16 = 0
    for a, b, weight in w.pieces:
        steps = [(a, b, weight)] if weight >= 0 else [(i, i + 1, char_weight(w.normal[i]))
                                                       for i in range(a, b)]
        for x, y, wt in steps:
            running += wt
            pos16 += units.utf16_len(w.normal[x:y])
            # parseTweet checks only the unit's last code unit for invalid characters
            valid = valid and not has_invalid_characters(w.normal[y - 1])
            if valid and running <= max_length * SCALE:
                last = pos16 - 1
    length = w.total // SCALE
    text16 = units.utf16_len(text)
    return {
        "weightedLength": length,
        "valid": valid and 0 < length <= max_length,
        "permillage": (w.total * 1000) // (max_length * SCALE),
        "displayRangeStart": 0,
        "displayRangeEnd": text16 - 1 if text16 > 0 else 0,
        "validRangeStart": 0,
        "validRangeEnd": max(last, 0) + text16 - units.utf16_len(w.normal),
    }
