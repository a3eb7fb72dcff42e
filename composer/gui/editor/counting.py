"""Asks the rule book's text rule (composer.core.checks.shape) how each channel takes the text.

The GUI decides nothing here: limits, units, overflow position, problems, thread parts and
whether the text goes as its own message all come from the core, the same answer the engine
acts on. This module only gathers them per channel and converts the overflow position to what
a QTextDocument uses (UTF-16 code units: an emoji is two)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from composer.core.post import Post
from composer.gui.editor.channels import ChannelInfo

if TYPE_CHECKING:  # the text engine loads with the first count, not at start-up
    from composer.core.text import TextCount

log = logging.getLogger("siaran.gui.counting")


@dataclass(frozen=True)
class ChannelCount:
    key: str
    text: str  # the text this channel will use (master or override)
    count: TextCount | None  # None when counting failed (logged; typing goes on)
    parts: tuple[str, ...] = ()  # thread parts when the channel splits a long text
    apart: bool = False  # too long for a caption: goes as its own message after the media
    goes: bool = True  # the rule book's text verdict: it goes as it is, split or apart

    @property
    def fits(self) -> bool:
        """Not blocked by its length (a thread, or a text sent apart, fits)."""
        return self.count is None or self.goes

    @property
    def overflow_at(self) -> int | None:
        """Where the text stops fitting, only when that blocks it."""
        return None if self.count is None or self.goes else self.count.overflow_at


def channel_text(post: Post, key: str) -> str:
    """The text ``key`` publishes: its override, else the master's. The same rule as
    Post.resolve, without building the media list it also returns (this runs per keystroke)."""
    variant = post.variants.get(key)
    return variant.overrides.get("text", post.text) if variant is not None else post.text


def count_channel(post: Post, channel: ChannelInfo) -> ChannelCount:
    resolved_text = channel_text(post, channel.key)
    from composer.core.checks import shape  # loaded with the first count, not at start-up

    with_images = any(m.kind == "image" for m in post.media)  # as the engine counts
    try:
        shaped = shape(channel.spec, resolved_text, with_media=with_images, limit=channel.limit)
    except Exception:  # a counting bug must not stop typing; the log keeps the details
        log.exception("counting failed for %s", channel.key)
        return ChannelCount(channel.key, resolved_text, None)
    return ChannelCount(channel.key, resolved_text, shaped.count, shaped.parts, shaped.apart,
                        shaped.fits)


def utf16_offset(text: str, index: int) -> int:
    """A Python str index as a QTextDocument position (UTF-16 code units)."""
    prefix = text[:index]
    # only characters beyond the BMP take two units; counting them is cheaper than encoding
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)
