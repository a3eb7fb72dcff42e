"""Pre-publish checks of one post on one channel: text length (a thread where the channel has
threads, as composer.core.outgoing will send it), the channel's text rules, images and titles.

Each finding is one translated line; ``ok`` is False when the channel would refuse the post.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer.core import text as textmod
from composer.core.adapters import PlatformSpec
from composer.core.i18n import _
from composer.core.post import Post


@dataclass(frozen=True)
class ChannelCheck:
    channel: str  # the channel id or account name the post names
    spec: PlatformSpec
    count: textmod.TextCount
    parts: int  # thread parts the text becomes (1: a single post)
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_channel(post: Post, channel: str, spec: PlatformSpec, *,
                  limit: int | None = None) -> ChannelCheck:
    resolved = post.resolve(channel if channel in post.variants else spec.id)
    with_media = bool(resolved.media)
    counted = textmod.count(spec, resolved.text, with_media=with_media, limit=limit)
    problems = list(counted.problems)
    parts = 1
    if not counted.fits:
        if spec.supports_threads:
            parts = len(textmod.split(spec, resolved.text, limit=limit or counted.limit))
        else:
            problems.append(_(
                "Text too long for {channel}: {length} of {limit} {unit}; "
                "the excess starts at character {position}",
                channel=spec.name, length=counted.length, limit=counted.limit, unit=counted.unit,
                position=(counted.overflow_at or 0) + 1))
    problems += _media_problems(spec, resolved.media)
    problems += _title_problems(spec, resolved.title)
    return ChannelCheck(channel, spec, counted, parts, tuple(problems))


def _media_problems(spec: PlatformSpec, media) -> list[str]:
    problems = []
    images = [m for m in media if m.ref.kind == "image"]
    videos = [m for m in media if m.ref.kind == "video"]
    if spec.video_only and not videos:
        problems.append(_("{channel} publishes videos only; this post has none", channel=spec.name))
    elif not spec.video_only and len(images) > spec.max_images:
        problems.append(_("{channel} takes at most {limit} images; this post has {count}",
                          channel=spec.name, limit=spec.max_images, count=len(images)))
    if len(images) < spec.min_images:
        problems.append(_("{channel} needs at least one image", channel=spec.name))
    if spec.alt_text_limit is not None:
        for n, m in enumerate(media, 1):
            if len(m.alt) > spec.alt_text_limit:
                problems.append(_("Alt text of image {n} is too long for {channel}: "
                                  "{length} of {limit} characters", n=n, channel=spec.name,
                                  length=len(m.alt), limit=spec.alt_text_limit))
    return problems


def _title_problems(spec: PlatformSpec, title: str) -> list[str]:
    if spec.title_limit is None:
        return []
    problems = []
    if len(title) > spec.title_limit:  # YouTube: 100 characters
        problems.append(_("Title too long for {channel}: {length} of {limit} characters",
                          channel=spec.name, length=len(title), limit=spec.title_limit))
    if "<" in title or ">" in title:
        problems.append(_("{channel} does not allow < or > in the title", channel=spec.name))
    return problems
