"""The text rule: how a channel's text goes out, and what about it deserves a finding.

``shape`` is the one answer to "does this text fit": the engine sends what it says (one post, a
thread, or a caption with the text as its own message), the counters colour their chips from it
and the rule book blocks only when it says the text cannot go. It measures once (the text
engine's count is cached) and splits only when the text overflows a channel that threads, so the
counters can ask it on every keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer.core import text as textmod
from composer.core.adapters import Counting, Finding, PlatformSpec, Severity
from composer.core.i18n import _
from composer.core.text.counting import HUGE_TEXT, count_coded, unit_name
from composer.core.text.split import TooManyParts

# Problems the text engine reports, and how hard each one is by default. An adapter makes one
# harder (or softer) by returning a finding with the same code from its validate().
TEXT_PROBLEM_SEVERITY = {
    "hashtags.too_many": Severity.WARN,  # Threads keeps one topic tag; the rest stay text
    "mentions.too_many": Severity.WARN,
    "links.too_many": Severity.BLOCK,  # Threads refuses a post with more than five
    "text.invalid": Severity.BLOCK,  # characters X refuses, < or > in a YouTube description
}


# Siaran's own bound: a thread longer than this is a mistake (a portal article with a link
# serves the public better), and refusing it needs only the text's head (see split's max_parts),
# as does a text longer than HUGE_TEXT, which overflows every channel that has a limit.
MAX_THREAD_PARTS = 25


@dataclass(frozen=True)
class Shape:
    """How a text goes to one channel. ``count`` is the text engine's measure of it (with the
    caption limit when media goes along); ``parts`` the thread it becomes (empty: one post);
    ``apart``: too long for a caption, so the text goes as its own message after the media."""

    count: textmod.TextCount
    parts: tuple[str, ...] = ()
    apart: bool = False
    fits: bool = True
    problems: tuple[tuple[str, str, dict[str, object]], ...] = ()  # the text engine's, coded (untranslated)
    too_many_parts: bool = False  # a thread, but longer than MAX_THREAD_PARTS
    measured_head: bool = False  # a huge text: ``count`` is of its first HUGE_TEXT characters

    @property
    def over(self) -> bool:
        """Past the limit however it goes (split, or sent apart): worth showing on a counter."""
        return not self.count.fits


def shape(spec: PlatformSpec, text: str, *, with_media: bool,
          limit: int | None = None) -> Shape:
    """``limit`` is an account's own text limit (a Mastodon instance's); None: the spec's."""
    head = len(text) > HUGE_TEXT and spec.counting != Counting.NONE
    counted, problems = count_coded(spec, text[:HUGE_TEXT] if head else text,
                                    with_media=with_media, limit=limit)
    if counted.fits:
        return Shape(counted, problems=problems)
    if with_media and spec.caption_limit is not None and limit is None:
        # Too long for a caption but not for a message: the adapter sends the media, then the
        # text as its own message (Telegram, WhatsApp), so the text is never cut.
        if textmod.count(spec, text, with_media=False).fits:
            return Shape(counted, apart=True, problems=problems)
    if spec.supports_threads:
        try:
            parts = tuple(textmod.split(spec, text, limit=limit, max_parts=MAX_THREAD_PARTS))
        except TooManyParts:
            return Shape(counted, fits=False, problems=problems, too_many_parts=True,
                         measured_head=head)
        if len(parts) > 1:
            return Shape(counted, parts, problems=problems)
    return Shape(counted, fits=False, problems=problems, measured_head=head)


def text_findings(spec: PlatformSpec, channel: str, shaped: Shape) -> list[Finding]:
    counted = shaped.count
    found: list[Finding] = []
    if shaped.too_many_parts:
        found.append(Finding(
            "text.too_long", Severity.BLOCK, channel,
            _("The text is too long for {channel}: it would be a thread of more than {parts} "
              "posts; shorten it, or publish it on the portal and share the link",
              channel=spec.name, parts=MAX_THREAD_PARTS),
            {"length": counted.length, "limit": counted.limit, "unit": counted.unit,
             "max_parts": MAX_THREAD_PARTS, "overflow_at": counted.overflow_at}))
    elif not shaped.fits and shaped.measured_head:
        found.append(Finding(
            "text.too_long", Severity.BLOCK, channel,
            _("The text is too long for {channel}: more than {length} of {limit} {unit}",
              channel=spec.name, length=counted.length, limit=counted.limit,
              unit=unit_name(counted.unit)),
            {"length": counted.length, "limit": counted.limit, "unit": counted.unit,
             "at_least": True, "overflow_at": counted.overflow_at}))
    elif not shaped.fits:
        found.append(Finding(
            "text.too_long", Severity.BLOCK, channel,
            _("The text is too long for {channel}: {length} of {limit} {unit}",
              channel=spec.name, length=counted.length, limit=counted.limit,
              unit=unit_name(counted.unit)),
            {"length": counted.length, "limit": counted.limit, "unit": counted.unit,
             "overflow_at": counted.overflow_at}))
    elif shaped.parts:
        found.append(Finding(
            "text.thread", Severity.INFO, channel,
            _("{channel} gets a thread of {parts} posts", channel=spec.name,
              parts=len(shaped.parts)),
            {"parts": len(shaped.parts), "length": counted.length, "limit": counted.limit}))
    elif shaped.apart:
        found.append(Finding(
            "text.caption_apart", Severity.INFO, channel,
            _("Too long for a caption on {channel}: the text goes as its own message after "
              "the media", channel=spec.name),
            {"length": counted.length, "limit": counted.limit}))
    for code, message, values in shaped.problems:
        params = {k: v for k, v in values.items() if k != "channel"}
        found.append(Finding(code, TEXT_PROBLEM_SEVERITY.get(code, Severity.WARN), channel,
                             _(message, **values), params))
    return found
