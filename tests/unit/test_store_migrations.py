"""user_version migrations: each runs in a transaction, after a backup copy of the old file."""

from __future__ import annotations

import sqlite3

import pytest

from composer.core import store as store_module
from composer.core.post import Post
from composer.core.store import Store, StoreError


def _user_version(path) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute("PRAGMA user_version").fetchone()[0]
    finally:
        raw.close()


def test_a_new_migration_runs_after_a_backup_of_the_old_version(monkeypatch):
    with Store() as s:
        old_version = s.schema_version
        post = Post(text="dibuat sebelum pembaruan")
        s.autosave(post)
        backups = s.paths.backups
    assert not backups.exists() or not list(backups.iterdir())  # a fresh database needs none

    monkeypatch.setattr(store_module, "MIGRATIONS", [
        *store_module.MIGRATIONS,
        "ALTER TABLE drafts ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;"
        " CREATE INDEX drafts_pinned ON drafts(pinned);",
    ])
    with Store() as s:
        assert s.schema_version == old_version + 1
        assert s.query("SELECT pinned FROM drafts")[0][0] == 0
        assert s.load_draft(post.id).text == post.text  # the data came along
    copies = list(backups.iterdir())
    assert len(copies) == 1
    # The backup is a whole, valid database of the old version, with the old data.
    raw = sqlite3.connect(copies[0])
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == old_version
        columns = [r[1] for r in raw.execute("PRAGMA table_info(drafts)")]
        assert "pinned" not in columns
        assert raw.execute("SELECT id FROM drafts").fetchall() == [(post.id,)]
    finally:
        raw.close()

    with Store():  # already up to date: no second backup
        pass
    assert len(list(backups.iterdir())) == 1


def test_a_failing_migration_changes_nothing_and_says_where_the_backup_is(monkeypatch):
    with Store() as s:
        old_version = s.schema_version
        path = s.path
        s.autosave(Post(text="aman"))
    monkeypatch.setattr(store_module, "MIGRATIONS", [
        *store_module.MIGRATIONS,
        "ALTER TABLE drafts ADD COLUMN half INTEGER; ALTER TABLE no_such_table ADD COLUMN x;",
    ])
    with pytest.raises(StoreError) as err:
        Store()
    message = str(err.value)
    assert "Cannot upgrade the database" in message and "backups" in message
    assert "\n" not in message
    assert _user_version(path) == old_version
    raw = sqlite3.connect(path)
    try:  # the half-done migration was rolled back as a whole
        assert "half" not in [r[1] for r in raw.execute("PRAGMA table_info(drafts)")]
    finally:
        raw.close()


def test_a_database_from_a_newer_siaran_is_refused_untouched():
    with Store() as s:
        path = s.path
        newer = s.schema_version + 5
        s.execute(f"PRAGMA user_version = {newer}")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer Siaran"):
        Store()
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.damaged-*"))


def test_upgrading_a_first_schema_database_keeps_its_drafts():
    """A database made by the first release (schema 1) opens under the current code."""
    with Store() as s:
        paths, path = s.paths, s.path
    path.unlink()
    for suffix in ("-wal", "-shm"):
        p = path.with_name(path.name + suffix)
        if p.exists():
            p.unlink()
    raw = sqlite3.connect(path)
    raw.executescript(store_module.MIGRATIONS[0])
    raw.execute("INSERT INTO drafts VALUES ('old1', 'Lama', '{\"siaran\": 1, \"id\": \"old1\","
                " \"text\": \"draf lama\"}', 'draft', '2026-01-01T00:00:00+00:00',"
                " '2026-01-01T00:00:00+00:00')")
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    with Store() as s:
        assert s.schema_version == len(store_module.MIGRATIONS)
        assert s.latest_draft().text == "draf lama"
        s.autosave(Post(text="baru", id="old1"))
        assert [v.kind for v in s.draft_versions("old1")] == ["auto"]
    assert len(list(paths.backups.iterdir())) == 1
