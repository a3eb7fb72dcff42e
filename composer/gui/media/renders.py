"""Image renders for the previews, in the background.

After an image, crop, focal point or template change (debounced), each chosen channel's images
are rendered by composer.core.media.render_variant from the preview proxies (fast, and the crop
fractions mean the same picture as the full-size render made when publishing). A newer change
cancels the renders still running. The image engine is imported on the worker, at the first
render, not at start-up."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from composer.core.post import MediaRef

log = logging.getLogger("siaran.gui.renders")

DEBOUNCE_MS = 250


def load_template(name: str | None):
    """The template object render_variant wants, or None (no template, or none by that name)."""
    if not name:
        return None
    from composer.core.templates import TemplateError
    from composer.core.templates import load_template as load

    try:
        return load(name)
    except (TemplateError, OSError):  # an unknown or damaged template renders without branding
        log.warning("template %r could not be loaded", name, exc_info=True)
        return None


def render_channel(ctx, post, key: str, spec, out_dir: Path, proxies: dict[str, str]) -> list[str] | None:
    if ctx.cancelled:
        return None  # a newer change already asked for fresh renders

    def media_file(ref: MediaRef) -> Path:
        return Path(proxies.get(ref.id) or ref.path)

    out_dir.mkdir(parents=True, exist_ok=True)
    # Crops live under the platform id, as the publish engine renders them (once per network,
    # whatever the account): the preview shows exactly what will be uploaded.
    from composer.core.media import render_variant

    template = load_template(post.resolve(key).template)
    rendered = render_variant(post, spec, out_dir, media_file=media_file, template=template)
    return [m.path for m in rendered]


class RenderQueue(QObject):
    rendering = Signal(int)  # how many renders are running (0: all done)

    def __init__(self, model, runner, services, parent=None):
        super().__init__(parent)
        self.model, self.runner, self.services = model, runner, services
        self.previews = None
        self.channels: list = []
        self.proxies: dict[str, str] = {}
        self._tasks: list = []
        self._stopped = False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.render_now)
        for signal in (model.media_changed, model.template_changed, model.replaced):
            signal.connect(self.schedule)
        model.variant_changed.connect(lambda _key: self.schedule())

    def set_channels(self, channels: list) -> None:
        self.channels = list(channels)
        self.schedule()

    def proxy_ready(self, media_id: str, path: str) -> None:
        self.proxies[media_id] = path
        self.schedule()

    def schedule(self) -> None:
        if not self._stopped:
            self._timer.start()

    def stop(self) -> None:
        """The window closes: no new renders, and the running ones are cancelled."""
        self._stopped = True
        self._timer.stop()
        for task in self._tasks:
            task.cancel()

    def render_now(self) -> None:
        self._timer.stop()
        for task in self._tasks:
            task.cancel()
        self._tasks = []
        if self.previews is None:
            return
        post = self.model.post
        media = [m for m in post.media if m.id in self.proxies]
        for channel in self.channels:
            if not media:
                self._show(channel.key, [self.proxies.get(m.id) for m in post.media])
                continue
            snapshot = post.copy()
            snapshot.media = [m for m in snapshot.media if m.id in self.proxies]
            out_dir = Path(self.services.render_dir) / post.id / channel.key
            task = self.runner.submit(render_channel, snapshot, channel.key, channel.spec, out_dir,
                                      dict(self.proxies), name=f"render {channel.key}")
            task.finished.connect(lambda paths, key=channel.key, t=task: self._rendered(t, key, paths))
            task.failed.connect(lambda msg, key=channel.key: log.warning("render %s: %s", key, msg))
            task.done.connect(self._task_done)
            self._tasks.append(task)
        self.rendering.emit(len(self._tasks))

    def _task_done(self) -> None:
        self._tasks = [t for t in self._tasks if not t.is_done]
        self.rendering.emit(len(self._tasks))

    def _rendered(self, task, key: str, paths) -> None:
        if paths is not None and task in self._tasks:  # not superseded by a newer change
            self._show(key, paths)

    def _show(self, key: str, paths: list) -> None:
        if self.previews is None:
            return
        try:
            self.previews.set_rendered(key, paths)
        except Exception:
            log.exception("previews.set_rendered failed for %s", key)
