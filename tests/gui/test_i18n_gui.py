"""Language: Indonesian and English labels from the compiled Qt catalogues; the setting
overrides the system language; switching keeps the draft; every shell string is translated."""

import subprocess
import sys
from pathlib import Path

from shell_kit import start_shell, stop_shell, type_unicode

ROOT = Path(__file__).resolve().parents[2]


def menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


def test_switching_to_indonesian_translates_the_labels_and_keeps_the_draft(qtbot):
    shell = start_shell(qtbot)
    w = shell.window
    assert w.tabs.tabText(0) == "Previews"
    assert "&File" in menu_titles(w)
    type_unicode(w.editor.text_edit, "Jadwal vaksinasi 💉")
    w.actions_by_name["language_id"].trigger()
    qtbot.waitUntil(lambda: shell.window is not w, timeout=5000)
    w = shell.window
    qtbot.waitUntil(lambda: bool(w.channels.catalog), timeout=10_000)
    assert w.tabs.tabText(0) == "Pratinjau"
    assert w.tabs.tabText(2) == "Riwayat"
    assert "&Berkas" in menu_titles(w)
    assert w.editor.text_edit.placeholderText().startswith("Tulis pengumuman")
    assert w.picker.accounts_button.text() == "Akun…"
    assert w.channel_text.follow_button.text() == "Ikuti teks utama"
    assert w.editor.text_edit.toPlainText() == "Jadwal vaksinasi 💉"
    # a core message follows the same language
    from composer.core.i18n import current_language

    assert current_language() == "id"
    assert shell.settings.language == "id"
    stop_shell(qtbot, shell)

    # the setting persists and overrides the system language (English in the tests)
    again = start_shell(qtbot)
    assert again.window.tabs.tabText(0) == "Pratinjau"
    again.window.actions_by_name["language_en"].trigger()
    qtbot.waitUntil(lambda: again.window.tabs.tabText(0) == "Previews", timeout=5000)
    stop_shell(qtbot, again)


def test_plural_forms_read_naturally_in_both_languages(qtbot):
    shell = start_shell(qtbot)
    w = shell.window
    assert w.counters.tr("%n part(s)", "", 1) == "1 part"
    assert w.counters.tr("%n part(s)", "", 3) == "3 parts"
    w.actions_by_name["language_id"].trigger()
    qtbot.waitUntil(lambda: shell.window is not w, timeout=5000)
    assert shell.window.counters.tr("%n part(s)", "", 3) == "3 bagian"
    stop_shell(qtbot, shell)


def test_every_shell_string_has_an_indonesian_translation():
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "translations_shell.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
    qm = ROOT / "composer" / "resources" / "translations"
    for name in ("siaran_shell_id.qm", "siaran_shell_en.qm"):
        assert (qm / name).stat().st_mtime >= (qm / name.replace(".qm", ".ts")).stat().st_mtime - 1


def test_the_rebuilt_window_shows_the_drafts_images_again(qtbot, tmp_path):
    from shell_kit import make_image, wait_idle

    shell = start_shell(qtbot)
    w = shell.window
    w.media.add_files([make_image(tmp_path / "banjir.jpg")])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 1, timeout=10_000)
    wait_idle(qtbot, shell)
    w.actions_by_name["language_id"].trigger()
    qtbot.waitUntil(lambda: shell.window is not w, timeout=5000)
    w = shell.window
    # the new strip reads the image again (its thumbnail and preview proxy) in the background
    qtbot.waitUntil(lambda: w.media.list.count() == 1 and not w.media.list.item(0).icon().isNull(),
                    timeout=10_000)
    assert w.model.post.media[0].id in w.media.proxies
    wait_idle(qtbot, shell)
    stop_shell(qtbot, shell)
