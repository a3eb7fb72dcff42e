"""Drafts, versions and the media store, on a real SQLite database in a temporary home."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from composer.core import store as store_module
from composer.core.post import MediaRef, Post
from composer.core.store import (
    KEEP_RECENT,
    MAX_VERSIONS,
    THIN_EVERY,
    DraftNotFound,
    MediaUnreadable,
    Store,
    versions_to_drop,
)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


@pytest.fixture
def store():
    with Store() as s:
        yield s


def test_a_draft_comes_back_exactly_as_saved(store):
    post = Post(text="Rapat koordinasi 🇮🇩 pukul 09.00 WIB", title="Rapat", tags=["pemda"],
                schedule=datetime(2026, 12, 1, 9, 0, tzinfo=UTC),
                media=[MediaRef(path="/x/foto.jpg", alt="Peserta rapat", focal=(0.5, 0.25))])
    post.variant("x").override("text", "Rapat 09.00")
    assert store.autosave(post) is True
    loaded = store.load_draft(post.id)
    assert loaded == post
    assert loaded.resolve("x").text == "Rapat 09.00"
    assert loaded.schedule == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_autosave_writes_nothing_when_nothing_changed(store):
    post = Post(text="Halo")
    assert store.autosave(post)
    changes = store.query("SELECT total_changes()")[0][0]
    assert store.autosave(post) is False
    assert store.autosave(post.copy()) is False
    assert store.query("SELECT total_changes()")[0][0] == changes
    assert len(store.draft_versions(post.id)) == 1


def test_every_change_is_a_version_and_a_version_can_be_restored(store):
    post = Post(text="versi satu")
    store.autosave(post)
    first = store.draft_versions(post.id)[0]
    post.text = "versi dua"
    store.autosave(post)
    versions = store.draft_versions(post.id)
    assert [v.title for v in versions] == ["versi dua", "versi satu"]
    assert store.load_version(first.id).text == "versi satu"

    restored = store.restore_version(first.id)
    assert restored.text == "versi satu"
    assert store.load_draft(post.id).text == "versi satu"
    # Restoring keeps what it replaced: all three states are in the history.
    assert [v.title for v in store.draft_versions(post.id)] == ["versi satu", "versi dua",
                                                                 "versi satu"]


def test_latest_and_list_follow_the_last_edit(store):
    a, b = Post(text="A"), Post(text="B")
    store.autosave(a)
    store.autosave(b)
    assert store.latest_draft().id == b.id
    a.text = "A lagi"
    store.autosave(a)
    assert store.latest_draft().id == a.id
    assert [d.id for d in store.list_drafts()] == [a.id, b.id]
    assert store.list_drafts()[0].title == "A lagi"

    store.set_status(a.id, "published")
    assert store.latest_draft().id == b.id
    assert [d.id for d in store.list_drafts()] == [b.id]
    assert {d.id for d in store.list_drafts(status=None)} == {a.id, b.id}


def test_a_draft_survives_closing_and_reopening(store):
    post = Post(text="Jangan hilang")
    store.autosave(post)
    store.close()
    with Store() as again:
        assert again.latest_draft() == post


def test_delete_draft_takes_its_versions_along(store):
    post = Post(text="hapus")
    store.autosave(post)
    post.text = "hapus 2"
    store.autosave(post)
    assert store.delete_draft(post.id) is True
    assert store.delete_draft(post.id) is False
    assert store.latest_draft() is None
    assert store.query("SELECT count(*) FROM draft_versions")[0][0] == 0
    with pytest.raises(DraftNotFound, match="no draft"):
        store.load_draft(post.id)


def test_versions_stay_bounded_while_typing(store):
    post = Post(text="")
    for _ in range(300):
        post.text += "k"
        store.autosave(post)
    versions = store.draft_versions(post.id)
    # All saved within a few seconds: the newest KEEP_RECENT, and one per 5-minute window.
    assert KEEP_RECENT <= len(versions) <= KEEP_RECENT + 2 + THIN_EVERY
    assert store.load_version(versions[0].id).text == "k" * 300


def test_an_explicit_save_is_kept_by_the_thinning(store, tmp_path):
    post = Post(text="penting")
    store.autosave(post)
    assert store.save_draft(post) is False  # unchanged, but now marked as saved on purpose
    for i in range(3 * KEEP_RECENT):
        post.text = f"ketik {i}"
        store.autosave(post)
    kinds = {v.title: v.kind for v in store.draft_versions(post.id)}
    assert kinds["penting"] == "manual"


def test_thinning_keeps_one_version_per_window_and_never_too_many():
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    # One autosave every 10 s for three days, newest first.
    versions = [(n, now - timedelta(seconds=10 * i), "auto")
                for i, n in enumerate(range(26_000, 0, -1))]
    versions[5000] = (versions[5000][0], versions[5000][1], "manual")
    drop = set(versions_to_drop(versions, now))
    kept = [v for v in versions if v[0] not in drop]
    assert len(kept) <= MAX_VERSIONS
    assert kept[:KEEP_RECENT] == versions[:KEEP_RECENT]  # the newest are all there
    assert versions[5000] in kept  # a manual save survives
    # Within the last hour: at most one per 5 minutes beyond the recent ones.
    hour = [v for v in kept[KEEP_RECENT:] if now - v[1] < timedelta(hours=1)]
    assert len({int(v[1].timestamp() // 300) for v in hour}) == len(hour)
    assert 10 <= len(hour) <= 12
    # The oldest day is still represented (history reaches back), hour by hour at most.
    assert any(now - v[1] > timedelta(days=2) for v in kept)


def test_thinning_leaves_a_short_history_alone():
    now = datetime(2026, 11, 28, tzinfo=UTC)
    versions = [(i, now - timedelta(days=i), "auto") for i in range(KEEP_RECENT)]
    assert versions_to_drop(versions, now) == []


# -- media -----------------------------------------------------------------------------------


def test_media_is_copied_by_content_and_survives_the_original_moving(store, tmp_path):
    photo = tmp_path / "Foto Rapat.png"
    photo.write_bytes(PNG)
    sha = store.add_media(photo)
    assert sha == hashlib.sha256(PNG).hexdigest()
    stored = store.paths.media_file(sha)
    assert stored.read_bytes() == PNG
    info = store.media_info(sha)
    assert (info.mime, info.size, info.original_name) == ("image/png", len(PNG), "Foto Rapat.png")

    post = Post(text="dengan foto", media=[MediaRef(path=str(photo), alt="rapat", sha256=sha)])
    store.autosave(post)
    photo.rename(tmp_path / "dipindah.png")
    ref = store.load_draft(post.id).media[0]
    assert store.media_file(ref).read_bytes() == PNG


def test_the_same_content_is_stored_once(store, tmp_path):
    (tmp_path / "a.png").write_bytes(PNG)
    (tmp_path / "b.png").write_bytes(PNG)
    assert store.add_media(tmp_path / "a.png") == store.add_media(tmp_path / "b.png")
    files = [p for p in store.paths.media.rglob("*") if p.is_file()]
    assert len(files) == 1  # no copy, and no temporary file left behind
    assert store.query("SELECT count(*) FROM media")[0][0] == 1


def test_a_missing_file_is_one_clear_line(store, tmp_path):
    with pytest.raises(MediaUnreadable) as err:
        store.add_media(tmp_path / "tidak-ada.jpg")
    assert "does not exist" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(MediaUnreadable):
        store.add_media(tmp_path)  # a folder
    assert not [p for p in store.paths.media.rglob("*") if p.is_file()]


def test_media_file_falls_back_to_the_path_without_a_stored_copy(store, tmp_path):
    ref = MediaRef(path=str(tmp_path / "x.jpg"))
    assert store.media_file(ref) == tmp_path / "x.jpg"
    ref.sha256 = "0" * 64  # recorded, but the copy is gone
    assert store.media_file(ref) == tmp_path / "x.jpg"


def test_save_draft_copies_new_media_into_the_store(store, tmp_path):
    photo = tmp_path / "baru.png"
    photo.write_bytes(PNG)
    post = Post(text="x", media=[MediaRef(path=str(photo)), MediaRef(path=str(tmp_path / "no"))])
    store.save_draft(post)
    loaded = store.load_draft(post.id)
    assert loaded.media[0].sha256 == hashlib.sha256(PNG).hexdigest()
    assert loaded.media[1].sha256 is None  # unreadable: left for the pre-publish check


# -- damaged databases -------------------------------------------------------------------------


def test_a_damaged_database_is_moved_aside_never_overwritten(tmp_path):
    with Store() as s:
        path = s.path
    garbage = b"this is not a database, but it is the officer's file" * 100
    path.write_bytes(garbage)
    with Store() as s:
        assert s.notice and "damaged" in s.notice and "\n" not in s.notice
        asides = list(path.parent.glob("siaran.sqlite3.damaged-*"))
        assert [p.read_bytes() for p in asides] == [garbage]
        assert str(asides[0]) in s.notice
        s.autosave(Post(text="mulai lagi"))  # and the new one works
        assert s.latest_draft().text == "mulai lagi"


def test_a_corrupt_page_is_detected_and_moved_aside(tmp_path):
    with Store() as s:
        for i in range(200):
            s.autosave(Post(text=f"draf {i} " * 50))
        path = s.path
    data = bytearray(path.read_bytes())
    page = 4096
    data[3 * page: 3 * page + 200] = b"\xaa" * 200  # scribble over a b-tree page
    path.write_bytes(bytes(data))
    with Store() as s:
        assert s.notice is not None and "\n" not in s.notice
        assert any(p.read_bytes() == bytes(data) for p in path.parent.glob("*.damaged-*"))


def test_an_unreadable_database_is_refused_with_one_line(tmp_path, monkeypatch):
    from composer.core.paths import app_paths

    folder = tmp_path / "db-is-a-folder"
    folder.mkdir()
    with pytest.raises(store_module.StoreError) as err:
        Store(app_paths(), path=folder)
    assert "Cannot open the database" in str(err.value) and "\n" not in str(err.value)
    assert folder.is_dir()  # untouched


def test_damaged_message_in_indonesian(tmp_path):
    from composer.core.i18n import set_language

    with Store() as s:
        path = s.path
    path.write_bytes(b"x" * 5000)
    set_language("id")
    try:
        with Store() as s:
            assert s.notice.startswith("Basis data rusak")
    finally:
        set_language(None)


def test_the_database_is_in_wal_mode(store):
    assert store.query("PRAGMA journal_mode")[0][0] == "wal"
    raw = sqlite3.connect(store.path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == len(store_module.MIGRATIONS)
    raw.close()


def test_a_full_disk_keeps_the_last_save_and_says_so_in_one_line(store):
    post = Post(text="tersimpan")
    store.autosave(post)
    pages = store.query("PRAGMA page_count")[0][0]
    store.execute(f"PRAGMA max_page_count = {pages}")  # sqlite's own "disk is full"
    post.text = "besar " * 20_000
    with pytest.raises(store_module.StoreError) as err:
        store.autosave(post)
    assert "could not be saved" in str(err.value) and "full" in str(err.value)
    assert "\n" not in str(err.value)
    assert store.load_draft(post.id).text == "tersimpan"
    store.execute("PRAGMA max_page_count = 1073741823")
    assert store.autosave(post) is True  # the connection is usable again
    assert store.load_draft(post.id).text == post.text


def test_leftovers_of_an_interrupted_copy_are_cleared_on_opening(store, tmp_path):
    import os
    import time

    old = store.paths.media / ".incoming-crashed"
    old.write_bytes(b"half a photo")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    fresh = store.paths.media / ".incoming-in-progress"  # maybe another window's copy
    fresh.write_bytes(b"being copied")
    store.close()
    with Store():
        assert not old.exists()
        assert fresh.exists()


def test_a_truncated_stored_copy_is_replaced_when_added_again(store, tmp_path):
    photo = tmp_path / "foto.png"
    photo.write_bytes(PNG)
    sha = store.add_media(photo)
    store.paths.media_file(sha).write_bytes(PNG[:100])  # damaged outside Siaran
    assert store.add_media(photo) == sha
    assert store.paths.media_file(sha).read_bytes() == PNG


def test_sqlite_findings_become_one_short_line():
    findings = "*** in database main ***\n" + "\n".join(
        f"On tree page 3 cell {i}: Offset 43690 out of range 624..4092" for i in range(100))
    line = store_module._one_line(findings)
    assert line == "On tree page 3 cell 0: Offset 43690 out of range 624..4092 (+99)"
    assert len(store_module._one_line("x" * 500)) == 120
