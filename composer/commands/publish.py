"""`siaran publish POST --to ACCOUNT[,ACCOUNT...]`: publish a post file (or a saved draft) to
accounts, each exactly once. ``--to`` also takes a channel id when exactly one account is on that
channel, and ``--to folder --out DIR`` writes to the embedded folder channel with no account.

A post whose ``schedule`` is ahead goes into the queue instead (as `siaran schedule` does): the
platform holds it where it can, Siaran sends it at its time everywhere else.

Ctrl+C cancels: requests in flight finish and are recorded; the rest stays for `siaran resume`.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

from composer.core.i18n import UserError, _


def add_arguments(parser) -> None:
    parser.add_argument("post", metavar="POST", help=_("a post file (.toml) or a draft id"))
    parser.add_argument("--to", default="", metavar="ACCOUNT[,ACCOUNT...]",
                        help=_("account names or channel ids (default: the post's channels)"))
    parser.add_argument("--out", metavar="DIR", help=_("folder for the 'folder' channel"))
    parser.add_argument("--confirm-manual", metavar="NAME",
                        help=_("channels sent by hand (WhatsApp): record them as sent by NAME"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))
    fix = parser.add_mutually_exclusive_group()
    fix.add_argument("--update", dest="correction", action="store_const", const="update",
                     help=_("a post changed since it was published: edit it in place"))
    fix.add_argument("--replace", dest="correction", action="store_const", const="replace",
                     help=_("a post changed since it was published: delete it, publish anew"))
    fix.add_argument("--as-new", dest="correction", action="store_const", const="as_new",
                     help=_("a post changed since it was published: publish it as a new post"))


# The command-line flag for each correction choice (composer.core.corrections.Choice).
CHOICE_FLAGS = {"update": "--update", "replace": "--replace", "as_new": "--as-new"}


def load_post(ref: str, store):
    from composer.core import post as post_model

    path = Path(ref)
    if path.suffix == ".toml" or path.exists():
        return post_model.load(path)
    try:
        return store.load_draft(ref)
    except (UserError, KeyError, AttributeError):
        raise UserError(_("No such post file or draft: {ref}", ref=ref)) from None


def resolve_targets(names: list[str], registry, accounts, out: str | None):
    """Account names, or channel ids standing for their only account; 'folder' with --out."""
    from composer.core.outcome import Target

    targets: list[str | Target] = []
    without: list[str] = []  # channels with no account: all named at once, each with its command
    for name in names:
        if accounts.find(name) is not None:
            targets.append(name)
            continue
        if name == "folder" and "folder" in registry:
            if not out:
                raise UserError(_("--to folder needs --out DIR"))
            targets.append(Target("folder", "folder", {"path": str(Path(out).resolve())},
                                  adhoc=True))
            continue
        if name in registry:
            mine = [a.name for a in accounts.list() if a.platform == name]
            if len(mine) == 1:
                targets.append(mine[0])
                continue
            if mine:
                raise UserError(_("Several accounts are on {channel} ({names}); name one",
                                  channel=name, names=", ".join(mine)))
            without.append(name)
            continue
        accounts.get(name)  # raises "No account named ..." with the list of accounts
    if without:
        from composer.core.accounts import add_account_command

        raise UserError(_("No account yet on {channels}. Add them with: {commands}",
                          channels=", ".join(registry.get(n).spec.name for n in without),
                          commands="; ".join(f"`{add_account_command(registry.get(n))}`" for n in without)))
    return targets


def run_cancellable(call):
    """Run ``call(cancel)`` in a worker; Ctrl+C sets ``cancel`` and waits for a clean stop."""
    cancel = threading.Event()
    box: dict = {}

    def work():
        try:
            box["result"] = call(cancel)
        except BaseException as exc:  # handed back to the main thread
            box["error"] = exc

    worker = threading.Thread(target=work, name="siaran-publish")
    worker.start()
    while worker.is_alive():
        try:
            worker.join(0.2)
        except KeyboardInterrupt:
            if not cancel.is_set():
                print(_("Cancelling: waiting for requests already sent..."), file=sys.stderr)
            cancel.set()
    if "error" in box:
        raise box["error"]
    return box["result"]


def print_outcomes(outcomes, as_json: bool) -> int:
    from composer.core.journal import State

    if as_json:
        print(json.dumps([{"account": o.account, "platform": o.platform, "state": str(o.state),
                           "url": o.url, "remote_id": o.remote_id, "reason": o.reason,
                           "attempts": o.attempts, "choices": list(o.choices),
                           "action": o.action or None} for o in outcomes],
                         ensure_ascii=False, indent=2))
    else:
        for o in outcomes:
            if o.state == State.ALREADY:  # nothing was sent: never say "published"
                print(f"= {o.account:<16} "
                      + _("already published: {url}", url=o.url or o.remote_id or ""))
            elif o.state == State.CHANGED:
                flags = ", ".join(CHOICE_FLAGS[c] for c in o.choices)
                print(f"! {o.account:<16} {o.reason} [{flags}]")
            elif o.ok and o.action:
                print(f"✓ {o.account:<16} {_(ACTION_WORDS[o.action])}: "
                      f"{o.url or o.remote_id or ''}")
            elif o.ok:
                print(f"✓ {o.account:<16} {o.url or o.remote_id or ''}")
            else:
                print(f"✗ {o.account:<16} {_(str(o.state))}: {o.reason or ''}")
    return 0 if outcomes and all(o.ok for o in outcomes) else 1


def _for_later(post) -> bool:
    from datetime import UTC, datetime

    from composer.core.checks.meta import is_future

    return is_future(post.schedule, datetime.now(UTC))


# What the line of a correction carried out says (translated at print time).
ACTION_WORDS = {"update": "updated", "replace": "replaced", "as_new": "posted as new"}


def run(args) -> int:
    from composer.commands import publishing_services

    svc = publishing_services()
    store, registry, accounts, engine = svc.store, svc.registry, svc.accounts, svc.engine
    post = load_post(args.post, store)
    names = [n.strip() for n in (args.to or ",".join(post.channels)).split(",") if n.strip()]
    if not names:
        raise UserError(_("Say where to publish: --to ACCOUNT[,ACCOUNT...]"))
    from composer.commands import manual_share

    manual, names = manual_share.split(names, registry, accounts)
    targets = resolve_targets(names, registry, accounts, args.out)
    outcomes = manual_share.run(engine, post, manual, confirm_by=args.confirm_manual)
    if (_for_later(post) and not args.correction and targets
            and all(isinstance(t, str) for t in targets)):
        # A time ahead: into the queue, held by the platform or sent by Siaran at its time
        from composer.commands.queue import print_items

        if outcomes:  # sent by hand (WhatsApp): the officer sends it at its time
            print_outcomes(outcomes, args.json)
        items = svc.queue.schedule(post, [t for t in targets if isinstance(t, str)],
                                   post.schedule)
        return print_items(items, args.json, svc.office().zone)

    def progress(account, step, fraction):
        if not args.json and step in ("waiting", "unknown", "checking"):
            print(_("{account}: {step}...", account=account, step=_(step)), file=sys.stderr)

    # --update / --replace / --as-new: the officer's choice for every channel asked (--to) on
    # which the post changed since it was published; unchanged channels are left alone.
    chosen = args.correction
    correction = ({(t if isinstance(t, str) else t.account): chosen for t in targets}
                  if chosen else None)
    if targets:
        outcomes += run_cancellable(lambda cancel: engine.publish(
            post, targets, progress, cancel, correction=correction))
    return print_outcomes(outcomes, args.json)
