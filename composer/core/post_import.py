"""A post file (TOML, as ``siaran new`` writes it) taken in as a draft: its media are copied
into the media store as attaching them in the window would, each image checked and its focal
point estimated once, so the draft no longer depends on where the file's media lie."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from composer.core import post as post_model
from composer.core.i18n import UserError, _
from composer.core.post import Post, PostFileError
from composer.core.store import Store


def open_post_file(store: Store, path: str | Path) -> Post:
    """The post in ``path``, its media stored. Raises PostFileError (one translated line) for a
    file or a medium that cannot be used; nothing is changed then but copies in the store."""
    from composer.core.media import focal_of, inspect

    post = post_model.load(path)
    media = []
    for i, ref in enumerate(post.media, 1):
        try:
            if ref.kind == "image":
                inspect(ref.path)  # a plain reason for an unusable image, before any copy
            sha = store.add_media(ref.path)
            focal = ref.focal
            if ref.kind == "image" and focal is None:
                focal = focal_of(store.paths.media_file(sha))
        except UserError as exc:
            raise PostFileError(_("Medium {n} of the post file cannot be used: {reason}",
                                  n=i, reason=exc)) from None
        media.append(replace(ref, sha256=sha, focal=focal))
    post.media = media
    return post
