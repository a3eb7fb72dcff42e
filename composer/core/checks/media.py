"""Images and video: how many a channel takes, what it does with the others, alt text.

Only what the post says is looked at (kinds, counts, alt text), never the files, so the preview
cards can ask on every change. What only rendering can tell (a file that is not an image) stays
a failure of the render.
"""

from __future__ import annotations

from composer.core.adapters import Capability, Finding, PlatformSpec, Severity
from composer.core.i18n import _
from composer.core.post import ResolvedMedia


def takes_images(spec: PlatformSpec) -> bool:
    """Whether images posted here are shown (and so need alt text)."""
    return spec.max_images > 0 and not spec.video_only


def media_findings(spec: PlatformSpec, channel: str,
                   media: tuple[ResolvedMedia, ...] | list[ResolvedMedia]) -> list[Finding]:
    images = [m for m in media if m.ref.kind == "image"]
    videos = [m for m in media if m.ref.kind == "video"]
    found: list[Finding] = []
    name = spec.name
    if spec.video_only:
        if not videos:
            found.append(Finding("video.required", Severity.BLOCK, channel, _(
                "{channel} publishes videos only; this post has none", channel=name), {}))
        elif len(videos) > 1:
            found.append(Finding("video.too_many", Severity.BLOCK, channel, _(
                "{channel} publishes one video; this post has {count}", channel=name,
                count=len(videos)), {"count": len(videos), "limit": 1}))
    elif videos:
        found.append(Finding("video.unsupported", Severity.WARN, channel, _(
            "{channel} does not take videos here: the post goes without it", channel=name),
            {"count": len(videos)}))
    if images and not takes_images(spec):
        found.append(Finding("media.not_accepted", Severity.BLOCK, channel, _(
            "{channel} takes no images; this post has {count}", channel=name,
            count=len(images)), {"count": len(images)}))
    elif len(images) > spec.max_images:
        if spec.can(Capability.MANUAL):  # sent by hand: the first ones go along
            found.append(Finding("media.too_many", Severity.WARN, channel, _(
                "Only the first {limit} image(s) go to {channel}; this post has {count}",
                channel=name, limit=spec.max_images, count=len(images)),
                {"count": len(images), "limit": spec.max_images}))
        else:
            found.append(Finding("media.too_many", Severity.BLOCK, channel, _(
                "{channel} takes at most {limit} images; this post has {count}",
                channel=name, limit=spec.max_images, count=len(images)),
                {"count": len(images), "limit": spec.max_images}))
    if len(images) < spec.min_images:
        message = (_("{channel} needs at least one image", channel=name) if spec.min_images == 1
                   else _("{channel} needs at least {limit} images; this post has {count}",
                          channel=name, limit=spec.min_images, count=len(images)))
        found.append(Finding("media.too_few", Severity.BLOCK, channel, message,
                             {"count": len(images), "limit": spec.min_images}))
    if takes_images(spec):
        shown = images[: spec.max_images]
        missing = [n for n, m in enumerate(shown, 1) if not m.alt.strip()]
        if missing:
            found.append(Finding("media.alt_missing", Severity.WARN, channel, _(
                "{count} image(s) without alt text: people who cannot see them will not know "
                "what they show", count=len(missing)), {"count": len(missing), "images": missing}))
        if spec.alt_text_limit is not None:
            for n, m in enumerate(shown, 1):
                if alt_length(m.alt) > spec.alt_text_limit:
                    found.append(Finding("media.alt_too_long", Severity.BLOCK, channel, _(
                        "The alt text of image {n} is too long for {channel}: {length} of "
                        "{limit} characters", n=n, channel=name, length=alt_length(m.alt),
                        limit=spec.alt_text_limit),
                        {"image": n, "length": alt_length(m.alt), "limit": spec.alt_text_limit}))
    return found


def alt_length(alt: str) -> int:
    """An alt text's length as the channels' alt-text limits count it (characters); the check
    above and the alt-text box's counter both ask here."""
    return len(alt)
