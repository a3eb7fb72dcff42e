"""`siaran audit recheck`: is every published post still on its platform, as it was sent?

For each published row of the journal the channel's adapter is asked the same question the
engine asks after a lost answer (``find_existing``, composer.core.publish): with the row's own
checkpoint (its remote ids), on a context that journals nothing. The answer is one of:

- ``present``: the platform answered and has the post under the id the journal holds;
- ``changed``: the platform answered with another id (it was deleted and posted again, or
  replaced): what is out is not what the journal recorded;
- ``missing``: the platform answered and the post is not there (deleted on the platform);
- ``cannot check``: the platform cannot answer for it (sent by hand, no look-up, the account is
  gone or signed out, the platform did not answer, or the adapter answered from its own notes
  without asking the platform: that would prove nothing).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from composer.core import adapters as A
from composer.core.i18n import UserError, _
from composer.core.journal import Entry, HistoryQuery, Journal, State

if TYPE_CHECKING:
    from composer.core.governance.audit import AuditTrail
    from composer.core.publish import Engine

PRESENT, CHANGED, MISSING, CANNOT = "present", "changed", "missing", "cannot check"


@dataclass(frozen=True)
class Recheck:
    post_id: str
    account: str
    platform: str
    remote_id: str
    url: str
    verdict: str  # PRESENT | CHANGED | MISSING | CANNOT
    reason: str = ""  # why it cannot be checked, or what the platform has instead

    @property
    def gone(self) -> bool:
        """What is out is not what the journal recorded (deleted or replaced there)."""
        return self.verdict in (MISSING, CHANGED)

    @property
    def line(self) -> str:
        """One translated line for the officer."""
        where = f"{self.post_id} · {self.account} ({self.platform})"
        if self.verdict == PRESENT:
            return _("{where}: still there, unchanged", where=where)
        if self.verdict == CHANGED:
            return _("{where}: changed on the platform ({reason})", where=where,
                     reason=self.reason)
        if self.verdict == MISSING:
            return _("{where}: missing, deleted on the platform", where=where)
        return _("{where}: cannot check ({reason})", where=where, reason=self.reason)

    def as_json(self) -> dict[str, Any]:
        return {"post": self.post_id, "account": self.account, "platform": self.platform,
                "id": self.remote_id, "url": self.url, "verdict": self.verdict,
                "reason": self.reason}


def published(journal: Journal) -> list[Entry]:
    """Every row that is out (sent by Siaran or by hand), oldest first."""
    rows = journal.search(HistoryQuery(states=frozenset({State.POSTED.value,
                                                         State.MANUAL.value}), limit=None))
    return list(reversed(rows))


def recheck_published(engine: Engine, journal: Journal, audit: AuditTrail) -> list[Recheck]:
    """Recheck every published row (``siaran audit recheck``, the audit view's button) and put
    what is gone into the audit trail."""
    found = recheck(engine, published(journal))
    audit.record("rechecked", posts=len(found), gone=[
        {"post": r.post_id, "account": r.account, "verdict": r.verdict}
        for r in found if r.gone])
    return found


def recheck(engine: Engine, entries: Iterable[Entry]) -> list[Recheck]:
    """Ask each row's platform (``engine``: composer.core.publish.Engine)."""
    return [recheck_one(engine, entry) for entry in entries]


def recheck_one(engine: Engine, entry: Entry) -> Recheck:
    def said(verdict: str, reason: str = "") -> Recheck:
        return Recheck(entry.post_id, entry.account, entry.platform, entry.remote_id or "",
                       entry.url or "", verdict, reason)

    if entry.state == State.MANUAL:
        return said(CANNOT, _("sent by hand"))
    if entry.platform not in engine.registry:
        return said(CANNOT, _("the channel is not installed"))
    adapter = engine.registry.get(entry.platform).make_adapter()
    if adapter is None:
        return said(CANNOT, _("the channel has no look-up"))
    asked: list[object] = []
    try:
        with engine.session(entry.account, entry) as ctx:
            # the row's own notes, never journalled back: a recheck changes nothing
            quiet = dataclasses.replace(ctx, checkpoint=dict(ctx.checkpoint),
                                        save_checkpoint=lambda data: None)
            ctx.client.event_hooks["request"].append(asked.append)
            found = adapter.find_existing(quiet, entry.outgoing())
    except NotImplementedError:
        return said(CANNOT, _("the channel has no look-up"))
    except A.AuthExpired:
        return said(CANNOT, _("sign in to the account again"))
    except UserError as exc:  # the account is gone from this computer
        return said(CANNOT, str(exc))
    except (A.AdapterError, OSError) as exc:
        return said(CANNOT, _("the platform did not answer ({error})",
                              error=type(exc).__name__))
    if not asked:  # answered from the checkpoint alone: the platform was never asked
        return said(CANNOT, _("the channel cannot look a post up"))
    if found is None:
        return said(MISSING)
    if entry.remote_id and found.remote_id != entry.remote_id:
        return said(CHANGED, _("now {id}", id=found.remote_id))
    return said(PRESENT)
