"""The publish dialog shows the rule book's verdict, and publishing keeps its promise.

A post with five photos and no alt text, to X (takes four), YouTube (videos only), Telegram,
the practice WordPress and the folder: X and YouTube are unticked with their reasons, the
missing alt text is one line for the three channels that go, the button counts three, and
the practice servers receive exactly those three (X and YouTube not a single request)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from shell_kit import make_image, running_shell, tick, type_unicode, wait_idle

from composer.core.journal import State

TEXT = "Dokumentasi kerja bakti warga Kelurahan Sukamaju, Minggu pagi 🧹 #GotongRoyong"
GOING = {"practice-telegram", "practice-wordpress", "folder"}
BLOCKED = {"practice-x", "practice-youtube"}


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


def test_blocked_channels_are_unticked_with_why_and_only_the_rest_goes(qtbot, shell, tmp_path):
    from composer.testing.keyring import memory_keyring

    w = shell.window
    with memory_keyring():
        w.actions_by_name["practice"].trigger()
        qtbot.waitUntil(lambda: all(k in w.channels.catalog for k in GOING | BLOCKED - {"folder"}),
                        timeout=30_000)
        # practice mode ticks every practice channel for a draft bound only to the folder:
        # this post goes exactly to GOING and BLOCKED
        for key in list(w.channels.catalog):
            tick(w.picker, key, key in GOING | BLOCKED)
        type_unicode(w.editor.text_edit, TEXT)
        w.media.add_files([make_image(tmp_path / f"foto{i}.jpg", size=(1200, 900),
                                      colour=(40 * i, 90, 120)) for i in range(5)])
        qtbot.waitUntil(lambda: len(w.model.post.media) == 5, timeout=20_000)

        w.activateWindow()
        w.editor.text_edit.setFocus()
        qtbot.keyClick(w.editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: w.publishing.publish_dialog is not None
                        and w.publishing.publish_dialog.isVisible(), timeout=3000)
        dialog = w.publishing.publish_dialog

        # X and YouTube: unticked, cannot be ticked, and say why
        x, youtube = dialog.plan_rows["practice-x"], dialog.plan_rows["practice-youtube"]
        for row in (x, youtube):
            assert not row.tick.isChecked() and not row.tick.isEnabled()
        assert "X takes at most 4 images; this post has 5" in x.reasons.text()
        assert "YouTube publishes videos only; this post has none" in youtube.reasons.text()
        for key in GOING:
            assert dialog.plan_rows[key].tick.isChecked() and dialog.plan_rows[key].reasons is None
        # the missing alt text: one line for the three channels that go, not one per channel
        lines = [label.text() for label in dialog.findChildren(QLabel, "findingLine")]
        alt = [line for line in lines if "without alt text" in line]
        assert len(alt) == 1 and "5 images without alt text — 3 channels" in alt[0]
        assert not any("X" in line.split("—")[0] for line in alt)
        assert dialog.publish_button.text().replace("&", "") == "Publish to 3 channels"
        assert dialog.findChild(QLabel, "publishHeading").text() == "Publish to 3 channels?"

        servers = shell.practice.practice.servers
        before = {p: len(servers[p].requests) for p in ("x", "youtube")}
        dialog.publish_button.click()
        qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=90_000)

        # exactly what the dialog promised went out, and nothing else was tried
        assert set(dialog.outcomes) == GOING
        assert all(o.ok for o in dialog.outcomes.values()), {
            k: o.reason for k, o in dialog.outcomes.items()}
        assert {p: len(servers[p].requests) for p in ("x", "youtube")} == before
        assert servers["x"].published_texts() == []
        assert [t.strip() for t in servers["telegram"].published_texts()] == [TEXT]
        assert any(TEXT in t for t in servers["wordpress"].published_texts())
        journal = shell.services.engine.journal.entries(w.model.post.id)
        assert {e.account for e in journal} == GOING
        assert all(e.state == State.POSTED for e in journal)
        assert not dialog.retry_button.isVisible()
        assert set(dialog.rows) >= GOING and not (set(dialog.rows) & BLOCKED)
        dialog.close_button.click()
        w.actions_by_name["practice"].trigger()
        qtbot.waitUntil(lambda: "practice-x" not in w.channels.catalog, timeout=20_000)
    wait_idle(qtbot, shell)
