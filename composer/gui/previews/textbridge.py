"""The text engine as the previews use it: ``composer.core.text`` when it offers the agreed
functions, otherwise a small stand-in so the previews still draw (plain length, no splitting).

The stand-in only exists so the panel degrades instead of crashing while the text engine is being
built or if it fails to import; it is never the source of truth for limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

try:  # the agreed interface (contracts: composer/core/text/__init__.py)
    from composer.core.text import count as _core_count
    from composer.core.text import entities as _core_entities
    from composer.core.text import split as _core_split
except ImportError:  # pragma: no cover - only while the text engine is missing
    _core_count = _core_entities = _core_split = None

HAVE_CORE_TEXT = _core_entities is not None


@dataclass(frozen=True)
class Entity:
    kind: str  # "url" | "mention" | "hashtag"
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Count:
    length: int
    limit: int | None
    fits: bool
    overflow_at: int | None


_FALLBACK = re.compile(
    r"(?P<url>\bhttps?://[^\s<>\"]+[^\s<>\".,;:!?)\]])"
    r"|(?P<mention>(?<![\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)"
    r"|(?P<hashtag>(?<![\w#&])#\w*[^\W\d_]\w*)"
)


@lru_cache(maxsize=64)
def entities(text: str) -> tuple[Entity, ...]:
    """URLs, mentions and hashtags; cached because every channel asks for the same master text."""
    if _core_entities is not None:
        return tuple(Entity(e.kind, e.start, e.end, e.text) for e in _core_entities(text))
    return tuple(Entity(m.lastgroup, m.start(), m.end(), m.group()) for m in _FALLBACK.finditer(text))


def count(spec, text: str, *, with_media: bool) -> Count:
    if _core_count is not None:
        c = _core_count(spec, text, with_media=with_media)
        return Count(c.length, c.limit, c.fits, c.overflow_at)
    limit = spec.limit_for(with_media=with_media)
    n = len(text)
    fits = limit is None or n <= limit
    return Count(n, limit, fits, None if fits else limit)


def split(spec, text: str) -> list[str]:
    if _core_split is not None:
        return list(_core_split(spec, text))
    return [text]
