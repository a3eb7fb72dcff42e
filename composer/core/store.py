"""The one SQLite database: drafts and their versions, attached media, accounts, the publish
journal. WAL mode, ``user_version`` migrations, and a backup copy before every migration.

Secrets never come here (see secrets.py): an account row holds only non-secret settings.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from composer.core.i18n import UserError, _
from composer.core.paths import Paths, app_paths

# Each entry upgrades the schema by one version. Append only; never edit a released one.
MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE drafts (
        id          TEXT PRIMARY KEY,        -- the post id
        title       TEXT NOT NULL DEFAULT '',-- for lists: the title or the text's first line
        body        TEXT NOT NULL,           -- JSON of composer.core.post.to_dict
        status      TEXT NOT NULL DEFAULT 'draft',  -- draft | published | archived
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    CREATE TABLE draft_versions (
        id          INTEGER PRIMARY KEY,
        draft_id    TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        body        TEXT NOT NULL,
        saved_at    TEXT NOT NULL
    );
    CREATE INDEX draft_versions_by_draft ON draft_versions(draft_id, id);
    CREATE TABLE media (
        sha256      TEXT PRIMARY KEY,        -- the file's name in the media store
        mime        TEXT NOT NULL DEFAULT '',
        size        INTEGER NOT NULL,
        original_name TEXT NOT NULL DEFAULT '',
        added_at    TEXT NOT NULL
    );
    CREATE TABLE accounts (
        name        TEXT PRIMARY KEY,        -- chosen by the officer, used by --to
        platform    TEXT NOT NULL,
        settings    TEXT NOT NULL DEFAULT '{}',  -- JSON, non-secret fields only
        display_name TEXT NOT NULL DEFAULT '',
        handle      TEXT NOT NULL DEFAULT '',
        practice    INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL
    );
    CREATE TABLE journal (
        id          INTEGER PRIMARY KEY,
        post_id     TEXT NOT NULL,
        account     TEXT NOT NULL,
        platform    TEXT NOT NULL,
        -- pending | media_uploaded | posted | failed | unknown | cancelled | deleted | manual
        state       TEXT NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        remote_id   TEXT,
        url         TEXT,
        reason      TEXT,
        checkpoint  TEXT NOT NULL DEFAULT '{}',  -- JSON: media ids, container ids ... (no secrets)
        snapshot    TEXT NOT NULL DEFAULT '{}',  -- JSON: the outgoing variant as sent
        idempotency_key TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (post_id, account)
    );
    CREATE TABLE journal_events (
        id          INTEGER PRIMARY KEY,
        journal_id  INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
        at          TEXT NOT NULL,
        state       TEXT NOT NULL,
        detail      TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX journal_events_by_entry ON journal_events(journal_id, id);
    CREATE TABLE settings (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL
    );
    """,
]


class StoreError(UserError):
    pass


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Store:
    """Owns the database connection. Thread-safe: one connection guarded by a lock, because
    SQLite serialises writers anyway and the GUI, the task runner and the engine share it."""

    def __init__(self, paths: Paths | None = None, *, path: Path | None = None):
        self.paths = (paths or app_paths()).ensure()
        self.path = Path(path) if path else self.paths.database
        self._lock = threading.RLock()
        try:
            self._conn = sqlite3.connect(
                self.path, check_same_thread=False, isolation_level=None, timeout=10
            )
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL: a power cut may lose the last transaction, never corrupt the file.
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                _("Cannot open the database {path}: {error}", path=self.path, error=exc)
            ) from None

    # -- plumbing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``with store.transaction() as db:`` runs the block as one atomic write."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._conn.execute(sql, params)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @property
    def schema_version(self) -> int:
        return self.query("PRAGMA user_version")[0][0]

    def _migrate(self) -> None:
        current = self.schema_version
        if current > len(MIGRATIONS):
            raise StoreError(
                _("The database was written by a newer Siaran (schema {found}); please update.",
                  found=current)
            )
        if current == len(MIGRATIONS):
            return
        if current > 0:
            self._backup(current)
        for version in range(current, len(MIGRATIONS)):
            with self.transaction() as db:
                for statement in _statements(MIGRATIONS[version]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")

    def _backup(self, version: int) -> Path:
        """A consistent copy of the database (sqlite's online backup), made before migrating."""
        self.paths.backups.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = self.paths.backups / f"siaran-v{version}-{stamp}.sqlite3"
        dest = sqlite3.connect(target)
        try:
            self._conn.backup(dest)
        finally:
            dest.close()
        return target


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own)."""
    out, buf = [], []
    for line in script.splitlines():
        buf.append(line.split("--", 1)[0])
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    tail = "\n".join(buf).strip()
    if tail:
        out.append(tail)
    return out
