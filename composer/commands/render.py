"""`siaran render POST --out DIR`: write every channel's images exactly as they will be uploaded.

Exit 0 when every image was written, 1 when a channel cannot take an image (one line each, with
the reason), 2 when the input is unusable (a damaged image, a bad post file).
"""

from __future__ import annotations

import sys
from pathlib import Path

from composer.commands import services
from composer.core import post as post_model
from composer.core.i18n import _
from composer.core.paths import app_paths
from composer.core.post import MediaRef


def add_arguments(parser) -> None:
    parser.add_argument("post", metavar="POST", help=_("the post file (TOML, see `siaran new`)"))
    parser.add_argument("--out", required=True, metavar="DIR", help=_("folder for the images (one sub-folder per channel)"))
    parser.add_argument("--channel", action="append", default=[], metavar="ID",
                        help=_("render only this channel (repeatable); default: the post's channels"))
    parser.add_argument("--template", default=None, metavar="NAME|FILE",
                        help=_("brand with this template instead of the post's own"))


def media_file_resolver():
    """The media store's copy when the post names one (by sha256) and it exists, else the path."""
    paths = app_paths()

    def media_file(ref: MediaRef) -> Path:
        if ref.sha256:
            stored = paths.media_file(ref.sha256)
            if stored.is_file():
                return stored
        return Path(ref.path)

    return media_file


def run(args) -> int:
    from composer.core.media import render_variants  # Pillow only when rendering

    post = post_model.load(args.post)
    registry = services().registry
    wanted = args.channel or post.channels or [
        pid for pid, p in registry.platforms.items() if p.spec.max_images > 0 and not p.spec.video_only
    ]
    specs = []
    for name in wanted:
        if name in registry:
            specs.append(registry.get(name).spec)
        elif args.channel:
            registry.get(name)  # raises UnknownChannel: the officer typed it on this command line
        else:
            print(_("{name}: not a channel id (an account name?); skipped", name=name), file=sys.stderr)
    if not post.media:
        print(_("The post has no images; nothing to render"))
        return 0
    results = render_variants(post, specs, Path(args.out), media_file=media_file_resolver(),
                              template=args.template)
    refused = 0
    for channel, result in results.items():
        for item in result:
            size = Path(item.path).stat().st_size
            print(f"{channel}: {item.path} {item.width}x{item.height} {item.mime} {size / 1000:.0f} kB")
        for note in result.notes:
            print(f"{channel}: {note}")
        for refusal in result.refused:
            refused += 1
            print(_("{channel}: image {n} not sent: {reason}", channel=channel, n=refusal.index,
                    reason=refusal.reason), file=sys.stderr)
    return 1 if refused else 0
