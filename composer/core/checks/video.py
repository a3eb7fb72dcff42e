"""A post's video against one channel's video rules (``PlatformSpec.video``).

The file is probed once (composer.core.video.probe caches by path, size and time), so asking on
every change costs a dictionary look-up. What an encode can fix is ``info`` (``video.reencoded``:
it goes out converted); what no encode fixes (too long, too short, too long to fit the byte limit
at a watchable quality) and a file that is no usable video are ``block``.
"""

from __future__ import annotations

from pathlib import Path

from composer.core.adapters import Finding, PlatformSpec, Severity
from composer.core.i18n import _
from composer.core.post import ResolvedMedia


def video_findings(spec: PlatformSpec, channel: str,
                   media: tuple[ResolvedMedia, ...] | list[ResolvedMedia]) -> list[Finding]:
    from composer.core.video import VideoError, probe, problems

    rules = spec.video
    videos = [m for m in media if m.ref.kind == "video"]
    if rules is None or len(videos) != 1:
        return []  # no video here, or the count is media_findings' business
    video = videos[0]
    found: list[Finding] = []
    if not Path(video.ref.path).exists():
        return []  # a missing file is the render's to report, as for images
    try:
        source = probe(video.ref.path)
    except VideoError as exc:
        return [Finding("video.unreadable", Severity.BLOCK, channel, str(exc),
                        {"path": video.ref.path})]
    from composer.core.video.trim import trimmed

    info = trimmed(source, video.ref.trim_start, video.ref.trim_end)  # what the channel gets
    for p in problems(info, rules, spec.name):
        severity = Severity.INFO if p.fixable else Severity.BLOCK
        found.append(Finding(p.code, severity, channel, p.message, p.params))
    if info.has_location:
        found.append(Finding("video.location_removed", Severity.INFO, channel, _(
            "The place where the video was filmed is removed from the file before it goes"),
            {}))
    if not video.alt.strip():
        found.append(Finding("video.alt_missing", Severity.WARN, channel, _(
            "The video has no description: people who cannot see it will not know what it "
            "shows"), {}))
    captions = video.ref.captions
    if captions:
        if not Path(captions).is_file():
            found.append(Finding("video.captions_missing_file", Severity.BLOCK, channel, _(
                "The captions file is missing: {path}", path=captions), {"path": captions}))
        elif not rules.captions and video.ref.burn_captions:
            found.append(Finding("video.captions_burned", Severity.INFO, channel, _(
                "{channel} takes no captions file: the captions are drawn into the picture",
                channel=spec.name), {}))
        elif not rules.captions:
            found.append(Finding("video.captions_unsupported", Severity.INFO, channel, _(
                "{channel} takes no captions file: the video goes without captions",
                channel=spec.name), {}))
    elif info.has_audio and rules.captions:
        found.append(Finding("video.captions_missing", Severity.WARN, channel, _(
            "The video has sound but no captions: people who cannot hear it will miss what "
            "is said"), {}))
    cover = video.ref.cover
    if cover and not Path(cover).is_file():
        found.append(Finding("video.cover_missing", Severity.BLOCK, channel, _(
            "The cover image is missing: {path}", path=cover), {"path": cover}))
    if video.ref.cover_at is not None and video.ref.cover_at > source.duration:
        found.append(Finding("video.cover_outside", Severity.BLOCK, channel, _(
            "The cover is taken at {at} s, but the video lasts {length} s",
            at=f"{video.ref.cover_at:g}", length=f"{source.duration:.1f}"),
            {"at": video.ref.cover_at, "duration": source.duration}))
    return found
