"""`siaran queue [--json]`: the scheduled posts, per channel, with their state (scheduled, due,
missed, sending, published, failed), times in the office's zone."""

from __future__ import annotations

from composer.core.i18n import _

# How a state reads in the list (translated at print time).
STATE_WORDS = {"scheduled": "scheduled", "due": "due", "missed": "missed", "sending": "sending",
               "published": "published", "failed": "failed"}


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def print_items(items, as_json: bool, zone: str) -> int:
    from composer.core.office import format_datetime
    from composer.core.queue import dumps

    if as_json:
        print(dumps(items))
        return 0
    if not items:
        print(_("Nothing is scheduled."))
        return 0
    for item in items:
        mark = " ⏰" if item.soon else ""
        how = _("held by {channel}", channel=item.channel) if item.mode == "native" else \
            _("sent by Siaran")
        line = (f"{format_datetime(item.at, zone=zone)}  {_(STATE_WORDS[item.state]):<10} "
                f"{item.account:<14} {item.post_id}  {item.title}  ({how}){mark}")
        if item.reason and item.state in ("missed", "failed", "scheduled"):
            line += f"\n    {item.reason}"
        print(line)
    return 0


def run(args) -> int:
    from composer.commands import services

    svc = services()
    return print_items(svc.queue.items(), args.json, svc.office().zone)
