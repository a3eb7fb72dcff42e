"""`siaran event`: announce a Zoom event as a series of scheduled posts (save the date, the day
before, starting now), times written in WIB, WITA and WIT. For example::

    siaran event --title "Sosialisasi SPBE" --start 2026-12-03T09:00+07:00 \\
        --zoom https://us02web.zoom.us/j/81234567890 --to x,mastodon,facebook --out pengumuman/

writes one post file per announcement into DIR (publish each with `siaran publish FILE`), or
with ``--drafts`` adds them to the app's drafts instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    parser.add_argument("--title", required=True, help=_("the event's title"))
    parser.add_argument("--start", required=True, metavar="TIME",
                        help=_("start with its zone: 2026-12-03T09:00+07:00 or '2026-12-03 09:00 WIB'"))
    parser.add_argument("--zoom", required=True, metavar="URL", help=_("the Zoom link"))
    parser.add_argument("--meeting-id", default="", help=_("the Zoom meeting id (optional)"))
    parser.add_argument("--passcode", default="",
                        help=_("the Zoom passcode (optional; it is printed in the posts)"))
    parser.add_argument("--to", default="", metavar="ID[,ID...]",
                        help=_("channel ids or account names to publish to"))
    parser.add_argument("--language", dest="event_lang", choices=("both", "id", "en"), default="both",
                        help=_("language of the posts (default: both)"))
    parser.add_argument("--reminders", default=",".join(_kinds()), metavar="KIND[,KIND...]",
                        help=_("which announcements: save-the-date, day-before, starting-now "
                               "(default: all three)"))
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="DIR", help=_("folder for the post files"))
    where.add_argument("--drafts", action="store_true", help=_("add the posts to the drafts"))


def _kinds() -> tuple[str, ...]:
    from composer.core.events import KINDS

    return KINDS


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "event"


def run(args) -> int:
    from composer.core import events
    from composer.core import post as post_model

    event = events.ZoomEvent(
        title=args.title, start=events.parse_start(args.start), zoom_url=args.zoom.strip(),
        meeting_id=args.meeting_id.strip(), passcode=args.passcode.strip(),
        channels=tuple(c.strip() for c in args.to.split(",") if c.strip()),
        language=args.event_lang,
        reminders=tuple(k.strip() for k in args.reminders.split(",") if k.strip()))
    if args.drafts:
        from composer.commands import services

        store = services().store
        try:
            for item in events.save_series(store, event):
                print(f"{item.post.id}  {item.kind}  {_when(item.post)}")
        finally:
            store.close()
        return 0
    series = events.announcements(event)
    folder = Path(args.out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(_("Cannot write to {path}: {error}", path=folder, error=exc)) from None
    for i, item in enumerate(series, 1):
        path = folder / f"{_slug(event.title)}-{i}-{item.kind}.toml"
        post_model.save(item.post, path)
        print(f"{path}  {_when(item.post)}")
    return 0


def _when(post) -> str:
    return post.schedule.isoformat() if post.schedule else _("when published")
