"""From the officer's Post to the exact OutgoingPost one account receives.

Everything a channel would refuse is found here, before any request: text over the limit on a
channel without threads, too many or too few images. The answer is one translated line
(:class:`NotPublishable`) that the journal records as the reason.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC
from pathlib import Path

from composer.core.adapters import OutgoingPost, PlatformSpec, RenderedMedia
from composer.core.i18n import UserError, _
from composer.core.post import MediaRef, Post

# uuid5 namespace for idempotency keys: the same (post, account) always gets the same key.
_NAMESPACE = uuid.UUID("5b0c3f0e-5a1d-4e55-9a8e-73696172616e")


class NotPublishable(UserError):
    """This post cannot go to this channel as it is; nothing was sent."""


def idempotency_key(post_id: str, account: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{post_id}/{account}"))


def variant_key(post: Post, account: str, spec: PlatformSpec) -> str:
    """Variants may be keyed by the account name (one of two Mastodon accounts) or the channel."""
    return account if account in post.variants else spec.id


def shape_text(spec: PlatformSpec, text: str, *, with_media: bool,
               limit: int | None = None) -> tuple[str, tuple[str, ...]]:
    """(text, thread parts): parts only when the channel threads and the text overflows."""
    effective = limit if limit is not None else spec.limit_for(with_media=with_media)
    if effective is None and spec.text_max_bytes is None:
        return text, ()
    from composer.core import text as textmod

    counted = textmod.count(spec, text, with_media=with_media, limit=limit)
    if counted.fits:
        return text, ()
    if with_media and spec.caption_limit is not None and limit is None:
        # Too long for a caption but not for a message: the adapter sends the images, then
        # the text as its own message (Telegram), so the text is never cut.
        if textmod.count(spec, text, with_media=False).fits:
            return text, ()
    if spec.supports_threads:
        parts = tuple(textmod.split(spec, text, limit=limit))
        if len(parts) > 1:
            return text, parts
    raise NotPublishable(_("The text is too long for {channel}: {length} of {limit} {unit}",
                           channel=spec.name, length=counted.length,
                           limit=counted.limit if counted.limit is not None else effective,
                           unit=counted.unit))


class RenderOnce:
    """Renders a post's images for every channel of one publish in a single pass (each source
    photo decoded once, however many channels and accounts use it), on first demand; safe to
    call from the accounts' threads. A channel asked for that was not announced is rendered
    then, on its own."""

    def __init__(self, out_dir: Path, media_file: Callable[[MediaRef], Path] | None = None,
                 specs: Iterable[PlatformSpec] = ()):
        self.out_dir = out_dir
        self.media_file = media_file or (lambda ref: Path(ref.path))
        self._lock = threading.Lock()
        self._pending: dict[str, PlatformSpec] = {s.id: s for s in specs}
        self._done: dict[str, tuple[str, object]] = {}

    def __call__(self, post: Post, spec: PlatformSpec):
        with self._lock:
            if spec.id not in self._done:
                batch = {**self._pending, spec.id: spec}
                self._pending = {}
                from composer.core import media as mediamod

                try:
                    rendered = mediamod.render_variants(post, batch.values(), self.out_dir,
                                                        media_file=self.media_file)
                    self._done.update({cid: ("ok", rendered[cid]) for cid in batch})
                except Exception as exc:  # every channel of the batch gets the same answer
                    self._done.update({cid: ("error", exc) for cid in batch})
            kind, value = self._done[spec.id]
        if kind == "error":
            raise value
        return value


def _video(media, spec: PlatformSpec, media_file) -> RenderedMedia:
    import mimetypes

    videos = [m for m in media if m.ref.kind == "video"]
    if len(videos) != 1:
        raise NotPublishable(_("{channel} publishes one video; this post has {count}",
                               channel=spec.name, count=len(videos)))
    ref = videos[0].ref
    path = Path(media_file(ref) if media_file else ref.path)
    if not path.is_file():
        raise NotPublishable(_("The video file is missing: {path}", path=path))
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return RenderedMedia(str(path), mime if mime.startswith("video/") else
                         "application/octet-stream", 0, 0, alt=videos[0].alt,
                         sha256=ref.sha256 or "")


def build(post: Post, account: str, spec: PlatformSpec, *, out_dir: Path,
          media_file: Callable[[MediaRef], Path] | None = None,
          limit: int | None = None, render: Callable | None = None) -> OutgoingPost:
    """The OutgoingPost for ``account`` on ``spec``; images rendered into ``out_dir`` (or by
    ``render(post, spec)``, e.g. a RenderOnce shared by the accounts of one publish)."""
    key = variant_key(post, account, spec)
    variant = post.variants.get(key)
    if variant is not None and not variant.enabled:
        raise NotPublishable(_("{channel} is switched off for this post", channel=spec.name))
    resolved = post.resolve(key)
    images = [m for m in resolved.media if m.ref.kind == "image"]
    if spec.max_images == 0 and images and not spec.video_only:
        raise NotPublishable(_("{channel} takes no images", channel=spec.name))
    if len(images) > spec.max_images:
        raise NotPublishable(_("{channel} takes at most {n} images; this post has {count}",
                               channel=spec.name, n=spec.max_images, count=len(images)))
    if len(images) < spec.min_images:
        raise NotPublishable(_("{channel} needs at least {n} image(s)",
                               channel=spec.name, n=spec.min_images))
    text, parts = shape_text(spec, resolved.text, with_media=bool(images), limit=limit)
    media: tuple[RenderedMedia, ...] = ()
    if spec.video_only:  # the video goes out untouched, straight from its file
        media = (_video(resolved.media, spec, media_file or getattr(render, "media_file", None)),)
    elif images:
        rendered = (render or RenderOnce(out_dir, media_file))(post, spec)
        refused = getattr(rendered, "refused", ())
        if refused:  # never drop an image silently: the officer decides
            raise NotPublishable(refused[0].reason)
        media = tuple(rendered)
        if spec.alt_text_limit is not None:
            for m in media:
                if len(m.alt) > spec.alt_text_limit:
                    raise NotPublishable(_("An image description is too long for {channel}: "
                                           "{length} of {limit} characters", channel=spec.name,
                                           length=len(m.alt), limit=spec.alt_text_limit))
    schedule = resolved.schedule.astimezone(UTC).isoformat() if resolved.schedule else None
    return OutgoingPost(
        post_id=post.id,
        text=text,
        parts=parts,
        media=media,
        title=resolved.title,
        link=resolved.links[0] if resolved.links else None,
        tags=resolved.tags,
        schedule_utc=schedule,
        idempotency_key=idempotency_key(post.id, account),
    )
