"""The values the text engine hands out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    """A Bluesky rich-text facet: UTF-8 byte range (end exclusive) and the same range as str
    indices. ``value`` is the link's URI, the mention's handle (to resolve to a DID) or the tag
    without its ``#``."""

    byte_start: int
    byte_end: int
    type: str  # "link" | "mention" | "tag"
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """Something a split must never cut: a URL, a mention or a hashtag (str indices)."""

    kind: str  # "url" | "mention" | "hashtag"
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TextCount:
    """How a channel measures a text. ``length`` is in ``unit``; ``overflow_at`` is the str index
    of the first character beyond the limit (None when it fits); ``problems`` are translated
    one-line findings other than length (too many hashtags or links, forbidden characters)."""

    length: int
    limit: int | None
    fits: bool
    overflow_at: int | None
    unit: str
    graphemes: int | None = None
    bytes: int | None = None
    facets: tuple[Facet, ...] = ()
    problems: tuple[str, ...] = ()
