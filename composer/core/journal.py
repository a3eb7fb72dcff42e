"""The publish journal: one row per (post, account), written before any request, and an event
for every step, so a crash or a cancel never leaves a post "sent but unrecorded" and a resume
repeats nothing that succeeded.

States (store.py ``journal.state``)::

    pending -> media_uploaded -> posted (remote id, URL)
                              -> failed (reason)       retryable or not, see Entry.retryable
                              -> unknown               sent, no answer: look before retrying
                              -> cancelled
    posted -> deleted                                  after unpublish

Corrections (composer.core.corrections): a published row whose post changed is never sent again
on its own. The officer's choice is journalled in ``correction`` *before* any request:

    update:  the row stays posted (the old version is what is out) until the edit is answered;
             a crash resumes it as an update, which is idempotent by nature.
    replace: phase "delete" (row still posted), then the row moves to the new version (new
             idempotency key, pending) and publishes as usual; a crash resumes the missing half.
    as_new:  the row moves to the new version at once; the old one stays in the history.

``journal_versions`` keeps every version per row: published v1, updated v2, deleted v2,
replaced v3 ..., each with the fingerprint of what went out and its remote id and URL.

The row's ``checkpoint`` holds what the adapter saved along the way (media ids, container ids,
thread part ids) so a retry continues instead of starting over. The engine keeps one reserved
key there, ``_engine`` (the kind of the last error), because the schema has no column for it.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from composer.core import corrections as C
from composer.core.adapters import OutgoingPost, PublishResult, RenderedMedia
from composer.core.store import Store, title_of, utcnow

_ENGINE_KEY = "_engine"
# how many findings the rule book had on the variant as it went out (the monthly report)
FINDINGS_KEY = "findings_at_send"


class State(StrEnum):
    PENDING = "pending"
    MEDIA_UPLOADED = "media_uploaded"
    POSTED = "posted"
    FAILED = "failed"
    UNKNOWN = "unknown"
    CANCELLED = "cancelled"
    DELETED = "deleted"
    MANUAL = "manual"
    # Outcome-only states, never stored: what publishing a post that is already out came to.
    ALREADY = "already_published"  # unchanged since published: nothing sent
    CHANGED = "changed"  # changed since published: nothing sent until the officer chooses


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
class Version:
    """One version of a post on an account: what happened to it, when, and where it is."""

    version: int
    action: str  # published | updated | replaced | as_new | deleted (corrections.PUBLISHED ...)
    at: str
    remote_id: str | None
    url: str | None
    fingerprint: str


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
    fingerprint: str = ""  # of what is published ("" before the first publish)
    correction: dict[str, Any] = field(default_factory=dict)  # the correction under way
    by: str = ""  # the computer user who started the publish ("" on rows from before)
    first_at: str = ""  # when it first went out (its v1), "" when it never did

    @property
    def when(self) -> str:
        """The row's moment in the history and the monthly report: when it first went out,
        else when it last changed (a failure, a wait)."""
        return self.first_at or self.updated_at

    @property
    def title(self) -> str:
        """The post's title, or its text's first line, as the history and the report show it."""
        return title_of(self.snapshot)

    @property
    def published_by(self) -> str:
        """Who put it out: whoever confirmed a manual share, else who started the publish."""
        return self.sent_by or self.by

    @property
    def correcting(self) -> bool:
        """An update, or a replace's delete, journalled and not yet answered: the row still
        describes the old version, which is what is out there."""
        return (self.correction.get("action") == "update"
                or self.correction.get("phase") == "delete")

    @property
    def published_fingerprint(self) -> str:
        """What is out there now (rows published before fingerprints: from the snapshot)."""
        return self.fingerprint or C.fingerprint_of(self.snapshot)

    @property
    def done(self) -> bool:
        """Published: by Siaran, or by hand and confirmed (WhatsApp)."""
        return self.state in (State.POSTED, State.MANUAL)

    @property
    def findings(self) -> int | None:
        """The rule book's findings on what went out (None: not known, e.g. older rows)."""
        value = self.checkpoint.get(FINDINGS_KEY)
        return int(value) if isinstance(value, int) else None

    @property
    def sent_by(self) -> str:
        """Who confirmed a manual publish ("" for everything Siaran sent itself)."""
        return str(self.checkpoint.get("manual_by") or "") if self.state == State.MANUAL else ""

    @property
    def retryable(self) -> bool:
        """Would publishing again make sense (resume picks these)?"""
        if self.correcting:
            return True
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
    data["options"] = dict(post.options)
    return data


def outgoing_from_snapshot(data: Mapping[str, Any]) -> OutgoingPost:
    values = dict(data)
    values["parts"] = tuple(values.get("parts", ()))
    values["tags"] = tuple(values.get("tags", ()))
    values["media"] = tuple(RenderedMedia(**m) for m in values.get("media", ()))
    values["options"] = dict(values.get("options") or {})  # rows from before options: none
    return OutgoingPost(**values)


def _with_key(post: OutgoingPost, key: str) -> OutgoingPost:
    from dataclasses import replace

    return replace(post, idempotency_key=key)


def _entry(row: sqlite3.Row) -> Entry:
    checkpoint = json.loads(row["checkpoint"] or "{}")
    engine = checkpoint.pop(_ENGINE_KEY, {}) or {}
    first_at = row["first_at"] if "first_at" in row.keys() else ""
    return Entry(
        id=row["id"], post_id=row["post_id"], account=row["account"], platform=row["platform"],
        state=State(row["state"]), attempts=row["attempts"], remote_id=row["remote_id"],
        url=row["url"], reason=row["reason"], checkpoint=checkpoint,
        snapshot=json.loads(row["snapshot"] or "{}"), idempotency_key=row["idempotency_key"],
        created_at=row["created_at"], updated_at=row["updated_at"], error=engine.get("error", ""),
        fingerprint=row["fingerprint"], correction=json.loads(row["correction"] or "{}"),
        by=engine.get("by", ""), first_at=first_at or "",
    )


def _current_user() -> str:
    """The computer account publishing (the report's "who published")."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a service without a passwd entry)
        return ""


# When a row first went out: its first version (rows from before versions: see versions()).
_FIRST_AT = ("(SELECT MIN(v.at) FROM journal_versions v WHERE v.journal_id = journal.id)")
_WHEN = f"COALESCE({_FIRST_AT}, journal.updated_at)"


@dataclass(frozen=True)
class HistoryQuery:
    """What the officer looks for in the history; every field optional, all must match.

    ``since`` and ``until`` are aware datetimes (``until`` excluded) compared with the row's
    :attr:`Entry.when`; ``text`` is found in the title, text, link, reason, account or post id
    whatever the case."""

    channel: str = ""  # an account name or a platform id ("portal", "wordpress")
    states: frozenset[str] = frozenset()
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""
    post: str = ""
    limit: int | None = 200

    def matches_text(self, entry: Entry) -> bool:
        needle = self.text.strip().casefold()
        if not needle:
            return True
        hay = " ".join(str(x or "") for x in (
            entry.title, entry.snapshot.get("text"), entry.url, entry.reason, entry.account,
            entry.post_id, entry.platform, entry.published_by))
        return needle in hay.casefold()


def _utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("history dates need a zone")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


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
                " checkpoint, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (post.post_id, account, platform, State.PENDING.value,
                 json.dumps(snapshot_of(post)), post.idempotency_key,
                 json.dumps({_ENGINE_KEY: {"by": _current_user()}}), now, now))
            db.execute("INSERT INTO journal_events (journal_id, at, state, detail) VALUES (?,?,?,?)",
                       (cur.lastrowid, now, State.PENDING.value, ""))
            row = db.execute("SELECT * FROM journal WHERE id=?", (cur.lastrowid,)).fetchone()
        return _entry(row)

    def replace_snapshot(self, entry_id: int, post: OutgoingPost) -> Entry:
        """A new attempt with changed content: new snapshot, the old checkpoint forgotten."""
        with self.store.transaction() as db:
            row = db.execute("SELECT checkpoint FROM journal WHERE id=?", (entry_id,)).fetchone()
            engine = json.loads(row["checkpoint"] or "{}").get(_ENGINE_KEY) or {}
            keep = {_ENGINE_KEY: {"by": engine["by"]}} if engine.get("by") else {}
            db.execute("UPDATE journal SET snapshot=?, checkpoint=?, idempotency_key=?,"
                       " updated_at=? WHERE id=?",
                       (json.dumps(snapshot_of(post)), json.dumps(keep), post.idempotency_key,
                        utcnow(), entry_id))
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
            by = (checkpoint.get(_ENGINE_KEY) or {}).get("by")
            checkpoint[_ENGINE_KEY] = {"error": error} if error else {}
            if by:
                checkpoint[_ENGINE_KEY]["by"] = by
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
        """Published: the row, its fingerprint and a new version, with what the correction
        under way (if any) made of it (updated, replaced, as new)."""
        if result.extra:
            self.save_checkpoint(entry_id, {"result_extra": dict(result.extra)})
        self.record(entry_id, State.POSTED, remote_id=result.remote_id, url=result.url,
                    detail=detail or result.url or result.remote_id)
        with self.store.transaction() as db:
            row = db.execute("SELECT * FROM journal WHERE id=?", (entry_id,)).fetchone()
            entry = _entry(row)
            action = {"update": C.UPDATED, "replace": C.REPLACED, "as_new": C.POSTED_AS_NEW}.get(
                entry.correction.get("action", ""), C.PUBLISHED)
            fingerprint = C.fingerprint_of(entry.snapshot)
            version = int(entry.correction.get("version") or
                          self._last_version(db, entry_id) + 1)
            db.execute("INSERT INTO journal_versions (journal_id, version, action, fingerprint,"
                       " remote_id, url, at) VALUES (?,?,?,?,?,?,?)",
                       (entry_id, version, action, fingerprint, result.remote_id, result.url,
                        utcnow()))
            db.execute("UPDATE journal SET fingerprint=?, correction='' WHERE id=?",
                       (fingerprint, entry_id))
        return self.by_id(entry_id)

    def manual_version(self, entry_id: int) -> Entry:
        """Sent by hand and confirmed: the version (and fingerprint) it put out."""
        entry = self.by_id(entry_id)
        action = C.POSTED_AS_NEW if entry.correction.get("action") == "as_new" else C.PUBLISHED
        self._version(entry_id, action, entry.remote_id, entry.url,
                      C.fingerprint_of(entry.snapshot))
        with self.store.transaction() as db:
            db.execute("UPDATE journal SET fingerprint=?, correction='' WHERE id=?",
                       (C.fingerprint_of(entry.snapshot), entry_id))
        return self.by_id(entry_id)

    # -- corrections ------------------------------------------------------------------------

    def start_correction(self, entry_id: int, choice: str, post: OutgoingPost) -> Entry:
        """Journal the officer's choice for a changed, published post before any request.

        ``post`` is the new version; for replace and as-new it gets the next version's
        idempotency key here, so the platform sees a new post."""
        choice = C.Choice(choice)
        entry = self.by_id(entry_id)
        self._ensure_first_version(entry)
        with self.store.transaction() as db:
            next_version = self._last_version(db, entry_id) + 1
        key = (entry.idempotency_key if choice == C.Choice.UPDATE
               else C.version_key(entry.post_id, entry.account, next_version))
        new = _with_key(post, key)
        correction: dict[str, Any] = {"action": choice.value, "version": next_version,
                                      "snapshot": snapshot_of(new)}
        if choice == C.Choice.REPLACE:
            correction["phase"] = "delete"
        with self.store.transaction() as db:
            db.execute("UPDATE journal SET correction=?, updated_at=? WHERE id=?",
                       (json.dumps(correction), utcnow(), entry_id))
            db.execute("INSERT INTO journal_events (journal_id, at, state, detail) VALUES "
                       "(?,?,?,?)", (entry_id, utcnow(), entry.state.value,
                                     f"correction: {choice.value} v{next_version}"))
        if choice == C.Choice.AS_NEW:
            return self._move_to_new_version(entry_id)
        return self.by_id(entry_id)

    def correction_post(self, entry: Entry) -> OutgoingPost:
        """The new version a correction under way sends."""
        return outgoing_from_snapshot(entry.correction["snapshot"])

    def deleted_for_replace(self, entry_id: int) -> Entry:
        """A replace's delete was answered: the old version is gone; the row now tracks the new
        version, pending, under its own idempotency key."""
        entry = self.by_id(entry_id)
        self._version(entry_id, C.DELETED, entry.remote_id, entry.url,
                      entry.published_fingerprint, same_version=True)
        return self._move_to_new_version(entry_id, phase="publish")

    def updated(self, entry_id: int, result: PublishResult) -> Entry:
        """An update was answered: the row's snapshot becomes the new version, posted."""
        entry = self.by_id(entry_id)
        new = self.correction_post(entry)
        with self.store.transaction() as db:
            db.execute("UPDATE journal SET snapshot=? WHERE id=?",
                       (json.dumps(snapshot_of(new)), entry_id))
        return self.posted(entry_id, result, detail="updated")

    def abandon_correction(self, entry_id: int, reason: str) -> Entry:
        """The platform refused the correction for good: nothing changed out there, so the row
        stays as it was (the old version published) and the reason is on record."""
        entry = self.by_id(entry_id)
        with self.store.transaction() as db:
            db.execute("UPDATE journal SET correction='', updated_at=? WHERE id=?",
                       (utcnow(), entry_id))
            db.execute("INSERT INTO journal_events (journal_id, at, state, detail) VALUES "
                       "(?,?,?,?)", (entry_id, utcnow(), entry.state.value,
                                     f"correction refused: {reason}"))
        return self.by_id(entry_id)

    def unpublished(self, entry_id: int) -> Entry:
        """Deleted from the platform (siaran unpublish / History): a version row and the state."""
        entry = self.by_id(entry_id)
        self._ensure_first_version(entry)
        self._version(entry_id, C.DELETED, entry.remote_id, entry.url,
                      entry.published_fingerprint, same_version=True)
        with self.store.transaction() as db:
            db.execute("UPDATE journal SET correction='' WHERE id=?", (entry_id,))
        return self.record(entry_id, State.DELETED, detail="unpublished")

    def _move_to_new_version(self, entry_id: int, phase: str = "") -> Entry:
        entry = self.by_id(entry_id)
        new = self.correction_post(entry)
        correction = {k: v for k, v in entry.correction.items() if k != "snapshot"}
        if phase:
            correction["phase"] = phase
        keep = {k: v for k, v in entry.checkpoint.items() if k == "target_settings"}
        now = utcnow()
        with self.store.transaction() as db:
            db.execute("UPDATE journal SET snapshot=?, idempotency_key=?, state=?, attempts=0,"
                       " remote_id=NULL, url=NULL, reason=NULL, checkpoint=?, correction=?,"
                       " updated_at=? WHERE id=?",
                       (json.dumps(snapshot_of(new)), new.idempotency_key, State.PENDING.value,
                        json.dumps(keep), json.dumps(correction), now, entry_id))
            db.execute("INSERT INTO journal_events (journal_id, at, state, detail) VALUES "
                       "(?,?,?,?)", (entry_id, now, State.PENDING.value,
                                     f"new version v{correction.get('version', '?')}"))
        return self.by_id(entry_id)

    def _ensure_first_version(self, entry: Entry) -> None:
        """Rows published before versions were kept get their v1 from the row itself."""
        with self.store.transaction() as db:
            if self._last_version(db, entry.id) or entry.state not in (State.POSTED,
                                                                       State.MANUAL):
                return
            db.execute("INSERT INTO journal_versions (journal_id, version, action, fingerprint,"
                       " remote_id, url, at) VALUES (?,?,?,?,?,?,?)",
                       (entry.id, 1, C.PUBLISHED, entry.published_fingerprint, entry.remote_id,
                        entry.url, entry.updated_at))

    def _version(self, entry_id: int, action: str, remote_id: str | None, url: str | None,
                 fingerprint: str, *, same_version: bool = False) -> None:
        with self.store.transaction() as db:
            last = self._last_version(db, entry_id)
            version = max(1, last if same_version else last + 1)
            db.execute("INSERT INTO journal_versions (journal_id, version, action, fingerprint,"
                       " remote_id, url, at) VALUES (?,?,?,?,?,?,?)",
                       (entry_id, version, action, fingerprint, remote_id, url, utcnow()))

    @staticmethod
    def _last_version(db: sqlite3.Connection, entry_id: int) -> int:
        row = db.execute("SELECT MAX(version) AS v FROM journal_versions WHERE journal_id=?",
                         (entry_id,)).fetchone()
        return int(row["v"] or 0)

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

    def versions(self, entry_id: int) -> list[Version]:
        """Every version of the row, oldest first (a row published before versions were kept
        shows its one publish as v1)."""
        rows = self.store.query("SELECT * FROM journal_versions WHERE journal_id=? ORDER BY id",
                                (entry_id,))
        if rows:
            return [Version(r["version"], r["action"], r["at"], r["remote_id"], r["url"],
                            r["fingerprint"]) for r in rows]
        entry = self.by_id(entry_id)
        if entry.state in (State.POSTED, State.MANUAL, State.DELETED) and entry.remote_id:
            return [Version(1, C.PUBLISHED, entry.updated_at, entry.remote_id, entry.url,
                            entry.published_fingerprint)]
        return []

    def events(self, entry_id: int) -> list[Event]:
        return [Event(r["at"], r["state"], r["detail"]) for r in self.store.query(
            "SELECT at, state, detail FROM journal_events WHERE journal_id=? ORDER BY id",
            (entry_id,))]

    def history(self, *, limit: int = 200, account: str | None = None) -> list[Entry]:
        """Newest first."""
        return self.search(HistoryQuery(channel=account or "", limit=limit))

    def search(self, query: HistoryQuery) -> list[Entry]:
        """The rows ``query`` asks for, newest first (by :attr:`Entry.when`): the one query
        behind History's filters, `siaran history` and the monthly report."""
        where: list[str] = []
        params: list[Any] = []
        if query.channel:
            where.append("(journal.account=? OR journal.platform=?)")
            params += [query.channel, query.channel]
        if query.states:
            where.append(f"journal.state IN ({','.join('?' * len(query.states))})")
            params += sorted(query.states)
        if query.post:
            where.append("journal.post_id=?")
            params.append(query.post)
        if query.since is not None:
            where.append(f"{_WHEN} >= ?")
            params.append(_utc_text(query.since))
        if query.until is not None:
            where.append(f"{_WHEN} < ?")
            params.append(_utc_text(query.until))
        sql = f"SELECT journal.*, {_FIRST_AT} AS first_at FROM journal"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {_WHEN} DESC, journal.id DESC"
        found = (e for e in map(_entry, self.store.query(sql, tuple(params)))
                 if query.matches_text(e))
        rows: list[Entry] = []
        for entry in found:
            if query.limit is not None and len(rows) >= query.limit:
                break
            rows.append(entry)
        return rows

    def accounts(self) -> list[tuple[str, str]]:
        """Every (account, platform) the history has rows for, by name (History's channel
        filter lists them, removed accounts too)."""
        return [(r["account"], r["platform"]) for r in self.store.query(
            "SELECT DISTINCT account, platform FROM journal ORDER BY account")]

    def unfinished(self, post_id: str | None = None) -> list[Entry]:
        """Rows a resume should pick up: never what is posted, deleted or refused for good."""
        marks = ",".join("?" * len(UNFINISHED))
        sql = f"SELECT * FROM journal WHERE (state IN ({marks}) OR correction != '')"
        params: list[Any] = [s.value for s in UNFINISHED]
        if post_id:
            sql += " AND post_id=?"
            params.append(post_id)
        rows = [_entry(r) for r in self.store.query(sql + " ORDER BY id", tuple(params))]
        return [e for e in rows if e.retryable]
