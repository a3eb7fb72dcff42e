"""The embedded folder channel, publishing into a real temporary folder."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from composer.core.adapters import (
    Cancelled,
    Duplicate,
    MediaInvalid,
    OutgoingPost,
    PublishContext,
    Rejected,
    RenderedMedia,
)
from platforms.folder import PLATFORM, SPEC, FolderAdapter

JPEG = b"\xff\xd8\xff\xe0" + os.urandom(5000)
PNG = b"\x89PNG\r\n\x1a\n" + os.urandom(3000)


def ctx(root: Path, **settings) -> PublishContext:
    return PublishContext(client=None, account={"path": str(root), **settings}, secrets={},
                          log=logging.getLogger("test.folder"))


@pytest.fixture
def rendered(tmp_path):
    src = tmp_path / "render"
    src.mkdir()
    (src / "a.jpg").write_bytes(JPEG)
    (src / "b.png").write_bytes(PNG)
    return (RenderedMedia(str(src / "a.jpg"), "image/jpeg", 1200, 675, alt="Bupati membuka rapat"),
            RenderedMedia(str(src / "b.png"), "image/png", 1080, 1080, alt="Peta lokasi"))


def outgoing(media=(), **kw) -> OutgoingPost:
    base = dict(post_id="p1", text="Rapat koordinasi 🇮🇩\nPukul 09.00 WIB", title="Rapat",
                parts=("Rapat koordinasi 🇮🇩", "Pukul 09.00 WIB"), media=tuple(media),
                schedule_utc="2026-12-01T02:00:00+00:00", idempotency_key="key-1",
                tags=("pemda",), link="https://example.go.id/rapat")
    return OutgoingPost(**(base | kw))


def test_the_plugin_declares_the_adapter():
    assert PLATFORM.spec is SPEC
    assert isinstance(PLATFORM.make_adapter(), FolderAdapter)


def test_publishing_writes_text_parts_images_and_a_manifest(tmp_path, rendered):
    root = tmp_path / "terbit"
    result = FolderAdapter().publish(ctx(root, channel="x"), outgoing(rendered))
    folder = root / "p1" / "x"
    assert result.url == folder.as_uri()
    assert Path(unquote(urlparse(result.url).path)) == folder
    assert result.remote_id == "p1/x"
    assert (folder / "text.txt").read_text(encoding="utf-8") == "Rapat koordinasi 🇮🇩\nPukul 09.00 WIB"
    assert (folder / "part-1.txt").read_text(encoding="utf-8") == "Rapat koordinasi 🇮🇩"
    assert (folder / "part-2.txt").read_text(encoding="utf-8") == "Pukul 09.00 WIB"
    assert (folder / "image-1.jpg").read_bytes() == JPEG
    assert (folder / "image-2.png").read_bytes() == PNG
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["text"] == "Rapat koordinasi 🇮🇩\nPukul 09.00 WIB"
    assert manifest["parts"] == ["Rapat koordinasi 🇮🇩", "Pukul 09.00 WIB"]
    assert manifest["title"] == "Rapat"
    assert manifest["schedule"] == "2026-12-01T02:00:00+00:00"
    assert manifest["published_at"].endswith("+00:00")
    assert manifest["media"] == [
        {"file": "image-1.jpg", "alt": "Bupati membuka rapat", "mime": "image/jpeg",
         "size": len(JPEG), "sha256": hashlib.sha256(JPEG).hexdigest(), "width": 1200,
         "height": 675},
        {"file": "image-2.png", "alt": "Peta lokasi", "mime": "image/png", "size": len(PNG),
         "sha256": hashlib.sha256(PNG).hexdigest(), "width": 1080, "height": 1080},
    ]
    assert sorted(p.name for p in (root / "p1").iterdir()) == ["x"]  # no temporary left


def test_each_variant_gets_its_own_folder(tmp_path):
    adapter = FolderAdapter()
    adapter.publish(ctx(tmp_path, channel="x"), outgoing(text="pendek", parts=()))
    adapter.publish(ctx(tmp_path, channel="mastodon"), outgoing(text="lebih panjang", parts=()))
    adapter.publish(ctx(tmp_path), outgoing(text="tanpa nama", parts=()))
    assert sorted(p.name for p in (tmp_path / "p1").iterdir()) == ["folder", "mastodon", "x"]
    assert not list((tmp_path / "p1" / "x").glob("part-*"))


def test_publishing_the_same_post_again_is_not_a_second_post(tmp_path, rendered):
    adapter = FolderAdapter()
    first = adapter.publish(ctx(tmp_path), outgoing(rendered))
    before = (tmp_path / "p1" / "folder" / "manifest.json").read_bytes()
    assert adapter.publish(ctx(tmp_path), outgoing(rendered)) == first
    assert (tmp_path / "p1" / "folder" / "manifest.json").read_bytes() == before
    assert adapter.find_existing(ctx(tmp_path), outgoing(rendered)) == first


def test_a_different_post_in_the_same_place_is_refused_as_a_duplicate(tmp_path):
    adapter = FolderAdapter()
    adapter.publish(ctx(tmp_path), outgoing(text="versi lama", parts=()))
    changed = outgoing(text="versi baru", parts=())
    assert adapter.find_existing(ctx(tmp_path), changed) is None
    with pytest.raises(Duplicate):
        adapter.publish(ctx(tmp_path), changed)
    assert (tmp_path / "p1" / "folder" / "text.txt").read_text(encoding="utf-8") == "versi lama"


def test_find_existing_is_none_before_publishing(tmp_path):
    assert FolderAdapter().find_existing(ctx(tmp_path), outgoing()) is None


def test_a_missing_image_writes_nothing(tmp_path, rendered):
    gone = RenderedMedia(str(tmp_path / "hilang.jpg"), "image/jpeg", 10, 10)
    with pytest.raises(MediaInvalid, match="image 3 is missing"):
        FolderAdapter().publish(ctx(tmp_path / "out"), outgoing((*rendered, gone)))
    assert list((tmp_path / "out" / "p1").iterdir()) == []


def test_a_cancel_midway_leaves_no_half_post(tmp_path, rendered):
    cancel = threading.Event()
    context = ctx(tmp_path)
    context.cancel_event = cancel
    context.progress = lambda step, fraction=None, **data: cancel.set()  # after the 1st image
    with pytest.raises(Cancelled):
        FolderAdapter().publish(context, outgoing(rendered))
    assert list((tmp_path / "p1").iterdir()) == []
    assert FolderAdapter().find_existing(ctx(tmp_path), outgoing(rendered)) is None


def test_leftovers_of_a_crashed_write_are_cleared_and_never_count(tmp_path, rendered):
    partial = tmp_path / "p1" / ".folder.partial-abc123"
    partial.mkdir(parents=True)
    (partial / "text.txt").write_text("setengah")
    assert FolderAdapter().find_existing(ctx(tmp_path), outgoing(rendered)) is None
    FolderAdapter().publish(ctx(tmp_path), outgoing(rendered))
    assert sorted(p.name for p in (tmp_path / "p1").iterdir()) == ["folder"]


def test_delete_removes_the_variant_and_is_idempotent(tmp_path, rendered):
    adapter = FolderAdapter()
    x = adapter.publish(ctx(tmp_path, channel="x"), outgoing(rendered))
    folder = adapter.publish(ctx(tmp_path), outgoing(rendered))
    adapter.delete(ctx(tmp_path), x)
    assert not (tmp_path / "p1" / "x").exists()
    assert (tmp_path / "p1" / "folder" / "manifest.json").exists()
    adapter.delete(ctx(tmp_path), x)  # again: nothing to do
    adapter.delete(ctx(tmp_path), folder)
    assert not (tmp_path / "p1").exists()  # the post's folder goes with its last variant
    assert tmp_path.exists()


def test_delete_never_removes_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "p1" / "folder").mkdir(parents=True)
    (tmp_path / "p1" / "folder" / "laporan.docx").write_text("penting")
    from composer.core.adapters import PublishResult

    with pytest.raises(Rejected):
        FolderAdapter().delete(ctx(tmp_path), PublishResult("p1/folder"))
    assert (tmp_path / "p1" / "folder" / "laporan.docx").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_an_unwritable_folder_is_rejected_with_the_reason(tmp_path):
    locked = tmp_path / "terkunci"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(Rejected, match="cannot write"):
            FolderAdapter().publish(ctx(locked), outgoing())
        with pytest.raises(Rejected):
            FolderAdapter().verify(ctx(locked))
    finally:
        locked.chmod(0o700)


def test_a_file_where_the_folder_should_be_is_rejected(tmp_path):
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    with pytest.raises(Rejected, match="cannot write to .*bukan-folder.*: Not a directory"):
        FolderAdapter().publish(ctx(blocker), outgoing())
    with pytest.raises(Rejected):
        FolderAdapter().verify(ctx(blocker))
    assert blocker.read_text() == "x"


def test_verify_names_the_folder(tmp_path):
    info = FolderAdapter().verify(ctx(tmp_path / "baru"))
    assert info.display_name == str(tmp_path / "baru")
    assert (tmp_path / "baru").is_dir()


def test_odd_ids_and_names_stay_inside_the_root(tmp_path):
    result = FolderAdapter().publish(ctx(tmp_path / "root", account="../../luar"),
                                     outgoing(post_id="../jalan/keluar", parts=()))
    path = Path(result.extra["path"]).resolve()
    assert path.is_relative_to((tmp_path / "root").resolve())
    assert (path / "manifest.json").exists()
