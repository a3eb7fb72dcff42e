"""URLs, mentions and hashtags in a text: what a thread split must keep whole, and what the
channel rules count (Instagram's hashtag cap, Threads' link cap).

URLs are twitter-text's (with and without a scheme, the same ones X weighs 23). Mentions take
both the X/Instagram form ``@name`` and the fediverse/Bluesky forms ``@user@domain`` and
``@handle.domain``. Hashtags follow twitter-text's shape: ``#`` or ``＃`` not preceded by a word
character or ``&``, then letters, marks, digits or ``_`` with at least one non-digit.
"""

from __future__ import annotations

from functools import lru_cache

from composer.core.text import twitter
from composer.core.text.model import Entity
from composer.core.text.patterns import LazyPattern

MENTION = LazyPattern(
    r"(?<![\w@/=])[@\uff20][A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?"
    r"(?:@[\w-]+(?:\.[\w-]+)+)?"
)
HASHTAG = LazyPattern(r"(?<![\w&])[#\uff03](?!\ufe0f|\u20e3)[\w\p{M}]*[\p{L}\p{M}_][\w\p{M}]*")


def entities(text: str) -> list[Entity]:
    """Non-overlapping entities in text order; a URL wins over what it contains."""
    return list(_entities(text))


# One keystroke asks this of the same text for every channel (counting, problems, splitting,
# previews): the URL scan is the costly part, so the answer is kept for the texts of late.
@lru_cache(maxsize=64)
def _entities(text: str) -> tuple[Entity, ...]:
    found: list[Entity] = [Entity("url", a, b, text[a:b]) for a, b in twitter.url_spans(text)]
    if "@" in text or "\uff20" in text:
        found += [Entity("mention", m.start(), m.end(), m.group()) for m in MENTION.finditer(text)]
    if "#" in text or "\uff03" in text:
        found += [Entity("hashtag", m.start(), m.end(), m.group()) for m in HASHTAG.finditer(text)]
    found.sort(key=lambda e: (e.start, -e.end))
    kept: list[Entity] = []
    for e in found:
        if not kept or e.start >= kept[-1].end:
            kept.append(e)
    return tuple(kept)
