"""The terminal side of channels posted by hand (WhatsApp), used by `siaran publish`: print
the text, the image and the links that open it, then ask the officer to confirm (y/N and a name
on a terminal; ``--confirm-manual NAME`` for scripts). Nothing is recorded without a yes."""

from __future__ import annotations

import getpass
import sys

from composer.core.i18n import _


def split(names: list[str], registry, accounts) -> tuple[list, list[str]]:
    """(manual targets, the other names). A manual channel needs no account: its id will do."""
    from composer.core.manual import is_manual
    from composer.core.outcome import Target

    manual, rest = [], []
    for name in names:
        account = accounts.find(name)
        platform_id = account.platform if account is not None else name
        if platform_id in registry and is_manual(registry.get(platform_id)):
            manual.append(name if account is not None else Target(name, name, adhoc=True))
        else:
            rest.append(name)
    return manual, rest


def run(engine, post, targets, *, confirm_by: str | None, interactive: bool | None = None):
    """One Outcome per manual target; a target not confirmed gives a not-ok Outcome saying so."""
    from composer.core.i18n import UserError
    from composer.core.journal import State
    from composer.core.manual import confirm, prepare
    from composer.core.outcome import Outcome, Target

    interactive = sys.stdin.isatty() if interactive is None else interactive
    outcomes = []
    for target in targets:
        try:
            share = prepare(engine, post, target)
        except UserError as exc:
            # A target is an account name, or a Target for a channel sent without an account.
            name = target.account if isinstance(target, Target) else target
            platform = target.platform if isinstance(target, Target) else name
            outcomes.append(Outcome(name, platform, State.FAILED, str(exc)))
            continue
        out = sys.stderr
        print(_("— {channel} ({account}) is sent by hand. The text:", channel=share.channel,
                account=share.target.account), file=out)
        print(share.text, file=out)
        if share.image:
            print(_("Attach this image: {path}", path=share.image), file=out)
        for note in share.notes:
            print(note, file=out)
        print(_("Open in WhatsApp: {url}", url=share.links.web), file=out)
        print(_("WhatsApp Desktop: {url}", url=share.links.app), file=out)
        by = confirm_by
        if by is None and interactive:
            answer = input(_("Sent it? [y/N] ")).strip().lower()
            if answer in ("y", "ya", "yes"):
                default = getpass.getuser()
                by = input(_("Your name [{name}]: ", name=default)).strip() or default
        if not by:
            reason = _("Not recorded: send it, then confirm (on a terminal, or with "
                       "--confirm-manual NAME)")
            outcomes.append(Outcome(share.target.account, share.target.platform, State.PENDING,
                                    reason))
            continue
        outcomes.append(confirm(engine, share, by=by))
    return outcomes
