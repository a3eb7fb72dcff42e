"""Image renders for the previews, in the background, once per change for every channel.

After an image, crop, focal point or template change (debounced), ONE task renders every chosen
channel's images with the core's single pass (composer.core.media.render_variants) from the
preview proxies: each image decoded once, each distinct output (channels of the same shape and
budget share one) encoded once, and a RenderMemo keeps the outputs by content, so an image that
did not change is neither decoded nor encoded again. Alt text, text and ticking channels change
no pixel: they render nothing (a newly ticked channel shaped like one already shown is served
from the memo). The crop fractions mean the same picture as the full-size render made when
publishing. The work runs on the runner's image lane (one low-priority thread), never ahead of
loading the channels or the draft. Before a channel's images arrive its card shows placeholders
of the shape the render will have (planned first from the proxies' headers, nothing decoded).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger("siaran.gui.renders")

DEBOUNCE_MS = 250


def usable_templates(post) -> None:
    """Drop template choices that cannot be loaded from this snapshot: an unknown or damaged
    template renders without branding rather than failing the whole render."""
    from composer.core.templates import TemplateError, load_template

    names = {post.template} | {v.overrides.get("template") for v in post.variants.values()}
    broken = set()
    for name in names - {None, ""}:
        try:
            load_template(name)
        except (TemplateError, OSError):
            log.warning("template %r could not be loaded", name, exc_info=True)
            broken.add(name)
    if post.template in broken:
        post.template = None
    for variant in post.variants.values():
        if variant.overrides.get("template") in broken:
            variant.overrides["template"] = None


def render_inputs(post, proxies: dict[str, str]) -> tuple:
    """What the preview renders read, as one comparable value (channels aside): while it stays
    the same, there is nothing to render. Text only counts when a template may print it."""
    branded = bool(post.template) or any(v.overrides.get("template") for v in post.variants.values())
    media = tuple((m.id, m.kind, proxies.get(m.id), m.focal, m.fit) for m in post.media)
    variants = tuple(sorted(
        (key, v.enabled, tuple(sorted(v.crops.items(), key=lambda kv: kv[0])), v.overrides.get("template"),
         (v.overrides.get("text"), v.overrides.get("title")) if branded else None)
        for key, v in post.variants.items()
        if branded or v.crops or not v.enabled or "template" in v.overrides))  # else: text only
    words = (post.text, post.title, post.schedule, tuple(sorted(post.fields.items()))) if branded else None
    return media, variants, post.template, words


class MemoBox:
    """Holds the RenderMemo, made on the image worker at the first render: building it loads the
    image engine (Pillow), which must never happen on the GUI thread."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.memo = None

    def get(self):
        if self.memo is None:
            from composer.core.media.memo import RenderMemo

            self.memo = RenderMemo(self.folder)
            self.memo.sweep()  # what earlier runs left beyond the memo's capacity
        return self.memo


def render_previews(ctx, post, specs: list, box: MemoBox, proxies: dict[str, str]) -> dict[str, list[str]] | None:
    """Every channel's preview images in one pass; ``{platform id: [file, ...]}`` in post order.
    First, from the proxies' headers alone, the shape each output will have (progress
    "planned", ``shapes={platform id: [(w, h) | None, ...]}``) for the cards' placeholders."""
    if ctx.cancelled:
        return None  # a newer change already asked for fresh renders
    from composer.core.media import planned_sizes, render_variants
    from composer.core.media.load import describe, open_image

    sizes = {}
    for media_id, path in proxies.items():
        with open_image(path) as im:  # the header only
            info = describe(im, Path(path))
        sizes[media_id] = (info.width, info.height)
    ctx.progress("planned", None, shapes={spec.id: planned_sizes(post, spec, sizes) for spec in specs})
    usable_templates(post)
    memo = box.get()
    rendered = render_variants(post, specs, memo.folder, media_file=lambda ref: Path(proxies[ref.id]),
                               memo=memo, workers=1)
    return {key: [m.path for m in variant] for key, variant in rendered.items()}


class RenderQueue(QObject):
    rendering = Signal(int)  # how many renders are running (0: all done)

    def __init__(self, model, runner, services, parent=None):
        super().__init__(parent)
        self.model, self.runner, self.services = model, runner, services
        self.previews = None
        self.channels: list = []
        self.proxies: dict[str, str] = {}
        self._memo = MemoBox(Path(services.render_dir) / "previews")
        self._tasks: list = []
        self._stopped = False
        self._shown: dict[str, list] = {}  # channel key -> files shown
        self._last: tuple[tuple, dict[str, list]] | None = None  # inputs and files of the last render
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.render_now)
        # media_changed covers added, removed and reordered images and focal points; alt text
        # has its own signal (alt_changed) and needs no render, like the text and the ticks
        for signal in (model.media_changed, model.replaced):
            signal.connect(self.schedule)
        model.template_changed.connect(self.refresh)  # a template saved again under its name
        model.variant_changed.connect(lambda _key: self.schedule())

    def set_channels(self, channels: list) -> None:
        """The chosen channels changed (their cards are new): what is in the memo shows at once
        in the next pass, only new shapes are rendered."""
        self.channels = list(channels)
        self._shown.clear()
        self.schedule()

    def proxy_ready(self, media_id: str, path: str) -> None:
        """An image can be rendered. Once every image of the draft can, at once: nothing the
        officer does is being debounced, the previews are only waiting (a reopened draft)."""
        self.proxies[media_id] = path
        if all(m.id in self.proxies for m in self.model.post.media):
            if not self._stopped:
                self._timer.start(0)
        else:
            self.schedule()

    def refresh(self) -> None:
        """Render again even if the draft did not change: what a render reads from outside it
        changed (a template's file, the office profile's name and logo)."""
        self._last = None
        self.schedule()

    def schedule(self) -> None:
        if self._stopped:
            return
        if self.model.post.media:
            self._timer.start(DEBOUNCE_MS)
        else:
            self.render_now()  # nothing to render: the cards show no images at once

    def stop(self) -> None:
        """The window closes: no new renders, and the running ones are cancelled."""
        self._stopped = True
        self._timer.stop()
        for task in self._tasks:
            task.cancel()

    @property
    def busy(self) -> bool:
        return self._timer.isActive() or bool(self._tasks)

    def render_now(self) -> None:
        self._timer.stop()
        for task in self._tasks:
            task.cancel()
        self._tasks = []
        if self.previews is None or not self.channels:
            return
        post = self.model.post
        snapshot = post.copy()
        snapshot.media = [m for m in snapshot.media if m.id in self.proxies]
        if not snapshot.media:
            for channel in self.channels:
                self._show(channel.key, [])
            return
        specs = list({c.spec.id: c.spec for c in self.channels}.values())
        if any(m.kind == "video" for m in snapshot.media):  # each channel's cover, as it frames it
            self._render_video(snapshot, specs)
            return
        inputs = render_inputs(post, self.proxies)
        if self._last is not None and self._last[0] == inputs and all(s.id in self._last[1] for s in specs):
            self._rendered(None, self._last[1])  # no pixel changed (a tick, a text override)
            return
        task = self.runner.submit_image(render_previews, snapshot, specs, self._memo, dict(self.proxies),
                                        name="render previews")
        task.progressed.connect(lambda step, _f, data, t=task: self._planned(t, step, data))
        task.finished.connect(lambda paths, t=task, i=inputs: self._rendered(t, paths, i))
        task.failed.connect(lambda msg: log.warning("preview render: %s", msg))
        task.done.connect(self._task_done)
        self._tasks.append(task)
        self.rendering.emit(len(self._tasks))

    def _render_video(self, snapshot, specs: list) -> None:
        from composer.gui.media.video_jobs import source_path, video_previews

        sources = {m.id: source_path(self.services.store, m.path, m.sha256)
                   for m in snapshot.media if m.kind == "video"}
        task = self.runner.submit_image(video_previews, snapshot, specs,
                                        Path(self.services.render_dir) / "video-previews", sources,
                                        name="video previews")
        task.finished.connect(lambda paths, t=task: self._rendered(t, paths))
        task.failed.connect(lambda msg: log.warning("video preview: %s", msg))
        task.done.connect(self._task_done)
        self._tasks.append(task)
        self.rendering.emit(len(self._tasks))

    def _task_done(self) -> None:
        self._tasks = [t for t in self._tasks if not t.is_done]
        self.rendering.emit(len(self._tasks))

    def _rendered(self, task, paths, inputs: tuple | None = None) -> None:
        if paths is None or (task is not None and task not in self._tasks):  # superseded
            return
        if inputs is not None:
            self._last = (inputs, paths)
        for channel in self.channels:
            self._show(channel.key, paths.get(channel.spec.id, []))

    def _show(self, key: str, paths: list) -> None:
        if self.previews is None or self._shown.get(key) == paths:
            return
        try:
            self.previews.set_rendered(key, paths)
            self._shown[key] = list(paths)
        except Exception:
            log.exception("previews.set_rendered failed for %s", key)

    def _planned(self, task, step: str, data: dict) -> None:
        """Before the images land: the cards' tiles take the shape the renders will have."""
        if step != "planned" or task not in self._tasks or self.previews is None:
            return
        shapes = data.get("shapes", {})
        for channel in self.channels:
            sizes = shapes.get(channel.spec.id)
            if sizes is not None:
                self.previews.set_shapes(channel.key, [s[0] / s[1] if s else None for s in sizes])
