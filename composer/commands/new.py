"""`siaran new`: write a post file to stdout, so scripts can make posts without the format."""

from __future__ import annotations

import sys
from pathlib import Path

from composer.core import post as post_model
from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    parser.add_argument("--text", required=True, help=_("the post's text"))
    parser.add_argument("--title", default="", help=_("a title (portal, YouTube)"))
    parser.add_argument("--image", action="append", default=[], metavar="PATH[:ALT]",
                        help=_("attach an image, optionally with its alt text (repeatable)"))
    parser.add_argument("--video", action="append", default=[], metavar="PATH",
                        help=_("attach a video (YouTube), sent as it is (repeatable)"))
    parser.add_argument("--to", default="", metavar="ID[,ID...]",
                        help=_("channel ids or account names to publish to"))
    parser.add_argument("--tag", action="append", default=[], help=_("a tag (repeatable)"))


def split_image_arg(value: str) -> tuple[str, str]:
    """PATH[:ALT]. Alt text may hold colons, and so may a path (C:\\ on Windows): the first
    prefix before a colon that names an existing file is the path; failing that, the first colon
    splits."""
    if Path(value).exists() or ":" not in value:
        return value, ""
    cuts = [i for i, ch in enumerate(value) if ch == ":"]
    for i in cuts:
        if Path(value[:i]).is_file():
            return value[:i], value[i + 1:]
    return value[: cuts[0]], value[cuts[0] + 1:]


def run(args) -> int:
    post = post_model.Post(text=args.text, title=args.title, tags=list(args.tag))
    post.channels = [c.strip() for c in args.to.split(",") if c.strip()]
    for value in args.image:
        path, alt = split_image_arg(value)
        if not path:
            raise UserError(_("--image needs a path"))
        if not Path(path).is_file():  # now, not at `check` or `publish` time
            raise UserError(_("No such image file: {path}", path=path))
        # absolute, because the file goes to stdout and its final folder is unknown
        post.media.append(post_model.MediaRef(path=str(Path(path).resolve()), alt=alt))
    for value in args.video:
        if not Path(value).is_file():
            raise UserError(_("No such video file: {path}", path=value))
        post.media.append(post_model.MediaRef(path=str(Path(value).resolve()), kind="video"))
    sys.stdout.write(post_model.dumps(post))
    return 0
