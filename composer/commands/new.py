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
    parser.add_argument("--video", default=None, metavar="PATH[:DESCRIPTION]",
                        help=_("attach one video, optionally with its description (alt text); "
                               "a post carries images or one video"))
    parser.add_argument("--captions", default=None, metavar="FILE",
                        help=_("the video's captions (SRT or WebVTT)"))
    parser.add_argument("--burn-captions", action="store_true",
                        help=_("draw the captions into the picture for the channels that take "
                               "no captions file"))
    cover = parser.add_mutually_exclusive_group()
    cover.add_argument("--cover", default=None, metavar="IMAGE", help=_("the video's cover image"))
    cover.add_argument("--cover-at", default=None, type=float, metavar="SECONDS",
                       help=_("use the video's frame at SECONDS as its cover"))
    parser.add_argument("--trim", default=None, metavar="START:END",
                        help=_("send only the part of the video from START to END seconds "
                               "(either may be empty: 5: or :30); a start on a keyframe is cut "
                               "without re-encoding"))
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
    if args.video is not None:
        post.media.append(_video(args))
    elif args.captions or args.cover or args.cover_at is not None or args.trim \
            or args.burn_captions:
        raise UserError(_("--captions, --cover and --cover-at need --video"))
    sys.stdout.write(post_model.dumps(post))
    return 0


def _video(args) -> post_model.MediaRef:
    """The video, probed now so a file that is no video is one line here, not at publish."""
    from composer.core.video import probe

    if args.image:
        raise UserError(_("A post carries images or one video, not both: remove the images or "
                          "the video"))
    path, description = split_image_arg(args.video)
    if not path:
        raise UserError(_("--video needs a path"))
    info = probe(path)  # VideoError: one line, exit 2
    if args.cover_at is not None and not 0 <= args.cover_at <= info.duration:
        raise UserError(_("--cover-at must be between 0 and {length} seconds",
                          length=f"{info.duration:.1f}"))
    captions = None
    if args.captions:
        from composer.core.video.captions import read

        if not args.captions.lower().endswith(post_model.CAPTION_SUFFIXES):
            raise UserError(_("The captions must be an SRT or WebVTT file (.srt, .vtt)"))
        read(args.captions)  # CaptionsError: one line
        captions = str(Path(args.captions).resolve())
    if args.burn_captions and not captions:
        raise UserError(_("--burn-captions needs --captions"))
    cover = None
    if args.cover:
        if not Path(args.cover).is_file():
            raise UserError(_("No such cover image: {path}", path=args.cover))
        cover = str(Path(args.cover).resolve())
    start, end = _trim(args.trim, info.duration) if args.trim else (None, None)
    return post_model.MediaRef(path=str(Path(path).resolve()), alt=description, kind="video",
                               cover=cover, cover_at=args.cover_at, captions=captions,
                               burn_captions=bool(args.burn_captions),
                               trim_start=start, trim_end=end)


def _trim(text: str, duration: float) -> tuple[float | None, float | None]:
    """--trim START:END in seconds, inside the video and in order."""
    head, sep, tail = text.partition(":")
    try:
        start = float(head) if head.strip() else None
        end = float(tail) if tail.strip() else None
    except ValueError:
        start = end = -1.0
    if (not sep or (start is not None and not 0 <= start < duration)
            or (end is not None and not 0 < end <= duration)
            or (start is not None and end is not None and end <= start)):
        raise UserError(_("--trim must be START:END in seconds within the video's "
                          "{length} s, the end after the start", length=f"{duration:.1f}"))
    return start, end
