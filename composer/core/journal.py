"""The publish journal: one row per (post, account), written before any request, and an event
for every step, so a crash or a cancel never leaves a post "sent but unrecorded" and a resume
repeats nothing that succeeded.

States (store.py ``journal.state``)::

    pending -> media_uploaded -> posted (remote id, URL)
                              -> failed (reason)       retryable or not, see Entry.retryable
                              -> unknown               sent, no answer: look before retrying
                              -> cancelled
    posted -> deleted                                  after unpublish

The row's ``checkpoint`` holds what the adapter saved along the way (media ids, container ids,
thread part ids) so a retry continues instead of starting over. The engine keeps one reserved
key there, ``_engine`` (the kind of the last error), because the schema has no column for it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from composer.core.adapters import OutgoingPost, PublishResult, RenderedMedia
from composer.core.store import Store, utcnow

_ENGINE_KEY = "_engine"


class State(StrEnum):
    PENDING = "pending"
    MEDIA_UPLOADED = "media_uploaded"
    POSTED = "posted"
    FAILED = "failed"
    UNKNOWN = "unknown"
    CANCELLED = "cancelled"
    DELETED = "deleted"
    MANUAL = "manual"


# Errors after which publishing again (after a resume or a fresh sign-in) can succeed.
RETRYABLE_ERRORS = frozenset({"Transient", "RateLimited", "Unknown", "AuthExpired", "Cancelled",
                              "ConfirmedAbsent"})
# States a resume picks up (failed only when its error is retryable).
UNFINISHED = frozenset({State.PENDING, State.MEDIA_UPLOADED, State.UNKNOWN, State.CANCELLED,
                        State.FAILED})


@dataclass(frozen=True)
class Event:
    at: str
    state: str
    detail: str


@dataclass(frozen=True)
class Entry:
    id: int
    post_id: str
    account: str
    platform: str
    state: State
    attempts: int
    remote_id: str | None
    url: str | None
    reason: str | None
    checkpoint: dict[str, Any]
    snapshot: dict[str, Any]
    idempotency_key: str
    created_at: str
    updated_at: str
    error: str = ""  # the kind of the last error (Transient, Rejected ...), "" when none

    @property
    def done(self) -> bool:
        """Published: by Siaran, or by hand and confirmed (WhatsApp)."""
        return self.state in (State.POSTED, State.MANUAL)

    @property
    def sent_by(self) -> str:
        """Who confirmed a manual publish ("" for everything Siaran sent itself)."""
        return str(self.checkpoint.get("manual_by") or "") if self.state == State.MANUAL else ""

    @property
    def retryable(self) -> bool:
        """Would publishing again make sense (resume picks these)?"""
        if self.state in (State.PENDING, State.MEDIA_UPLOADED, State.UNKNOWN, State.CANCELLED):
            return True
        return self.state == State.FAILED and self.error in RETRYABLE_ERRORS

    @property
    def result(self) -> PublishResult | None:
        if self.remote_id is None:
            return None
        return PublishResult(self.remote_id, self.url, dict(self.checkpoint.get("result_extra", {})))

    def outgoing(self) -> OutgoingPost:
        """The post exactly as it was (or will be) sent, rebuilt from the snapshot."""
        return outgoing_from_snapshot(self.snapshot)


def snapshot_of(post: OutgoingPost) -> dict[str, Any]:
    data = asdict(post)
    data["parts"] = list(post.parts)
    data["tags"] = list(post.tags)
    data["media"] = [asdict(m) for m in post.media]
    return data


def outgoing_from_snapshot(data: Mapping[str, Any]) -> OutgoingPost:
    values = dict(data)
    values["parts"] = tuple(values.get("parts", ()))
    values["tags"] = tuple(values.get("tags", ()))
    values["media"] = tuple(RenderedMedia(**m) for m in values.get("media", ()))
    return OutgoingPost(**values)


def _entry(row) -> Entry:
    checkpoint = json.loads(row["checkpoint"] or "{}")
    engine = checkpoint.pop(_ENGINE_KEY, {}) or {}
    return Entry(
        id=row["id"], post_id=row["post_id"], account=row["account"], platform=row["platform"],
        state=State(row["state"]), attempts=row["attempts"], remote_id=row["remote_id"],
        url=row["url"], reason=row["reason"], checkpoint=checkpoint,
        snapshot=json.loads(row["snapshot"] or "{}"), idempotency_key=row["idempotency_key"],
        created_at=row["created_at"], updated_at=row["updated_at"], error=engine.get("error", ""),
    )


@dataclass
class Journal:
    store: Store

    # -- writing ----------------------------------------------------------------------------

    def begin(self, post: OutgoingPost, account: str, platform: str) -> Entry:
        """The row for (post, account): created as pending, or the existing one unchanged.

        Written before any request, so whatever happens next is on record."""
        now = utcnow()
        with self.store.transaction() as db:
            row = db.execute("SELECT * FROM journal WHERE post_id=? AND account=?",
                             (post.post_id, account)).fetchone()
            if row is not None:
                return _entry(row)
            cur = db.execute(
                "INSERT INTO journal (post_id, account, platform, state, snapshot, idempotency_key,"
                " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                (post.post_id, account, platform, State.PENDING.value,
                 json.dumps(snapshot_of(post)), post.idempotency_key, now, now))
            db.execute("INSERT INTO journal_events (journal_id, at, state, detail) VALUES (?,?,?,?)",
                       (cur.lastrowid, now, State.PENDING.value, ""))
            row = db.execute("SELECT * FROM journal WHERE id=?", (cur.lastrowid,)).fetchone()
        return _entry(row)

    def replace_snapshot(self, entry_id: int, post: OutgoingPost) -> Entry:
        """A new attempt with changed content: new snapshot, the old checkpoint forgotten."""
        with self.store.transaction() as db:
            db.execute("UPDATE journal SET snapshot=?, checkpoint='{}', idempotency_key=?,"
                       " updated_at=? WHERE id=?",
                       (json.dumps(snapshot_of(post)), post.idempotency_key, utcnow(), entry_id))
        return self.by_id(entry_id)

    def record(self, entry_id: int, state: State | str, *, reason: str | None = None,
               error: str = "", remote_id: str | None = None, url: str | None = None,
               detail: str = "", attempt: bool = False) -> Entry:
        """Move the row to ``state`` and log the step as an event, atomically."""
        state = State(state)
        now = utcnow()
        with self.store.transaction() as db:
            row = db.execute("SELECT checkpoint FROM journal WHERE id=?", (entry_id,)).fetchone()
            checkpoint = json.loads(row["checkpoint"] or "{}")
            checkpoint[_ENGINE_KEY] = {"error": error} if error else {}
            sets = ["state=?", "reason=?", "checkpoint=?", "updated_at=?"]
            params: list[Any] = [state.value, reason, json.dumps(checkpoint), now]
            if remote_id is not None:
                sets += ["remote_id=?", "url=?"]
                params += [remote_id, url]
            if attempt:
                sets.append("attempts=attempts+1")
            db.execute(f"UPDATE journal SET {', '.join(sets)} WHERE id=?", (*params, entry_id))
            db.execute("INSERT INTO journal_events (journal_id, at, state, detail) VALUES (?,?,?,?)",
                       (entry_id, now, state.value, detail or (reason or "")))
        return self.by_id(entry_id)

    def posted(self, entry_id: int, result: PublishResult, detail: str = "") -> Entry:
        if result.extra:
            self.save_checkpoint(entry_id, {"result_extra": dict(result.extra)})
        return self.record(entry_id, State.POSTED, remote_id=result.remote_id, url=result.url,
                           detail=detail or result.url or result.remote_id)

    def rescheduled(self, entry_id: int, result: PublishResult, at: str | None,
                    pending_key: str, held_key: str, detail: str) -> Entry:
        """A platform confirmed a new schedule (``at`` None: held as a draft): the platform's
        id, what it holds and the event, in one transaction, so the change is on record once
        (composer.core.scheduling)."""
        now = utcnow()
        with self.store.transaction() as db:
            row = db.execute("SELECT checkpoint FROM journal WHERE id=?", (entry_id,)).fetchone()
            checkpoint = json.loads(row["checkpoint"] or "{}")
            checkpoint.pop(pending_key, None)
            checkpoint[held_key] = {"at": at}
            checkpoint["result_extra"] = dict(result.extra)
            db.execute("UPDATE journal SET remote_id=?, url=?, checkpoint=?, updated_at=?"
                       " WHERE id=?", (result.remote_id, result.url, json.dumps(checkpoint),
                                       now, entry_id))
            db.execute("INSERT INTO journal_events (journal_id, at, state, detail) VALUES (?,?,?,?)",
                       (entry_id, now, State.POSTED.value, detail))
        return self.by_id(entry_id)

    def save_checkpoint(self, entry_id: int, data: Mapping[str, Any]) -> None:
        """Merge what an adapter finished (media ids ...) into the row, before it goes on."""
        with self.store.transaction() as db:
            row = db.execute("SELECT checkpoint, state FROM journal WHERE id=?",
                             (entry_id,)).fetchone()
            checkpoint = json.loads(row["checkpoint"] or "{}")
            checkpoint.update({k: v for k, v in data.items() if k != _ENGINE_KEY})
            db.execute("UPDATE journal SET checkpoint=?, updated_at=? WHERE id=?",
                       (json.dumps(checkpoint), utcnow(), entry_id))

    def note(self, entry_id: int, detail: str) -> None:
        """An event that does not change the state (a retry, a wait, a look-up)."""
        row = self.by_id(entry_id)
        self.store.execute(
            "INSERT INTO journal_events (journal_id, at, state, detail) VALUES (?,?,?,?)",
            (entry_id, utcnow(), row.state.value, detail))

    # -- reading ----------------------------------------------------------------------------

    def by_id(self, entry_id: int) -> Entry:
        return _entry(self.store.query("SELECT * FROM journal WHERE id=?", (entry_id,))[0])

    def get(self, post_id: str, account: str) -> Entry | None:
        rows = self.store.query("SELECT * FROM journal WHERE post_id=? AND account=?",
                                (post_id, account))
        return _entry(rows[0]) if rows else None

    def entries(self, post_id: str) -> list[Entry]:
        return [_entry(r) for r in self.store.query(
            "SELECT * FROM journal WHERE post_id=? ORDER BY id", (post_id,))]

    def events(self, entry_id: int) -> list[Event]:
        return [Event(r["at"], r["state"], r["detail"]) for r in self.store.query(
            "SELECT at, state, detail FROM journal_events WHERE journal_id=? ORDER BY id",
            (entry_id,))]

    def history(self, *, limit: int = 200, account: str | None = None) -> list[Entry]:
        """Newest first."""
        sql, params = "SELECT * FROM journal", []
        if account:
            sql += " WHERE account=?"
            params.append(account)
        sql += " ORDER BY updated_at DESC, id DESC LIMIT ?"
        params.append(limit)
        return [_entry(r) for r in self.store.query(sql, tuple(params))]

    def unfinished(self, post_id: str | None = None) -> list[Entry]:
        """Rows a resume should pick up: never what is posted, deleted or refused for good."""
        marks = ",".join("?" * len(UNFINISHED))
        sql = f"SELECT * FROM journal WHERE state IN ({marks})"
        params: list[Any] = [s.value for s in UNFINISHED]
        if post_id:
            sql += " AND post_id=?"
            params.append(post_id)
        rows = [_entry(r) for r in self.store.query(sql + " ORDER BY id", tuple(params))]
        return [e for e in rows if e.retryable]
