"""Asks composer.core.text how each channel counts the text it will publish.

The GUI decides nothing here: limits, units, overflow position, problems and thread parts all
come from the text engine. This module only gathers them per channel and converts the overflow
position to what a QTextDocument uses (UTF-16 code units: an emoji is two)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from composer.core.post import Post
from composer.gui.editor.channels import ChannelInfo

log = logging.getLogger("siaran.gui.counting")


@dataclass(frozen=True)
class ChannelCount:
    key: str
    text: str  # the text this channel will use (master or override)
    count: object | None  # composer.core.text.TextCount; None when counting failed (logged)
    parts: tuple[str, ...] = ()  # thread parts when the channel splits a long text

    @property
    def fits(self) -> bool:
        return self.count is None or bool(self.count.fits)

    @property
    def overflow_at(self) -> int | None:
        return None if self.count is None else self.count.overflow_at


def channel_text(post: Post, key: str) -> str:
    """The text ``key`` publishes: its override, else the master's. The same rule as
    Post.resolve, without building the media list it also returns (this runs per keystroke)."""
    variant = post.variants.get(key)
    return variant.overrides.get("text", post.text) if variant is not None else post.text


def count_channel(post: Post, channel: ChannelInfo) -> ChannelCount:
    resolved_text = channel_text(post, channel.key)
    from composer.core import text as engine  # loaded with the first count, not at start-up

    try:
        result = engine.count(channel.spec, resolved_text, with_media=bool(post.media),
                              limit=channel.limit)
    except Exception:  # a counting bug must not stop typing; the log keeps the details
        log.exception("counting failed for %s", channel.key)
        return ChannelCount(channel.key, resolved_text, None)
    parts: tuple[str, ...] = ()
    if not result.fits and channel.spec.supports_threads:
        try:
            parts = tuple(engine.split(channel.spec, resolved_text, limit=channel.limit))
        except Exception:
            log.exception("splitting failed for %s", channel.key)
    return ChannelCount(channel.key, resolved_text, result, parts)


def utf16_offset(text: str, index: int) -> int:
    """A Python str index as a QTextDocument position (UTF-16 code units)."""
    prefix = text[:index]
    # only characters beyond the BMP take two units; counting them is cheaper than encoding
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)
