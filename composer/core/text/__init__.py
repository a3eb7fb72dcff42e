"""Counting and shaping text the way each channel does.

- ``count(spec, text, with_media=False, limit=None) -> TextCount``: length in the channel's unit,
  whether it fits, where the overflow begins, Bluesky facets, and other problems.
- ``split(spec, text, numbering=False, limit=None) -> list[str]``: thread parts
  (``split_parts`` gives each part's body and numbering marker separately).
- ``entities(text) -> list[Entity]``: URLs, mentions and hashtags.
- ``detect_facets(text) -> list[Facet]``: Bluesky facets as @atproto/api detects them.
- ``warm_up()``: compile the big URL and emoji patterns, and the ``regex`` module's, ahead of
  the first keystroke (~60 ms; the GUI calls it off its thread once start-up settled).
"""

from composer.core.text import patterns, twitter
from composer.core.text.bluesky import detect_facets
from composer.core.text.counting import count
from composer.core.text.entities import entities
from composer.core.text.model import Entity, Facet, TextCount
from composer.core.text.split import Part, split, split_parts

__all__ = [
    "Entity",
    "Facet",
    "Part",
    "TextCount",
    "count",
    "detect_facets",
    "entities",
    "split",
    "split_parts",
    "warm_up",
]


def warm_up() -> None:
    twitter.warm_up()
    patterns.warm_up()
