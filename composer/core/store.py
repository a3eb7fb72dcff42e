"""The one SQLite database: drafts and their versions, attached media, accounts, the publish
journal. WAL mode, ``user_version`` migrations, and a backup copy before every migration.

Secrets never come here (see secrets.py): an account row holds only non-secret settings.

Drafts: ``autosave(post)`` is what the editor calls on every (debounced) change. It is one small
transaction: nothing is written when the post did not change, otherwise the draft row and one
version row, and old versions are thinned (recent saves all kept, then one per 5 minutes, per
hour, per day, per week; at most MAX_VERSIONS). A SIGKILL or a crash loses no committed save: WAL
with synchronous=NORMAL only risks the last transaction on a power cut, never corruption.

Media: ``add_media(path)`` copies a file into the content-addressed store (named by sha256), so
a draft survives the original file being moved or deleted.

A damaged database is never overwritten: it is moved aside (with its -wal/-shm files) and a new
one is started; ``Store.notice`` then holds one translated line saying where the old one went.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import mimetypes
import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from composer.core.disk import disk_full, nearly_full, write_failure
from composer.core.i18n import UserError, _
from composer.core.paths import Paths, app_paths
from composer.core.post import MediaRef, Post, from_dict, to_dict
from composer.core.schema import MIGRATIONS, statements

# SQL parameters: positional (?) or named (:name).
Params = tuple[Any, ...] | Mapping[str, Any]

log = logging.getLogger(__name__)

# Version thinning. The newest KEEP_RECENT saves are always kept (fine-grained undo); older
# autosaves keep the last one of each window, the window widening with age.
KEEP_RECENT = 20
MAX_VERSIONS = 100
THINNING = (  # (younger than, one version per)
    (timedelta(hours=1), timedelta(minutes=5)),
    (timedelta(days=1), timedelta(hours=1)),
    (timedelta(days=30), timedelta(days=1)),
)
OLDEST_WINDOW = timedelta(weeks=1)
THIN_EVERY = 8  # thin on every 8th version written (so a draft may hold up to 8 more)

# sqlite result codes (the low byte of extended codes) that mean "this file is damaged".
_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_CHUNK = 1 << 20
# Drafts in the order they were last saved. Version ids only grow (the newest version is never
# thinned), so they order saves exactly even within one millisecond, unlike the timestamps.
_LAST_SAVE = ("(SELECT max(v.id) FROM draft_versions v WHERE v.draft_id = drafts.id) DESC, "
              "drafts.updated_at DESC")


class StoreError(UserError):
    pass


class DraftNotFound(StoreError):
    pass


class MediaUnreadable(StoreError):
    pass


class _Damaged(Exception):
    """The file is not a usable database (internal: triggers the move-aside)."""


@dataclass(frozen=True)
class DraftInfo:
    id: str
    title: str
    status: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class VersionInfo:
    id: int
    draft_id: str
    saved_at: datetime
    kind: str  # auto | manual
    title: str


@dataclass(frozen=True)
class MediaInfo:
    sha256: str
    mime: str
    size: int
    original_name: str
    path: Path


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Store:
    """Owns the database connection. Thread-safe: one connection guarded by a lock, because
    SQLite serialises writers anyway and the GUI, the task runner and the engine share it."""

    def __init__(self, paths: Paths | None = None, *, path: Path | None = None):
        self.paths = (paths or app_paths()).ensure()
        self.path = Path(path) if path else self.paths.database
        self._lock = threading.RLock()
        # One translated line for the officer when something happened on opening (a damaged
        # database moved aside). None when all is well.
        self.notice: str | None = None
        try:
            self._conn = self._open()
        except _Damaged as exc:
            aside = self._move_aside()
            self.notice = _(
                "The database was damaged ({error}); it was moved to {aside} and a new one was "
                "started.", error=exc, aside=aside)
            try:
                self._conn = self._open()
            except _Damaged as again:
                raise StoreError(_("Cannot open the database {path}: {error}",
                                   path=self.path, error=again)) from None
        self._clean_incoming()

    def _open(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                                   timeout=10)
        except sqlite3.Error as exc:
            raise StoreError(_("Cannot open the database {path}: {error}",
                               path=self.path, error=exc)) from None
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL: a power cut may lose the last transaction, never corrupt the file.
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(20)")]
            if problems != ["ok"]:
                log.warning("quick_check of %s failed: %s", self.path, problems)
                raise _Damaged(_one_line("\n".join(problems)))
            self._conn = conn
            self._migrate()
            return conn
        except sqlite3.DatabaseError as exc:
            conn.close()
            code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
            if code in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR) and nearly_full(self.path.parent):
                raise disk_full(self.path.parent) from None  # full, not damaged: touch nothing
            if code in _DAMAGED:
                raise _Damaged(_one_line(str(exc))) from None
            raise StoreError(_("Cannot open the database {path}: {error}",
                               path=self.path, error=_one_line(str(exc)))) from None
        except BaseException:
            conn.close()
            raise

    def _move_aside(self) -> Path:
        """Rename the damaged file (and its -wal/-shm) so nothing ever writes over it."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
        try:
            for suffix in ("-wal", "-shm", ""):
                src = Path(f"{self.path}{suffix}")
                if src.exists():
                    os.replace(src, f"{aside}{suffix}")
        except OSError as exc:
            raise StoreError(_("The database {path} is damaged and cannot be moved aside: {error}",
                               path=self.path, error=exc)) from None
        return aside

    # -- plumbing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``with store.transaction() as db:`` runs the block as one atomic write."""
        with self._lock, self._told_full():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")  # may fail too (disk full): then roll back
            except BaseException:
                if self._conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._conn.execute("ROLLBACK")
                raise

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        with self._lock, self._told_full():
            return self._conn.execute(sql, params).fetchall()

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        with self._lock, self._told_full():
            return self._conn.execute(sql, params)

    @contextlib.contextmanager
    def _told_full(self) -> Iterator[None]:
        """SQLite's "database or disk is full" becomes DiskFull, naming the folder, wherever
        the write happens (a draft, the journal, an account): one line the officer can act on."""
        try:
            yield
        except sqlite3.Error as exc:
            full = getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
            if not (full and nearly_full(self.paths.data)):  # else a size limit, not the disk
                raise
            raise disk_full(self.paths.data) from None

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        version: int = self.query("PRAGMA user_version")[0][0]
        return version

    def _migrate(self) -> None:
        current = self.schema_version
        if current > len(MIGRATIONS):
            raise StoreError(
                _("The database was written by a newer Siaran (schema {found}); please update.",
                  found=current)
            )
        if current == len(MIGRATIONS):
            return
        backup = self._backup(current) if current > 0 else None
        for version in range(current, len(MIGRATIONS)):
            try:
                with self.transaction() as db:
                    for statement in statements(MIGRATIONS[version]):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {version + 1}")
            except sqlite3.DatabaseError as exc:
                if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in _DAMAGED:
                    raise
                raise StoreError(_(
                    "Cannot upgrade the database to schema {version}: {error} (a copy of the "
                    "old one is in {backup})", version=version + 1, error=exc, backup=backup,
                )) from None

    def _backup(self, version: int) -> Path:
        """A consistent copy of the database (sqlite's online backup), made before migrating."""
        self.paths.backups.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = self.paths.backups / f"siaran-v{version}-{stamp}.sqlite3"
        n = 1
        while target.exists():  # never overwrite an earlier backup
            n += 1
            target = self.paths.backups / f"siaran-v{version}-{stamp}-{n}.sqlite3"
        dest = sqlite3.connect(target)
        try:
            self._conn.backup(dest)
        finally:
            dest.close()
        return target

    # -- drafts -----------------------------------------------------------------------------

    def autosave(self, post: Post) -> bool:
        """Save the editor's current post; cheap enough to call on every debounced change.
        Returns False (and writes nothing) when the post is unchanged since the last save."""
        return self._save(post, "auto")

    def save_draft(self, post: Post) -> bool:
        """An explicit save: copies the post's media into the media store first, and the
        version it writes is kept by the thinning. Returns False when nothing changed."""
        self.adopt_media(post)
        return self._save(post, "manual")

    def _save(self, post: Post, kind: str) -> bool:
        try:
            return self._write_draft(post, kind)
        except sqlite3.Error as exc:  # a damaged page ...: the last save stays
            raise StoreError(_("The draft could not be saved: {error}", error=exc)) from None

    def _write_draft(self, post: Post, kind: str) -> bool:
        body = encode_post(post)
        now = utcnow()
        with self.transaction() as db:
            row = db.execute("SELECT body FROM drafts WHERE id = ?", (post.id,)).fetchone()
            if row is not None and row["body"] == body:
                if kind == "manual":  # saved on purpose: keep the version that holds it
                    db.execute(
                        "UPDATE draft_versions SET kind = 'manual' WHERE id = "
                        "(SELECT max(id) FROM draft_versions WHERE draft_id = ?)", (post.id,))
                return False
            db.execute(
                "INSERT INTO drafts (id, title, body, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "title = excluded.title, body = excluded.body, updated_at = excluded.updated_at",
                (post.id, draft_title(post), body, now, now))
            version = db.execute("INSERT INTO draft_versions (draft_id, body, saved_at, kind) "
                                 "VALUES (?, ?, ?, ?)", (post.id, body, now, kind)).lastrowid
            if version is not None and version % THIN_EVERY == 0:  # an INSERT always has one  # amortised: a third of an autosave's cost otherwise
                self._thin_versions(db, post.id, _parse_time(now))
        return True

    def _thin_versions(self, db: sqlite3.Connection, draft_id: str, now: datetime) -> None:
        rows = db.execute("SELECT id, saved_at, kind FROM draft_versions WHERE draft_id = ? "
                          "ORDER BY id DESC", (draft_id,)).fetchall()
        if len(rows) <= KEEP_RECENT:
            return
        drop = versions_to_drop([(r[0], _parse_time(r[1]), r[2]) for r in rows], now)
        if drop:
            db.executemany("DELETE FROM draft_versions WHERE id = ?", [(i,) for i in drop])

    def load_draft(self, draft_id: str) -> Post:
        rows = self.query("SELECT body FROM drafts WHERE id = ?", (draft_id,))
        if not rows:
            raise DraftNotFound(_("There is no draft {id}", id=draft_id))
        return decode_post(rows[0]["body"], draft_id)

    def latest_draft(self) -> Post | None:
        """The draft edited most recently (what the app reopens after a crash), or None."""
        rows = self.query("SELECT id, body FROM drafts WHERE status = 'draft' "
                          f"ORDER BY {_LAST_SAVE} LIMIT 1")
        return decode_post(rows[0]["body"], rows[0]["id"]) if rows else None

    def list_drafts(self, status: str | None = "draft") -> list[DraftInfo]:
        """Newest first; ``status=None`` lists every draft whatever its status."""
        sql = "SELECT id, title, status, created_at, updated_at FROM drafts"
        params: tuple[str, ...] = ()
        if status is not None:
            sql += " WHERE status = ?"
            params = (status,)
        rows = self.query(sql + f" ORDER BY {_LAST_SAVE}", params)
        return [DraftInfo(r["id"], r["title"], r["status"], _parse_time(r["created_at"]),
                          _parse_time(r["updated_at"])) for r in rows]

    def set_status(self, draft_id: str, status: str) -> None:
        """draft | published | archived (the engine marks a post published)."""
        with self.transaction() as db:
            cur = db.execute("UPDATE drafts SET status = ? WHERE id = ?", (status, draft_id))
            if cur.rowcount == 0:
                raise DraftNotFound(_("There is no draft {id}", id=draft_id))

    def delete_draft(self, draft_id: str) -> bool:
        """Delete a draft and all its versions. Returns False when there was no such draft."""
        with self.transaction() as db:
            return db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,)).rowcount > 0

    def draft_versions(self, draft_id: str) -> list[VersionInfo]:
        """The kept versions of a draft, newest first."""
        rows = self.query("SELECT id, draft_id, body, saved_at, kind FROM draft_versions "
                          "WHERE draft_id = ? ORDER BY id DESC", (draft_id,))
        out = []
        for r in rows:
            try:
                title = title_of(json.loads(r["body"]))
            except (ValueError, TypeError, AttributeError):
                title = ""
            out.append(VersionInfo(r["id"], r["draft_id"], _parse_time(r["saved_at"]),
                                   r["kind"], title))
        return out

    def load_version(self, version_id: int) -> Post:
        rows = self.query("SELECT draft_id, body FROM draft_versions WHERE id = ?", (version_id,))
        if not rows:
            raise DraftNotFound(_("There is no saved version {id}", id=version_id))
        return decode_post(rows[0]["body"], rows[0]["draft_id"])

    def restore_version(self, version_id: int) -> Post:
        """Make an earlier version the draft's current state (as a new, kept version; the
        state it replaces stays in the history) and return it."""
        post = self.load_version(version_id)
        self._save(post, "manual")
        return post

    # -- media ------------------------------------------------------------------------------

    def add_media(self, path: str | os.PathLike[str]) -> str:
        """Copy a file into the content-addressed media store; returns its sha256.

        One pass: the file is hashed while it is copied to a temporary file next to the store,
        which is then renamed into place, so a crash never leaves a half-copied file under a
        real name. Adding the same content twice keeps one copy."""
        src = Path(path)
        digest = hashlib.sha256()
        size = 0
        head = b""
        self.paths.media.mkdir(parents=True, exist_ok=True)
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.paths.media)
        except OSError as exc:
            raise write_failure(exc, self.paths.media) from None
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as fout:
                try:
                    fin = open(src, "rb")  # noqa: SIM115 - closed below; read and write errors differ
                except FileNotFoundError:
                    raise MediaUnreadable(_("The file {path} does not exist", path=src)) from None
                except OSError as exc:
                    raise MediaUnreadable(_("Cannot read the file {path}: {error}",
                                            path=src, error=exc.strerror or exc)) from None
                with fin:
                    while True:
                        try:
                            chunk = fin.read(_CHUNK)
                        except OSError as exc:
                            raise MediaUnreadable(_("Cannot read the file {path}: {error}",
                                                    path=src, error=exc.strerror or exc)) from None
                        if not chunk:
                            break
                        if not head:
                            head = chunk[:64]
                        digest.update(chunk)
                        try:
                            fout.write(chunk)
                        except OSError as exc:  # the media store's disk, not the photo
                            raise write_failure(exc, self.paths.media) from None
                        size += len(chunk)
                    try:
                        fout.flush()
                        os.fsync(fout.fileno())
                    except OSError as exc:
                        raise write_failure(exc, self.paths.media) from None
            sha = digest.hexdigest()
            target = self.paths.media_file(sha)
            if target.exists() and target.stat().st_size == size:
                tmp.unlink()
            else:
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(tmp, target)
                except OSError as exc:
                    raise write_failure(exc, self.paths.media) from None
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO media (sha256, mime, size, original_name, added_at)"
                       " VALUES (?, ?, ?, ?, ?)", (sha, sniff_mime(head, src.name), size,
                                                   src.name, utcnow()))
        return sha

    def media_info(self, sha256: str) -> MediaInfo | None:
        rows = self.query("SELECT sha256, mime, size, original_name FROM media WHERE sha256 = ?",
                          (sha256,))
        if not rows:
            return None
        r = rows[0]
        return MediaInfo(r["sha256"], r["mime"], r["size"], r["original_name"],
                         self.paths.media_file(sha256))

    def media_file(self, ref: MediaRef) -> Path:
        """Where to read a post's image: the stored copy when there is one, else its path."""
        if ref.sha256:
            stored = self.paths.media_file(ref.sha256)
            if stored.is_file():
                return stored
        return Path(ref.path)

    def adopt_media(self, post: Post) -> None:
        """Copy every not-yet-stored image of the post into the media store (sets sha256).
        Files that cannot be read are left as they are: the pre-publish check reports them. A
        store that cannot be written (a full disk) raises: the draft is not saved, and says so."""
        for ref in post.media:
            if not ref.sha256:
                with contextlib.suppress(MediaUnreadable):
                    ref.sha256 = self.add_media(ref.path)

    def _clean_incoming(self, older_than: float = 3600) -> None:
        """Remove temporary files a crash left behind in the media store."""
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.paths.media):
                if entry.name.startswith(".incoming-"):
                    with contextlib.suppress(OSError):
                        if time.time() - entry.stat().st_mtime > older_than:
                            os.unlink(entry.path)


# ---------------------------------------------------------------------------------------------
# Helpers (pure; tested on their own)


def versions_to_drop(versions: list[tuple[int, datetime, str]], now: datetime) -> list[int]:
    """Which versions to delete. ``versions`` is (id, saved_at, kind), newest first.

    Keeps the newest KEEP_RECENT, every manual save, and of older autosaves the newest in each
    time window (5 minutes within the last hour, an hour within the last day, a day within the
    last month, a week beyond). Then, above MAX_VERSIONS, the oldest autosaves go first."""
    drop: list[int] = []
    kept: list[tuple[int, str]] = []
    windows: set[tuple[float, int]] = set()
    for i, (vid, at, kind) in enumerate(versions):
        if i < KEEP_RECENT or kind != "auto":
            kept.append((vid, kind))
            continue
        age = now - at
        width = next((w for younger, w in THINNING if age < younger), OLDEST_WINDOW).total_seconds()
        window = (width, int(at.timestamp() // width))
        if window in windows:
            drop.append(vid)
        else:
            windows.add(window)
            kept.append((vid, kind))
    excess = len(kept) - MAX_VERSIONS
    if excess > 0:
        candidates = sorted(kept[KEEP_RECENT:], key=lambda v: (v[1] != "auto", v[0]))
        drop.extend(vid for vid, _kind in candidates[:excess])
    return drop


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in a draft")


def encode_post(post: Post) -> str:
    """The draft body: canonical JSON (sorted keys), so an unchanged post gives the same text."""
    return json.dumps(to_dict(post), ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=_json_default)


def decode_post(body: str, draft_id: str = "") -> Post:
    try:
        return from_dict(json.loads(body))
    except (ValueError, TypeError, AttributeError, UserError) as exc:
        raise StoreError(_("The draft {id} cannot be read: {error}", id=draft_id,
                           error=exc)) from None


def draft_title(post: Post) -> str:
    return title_of({"title": post.title, "text": post.text})


def title_of(data: Mapping[str, Any]) -> str:
    """The title, or the text's first non-empty line, shortened for lists (drafts, history,
    the monthly report)."""
    title = (data.get("title") or "").strip()
    if not title:
        text = data.get("text") or ""
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return title if len(title) <= 80 else title[:79] + "…"


def _one_line(text: str, limit: int = 120) -> str:
    """sqlite's findings can run to many lines; the officer gets the first real one."""
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.startswith("***")]
    first = lines[0] if lines else text.strip()
    if len(first) > limit:
        first = first[:limit - 1] + "…"
    return first + (f" (+{len(lines) - 1})" if len(lines) > 1 else "")


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value)


_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def sniff_mime(head: bytes, name: str) -> str:
    """The file's type from its first bytes, else from its name."""
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis"):
            return "image/heic"
        if brand in (b"avif", b"avis"):
            return "image/avif"
        if brand.startswith(b"qt"):
            return "video/quicktime"
        return "video/mp4"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
