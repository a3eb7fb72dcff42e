"""The crisis hold: one action that stops everything scheduled.

While a hold is in force the engine's gate refuses every publish (the local queue's run-due
included), and every post handed to a platform's own scheduler (WordPress ``future``, a
Mastodon scheduled status, a Facebook scheduled post, YouTube ``publishAt``) is taken off that
schedule through the adapters' reschedule (composer.core.scheduling). Each cancellation is
journalled here before it is asked for, with the time the platform held the post until, so
``release`` restores exactly those posts at exactly their times (one whose time passed during
the hold stays a draft, and release says so). Approvals granted before a hold are void, during
it and after (composer.core.governance.approvals asks :meth:`Holds.last_started`).

State: ``<data>/hold.json``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.core.i18n import UserError, _

if TYPE_CHECKING:  # pragma: no cover
    from composer.core.outcome import Target
    from composer.core.publish import Engine


class OnHold(UserError):
    """Refused: a crisis hold is in force."""

    exit_code = 1


@dataclass(frozen=True)
class HoldReport:
    done: list[str]  # one line per post taken off / put back on a schedule
    problems: list[str]  # one line per post that could not be


class Holds:
    def __init__(self, data: Path):
        self.path = Path(data) / "hold.json"

    # -- state --------------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            # unreadable: treat as a hold in force, never as "no hold" (fail closed)
            return {"active": True, "reason": _("the hold file cannot be read"),
                    "started": datetime.now(UTC).isoformat(), "cancelled": []}

    def _save(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        os.replace(temporary, self.path)

    @property
    def active(self) -> bool:
        return bool(self.state().get("active"))

    def last_started(self) -> datetime | None:
        """When the latest hold began (in force or released): approvals before it are void."""
        started = self.state().get("started")
        return datetime.fromisoformat(started) if started else None

    def gate(self) -> None:
        data = self.state()
        if data.get("active"):
            raise OnHold(_("A crisis hold is in force ({reason}); nothing is published until "
                           "it is released", reason=data.get("reason") or "-"))

    # -- hold and release ---------------------------------------------------------------------

    def hold(self, engine: Engine, reason: str, by: str, *,
             targets: Mapping[str, Target] | None = None,
             now: datetime | None = None) -> HoldReport:
        """Start the hold (the gate refuses from now on), then take every post the platforms
        hold for later off their schedules, journalling each before asking."""
        from composer.core import scheduling
        from composer.core.journal import State

        if not reason.strip():
            raise UserError(_("Give the reason for the hold"))
        now = now or datetime.now(UTC)
        data = self.state()
        if data.get("active"):
            raise UserError(_("A crisis hold is already in force"))
        data = {"active": True, "reason": reason.strip(), "by": by, "started": now.isoformat(),
                "cancelled": []}
        self._save(data)  # first: from here on nothing new goes out
        done, problems = [], []
        for entry in engine.journal.history(limit=10_000):
            if entry.state != State.POSTED:
                continue
            held = scheduling.held(entry)
            if held.kind != "scheduled" or held.at is None or held.passed(now):
                continue
            record = {"post": entry.post_id, "account": entry.account,
                      "at": held.at.isoformat(), "done": False}
            data["cancelled"].append(record)
            self._save(data)
            try:
                engine.reschedule(entry.post_id, entry.account, None,
                                  target=(targets or {}).get(entry.account))
            except UserError as exc:
                problems.append(f"{entry.account}: {exc}")
                continue
            record["done"] = True
            self._save(data)
            done.append(_("{account}: post {post} taken off its schedule",
                          account=entry.account, post=entry.post_id))
        engine.audit.record("hold", reason=reason, by=by, cancelled=[
            {k: r[k] for k in ("post", "account", "at")} for r in data["cancelled"]
            if r["done"]])
        return HoldReport(done, problems)

    def release(self, engine: Engine, by: str, *, targets: Mapping[str, Target] | None = None,
                now: datetime | None = None) -> HoldReport:
        """End the hold: every post the hold took off a schedule goes back on it at its own
        time (one whose time passed stays a draft, said in the report)."""
        now = now or datetime.now(UTC)
        data = self.state()
        if not data.get("active"):
            raise UserError(_("There is no crisis hold to release"))
        done, problems = [], []
        for record in data.get("cancelled", []):
            if not record.get("done") or record.get("restored"):
                continue
            at = datetime.fromisoformat(record["at"])
            if at <= now:
                problems.append(_("{account}: the time of post {post} passed during the hold; "
                                  "it stays a draft: schedule it again", account=record["account"],
                                  post=record["post"]))
                continue
            try:
                engine.reschedule(record["post"], record["account"], at,
                                  target=(targets or {}).get(record["account"]))
            except UserError as exc:
                problems.append(f"{record['account']}: {exc}")
                continue
            record["restored"] = True
            done.append(_("{account}: post {post} scheduled again", account=record["account"],
                          post=record["post"]))
        data.update(active=False, released=now.isoformat(), released_by=by)
        self._save(data)
        engine.audit.record("release", by=by, restored=len(done), problems=problems)
        return HoldReport(done, problems)
