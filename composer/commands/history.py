"""`siaran history`: what was published where, with links, and what failed and why.

The filters are the History screen's (channel, status, dates, text) and the same core query
(composer.core.journal.HistoryQuery); ``--json`` rows carry the monthly report's values too
(date and time in the office's zone, title, channel, status, link, who published)."""

from __future__ import annotations

import json

from composer.core.i18n import _


def add_arguments(parser) -> None:
    from composer.core.journal import State

    parser.add_argument("--post", metavar="ID", help=_("only this post"))
    parser.add_argument("--channel", "--account", dest="channel", metavar="NAME",
                        help=_("only this account or channel (e.g. portal, wordpress)"))
    parser.add_argument("--status", action="append", metavar="STATE",
                        choices=[s.value for s in State if s not in (State.ALREADY, State.CHANGED)],
                        help=_("only rows in this state (repeatable): posted, failed, deleted ..."))
    parser.add_argument("--since", metavar="DATE",
                        help=_("from this date or time on (office time zone): 2026-12-01"))
    parser.add_argument("--until", metavar="DATE",
                        help=_("before this date or time (office time zone): 2027-01-01"))
    parser.add_argument("--month", metavar="YYYY-MM", help=_("only this month (office time zone)"))
    parser.add_argument("--text", metavar="WORDS", help=_("only rows whose title, text or link "
                                                          "contains these words"))
    parser.add_argument("--limit", type=int, default=50, help=_("at most this many rows"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))


def query_of(args, zone: str):
    """The core query the flags describe (dates in the office's zone)."""
    from composer.core.journal import HistoryQuery
    from composer.core.office import parse_local
    from composer.core.report import month_range

    since = parse_local(_day(args.since), zone) if args.since else None
    until = parse_local(_day(args.until), zone) if args.until else None
    if args.month:
        since, until = month_range(args.month, zone)
    return HistoryQuery(channel=args.channel or "", states=frozenset(args.status or ()),
                        since=since, until=until, text=args.text or "", post=args.post or "",
                        limit=None if (args.month or args.post) else args.limit)


def _day(text: str) -> str:
    """A bare date means its midnight."""
    text = text.strip()
    return f"{text} 00:00" if len(text) == 10 else text


def run(args) -> int:
    from composer.commands import services
    from composer.core.report import report_row, status_label

    svc = services()
    journal = svc.journal
    office = svc.office()
    rows = journal.search(query_of(args, office.zone))
    versions = {e.id: journal.versions(e.id) for e in rows}
    if args.json:
        names = svc.channel_names()
        print(json.dumps([{
            "post": e.post_id, "account": e.account, "platform": e.platform,
            "state": str(e.state), "url": e.url, "remote_id": e.remote_id, "reason": e.reason,
            "attempts": e.attempts, "created_at": e.created_at, "updated_at": e.updated_at,
            "sent_by": e.sent_by or None,
            **report_row(e, lambda p: names.get(p, p), office.zone).as_json(),
            "versions": [{"version": v.version, "action": v.action, "at": v.at, "url": v.url,
                          "remote_id": v.remote_id} for v in versions[e.id]],
        } for e in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("Nothing published yet"))
    for e in rows:
        when = local_time(e.when, office.zone)
        if e.sent_by:
            detail = _("sent by hand by {name}", name=e.sent_by)
        elif e.state in ("posted", "deleted"):
            detail = e.url or e.remote_id or ""
        else:
            detail = e.reason or ""
        print(f"{when}  {e.post_id:<12} {e.account:<16} {status_label(str(e.state)):<14} {detail}")
        if len(versions[e.id]) > 1:  # corrected: every version, oldest first
            for v in versions[e.id]:
                print("    " + version_line(v, office.zone))
    return 0


def local_time(stamp: str, zone: str) -> str:
    """A journal time (UTC) as '2026-12-07 09:15 WIB', in the office's zone."""
    from datetime import datetime

    from composer.core.office import zone_of

    return datetime.fromisoformat(stamp).astimezone(zone_of(zone)).strftime(
        "%Y-%m-%d %H:%M ") + zone


def version_line(v, zone: str) -> str:
    """"v2 updated 2026-12-07 08:15 WIB  https://..." in the officer's language."""
    from composer.core.corrections import version_words

    when = local_time(v.at, zone)
    return f"{version_words(v.action, v.version, when)}  {v.url or v.remote_id or ''}"
