"""The text engine (composer.core.text) as the previews ask it, with the per-keystroke answers
that every channel shares cached (ten cards ask about the same master text)."""

from __future__ import annotations

from functools import lru_cache

from composer.core.text import Entity, count, detect_facets, split
from composer.core.text import entities as _entities

__all__ = ["Entity", "count", "entities", "split"]

_FACET_KIND = {"link": "url", "mention": "mention", "tag": "hashtag"}


@lru_cache(maxsize=64)
def _text_entities(text: str) -> tuple[Entity, ...]:
    return tuple(_entities(text))


@lru_cache(maxsize=64)
def _facet_entities(text: str) -> tuple[Entity, ...]:
    # Bluesky links only what carries a facet (docs/previews.md §7): style exactly those ranges.
    return tuple(Entity(_FACET_KIND.get(f.type, f.type), f.start, f.end, text[f.start:f.end])
                 for f in sorted(detect_facets(text), key=lambda f: f.start))


def entities(text: str, source: str = "text") -> tuple[Entity, ...]:
    """URLs, mentions and hashtags; ``source="facets"`` gives what Bluesky will make links of."""
    return _facet_entities(text) if source == "facets" else _text_entities(text)
