"""Render each channel's images: decode once, crop, brand, resize, encode within the budget.

For every image of the post, the file is decoded ONCE, at the smallest scale that still serves
the largest output (JPEG draft), then every channel's output comes from a small reduce pyramid
(pyramid.py). Outputs that come out identical on several channels (same crop, size and
branding) are drawn and encoded once. Pillow releases the GIL while it resizes and encodes, so
the work runs on a small thread pool.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageFilter

from composer.core.adapters import PlatformSpec, RenderedMedia
from composer.core.disk import full, write_failure
from composer.core.i18n import _
from composer.core.media import crop as crops
from composer.core.media.compose import TextLayout, colour, compose
from composer.core.media.encode import (
    BEST_QUALITY,
    Encoded,
    encode_animation,
    encode_for,
    is_transparent,
    still_mime,
)
from composer.core.media.focal import estimate_focal
from composer.core.media.load import (
    ImageInfo,
    MediaError,
    animation_frames,
    decode,
    describe,
    open_image,
    recycle,
)
from composer.core.media.memo import Output, RenderMemo
from composer.core.media.pyramid import RESAMPLE, Pyramid, plan_resizes, run_resizes
from composer.core.office import OfficeProfile
from composer.core.paths import app_paths
from composer.core.post import Crop, MediaRef, Post
from composer.core.templates import Template, load_template, template_fields

log = logging.getLogger("siaran.media")
WORKERS = min(2, os.cpu_count() or 1)


@dataclass(frozen=True)
class Refusal:
    """An image a channel cannot take, and why (one translated line)."""

    media_id: str
    index: int  # 1-based position in the post
    reason: str


class RenderedVariant(list[RenderedMedia]):
    """The files for one channel (a list of RenderedMedia, in post order) plus what the officer
    should know: ``notes`` (done, but differently than asked) and ``refused`` (not sent)."""

    def __init__(self, channel: str, items: Iterable[RenderedMedia] = ()):
        super().__init__(items)
        self.channel = channel
        self.notes: list[str] = []
        self.refused: list[Refusal] = []
        # output path -> what each text layer shows on it (branded images only)
        self.layouts: dict[str, list[TextLayout]] = {}


# (crop box, output size, branding fingerprint, animated, fit): jobs with equal keys render alike
_Key = tuple[tuple[float, ...], tuple[int, int], str | None, bool, str]
_Frames = tuple[list[Image.Image], list[int], int]  # frames, durations (ms), loop count


@dataclass
class _Job:
    channel: str
    spec: PlatformSpec
    index: int  # 1-based
    ref: MediaRef
    alt: str
    manual: Crop | None
    template: Template | None
    values: dict[str, str]
    out_dir: Path
    animate: bool = False
    # the feed grid cell's shape this image is cropped to (crop.grid_shape); used when composed
    shape: float | None = None
    # filled in once the image is known
    box: tuple[float, float, float, float] = (0, 0, 0, 0)
    size: tuple[int, int] = (0, 0)
    notes: list[str] = field(default_factory=list)
    memo: RenderMemo | None = None  # render_variants' memo=, where outputs are kept
    memo_key: str | None = None  # this output's key in the memo
    layouts: list[TextLayout] = field(default_factory=list)

    @property
    def fit(self) -> str:
        return self.ref.fit

    @property
    def composed(self) -> bool:
        """Drawn on a canvas (a template, or a whole picture on a background) rather than cut."""
        return self.template is not None or bool(self.fit)

    def key(self) -> _Key:
        brand = None
        if self.template is not None and not self.animate:
            blob = repr((self.template.to_dict(), sorted(self.values.items()))).encode()
            brand = hashlib.sha1(blob).hexdigest()
        return (tuple(round(v, 2) for v in self.box), self.size, brand, self.animate, self.fit)


def _default_media_file(ref: MediaRef) -> Path:
    return Path(ref.path)


def render_variant(post: Post, channel_spec: PlatformSpec, out_dir: str | Path, *,
                   media_file: Callable[[MediaRef], Path] = _default_media_file,
                   template: Template | str | None = None,
                   variant_key: str | None = None) -> RenderedVariant:
    """Write every image ``channel_spec`` will upload into ``out_dir``; see RenderedVariant.
    ``variant_key``: the post's variant to use when it is not the channel id (an account name)."""
    keys = {channel_spec.id: variant_key} if variant_key else None
    return render_variants(post, [channel_spec], out_dir, media_file=media_file, template=template,
                           per_channel_dirs=False, variant_keys=keys)[channel_spec.id]


def render_variants(post: Post, specs: Iterable[PlatformSpec], out_dir: str | Path, *,
                    media_file: Callable[[MediaRef], Path] = _default_media_file,
                    template: Template | str | None = None, per_channel_dirs: bool = True,
                    workers: int = WORKERS,
                    variant_keys: dict[str, str] | None = None,
                    office: OfficeProfile | None = None,
                    memo: RenderMemo | None = None) -> dict[str, RenderedVariant]:
    """Every channel's images at once (each source decoded once), in ``out_dir/<channel>/``.
    ``variant_keys`` maps a channel id to the variant holding its crops and overrides, when
    that is not the channel id itself (variants kept under account names). ``office``: whose
    name, logo, handle, zone and language templates use (the saved profile by default). With a
    ``memo`` (memo.py), outputs already rendered are reused without decoding their source, new
    ones are written in the memo's folder (named by content, shared by channels that look
    alike; the text layouts of a branded output come only with a fresh render)."""
    out_dir = Path(out_dir)
    results: dict[str, RenderedVariant] = {}
    jobs_by_file: dict[Path, list[_Job]] = {}
    templates: dict[str, Template] = {}
    for spec in specs:
        result = results[spec.id] = RenderedVariant(spec.id)
        key = (variant_keys or {}).get(spec.id, spec.id)
        variant = post.variants.get(key)
        if variant is not None and not variant.enabled:
            continue
        resolved = post.resolve(key)
        chosen = _template(template if template is not None else resolved.template, templates)
        if chosen is not None and office is None:
            office = OfficeProfile.load(app_paths().config)
        images = [(i, m) for i, m in enumerate(resolved.media, 1) if m.ref.kind == "image"]
        for i, m in enumerate(resolved.media, 1):
            if m.ref.kind != "image":
                result.notes.append(_("Item {n} is a video; videos are sent as they are", n=i))
        sent = min(len(images), spec.max_images)
        for count, (i, m) in enumerate(images, 1):
            reason = _refusal(spec, count, len(images))
            if reason:
                result.refused.append(Refusal(m.ref.id, i, reason))
                continue
            target = out_dir / spec.id if per_channel_dirs else out_dir
            values = template_fields(post, resolved, image=i, office=office) if chosen is not None else {}
            job = _Job(spec.id, spec, i, m.ref, m.alt, m.crop, chosen, values, target, memo=memo,
                       shape=crops.grid_shape(spec, sent, count - 1))
            jobs_by_file.setdefault(Path(media_file(m.ref)), []).append(job)
    placed: dict[str, list[tuple[int, RenderedMedia]]] = {key: [] for key in results}
    with ThreadPoolExecutor(max(1, workers)) as pool:
        for path, jobs in jobs_by_file.items():
            for job, rendered in _render_file(path, jobs, pool, memo):
                results[job.channel].notes.extend(job.notes)
                if rendered is not None:
                    placed[job.channel].append((job.index, rendered))
                    if job.template is not None and not job.animate and job.layouts:
                        results[job.channel].layouts[rendered.path] = job.layouts
    for key, items in placed.items():  # in post order, however the files are named
        results[key].extend(r for _i, r in sorted(items, key=lambda item: item[0]))
    return results


def planned_sizes(post: Post, spec: PlatformSpec,
                  sizes: dict[str, tuple[int, int]]) -> list[tuple[int, int] | None]:
    """The pixel size of each image ``spec`` will get, in post order, planned the way the render
    plans it but without decoding anything: a preview can draw tiles of the right shape before
    the render lands. ``sizes``: each image's (width, height) by media id, after EXIF rotation;
    an image without one gives None; videos and images the channel refuses are left out."""
    variant = post.variants.get(spec.id)
    if variant is not None and not variant.enabled:
        return []
    out: list[tuple[int, int] | None] = []
    count = 0
    images = sum(1 for m in post.media if m.kind == "image")
    for m in post.resolve(spec.id).media:
        if m.ref.kind != "image":
            continue
        count += 1
        if _refusal(spec, count, images):
            continue
        size = sizes.get(m.ref.id)
        if size is None:
            out.append(None)
            continue
        shape = grid_shape_of(post, spec, m.ref.id)
        if m.ref.fit:  # the whole picture on a canvas of the channel's shape, as _plan has it
            out.append(crops.output_size(*crops.fit_canvas(size[0], size[1], spec, shape), spec))
            continue
        chosen, _narrowed = crops.effective_crop(size[0], size[1], m.crop, m.ref.focal, spec, shape)
        box = crops.crop_box(chosen, size[0], size[1])
        out.append(crops.output_size(box[2] - box[0], box[3] - box[1], spec))
    return out


def grid_shape_of(post: Post, spec: PlatformSpec, media_id: str,
                  variant_key: str | None = None) -> float | None:
    """The shape image ``media_id`` takes on ``spec`` because the channel's feed sets the post's
    images in fixed cells (crop.grid_shape), or None. Only a branded or fitted image takes it:
    a plain photo keeps its own shape and the feed crops only its preview."""
    resolved = post.resolve(variant_key or spec.id)
    images = [m for m in resolved.media if m.ref.kind == "image"]
    sent = min(len(images), spec.max_images)
    for index, m in enumerate(images[:sent]):
        if m.ref.id == media_id and (m.ref.fit or resolved.template):
            return crops.grid_shape(spec, sent, index)
    return None


def _template(choice: Template | str | None, cache: dict[str, Template]) -> Template | None:
    if choice is None or isinstance(choice, Template):
        return choice
    if choice not in cache:
        cache[choice] = load_template(choice)
    return cache[choice]


def _refusal(spec: PlatformSpec, count: int, total: int) -> str | None:
    if spec.video_only:
        return _("{channel} publishes only video; the image is not sent", channel=spec.name)
    if spec.max_images <= 0 or still_mime(spec.image_formats) is None:
        return _("{channel} takes no images", channel=spec.name)
    if count > spec.max_images:
        return _("{channel} takes at most {max} images; this one is left out",
                 channel=spec.name, max=spec.max_images)
    return None


# ---------------------------------------------------------------------------------------------


def _render_file(path: Path, jobs: list[_Job], pool: ThreadPoolExecutor,
                 memo: RenderMemo | None = None) -> list[tuple[_Job, RenderedMedia | None]]:
    """Render every job of one source file; yields (job, RenderedMedia | None)."""
    with open_image(path) as im:
        info = describe(im, path)
    still_jobs: list[_Job] = []
    gif_jobs: list[_Job] = []
    for job in jobs:
        wants_gif = info.animated and "image/gif" in job.spec.image_formats
        if wants_gif:
            job.animate = True
            gif_jobs.append(job)
        else:
            if info.animated:
                job.notes.append(_("{channel} does not take animated images; image {n} uses its first frame",
                                   channel=job.spec.name, n=job.index))
            still_jobs.append(job)
    frames = animation_frames(path) if gif_jobs else None
    if gif_jobs and frames is None:
        for job in gif_jobs:
            job.animate = False
            job.notes.append(_("Image {n} has too many frames to animate; its first frame is used", n=job.index))
        still_jobs += gif_jobs
        gif_jobs = []
    results: list[tuple[_Job, RenderedMedia | None]] = []
    if frames is not None:  # (without frames, gif_jobs is empty by now)
        for job in gif_jobs:
            results.append((job, _render_animation(job, info, frames)))
    if still_jobs:
        results += _render_stills(path, info, still_jobs, pool, memo)
    return results


def _plan(job: _Job, info: ImageInfo, focal: tuple[float, float] | None) -> None:
    # A branded or fitted image in a feed grid takes its cell's shape: the feed crops every
    # image to its cell, which would cut the template's text or the fitted picture.
    shape = job.shape if job.composed and not job.animate else None
    if job.fit and not job.animate:  # the whole picture on a canvas of the channel's shape
        job.box = (0.0, 0.0, float(info.width), float(info.height))
        job.size = crops.output_size(*crops.fit_canvas(info.width, info.height, job.spec, shape),
                                     job.spec)
        return
    chosen, narrowed = crops.effective_crop(info.width, info.height, job.manual, focal, job.spec,
                                            shape)
    note = _("The crop of image {n} was narrowed to a shape {channel} accepts",
             n=job.index, channel=job.spec.name)
    if narrowed and note not in job.notes:  # planned again once the focal point is known
        job.notes.append(note)
    job.box = crops.crop_box(chosen, info.width, info.height)
    job.size = crops.output_size(job.box[2] - job.box[0], job.box[3] - job.box[1], job.spec)


def _photo_box(job: _Job, slot: tuple[int, int], focal: tuple[float, float]) -> tuple[float, ...]:
    """The part of the job's crop that fills a template's photo slot (cover fit, around focal)."""
    left, top, right, bottom = job.box
    w, h = right - left, bottom - top
    ratio = slot[0] / slot[1]
    if w / h > ratio:
        w2, h2 = h * ratio, h
    else:
        w2, h2 = w, w / ratio
    fx = min(max(focal[0], left + w2 / 2), right - w2 / 2)
    fy = min(max(focal[1], top + h2 / 2), bottom - h2 / 2)
    return fx - w2 / 2, fy - h2 / 2, fx + w2 / 2, fy + h2 / 2


def _slot_size(job: _Job) -> tuple[int, int] | None:
    if job.template is None:
        return job.size if job.fit else None
    layer = job.template.photo_layer()
    if layer is None:
        return None
    r = job.template.layer_rect(layer, *job.size).box()
    return max(1, r[2] - r[0]), max(1, r[3] - r[1])


def _needed_scale(job: _Job, centre: tuple[float, float]) -> float:
    """Source pixels per original pixel this job needs (1.0: full resolution)."""
    if job.composed:
        slot = _slot_size(job)
        if slot is None:
            return 0.0  # a template without a photo needs no pixels of it
        if job.fit:  # the whole crop, contained in the slot
            return min(slot[0] / max(job.box[2] - job.box[0], 1e-6),
                       slot[1] / max(job.box[3] - job.box[1], 1e-6))
        box = _photo_box(job, slot, centre)
        return slot[0] / max(box[2] - box[0], 1e-6)
    return job.size[0] / max(job.box[2] - job.box[0], 1e-6)


def _recalled(jobs: list[_Job], path: Path,
              memo: RenderMemo) -> tuple[list[tuple[_Job, RenderedMedia]], list[_Job]]:
    """The jobs whose output the memo already holds (as results), and the others."""
    found, missing = [], []
    for job in jobs:
        job.memo_key = memo.key(path, job.key(), job.spec.image_formats, job.spec.max_image_bytes)
        output = memo.get(job.memo_key)
        if output is None:
            missing.append(job)
            continue
        if output.shrunk and job.spec.max_image_bytes is not None:
            job.notes.append(_shrunk_note(job))
        found.append((job, output.as_rendered(job.alt)))
    return found, missing


def _render_stills(path: Path, info: ImageInfo, jobs: list[_Job], pool: ThreadPoolExecutor,
                   memo: RenderMemo | None = None) -> list[tuple[_Job, RenderedMedia]]:
    centre = (0.5 * info.width, 0.5 * info.height)
    known = next((j.ref.focal for j in jobs if j.ref.focal), None)
    if known is None and memo is not None:
        known = memo.focal(path)
    for job in jobs:
        _plan(job, info, job.ref.focal or known)
    recalled: list[tuple[_Job, RenderedMedia]] = []
    if memo is not None and (known is not None or all(j.manual is not None for j in jobs)):
        recalled, jobs = _recalled(jobs, path, memo)  # every output's shape is known: look up
        if not jobs:
            return recalled  # nothing new for this image: not even decoded
    scale = min(1.0, max(_needed_scale(job, centre) for job in jobs) * 1.0001)
    decoded = decode(path, scale)
    if memo is not None:
        memo.counted(decodes=1)
    pyramid = Pyramid(decoded.image, info)
    # The levels depend on the crops' sizes, not on where they sit: a worker reduces while this
    # thread looks for the focal point.
    needed = {Pyramid.level_for(decoded.scale / n) for j in jobs if (n := _needed_scale(j, centre)) > 0}
    levels = [pool.submit(pyramid.level, k) for k in sorted(needed) if k > 1]
    focal = known
    if focal is None and any(j.manual is None for j in jobs):
        base = decoded.image
        focal = estimate_focal(base.reduce(max(1, base.width // 256)))
        for job in jobs:
            _plan(job, info, focal)
        if memo is not None:
            memo.remember_focal(path, focal)
    if memo is not None and not recalled and all(j.memo_key is None for j in jobs):
        recalled, jobs = _recalled(jobs, path, memo)  # the shapes are known only now
        if not jobs:
            recycle(decoded.image)
            for level in levels:
                level.result()
            return recalled
    focal_px = ((focal or (0.5, 0.5))[0] * info.width, (focal or (0.5, 0.5))[1] * info.height)
    same: dict[_Key, list[_Job]] = {}  # identical outputs on several channels: drawn once
    for job in jobs:
        same.setdefault(job.key(), []).append(job)
    branded = [g for g in same.values() if g[0].composed]
    plain = [(g[0].box, g[0].size, g) for g in same.values() if not g[0].composed]
    tasks = [pool.submit(_render_branded, group, pyramid, focal_px) for group in branded]
    for work, image in run_resizes(plan_resizes(plain), pyramid, pool):
        for group, offset in work.users:
            tasks.append(pool.submit(_cut_and_encode, group, image, offset))
    results: list[tuple[_Job, RenderedMedia]] = list(recalled)
    for task in tasks:
        results.extend(task.result())
    for level in levels:
        level.result()
    recycle(decoded.image)  # every output is its own copy now; the next render decodes into it
    return results


def _cut_and_encode(group: list[_Job], image: Image.Image,
                    offset: tuple[int, int]) -> list[tuple[_Job, RenderedMedia]]:
    w, h = group[0].size
    if image.size != (w, h):
        image = image.crop((offset[0], offset[1], offset[0] + w, offset[1] + h))
    return _encode_group(group, image)


def _render_branded(group: list[_Job], pyramid: Pyramid,
                    focal_px: tuple[float, float]) -> list[tuple[_Job, RenderedMedia]]:
    first = group[0]

    def photo(slot: tuple[int, int]) -> Image.Image:
        if first.fit:
            return _fitted(first, pyramid, slot)
        return pyramid.resize(_photo_box(first, slot, focal_px), slot)

    if first.template is None:  # "fit" without a template: the padded picture is the image
        return _encode_group(group, photo(first.size))
    layouts: list[TextLayout] = []
    image = compose(first.template, first.size, photo, first.values, record=layouts)
    for job in group:
        job.layouts = layouts
    return _encode_group(group, image)


def _fitted(job: _Job, pyramid: Pyramid, slot: tuple[int, int]) -> Image.Image:
    """The whole crop contained in ``slot``, on the template's background ("pad") or on a
    blurred, cover-fitted copy of itself ("blur")."""
    left, top, right, bottom = job.box
    w, h = right - left, bottom - top
    scale = min(slot[0] / w, slot[1] / h)
    inner = (max(1, round(w * scale)), max(1, round(h * scale)))
    if job.fit == "blur":
        centre = ((left + right) / 2, (top + bottom) / 2)
        small = (max(1, slot[0] // 8), max(1, slot[1] // 8))  # blurred anyway: drawn small
        cover = pyramid.resize(_photo_box(job, small, centre), small)
        canvas = cover.convert("RGB").filter(ImageFilter.GaussianBlur(max(2, min(small) // 12)))
        canvas = canvas.resize(slot, Image.Resampling.BILINEAR).convert("RGBA")
    else:
        background = job.template.background if job.template is not None else "#ffffff"
        canvas = Image.new("RGBA", slot, colour(background))
    picture = pyramid.resize(job.box, inner).convert("RGBA")
    canvas.alpha_composite(picture, ((slot[0] - inner[0]) // 2, (slot[1] - inner[1]) // 2))
    return canvas


def _encode_group(group: list[_Job], image: Image.Image) -> list[tuple[_Job, RenderedMedia]]:
    encoded: list[tuple[str | None, int | None, Encoded]] = []
    transparent = is_transparent(image)
    out = []
    written: dict[int, RenderedMedia] = {}  # id(Encoded) -> its file
    for job in group:
        budget = job.spec.max_image_bytes
        mime = still_mime(job.spec.image_formats, transparent)
        done = next((e for m, b, e in encoded if m == mime and _reusable(e, m, b, budget)), None)
        if done is None:
            done = encode_for(image, job.spec.image_formats, budget)
            encoded.append((mime, budget, done))
            if job.memo is not None:
                job.memo.counted(encodes=1)
        if done.shrunk and budget is not None:  # only a budget makes it shrink
            job.notes.append(_shrunk_note(job))
        shared = written.get(id(done)) if job.memo is not None else None
        if shared is None:
            written[id(done)] = rendered = _write(job, done)
        else:  # the memo's files are by content: channels sharing an encoding share the file
            rendered = dataclasses.replace(shared, alt=job.alt)
            _remember(job, rendered, done)
        out.append((job, rendered))
    return out


def _shrunk_note(job: _Job) -> str:
    budget = job.spec.max_image_bytes or 0
    return _("Image {n} was made smaller to fit the {mb} MB limit of {channel}",
             n=job.index, mb=f"{budget / 1e6:g}", channel=job.spec.name)


def _reusable(done: Encoded, mime: str | None, had: int | None, wants: int | None) -> bool:
    """An encoding made for one budget serves another when nothing was given up for the first
    (best quality, full size, the format asked for) and it fits the second."""
    if had == wants:
        return True
    if done.shrunk or done.mime != mime or done.quality not in (None, BEST_QUALITY):
        return False
    return wants is None or len(done.data) <= wants


def _render_animation(job: _Job, info: ImageInfo, frames: _Frames) -> RenderedMedia | None:
    images, durations, loop = frames
    _plan(job, info, job.ref.focal)
    if job.manual is None and crops.accepts(job.spec, info.aspect):
        job.box = (0, 0, info.width, info.height)  # animations keep their own shape when allowed
        job.size = crops.output_size(info.width, info.height, job.spec)
    if job.template is not None:
        job.notes.append(_("Templates are not applied to animated image {n}", n=job.index))
    sx, sy = images[0].width / info.width, images[0].height / info.height
    box = (job.box[0] * sx, job.box[1] * sy, job.box[2] * sx, job.box[3] * sy)
    resized = [frame.resize(job.size, RESAMPLE, box=box) for frame in images]
    encoded = encode_animation(resized, durations, loop)
    budget = job.spec.max_image_bytes
    if budget is not None and len(encoded.data) > budget:
        job.notes.append(_("The animation of image {n} is too large for {channel}; its first frame is used",
                           n=job.index, channel=job.spec.name))
        encoded = encode_for(resized[0], job.spec.image_formats, budget)
    return _write(job, encoded)


def _write(job: _Job, encoded: Encoded) -> RenderedMedia:
    memo = job.memo
    if memo is not None and job.memo_key is not None:
        target = memo.target(job.memo_key, encoded.extension)
    else:
        target = job.out_dir / f"{job.index:02d}-{job.ref.id}.{encoded.extension}"
    tmp = target.with_suffix(target.suffix + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(encoded.data)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):  # never a half-written file left behind
            tmp.unlink(missing_ok=True)
        if full(exc):
            raise write_failure(exc, job.out_dir) from None
        raise MediaError(_("Cannot write {path}: {error}", path=target, error=exc.strerror or exc)) from None
    rendered = RenderedMedia(path=str(target), mime=encoded.mime, width=encoded.width,
                             height=encoded.height, alt=job.alt,
                             sha256=hashlib.sha256(encoded.data).hexdigest())
    _remember(job, rendered, encoded)
    return rendered


def _remember(job: _Job, rendered: RenderedMedia, encoded: Encoded) -> None:
    if job.memo is not None and job.memo_key is not None:
        job.memo.put(job.memo_key, Output(rendered.path, rendered.mime, rendered.width,
                                          rendered.height, rendered.sha256, encoded.shrunk))


__all__ = ["Refusal", "RenderedVariant", "grid_shape_of", "planned_sizes", "render_variant", "render_variants"]
