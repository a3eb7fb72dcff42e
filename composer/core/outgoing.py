"""From the officer's Post to the exact OutgoingPost one account receives.

Whether the variant can go at all is the rule book's answer (composer.core.checks), asked before
any request: its first ``block`` finding becomes one translated line (:class:`NotPublishable`)
that the journal records as the reason. Only what rendering alone can tell (a file that is not an
image, a missing video file) is found later, still before any request.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

from composer.core import checks
from composer.core.adapters import (
    Cancelled,
    Capability,
    OutgoingPost,
    PlatformSpec,
    RenderedMedia,
)
from composer.core.i18n import UserError, _
from composer.core.post import MediaRef, Post, ResolvedMedia
from composer.core.post_fields import option_values

if TYPE_CHECKING:  # rendering (Pillow) is imported on first use, not with the engine
    from composer.core.media.render import RenderedVariant

# Renders a post's images for one channel: RenderOnce, or anything shaped like it.
Render = Callable[[Post, PlatformSpec], "RenderedVariant"]

# uuid5 namespace for idempotency keys: the same (post, account) always gets the same key.
_NAMESPACE = uuid.UUID("5b0c3f0e-5a1d-4e55-9a8e-73696172616e")


class NotPublishable(UserError):
    """This post cannot go to this channel as it is; nothing was sent."""


def idempotency_key(post_id: str, account: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{post_id}/{account}"))


def variant_key(post: Post, account: str, spec: PlatformSpec) -> str:
    """Variants may be keyed by the account name (one of two Mastodon accounts) or the channel."""
    return checks.variant_key(post, account, spec)


class RenderOnce:
    """Renders a post's images for every channel of one publish in a single pass (each source
    photo decoded once, however many channels and accounts use it), on first demand; safe to
    call from the accounts' threads. A channel asked for that was not announced is rendered
    then, on its own."""

    def __init__(self, out_dir: Path, media_file: Callable[[MediaRef], Path] | None = None,
                 specs: Iterable[PlatformSpec] = (),
                 cancelled: Callable[[], bool] | None = None,
                 progress: Callable[[float], None] | None = None):
        self.out_dir = out_dir
        self.media_file = media_file or (lambda ref: Path(ref.path))
        self._lock = threading.Lock()
        self._pending: dict[str, PlatformSpec] = {s.id: s for s in specs}
        self._done: dict[str, RenderedVariant | Exception] = {}
        # videos: every announced channel that takes one is shaped in the same pass
        self._video_pending: dict[str, PlatformSpec] = {
            s.id: s for s in self._pending.values() if s.video is not None}
        self._video_done: dict[str, RenderedMedia | Exception] = {}
        self._cancelled = cancelled
        self._progress = progress

    def video(self, post: Post, spec: PlatformSpec, ref: MediaRef, alt: str) -> RenderedMedia:
        """The post's video for ``spec``: shaped with every announced channel in one read of
        the source (one encode per distinct output), on first demand."""
        with self._lock:
            if spec.id not in self._video_done:
                batch = {**self._video_pending, spec.id: spec}
                self._video_pending = {}
                from composer.core.video.outgoing import shape_video

                try:
                    shaped = shape_video(ref, alt, batch.values(), self.out_dir,
                                         media_file=self.media_file, progress=self._progress,
                                         cancelled=self._cancelled)
                    self._video_done.update(shaped)
                except Exception as exc:  # every channel of the batch gets the same answer
                    self._video_done.update({cid: exc for cid in batch})
            value = self._video_done[spec.id]
        if isinstance(value, Exception):
            raise value
        return replace(value, alt=alt)  # the channel's own alt text (variants may differ)

    def __call__(self, post: Post, spec: PlatformSpec) -> RenderedVariant:
        with self._lock:
            if spec.id not in self._done:
                batch = {**self._pending, spec.id: spec}
                self._pending = {}
                from composer.core import media as mediamod

                try:
                    rendered = mediamod.render_variants(post, batch.values(), self.out_dir,
                                                        media_file=self.media_file)
                    self._done.update({cid: rendered[cid] for cid in batch})
                except Exception as exc:  # every channel of the batch gets the same answer
                    self._done.update({cid: exc for cid in batch})
            value = self._done[spec.id]
        if isinstance(value, Exception):
            raise value
        return value


def _video(media: Iterable[ResolvedMedia], spec: PlatformSpec,
           media_file: Callable[[MediaRef], Path] | None) -> RenderedMedia:
    import mimetypes

    ref, alt = next((m.ref, m.alt) for m in media if m.ref.kind == "video")  # the rule book
    path = Path(media_file(ref) if media_file else ref.path)                  # saw exactly one
    if not path.is_file():
        raise NotPublishable(_("The video file is missing: {path}", path=path))
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return RenderedMedia(str(path), mime if mime.startswith("video/") else
                         "application/octet-stream", 0, 0, alt=alt, sha256=ref.sha256 or "")


def build(post: Post, account: str, spec: PlatformSpec, *, out_dir: Path,
          media_file: Callable[[MediaRef], Path] | None = None,
          limit: int | None = None, render: Render | None = None,
          adapter: object | None = None) -> OutgoingPost:
    """The OutgoingPost for ``account`` on ``spec``; images rendered into ``out_dir`` (or by
    ``render(post, spec)``, e.g. a RenderOnce shared by the accounts of one publish).
    ``adapter``: the channel's adapter, for its platform rules (default: the installed one)."""
    return build_checked(post, account, spec, out_dir=out_dir, media_file=media_file,
                         limit=limit, render=render, adapter=adapter)[0]


def build_checked(post: Post, account: str, spec: PlatformSpec, *, out_dir: Path,
                  media_file: Callable[[MediaRef], Path] | None = None,
                  limit: int | None = None, render: Render | None = None,
                  adapter: object | None = None) -> tuple[OutgoingPost, checks.ChannelCheck]:
    """:func:`build`, and what the rule book said about it (the engine journals how many
    findings the post went out with, for the monthly report)."""
    verdict = checks.check(post, account, spec, adapter=adapter, limit=limit)
    if not verdict.ok:
        raise NotPublishable(verdict.blocks[0].message)
    resolved = post.resolve(variant_key(post, account, spec))
    images = [m for m in resolved.media if m.ref.kind == "image"]
    if spec.can(Capability.MANUAL) and len(images) > spec.max_images > 0:
        # sent by hand: the rule book warned that the first ones go, and only they do
        keep = {m.ref.id for m in images[: spec.max_images]}
        post = post.copy()
        post.media = [m for m in post.media if m.kind != "image" or m.id in keep]
        resolved = post.resolve(variant_key(post, account, spec))
        images = images[: spec.max_images]
        render = None  # a shared render holds the whole post; this one renders the first ones
    media: tuple[RenderedMedia, ...] = ()
    videos = [m for m in resolved.media if m.ref.kind == "video"]
    if videos and spec.video is not None:  # the rule book saw exactly one, and no images
        shaper = render if isinstance(render, RenderOnce) else RenderOnce(
            out_dir, media_file, (spec,))
        try:
            media = (shaper.video(post, spec, videos[0].ref, videos[0].alt),)
        except UserError as exc:  # a file that is no usable video: one line, nothing sent
            raise NotPublishable(str(exc)) from None
        except Cancelled:
            raise UserError(_("Cancelled while the video was being prepared; nothing was "
                              "sent")) from None
    elif spec.video_only:  # a plugin's video channel without rules: the file as it is
        media = (_video(resolved.media, spec, media_file or getattr(render, "media_file", None)),)
    elif images:
        rendered = (render or RenderOnce(out_dir, media_file))(post, spec)
        refused = getattr(rendered, "refused", ())
        if refused:  # never drop an image silently: the officer decides
            raise NotPublishable(refused[0].reason)
        media = tuple(rendered)
    schedule = resolved.schedule.astimezone(UTC).isoformat() if resolved.schedule else None
    return OutgoingPost(
        post_id=post.id,
        text=resolved.text,
        parts=verdict.shape.parts,
        media=media,
        title=resolved.title,
        link=resolved.links[0] if resolved.links else None,
        tags=resolved.tags,
        schedule_utc=schedule,
        idempotency_key=idempotency_key(post.id, account),
        options=option_values(spec, resolved.options),
    ), verdict
