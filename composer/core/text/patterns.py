"""Patterns of the third-party ``regex`` module (grapheme clusters, ``\\p{...}`` classes),
compiled the first time they are used.

Importing ``regex`` and compiling these costs ~10 ms. Counting an empty text, or one with no
hashtag, mention or emoji, never needs them, so the window's first count at start-up (an empty
draft) does without; ``warm_up()`` compiles them all off the GUI thread once start-up settles.
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_all: list[LazyPattern] = []


class LazyPattern:
    """Stands for ``regex.compile(source, flags)``: any attribute (``finditer``, ``search``,
    ``sub`` ...) is the compiled pattern's."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0):
        self._source, self._flags = source, flags
        self._compiled: Any = None
        _all.append(self)

    def compiled(self) -> Any:
        if self._compiled is None:
            with _lock:  # two threads asking at once compile it once
                if self._compiled is None:
                    import regex

                    self._compiled = regex.compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)


def warm_up() -> None:
    for pattern in list(_all):
        pattern.compiled()
