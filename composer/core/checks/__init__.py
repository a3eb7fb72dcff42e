"""The rule book: the one place that decides whether a channel's variant of a post can go out.

``check(post, channel, spec)`` answers with :class:`~composer.core.adapters.Finding` s, each with
a stable code (``text.too_long``, ``media.too_many``, ``media.alt_missing`` ...; the list is in
docs/checks.md), a severity and a translated message:

- ``block``: the engine refuses this channel before any request (``outgoing.build`` raises
  NotPublishable with the first block's message), the publish dialog unticks it;
- ``warn``: it goes out; the officer should look;
- ``info``: how it goes out (a thread, the text apart from the photos ...).

The engine, ``siaran check``, the publish dialog, the preview cards and the counters all ask
here; nothing else decides. Adapters add their platform's rules through ``validate()`` (the
Validating protocol); a finding an adapter returns replaces the rule book's own finding of the
same code, so a platform can make a general rule stricter or softer where it knows better.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import cast

from composer.core.adapters import Finding, PlatformSpec, Severity, Validating
from composer.core.checks.media import media_findings, takes_images, takes_video
from composer.core.checks.meta import (
    empty_findings,
    schedule_findings,
    title_findings,
)
from composer.core.checks.text import Shape, shape, text_findings
from composer.core.checks.video import video_findings
from composer.core.i18n import _
from composer.core.post import Post, Resolved
from composer.core.text import TextCount

__all__ = ["ChannelCheck", "Finding", "Severity", "Shape", "adapter_for", "check",
           "check_resolved", "media_findings", "shape", "variant_key"]

_ORDER = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class ChannelCheck:
    """What the rule book says about one channel: the text's shape and every finding."""

    channel: str  # the channel id or account name the post names
    spec: PlatformSpec
    shape: Shape
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """Nothing blocks: the engine will send it."""
        return not any(f.blocks for f in self.findings)

    @property
    def blocks(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.blocks)

    @property
    def count(self) -> TextCount:
        return self.shape.count

    @property
    def parts(self) -> int:
        """Posts the text becomes (1: a single post)."""
        return len(self.shape.parts) or 1

    def of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == severity)


def variant_key(post: Post, channel: str, spec: PlatformSpec) -> str:
    """Variants may be keyed by the account name (one of two Mastodon accounts) or the channel."""
    return channel if channel in post.variants else spec.id


@lru_cache(maxsize=64)
def adapter_for(spec: PlatformSpec) -> object | None:
    """The installed adapter for ``spec``'s platform, made for this very spec (an instance's own
    limits), to ask for its platform rules; None when no plugin provides it."""
    from composer.core.registry import default_registry

    registry = default_registry()
    if spec.id not in registry:
        return None
    platform = registry.get(spec.id)
    return platform.adapter(spec) if platform.adapter is not None else None


def check(post: Post, channel: str, spec: PlatformSpec, *, adapter: object | None = None,
          limit: int | None = None, now: datetime | None = None,
          platform_rules: bool = True, suggest: bool = False) -> ChannelCheck:
    """Everything the rule book finds about ``post`` on ``channel`` (an account name or a
    channel id; its variant is used when the post has one). ``limit`` is the account's own text
    limit; ``adapter`` the channel's adapter (default: the installed one for ``spec``)."""
    key = variant_key(post, channel, spec)
    variant = post.variants.get(key)
    if variant is not None and not variant.enabled:
        off = Finding("channel.off", Severity.BLOCK, channel, _(
            "{channel} is switched off for this post", channel=spec.name), {})
        counted = shape(spec, "", with_media=False, limit=limit)
        return ChannelCheck(channel, spec, counted, (off,))
    if adapter is None and platform_rules:
        adapter = adapter_for(spec)
    return check_resolved(post.resolve(key), channel, spec,
                          adapter=adapter if platform_rules else None, limit=limit, now=now,
                          suggest=suggest)


def check_resolved(resolved: Resolved, channel: str, spec: PlatformSpec, *,
                   adapter: object | None = None, limit: int | None = None,
                   now: datetime | None = None, governance: bool = True,
                   suggest: bool = False) -> ChannelCheck:
    """``governance``: also the office's gov.* rules (personal data, marks ...; see
    composer.core.checks.gov), read from this installation's rule set; ``suggest``: with
    spelling suggestions (slow: for the CLI and background scans, never per keystroke)."""
    images = [m for m in resolved.media if m.ref.kind == "image"]
    videos = [m for m in resolved.media if m.ref.kind == "video"]
    with_media = bool(images) or (bool(videos) and takes_video(spec))
    shaped = shape(spec, resolved.text, with_media=with_media, limit=limit)
    media_goes = (bool(images) and takes_images(spec)) or (bool(videos) and takes_video(spec))
    found: list[Finding] = []
    found += empty_findings(spec, channel, resolved, media_goes)
    found += text_findings(spec, channel, shaped)
    found += media_findings(spec, channel, resolved.media)
    found += video_findings(spec, channel, resolved.media)
    found += title_findings(spec, channel, resolved.title)
    found += schedule_findings(spec, channel, resolved, len(shaped.parts) or 1, now)
    if governance:
        # imported here: the governance rules (personal data, the dictionary, the holiday
        # calendar) are not loaded by a window that only counts text, until they are asked
        from composer.core.checks.gov import gov_findings

        found += gov_findings(resolved, channel, suggest=suggest)
    if adapter is not None and _validates(type(adapter)):
        found = _merge(found, cast(Validating, adapter).validate(resolved), channel)
    found.sort(key=lambda f: _ORDER[f.severity])  # stable: the rule book's order within each
    return ChannelCheck(channel, spec, shaped, tuple(found))


_VALIDATES: dict[type, bool] = {}


def _validates(cls: type) -> bool:
    """isinstance(adapter, Validating), once per adapter class: a Protocol isinstance check
    costs tens of microseconds, and the previews ask per card per keystroke."""
    if cls not in _VALIDATES:
        _VALIDATES[cls] = issubclass(cls, Validating)
    return _VALIDATES[cls]


def _merge(own: list[Finding], platform: Iterable[Finding], channel: str) -> list[Finding]:
    """The platform's findings join the rule book's; one with the same code replaces ours."""
    theirs = [f if f.channel == channel else Finding(f.code, f.severity, channel, f.message,
                                                     f.params) for f in platform]
    codes = {f.code for f in theirs}
    return [f for f in own if f.code not in codes] + theirs


def first_block(result: ChannelCheck) -> Finding | None:
    return next(iter(result.blocks), None)
