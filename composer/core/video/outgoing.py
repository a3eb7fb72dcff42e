"""A post's video for the channels of one publish: probed once, shaped once per distinct
output (composer.core.video.shape), with its cover and captions, as RenderedMedia."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from composer.core.adapters import PlatformSpec, RenderedMedia
from composer.core.post import MediaRef
from composer.core.video.burn import cues_key
from composer.core.video.captions import Cue, for_channel, read, within
from composer.core.video.cover import cover_file
from composer.core.video.probe import probe
from composer.core.video.rules import Target, plan
from composer.core.video.shape import merge, shape_all
from composer.core.video.trim import is_trimmed, span, trim_file


def shape_video(ref: MediaRef, alt: str, specs: Iterable[PlatformSpec], out_dir: Path, *,
                media_file: Callable[[MediaRef], Path] | None = None,
                progress: Callable[[float], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> dict[str, RenderedMedia]:
    """Each spec's (by id) video, ready to upload. Raises VideoError / CaptionsError (one
    line) for a file that cannot be used."""
    source = Path(media_file(ref) if media_file else ref.path)
    original = probe(source)
    # the trim is cut first (a copy when its start is a keyframe); every channel is shaped
    # from the part kept, as from any other file
    report = progress or (lambda fraction: None)
    cut = is_trimmed(original, ref.trim_start, ref.trim_end)
    kept = span(original, ref.trim_start, ref.trim_end) if cut else None
    # one scale for the officer: the cut is the first half of the work when there is one
    info = probe(trim_file(original, ref.trim_start, ref.trim_end, out_dir / "video",
                           progress=lambda f: report(f / 2), cancelled=cancelled))
    specs = [s for s in specs if s.video is not None]
    targets: dict[str, Target | None] = {s.id: plan(info, s.video) for s in specs if s.video}
    # Captions burned in for the channels that take no captions file: an encode of its own
    # (the others keep the clean picture and get the file beside it).
    burn: dict[str, list[Cue]] = {}
    burned = {s.id for s in specs if burns(ref, s)}
    if burned:
        cues = read(str(ref.captions))
        if kept is not None:  # the cues on the clock of the part kept
            cues = within(cues, *kept)
        key = cues_key(cues)
        burn[key] = cues
        for spec in specs:
            if spec.id in burned:
                assert spec.video is not None
                target = plan(info, spec.video, encode=True)
                assert target is not None
                targets[spec.id] = replace(target, burn=key)
    targets = merge(targets)
    files = shape_all(info, targets, out_dir / "video",
                      progress=(lambda f: report(0.5 + f / 2)) if cut else report,
                      cancelled=cancelled, burn=burn)
    cover = cover_file(original, out_dir / "video", image=ref.cover, at=ref.cover_at)
    cover_at = None if ref.cover else cover_moment(ref.cover_at or 0.0, kept, info.duration)
    out: dict[str, RenderedMedia] = {}
    for spec in specs:
        assert spec.video is not None
        target = targets[spec.id]
        if target is None or target.remux_only:
            width, height = info.display_width, info.display_height
            mime = info.mime if target is None else "video/mp4"
        else:
            width, height, mime = target.frame_w, target.frame_h, "video/mp4"
        captions = ""
        if ref.captions and spec.video.captions:
            # a trimmed video's file is moved onto its clock, as the burned-in cues are
            sent = for_channel(ref.captions, spec.video.caption_formats,
                               out_dir / "video" / spec.id, span=kept)
            captions = str(sent) if sent else ""
        out[spec.id] = RenderedMedia(str(files[spec.id]), mime, width, height, alt=alt,
                                     sha256=ref.sha256 or "", duration=info.duration,
                                     cover=str(cover), captions=captions, cover_at=cover_at)
    return out


def cover_moment(at: float, kept: tuple[float, float] | None,
                 duration: float) -> float | None:
    """The cover frame's moment on the clock of the video sent (``at`` is on the source's);
    None when the trim left it out."""
    if kept is not None:
        at -= kept[0]
    if at < 0 or at > duration:
        return None
    return round(at, 3)


def burns(ref: MediaRef, spec: PlatformSpec) -> bool:
    """Whether ``spec``'s channel gets the captions drawn into the picture: the officer asked
    for it and the channel takes no captions file."""
    return bool(ref.burn_captions and ref.captions and spec.video is not None
                and not spec.video.captions)
