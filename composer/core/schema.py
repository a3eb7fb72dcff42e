"""The database schema as a list of migrations; composer/core/store.py runs them in order, after
a backup, and records the version in ``PRAGMA user_version``."""

from __future__ import annotations

import sqlite3

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
    # 2: why a version was written, so the thinning keeps what the officer saved on purpose
    """
    ALTER TABLE draft_versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'auto'; -- auto | manual
    """,
    # 3: honest corrections: what is out there (its fingerprint), a correction under way, and
    # every version of a post on an account (published v1, updated v2, replaced, deleted ...)
    """
    ALTER TABLE journal ADD COLUMN fingerprint TEXT NOT NULL DEFAULT ''; -- of what is published
    ALTER TABLE journal ADD COLUMN correction TEXT NOT NULL DEFAULT ''; -- JSON; '' when none
    CREATE TABLE journal_versions (
        id          INTEGER PRIMARY KEY,
        journal_id  INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
        version     INTEGER NOT NULL,
        action      TEXT NOT NULL,           -- published | updated | replaced | as_new | deleted
        fingerprint TEXT NOT NULL DEFAULT '',
        remote_id   TEXT,
        url         TEXT,
        at          TEXT NOT NULL
    );
    CREATE INDEX journal_versions_by_entry ON journal_versions(journal_id, id);
    """,
    # 4: the queue of scheduled posts (composer.core.queue): one row per (post, account), held
    # by the platform (native) or sent by Siaran itself at its time (local)
    """
    CREATE TABLE schedule (
        id          INTEGER PRIMARY KEY,
        post_id     TEXT NOT NULL,
        account     TEXT NOT NULL,
        platform    TEXT NOT NULL,
        at          TEXT NOT NULL,           -- UTC, ISO 8601: when it goes out
        mode        TEXT NOT NULL,           -- native | local
        state       TEXT NOT NULL,           -- scheduled | missed | sending | published | failed
        title       TEXT NOT NULL DEFAULT '',
        body        TEXT NOT NULL,           -- JSON of the post as scheduled (store.encode_post)
        tries       INTEGER NOT NULL DEFAULT 0,  -- sends that failed and may be tried again
        next_try    TEXT,                    -- UTC: a failed send's next try (bounded back-off)
        reason      TEXT NOT NULL DEFAULT '',
        url         TEXT,
        claimed_at  TEXT,                    -- UTC: when a run-due took it for sending
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (post_id, account)
    );
    CREATE INDEX schedule_by_time ON schedule(at);
    """,
]


def statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own). Line
    comments are dropped; sqlite decides where a statement ends (triggers hold inner ';')."""
    text = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    out, buf = [], ""
    for piece in text.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \t\n;"):
                out.append(buf.strip())
            buf = ""
    if buf.strip(" \t\n;"):
        out.append(buf.strip().rstrip(";"))
    return out
