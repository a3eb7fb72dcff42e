"""A video in the window: attach it, see its poster, length and size in the strip, scrub to
pick the cover, trim it, see each channel's preview, publish it to the practice servers with
each channel's upload progress."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from shell_kit import running_shell, tick, type_unicode, wait_idle

from composer.testing.video_corpus import make_video


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    return make_video(tmp_path_factory.mktemp("video") / "rapat.mp4", width=320, height=240,
                      seconds=4.0, fps=25)


def attach(qtbot, w, clip):
    w.media.add_files([str(clip)])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 1 and bool(w.media.videos), timeout=20_000)
    return w.model.post.media[0]


def test_attach_scrub_cover_and_trim(qtbot, shell, clip):
    w = shell.window
    ref = attach(qtbot, w, clip)
    assert ref.kind == "video"
    item = w.media.list.item(0)
    assert item.text().startswith("▶ 0:04") and not item.icon().isNull()  # poster, length
    assert "320×240" in w.media.summary.text() and "MB" in w.media.summary.text()
    panel = w.media.video_panel
    assert panel.isVisible()
    # built with the first video, and still in the keyboard order the screen shows: from the
    # thumbnails Tab goes into the video's controls, and they lead on to its description
    chain, widget = [], w.media.list
    for _ in range(40):
        widget = widget.nextInFocusChain()
        chain.append(widget)
    inside = [i for i, x in enumerate(chain) if panel.isAncestorOf(x) and x.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert inside and chain.index(w.media.alt_edit) > inside[0]
    qtbot.waitUntil(lambda: panel.frame.pixmap() is not None and not panel.frame.pixmap().isNull(),
                    timeout=10_000)
    panel.scrub.setFocus()
    panel.scrub.setValue(1500)
    qtbot.keyClick(panel.scrub, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # use as cover
    assert ref.cover_at == 1.5
    assert "0:01.5" in panel.cover_line.text()
    panel.scrub.setValue(1300)
    panel.start_button.click()
    panel.scrub.setValue(3500)
    panel.end_button.click()
    assert (ref.trim_start, ref.trim_end) == (1.3, 3.5)
    # the core says the start is between keyframes: the panel offers the keyframe before it
    qtbot.waitUntil(lambda: panel.snap_button.isVisible(), timeout=10_000)
    assert "re-encoded" in panel.trim_line.text() and "0:00.0" in panel.trim_line.text()
    panel.snap_button.click()
    assert ref.trim_start is None and ref.trim_end == 3.5  # the keyframe is the first frame
    qtbot.waitUntil(lambda: "without re-encoding" in panel.trim_line.text(), timeout=10_000)
    panel.clear_button.click()
    assert (ref.trim_start, ref.trim_end) == (None, None)
    wait_idle(qtbot, shell)


def test_the_practice_servers_take_the_video(qtbot, shell, clip):
    from composer.testing.keyring import memory_keyring

    w = shell.window
    with memory_keyring():
        w.actions_by_name["practice"].trigger()
        qtbot.waitUntil(lambda: "practice-mastodon" in w.channels.catalog, timeout=20_000)
        tick(w.picker, "folder", False)
        for key in ("practice-mastodon", "practice-telegram", "practice-x", "whatsapp"):
            tick(w.picker, key)
        type_unicode(w.editor.text_edit, "Rapat koordinasi pelayanan publik #latihan")
        ref = attach(qtbot, w, clip)
        w.model.update_media(ref.id, alt="Rapat koordinasi di aula kecamatan")
        w.media.video_panel.scrub.setValue(3000)
        w.media.video_panel.end_button.click()  # trimmed to 3 s on the window, sent as such
        previews = w.previews
        qtbot.waitUntil(lambda: all(previews._rendered.get(k) for k in
                                    ("practice-mastodon", "practice-telegram", "practice-x")),
                        timeout=30_000)
        assert previews._rendered.get("whatsapp") == []  # the one channel without video
        w.activateWindow()
        w.editor.text_edit.setFocus()
        qtbot.keyClick(w.editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: w.publishing.publish_dialog is not None
                        and w.publishing.publish_dialog.isVisible(), timeout=5000)
        dialog = w.publishing.publish_dialog
        seen: dict[str, set[str]] = {}
        for key in ("practice-mastodon", "practice-telegram", "practice-x"):
            row = dialog.rows[key]

            def record(step, fraction, row=row, real=row.set_step, key=key):
                real(step, fraction)
                seen.setdefault(key, set()).add(row.status.text())
            row.set_step = record
        dialog.publish_button.click()
        qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=120_000)
        for key in ("practice-mastodon", "practice-telegram", "practice-x"):
            assert dialog.outcomes[key].ok, (key, dialog.outcomes[key].reason)
        # the engine's shaping pass is reported on each channel that takes the video, then
        # X's chunked upload reports each segment: its row said how much of the video was sent
        assert any(t.startswith("uploading the video… ") and t.endswith("%")
                   for t in seen["practice-x"]), seen
        assert any(t.startswith("preparing the video… ") for t in seen["practice-mastodon"]), seen
        servers = shell.practice.practice.servers
        sent = [m for m in servers["mastodon"].media.values() if m["type"] == "video"]
        assert len(sent) == 1 and sent[0]["description"] == "Rapat koordinasi di aula kecamatan"
        assert sent[0]["_bytes"] < clip.stat().st_size * 0.9  # the trimmed 3 s of the 4 s clip
        dialog.close_button.click()
        w.actions_by_name["practice"].trigger()
        qtbot.waitUntil(lambda: "practice-mastodon" not in w.channels.catalog, timeout=20_000)
    wait_idle(qtbot, shell)


def test_drop_a_video_and_a_file_that_is_none(qtbot, shell, clip, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    w = shell.window
    fake = tmp_path / "bukan-video.mp4"
    fake.write_text("this is not a video")
    messages = []
    w.media.error.disconnect()
    w.media.error.connect(messages.append)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(clip)), QUrl.fromLocalFile(str(fake))])
    w.media.list.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: len(w.model.post.media) == 1 and bool(messages), timeout=20_000)
    assert w.model.post.media[0].kind == "video"
    assert messages[0].startswith("Could not add the video: bukan-video.mp4")
    assert "\n" not in messages[0]
    assert "Traceback" not in messages[0]
    wait_idle(qtbot, shell)


def test_a_post_file_from_the_cli_opens_with_its_cover_and_trim(qtbot, shell, clip, tmp_path,
                                                                 capsys):
    from composer.cli import main

    assert main(["new", "--text", "Rapat", "--to", "x,whatsapp", "--cover-at", "2",
                 "--video", f"{clip}:Rapat di aula", "--trim", "0.5:3"]) == 0
    path = tmp_path / "rapat.toml"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    w = shell.window
    w.post_file.open_path(str(path))
    qtbot.waitUntil(lambda: bool(w.media.videos), timeout=20_000)
    w.media.list.setCurrentRow(0)
    panel = w.media.video_panel
    assert panel.isVisible()
    assert "0:02.0" in panel.cover_line.text()
    assert "0:00.5" in panel.trim_line.text() and "0:03.0" in panel.trim_line.text()
    previews = w.previews
    qtbot.waitUntil(lambda: bool(previews._rendered.get("x")), timeout=30_000)
    assert previews._rendered.get("whatsapp") == []  # the core: the one channel without video
    previews.flush()  # the cards behind the welcome page are brought up to date
    assert previews.cards["x"].media_ids == [w.model.post.media[0].id]
    assert previews.cards["whatsapp"].media_ids == []
    w.media.list.setCurrentRow(-1)
    previews.crop_requested.emit("x", w.model.post.media[0].id)  # a click on the video tile
    assert w.media.selected_id() == w.model.post.media[0].id  # the panel, not a crop editor
    assert w.images.crop_editor is None
    wait_idle(qtbot, shell)


def test_a_reopened_draft_finds_its_video_in_the_store_after_the_original_moved(
        qtbot, shell, clip, tmp_path):
    import shutil

    w = shell.window
    own = tmp_path / "kiriman.mp4"
    shutil.copy(clip, own)
    ref = attach(qtbot, w, own)
    w.model.update_media(ref.id, cover_at=1.0)
    own.unlink()  # the officer tidied the downloads folder
    w.media.reload()  # what opening the draft again does (model.replaced)
    qtbot.waitUntil(lambda: ref.id in w.media.videos, timeout=20_000)
    assert w.media.videos[ref.id].duration == pytest.approx(4.0, abs=0.1)
    assert w.media.list.item(0).text().startswith("▶ 0:04")
    wait_idle(qtbot, shell)


def test_burn_captions_is_offered_once_the_video_has_captions(qtbot, shell, clip, tmp_path):
    w = shell.window
    ref = attach(qtbot, w, clip)
    panel = w.media.video_panel
    assert not panel.burn_box.isEnabled()  # nothing to burn yet
    captions = tmp_path / "takarir.srt"
    captions.write_text("1\n00:00:00,000 --> 00:00:01,000\nSelamat pagi\n\n", encoding="utf-8")
    w.model.update_media(ref.id, captions=str(captions))
    panel.show_video(ref, panel.facts)
    assert panel.burn_box.isEnabled() and not panel.burn_box.isChecked()
    panel.burn_box.click()
    assert ref.burn_captions is True
    panel.burn_box.click()
    assert ref.burn_captions is False
    wait_idle(qtbot, shell)


def test_captions_attach_replace_and_remove_from_the_panel(qtbot, shell, clip, tmp_path,
                                                          monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from composer.core.registry import default_registry
    from composer.core.video.captions import read
    from composer.core.video.outgoing import shape_video

    w = shell.window
    ref = attach(qtbot, w, clip)
    panel = w.media.video_panel
    assert panel.captions_line.text() == "No captions" and not panel.captions_remove.isVisible()
    assert not panel.burn_box.isEnabled()
    chosen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (chosen[-1], "Captions (*.srt *.vtt)"))
    # a file with no cues in it: one line, nothing changes
    junk = tmp_path / "catatan.srt"
    junk.write_text("bukan takarir", encoding="utf-8")
    chosen.append(str(junk))
    panel.captions_button.click()
    assert ref.captions is None
    assert panel.captions_line.text() == "catatan.srt holds no captions (SRT or WebVTT expected)"
    assert "catatan.srt holds no captions" in w.statusBar().currentMessage()
    # a good file, chosen from the keyboard (the button takes the focus and Space)
    good = tmp_path / "takarir.srt"
    good.write_text("1\n00:00:00,500 --> 00:00:01,500\nSelamat pagi\n\n"
                    "2\n00:00:02,000 --> 00:00:03,000\nRapat dimulai\n\n", encoding="utf-8")
    chosen.append(str(good))
    assert panel.captions_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    panel.captions_button.setFocus()
    qtbot.keyClick(panel.captions_button, Qt.Key.Key_Space)
    assert ref.captions == str(good.resolve())  # what `siaran new --captions` writes
    assert panel.captions_line.text() == "Captions (2 cues): takarir.srt"
    assert panel.burn_box.isEnabled() and panel.captions_remove.isVisible()
    # replaced by a WebVTT file
    vtt = tmp_path / "takarir.vtt"
    vtt.write_text("WEBVTT\n\n00:00:00.500 --> 00:00:01.500\nSelamat pagi\n", encoding="utf-8")
    chosen.append(str(vtt))
    panel.captions_button.click()
    assert ref.captions == str(vtt.resolve())
    assert panel.captions_line.text() == "Captions (1 cue): takarir.vtt"
    # saved with the draft, and the publish takes it from there
    w.autosaver.flush()
    wait_idle(qtbot, shell)
    saved = shell.services.store.load_draft(w.model.post.id).media[0]
    assert saved.captions == str(vtt.resolve())
    sent = shape_video(saved, "Rapat", [default_registry().get("youtube").spec],
                       tmp_path / "out")["youtube"]
    assert [c.text for c in read(sent.captions)] == ["Selamat pagi"]
    # removed: no captions, nothing to burn in
    panel.burn_box.setChecked(True)
    assert ref.burn_captions
    panel.captions_remove.click()
    assert (ref.captions, ref.burn_captions) == (None, False)
    assert panel.captions_line.text() == "No captions" and not panel.burn_box.isEnabled()
    w.model.undo.undo()  # Ctrl+Z: the captions and the burn-in are back
    assert (ref.captions, ref.burn_captions) == (str(vtt.resolve()), True)
    assert panel.captions_line.text() == "Captions (1 cue): takarir.vtt"
    assert panel.burn_box.isEnabled() and panel.burn_box.isChecked()
    wait_idle(qtbot, shell)
