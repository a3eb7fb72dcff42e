"""Nothing is lost: closing with unsaved changes, or killing the app process outright, and the
next start reopens the draft as it was."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from shell_kit import make_image, start_shell, stop_shell, tick, type_unicode, wait_idle

TEXT = "Banjir di Desa Sukamaju surut; posko tetap buka 24 jam ☎️ 112 #InfoBencana"

CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from composer.gui.app import Shell, make_application
from shell_kit import type_unicode

app = make_application([])
shell = Shell(app)
window = shell.start()

def go():
    if not window.channels.catalog:
        QTimer.singleShot(50, go)
        return
    window.picker.set_checked("mastodon")
    type_unicode(window.editor.text_edit, sys.argv[1])
    print("typed", flush=True)

QTimer.singleShot(100, go)
app.exec()
"""


def test_closing_with_unsaved_changes_loses_nothing(qtbot, tmp_path):
    shell = start_shell(qtbot)
    w = shell.window
    tick(w.picker, "bluesky")
    w.media.add_files([make_image(tmp_path / "posko.jpg")])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 1, timeout=10_000)
    w.model.update_media(w.model.post.media[0].id, alt="Posko banjir")
    type_unicode(w.editor.text_edit, TEXT)
    assert w.autosaver.dirty  # typed just now: the debounced save has not run yet
    post_id = w.model.post.id
    assert w.close()  # no question asked: the draft is saved on the way out
    wait_idle(qtbot, shell)
    shell.shutdown()

    again = start_shell(qtbot)
    w2 = again.window
    assert w2.model.post.id == post_id
    assert w2.editor.text_edit.toPlainText() == TEXT
    assert "bluesky" in w2.picker.checked()
    assert w2.model.post.media[0].alt == "Posko banjir"
    qtbot.waitUntil(lambda: w2.model.post.media[0].id in w2.media.proxies, timeout=10_000)
    stop_shell(qtbot, again)


def test_killing_the_process_loses_nothing(qtbot):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(Path(__file__).parent), *sys.path]))
    child = subprocess.Popen([sys.executable, "-c", CHILD, TEXT], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    try:
        assert child.stdout.readline().strip() == "typed"
        time.sleep(1.5)  # autosave promises at most a second of loss
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    shell = start_shell(qtbot)
    w = shell.window
    assert w.editor.text_edit.toPlainText() == TEXT
    assert w.model.post.text == TEXT
    assert "mastodon" in w.picker.checked()
    stop_shell(qtbot, shell)


def test_a_send_interrupted_by_a_crash_is_offered_and_resumed_once(qtbot):
    from composer.core.adapters import OutgoingPost
    from composer.core.journal import Journal
    from composer.core.outgoing import idempotency_key
    from composer.core.services import Services
    from composer.core.store import Store

    # what a crash between "journalled" and "answered" leaves behind
    root = Services().folder_root()
    store = Store()
    journal = Journal(store)
    post = OutgoingPost("a1b2c3d4e5f6", "Pengumuman yang terputus",
                        idempotency_key=idempotency_key("a1b2c3d4e5f6", "folder"))
    entry = journal.begin(post, "folder", "folder")
    journal.save_checkpoint(entry.id, {"target_settings": {"path": root}})
    store.close()

    shell = start_shell(qtbot)
    w = shell.window
    qtbot.waitUntil(lambda: w.resume_button.isVisible(), timeout=10_000)
    assert "1 unfinished" in w.resume_button.text()
    w.resume_button.click()
    dialog = w.publishing.resume_dialog
    dialog.resume_button.click()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_done, timeout=20_000)
    assert dialog.outcomes["folder"].ok
    text = Path(root) / "a1b2c3d4e5f6" / "folder" / "text.txt"
    assert text.read_text(encoding="utf-8").strip() == "Pengumuman yang terputus"
    dialog.close_button.click()
    qtbot.waitUntil(lambda: not w.resume_button.isVisible(), timeout=10_000)
    stop_shell(qtbot, shell)
