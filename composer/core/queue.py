"""The queue of scheduled posts: scheduling for every channel, one service for the CLI and the app.

Each (post, account) scheduled is one row of the ``schedule`` table:

- **native**: the platform holds it (WordPress ``future``, Facebook ``scheduled_publish_time``,
  Mastodon ``scheduled_at``, YouTube ``publishAt``). It is handed over at once through the engine,
  whose journal keeps the platform's own id; moving or cancelling it changes it on the platform
  (composer.core.scheduling). Chosen when the channel can schedule and the time is inside the
  platform's window (``PlatformSpec.schedule_min_ahead``/``schedule_max_ahead``) and the post is
  not a thread.
- **local**: everywhere else Siaran sends it itself. ``run_due`` (the app's timer, or
  ``siaran run-due`` from the operating system's agent) sends each due row exactly once.

Exactly once, even when two run-dues start at the same moment: a row is taken for sending by one
atomic ``UPDATE ... WHERE state='scheduled'`` (SQLite serialises writers across processes), and
the engine's per-(post, account) file lock and journal stand behind it (a row left "sending" by
a crash is finished through the journal, which looks before it sends again).

States: scheduled, due (scheduled and its time has come; shown, never stored), missed (its time
passed more than the office's tolerance before a run-due came: it waits for the officer to send
now, reschedule or unschedule, never sent late in silence), sending, published, failed (after a
bounded back-off, with the reason).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from composer.core import adapters as A
from composer.core.i18n import UserError, _
from composer.core.journal import RETRYABLE_ERRORS, State
from composer.core.scheduling import held, iso_utc, parse_utc
from composer.core.store import decode_post, draft_title, encode_post, utcnow

if TYPE_CHECKING:  # pragma: no cover
    from composer.core.outcome import Outcome
    from composer.core.post import Post
    from composer.core.publish import Engine

log = logging.getLogger("siaran.queue")

SCHEDULED, DUE, MISSED, SENDING, PUBLISHED, FAILED = (
    "scheduled", "due", "missed", "sending", "published", "failed")
STATES = (SCHEDULED, DUE, MISSED, SENDING, PUBLISHED, FAILED)
NATIVE, LOCAL = "native", "local"

# A handed-over post must reach the platform inside its window: this much is kept for the way.
HANDOVER_MARGIN = timedelta(seconds=15)
# A failed send is tried again after these waits, then it is "failed" for good: never endless
# retries (a cross-poster's endless retries once got an account banned for spam).
BACK_OFF = (timedelta(minutes=2), timedelta(minutes=10))
# A row "sending" longer than this was left by a process that died: the journal finishes it.
STALE_SENDING = timedelta(minutes=10)
SOON = timedelta(hours=1)  # "due within the hour" is marked in the queue


class NotScheduled(UserError):
    """Nothing scheduled for that post (and account)."""


@dataclass(frozen=True)
class QueueItem:
    """One (post, account) in the queue, as the list, the calendar and ``--json`` show it."""

    post_id: str
    account: str
    platform: str
    channel: str  # the channel's name (WordPress, Bluesky ...)
    title: str
    at: datetime  # aware, UTC
    mode: str  # native | local
    state: str  # one of STATES
    reason: str = ""
    url: str | None = None
    tries: int = 0
    soon: bool = False  # scheduled and due within the hour

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["at"] = iso_utc(self.at)
        return data


@dataclass(frozen=True)
class Sent:
    """What one run-due did with one row: published, failed, missed, or tried again later."""

    post_id: str
    account: str
    channel: str
    title: str
    state: str  # published | failed | missed | scheduled (will be tried again)
    reason: str = ""
    url: str | None = None

    @property
    def ok(self) -> bool:
        return self.state == PUBLISHED

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class Queue:
    """Schedule, list, move, cancel and send the due posts. ``clock`` returns the time now
    (aware); ``tolerance`` returns the office's "missed" tolerance (read fresh each run)."""

    def __init__(self, engine: Engine, *, tolerance: Callable[[], timedelta] | None = None,
                 clock: Callable[[], datetime] | None = None):
        self.engine = engine
        self.store = engine.store
        self._tolerance = tolerance or (lambda: timedelta(minutes=15))
        self.clock = clock or (lambda: datetime.now(UTC))

    # -- scheduling ---------------------------------------------------------------------------

    def schedule(self, post: Post, accounts: Iterable[str], when: datetime) -> list[QueueItem]:
        """Put ``post`` in the queue for each account at ``when`` (aware). Scheduling a post that
        is in the queue already moves it. Raises UserError (one line) before anything changes
        when the time or a channel is refused."""
        if when.tzinfo is None:
            raise UserError(_("The time needs a time zone, for example 2026-12-24 09:00 WIB"))
        now = self.clock()
        if when - now < timedelta(seconds=60):
            raise UserError(_("Choose a time at least a minute from now"))
        names = list(dict.fromkeys(accounts))
        if not names:
            raise UserError(_("Say where to publish: --to ACCOUNT[,ACCOUNT...]"))
        plans = [(name, self._mode(post, name, when, now)) for name in names]  # refuse first
        return [self._put(post, name, mode, when) for name, mode in plans]

    def _mode(self, post: Post, account: str, when: datetime, now: datetime) -> str:
        """Native when the platform can hold this post until ``when``; local otherwise. Raises
        when the channel cannot take the post at all (the rule book's block), or is sent by hand."""
        from composer.core import checks

        existing = self._row(post.id, account)
        if existing is not None and existing["state"] in (SENDING, PUBLISHED):
            raise UserError(_("The post already went out on '{account}'", account=account))
        target = self.engine.target(account)
        spec = self.engine.registry.get(target.platform).spec
        if spec.can(A.Capability.MANUAL):
            raise UserError(_("{channel} is sent by hand; it cannot be scheduled",
                              channel=spec.name))
        entry = self.engine.journal.get(post.id, account)
        if entry is not None and entry.state == State.POSTED:
            state = held(entry)
            if state.kind == "draft" or (state.kind == "scheduled" and not state.passed(now)):
                return NATIVE  # the platform holds it: move it there
            raise UserError(_("The post already went out on '{account}'", account=account))
        now_post = replace(post, schedule=None)
        check = checks.check(now_post, account, spec, limit=_int(target.settings.get("text_limit")))
        if not check.ok:
            raise UserError(f"{account}: {check.blocks[0].message}")
        ahead = when - now - HANDOVER_MARGIN
        window = (ahead.total_seconds() >= spec.schedule_min_ahead and (
            spec.schedule_max_ahead is None or ahead.total_seconds() <= spec.schedule_max_ahead))
        if spec.can(A.Capability.SCHEDULE) and window and check.parts == 1:
            return NATIVE
        return LOCAL

    def _put(self, post: Post, account: str, mode: str, when: datetime) -> QueueItem:
        platform = self.engine.target(account).platform
        scheduled = replace(post, schedule=when.astimezone(UTC))
        row = (post.id, account, platform, iso_utc(when), mode, draft_title(post),
               encode_post(scheduled))
        if mode == NATIVE:
            entry = self.engine.journal.get(post.id, account)
            if entry is not None and entry.state == State.POSTED:
                before = self._row(post.id, account)
                self.engine.reschedule(post.id, account, when)  # held there: move it there
                if before is not None and _content(decode_post(before["body"], post.id)) \
                        != _content(post):
                    self._update_held(scheduled, account, row, before)
            else:
                self._hand_over(scheduled, account, row)
        self._write(row, SCHEDULED)
        return self.item(post.id, account)

    def _update_held(self, scheduled: Post, account: str, row: tuple[str, ...],
                     before: Any) -> None:
        """The officer changed a post the platform holds: edit it there (same post, same
        time), or say that only the time moved."""
        (outcome,) = self.engine.publish(scheduled, [account], correction={account: "update"})
        if not outcome.ok:
            self._write((*row[:5], before["title"], before["body"]), SCHEDULED)
            raise UserError(_("Moved to the new time, but {channel} did not take the changed "
                              "post: {reason}", channel=self._channel(row[2]),
                              reason=outcome.reason or outcome.state))

    def _hand_over(self, scheduled: Post, account: str, row: tuple[str, ...]) -> None:
        """The platform takes the post to hold. The queue row is written first ("sending"), so
        a crash in between leaves a trace run-due settles through the journal; a refusal puts
        back what the queue had."""
        before = self._row(scheduled.id, account)
        self._write(row, SENDING)
        try:
            (outcome,) = self.engine.publish(scheduled, [account])
        except BaseException:
            self._put_back(before, scheduled.id, account)
            raise
        if outcome.state != State.POSTED:
            self._put_back(before, scheduled.id, account)
            raise UserError(_("{account} did not take the scheduled post: {reason}",
                              account=account, reason=outcome.reason or outcome.state))

    def _write(self, row: tuple[str, ...], state: str) -> None:
        now = utcnow()
        claimed = iso_utc(self.clock()) if state == SENDING else None
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO schedule (post_id, account, platform, at, mode, title, body, state,"
                " tries, next_try, reason, url, claimed_at, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,0,NULL,'',NULL,?,?,?)"
                " ON CONFLICT (post_id, account) DO UPDATE SET at=excluded.at,"
                " mode=excluded.mode, state=excluded.state, title=excluded.title,"
                " body=excluded.body, tries=0, next_try=NULL, reason='',"
                " claimed_at=excluded.claimed_at, updated_at=excluded.updated_at",
                (*row, state, claimed, now, now))

    def _put_back(self, before: Any, post_id: str, account: str) -> None:
        with self.store.transaction() as db:
            if before is None:
                db.execute("DELETE FROM schedule WHERE post_id=? AND account=?",
                           (post_id, account))
                return
            names = [k for k in before.keys() if k != "id"]
            db.execute(f"UPDATE schedule SET {', '.join(f'{k}=?' for k in names)} WHERE id=?",
                       (*(before[k] for k in names), before["id"]))

    def reschedule(self, post_id: str, account: str | None, when: datetime) -> list[QueueItem]:
        """Move a queued post (a missed or failed one too) to ``when``; native ones move on the
        platform."""
        rows = self._rows_of(post_id, account)
        post = decode_post(rows[0]["body"], post_id)
        return self.schedule(post, [r["account"] for r in rows], when)

    def unschedule(self, post_id: str, account: str | None = None) -> list[str]:
        """Take the post off the queue (every account, or one). A post the platform holds is
        taken off the platform's schedule (held as a draft where the platform has drafts).
        Returns the accounts it was taken from."""
        done = []
        for row in self._rows_of(post_id, account):
            if row["state"] == SENDING:
                raise UserError(_("The post is being sent to '{account}' right now",
                                  account=row["account"]))
            if self._item(row, self.clock()).state == PUBLISHED:
                raise UserError(_("The post already went out on '{account}'; unpublish it "
                                  "there instead", account=row["account"]))
            if row["mode"] == NATIVE and row["state"] == SCHEDULED and \
                    parse_utc(row["at"]) > self.clock():
                self.engine.reschedule(post_id, row["account"], None)
            self.store.execute("DELETE FROM schedule WHERE id=?", (row["id"],))
            done.append(row["account"])
        return done

    def send_now(self, post_id: str, account: str | None = None) -> list[Sent]:
        """Send a missed or failed post now (the officer's choice)."""
        sent = []
        for row in self._rows_of(post_id, account):
            if row["mode"] != LOCAL or row["state"] not in (MISSED, FAILED, SCHEDULED):
                continue
            if self._claim(row["id"], (MISSED, FAILED, SCHEDULED)):
                sent.append(self._send(self._by_id(row["id"]), self.clock()))
        return sent

    # -- sending what is due ------------------------------------------------------------------

    def run_due(self) -> list[Sent]:
        """Send every local post whose time has come, exactly once; mark those whose time
        passed more than the tolerance ago as missed. Safe to run from several processes."""
        now = self.clock()
        tolerance = self._tolerance()
        done: list[Sent] = []
        self._note_run(now)
        for row in self.store.query("SELECT * FROM schedule WHERE mode=? AND state=? AND"
                                    " claimed_at IS NOT NULL", (NATIVE, SENDING)):
            if now - parse_utc(row["claimed_at"]) > STALE_SENDING:
                self._settle_hand_over(row)
        for row in self.store.query("SELECT * FROM schedule WHERE mode=? AND state=? AND"
                                    " claimed_at IS NOT NULL", (LOCAL, SENDING)):
            if now - parse_utc(row["claimed_at"]) > STALE_SENDING:
                log.warning("finishing %s/%s left sending", row["post_id"], row["account"])
                if self._claim(row["id"], (SENDING,), stale_before=now - STALE_SENDING):
                    done.append(self._send(self._by_id(row["id"]), now))
        for row in self.store.query("SELECT * FROM schedule WHERE mode=? AND state=?"
                                    " ORDER BY at", (LOCAL, SCHEDULED)):
            at = parse_utc(row["at"])
            due = parse_utc(row["next_try"]) if row["next_try"] else at
            if due > now:
                continue
            if row["tries"] == 0 and now - at > tolerance:
                if self._move(row["id"], SCHEDULED, MISSED, _(
                        "Its time passed while Siaran was not running: send it now, reschedule "
                        "or unschedule it")):
                    done.append(self._sent(row, MISSED))
                continue
            if self._claim(row["id"], (SCHEDULED,)):
                done.append(self._send(self._by_id(row["id"]), now))
        return done

    def _settle_hand_over(self, row: Any) -> None:
        """A hand-over a process left unfinished: the journal says whether the platform has
        it (then the platform holds it) or not (the officer schedules it again)."""
        entry = self.engine.journal.get(row["post_id"], row["account"])
        if entry is not None and entry.state == State.POSTED:
            self._move(row["id"], SENDING, SCHEDULED)
        else:
            self._move(row["id"], SENDING, FAILED, _(
                "The hand-over to {channel} was interrupted; schedule it again",
                channel=self._channel(row["platform"])))

    def _note_run(self, now: datetime) -> None:
        """When run-due last ran (``siaran agent status`` shows it)."""
        from composer.core.agent import LAST_RUN_FILE

        try:
            self.store.paths.data.mkdir(parents=True, exist_ok=True)
            (self.store.paths.data / LAST_RUN_FILE).write_text(iso_utc(now) + "\n")
        except OSError:  # a read-only or full disk must not stop the sending
            log.warning("cannot note the run-due time", exc_info=True)

    def _claim(self, row_id: int, states: tuple[str, ...], *,
               stale_before: datetime | None = None) -> bool:
        """Take the row for sending: one atomic update, so of two run-dues only one wins."""
        marks = ",".join("?" * len(states))
        sql = f"UPDATE schedule SET state=?, claimed_at=?, updated_at=? WHERE id=? AND state IN ({marks})"
        params: list[Any] = [SENDING, iso_utc(self.clock()), utcnow(), row_id, *states]
        if stale_before is not None:
            sql += " AND claimed_at < ?"
            params.append(iso_utc(stale_before))
        with self.store.transaction() as db:
            return db.execute(sql, params).rowcount == 1

    def _move(self, row_id: int, old: str, new: str, reason: str = "") -> bool:
        with self.store.transaction() as db:
            return db.execute("UPDATE schedule SET state=?, reason=?, updated_at=? WHERE id=? AND"
                              " state=?", (new, reason, utcnow(), row_id, old)).rowcount == 1

    def _send(self, row: Any, now: datetime) -> Sent:
        """Publish one claimed row through the engine (journal, retries, file lock)."""
        post = replace(decode_post(row["body"], row["post_id"]), schedule=None)
        try:
            (outcome,) = self.engine.publish(post, [row["account"]])
        except UserError as exc:  # the account is gone, the keyring is locked ...
            return self._failed_send(row, now, str(exc), retry=True)
        except Exception as exc:  # never leave the row "sending" because of a bug
            log.exception("scheduled send of %s to %s", row["post_id"], row["account"])
            return self._failed_send(row, now, type(exc).__name__, retry=False)
        if outcome.ok or outcome.state == State.ALREADY:
            with self.store.transaction() as db:
                db.execute("UPDATE schedule SET state=?, reason='', url=?, updated_at=? WHERE"
                           " id=?", (PUBLISHED, outcome.url, utcnow(), row["id"]))
            return self._sent(row, PUBLISHED, url=outcome.url)
        if outcome.state == State.PENDING and outcome.error == "":  # another process has it
            self._move(row["id"], SENDING, SCHEDULED)
            return self._sent(row, SCHEDULED, _("Already being published"))
        return self._failed_send(row, now, outcome.reason or str(outcome.state),
                                 retry=_retryable(outcome))

    def _failed_send(self, row: Any, now: datetime, reason: str, *, retry: bool) -> Sent:
        tries = row["tries"] + 1
        if retry and tries <= len(BACK_OFF):
            with self.store.transaction() as db:
                db.execute("UPDATE schedule SET state=?, tries=?, next_try=?, reason=?,"
                           " updated_at=? WHERE id=?", (SCHEDULED, tries,
                                                        iso_utc(now + BACK_OFF[tries - 1]),
                                                        reason, utcnow(), row["id"]))
            return self._sent(row, SCHEDULED, reason)
        with self.store.transaction() as db:
            db.execute("UPDATE schedule SET state=?, tries=?, reason=?, updated_at=? WHERE id=?",
                       (FAILED, tries, reason, utcnow(), row["id"]))
        return self._sent(row, FAILED, reason)

    def _sent(self, row: Any, state: str, reason: str = "", url: str | None = None) -> Sent:
        return Sent(row["post_id"], row["account"], self._channel(row["platform"]), row["title"],
                    state, reason, url)

    # -- reading ------------------------------------------------------------------------------

    def items(self, *, start: datetime | None = None, end: datetime | None = None
              ) -> list[QueueItem]:
        """The queue by time (optionally only ``start`` <= at < ``end``)."""
        sql = "SELECT * FROM schedule"
        params: tuple[str, ...] = ()
        if start is not None and end is not None:
            sql += " WHERE at >= ? AND at < ?"
            params = (iso_utc(start), iso_utc(end))
        now = self.clock()
        return [self._item(row, now) for row in self.store.query(sql + " ORDER BY at, id", params)]

    def item(self, post_id: str, account: str) -> QueueItem:
        row = self._row(post_id, account)
        if row is None:
            raise NotScheduled(_("Post {post} is not scheduled for '{account}'", post=post_id,
                                 account=account))
        return self._item(row, self.clock())

    def post(self, post_id: str) -> Post:
        """The post as it was scheduled (to open it from the queue)."""
        return decode_post(self._rows_of(post_id, None)[0]["body"], post_id)

    def _item(self, row: Any, now: datetime) -> QueueItem:
        at = parse_utc(row["at"])
        state = row["state"]
        if state == SCHEDULED and at <= now:
            state = PUBLISHED if row["mode"] == NATIVE else DUE  # native: the platform did it
        soon = state == SCHEDULED and at - now <= SOON
        return QueueItem(row["post_id"], row["account"], row["platform"],
                         self._channel(row["platform"]), row["title"], at, row["mode"], state,
                         row["reason"], row["url"], row["tries"], soon)

    def _channel(self, platform: str) -> str:
        registry = self.engine.registry
        return registry.get(platform).spec.name if platform in registry else platform

    def _row(self, post_id: str, account: str) -> Any:
        rows = self.store.query("SELECT * FROM schedule WHERE post_id=? AND account=?",
                                (post_id, account))
        return rows[0] if rows else None

    def _by_id(self, row_id: int) -> Any:
        return self.store.query("SELECT * FROM schedule WHERE id=?", (row_id,))[0]

    def _rows_of(self, post_id: str, account: str | None) -> list[Any]:
        if account is None:
            rows = self.store.query("SELECT * FROM schedule WHERE post_id=? ORDER BY id",
                                    (post_id,))
        else:
            row = self._row(post_id, account)
            rows = [row] if row is not None else []
        if not rows:
            if account is None:
                raise NotScheduled(_("Post {post} is not in the queue", post=post_id))
            raise NotScheduled(_("Post {post} is not scheduled for '{account}'", post=post_id,
                                 account=account))
        return rows


def _content(post: Post) -> dict[str, Any]:
    """What goes out, apart from its time."""
    from composer.core.post import to_dict

    data = to_dict(post)
    data.pop("schedule", None)
    return data


def _retryable(outcome: Outcome) -> bool:
    if outcome.state in (State.UNKNOWN, State.CANCELLED, State.PENDING, State.MEDIA_UPLOADED):
        return True
    return outcome.state == State.FAILED and outcome.error in RETRYABLE_ERRORS


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def dumps(items: Iterable[QueueItem | Sent]) -> str:
    return json.dumps([i.as_json() for i in items], ensure_ascii=False, indent=2)
