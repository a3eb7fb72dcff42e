"""A first run that leads: the welcome page while no account is connected, the office profile,
Help ▸ Getting started and About, the draft's title in the window title, the app icon and the
desktop entry; and the light/dark choice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from shell_kit import running_shell, stop_shell

from composer.core.office import OfficeProfile

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


def test_with_no_account_the_welcome_page_offers_three_first_steps(qtbot, shell, monkeypatch):
    w = shell.window
    page = w.welcome.page
    assert w.right.currentWidget() is page and page.isVisible()
    assert page.practice_button.isVisible() and page.connect_button.isVisible()
    assert page.office_button.isVisible()

    opened = []
    from composer.gui.accounts.accounts_dialog import AccountsDialog
    from composer.gui.welcome.office_dialog import OfficeDialog

    monkeypatch.setattr(AccountsDialog, "exec", lambda self: opened.append("accounts") or 0)
    monkeypatch.setattr(OfficeDialog, "exec", lambda self: opened.append("office") or 0)
    monkeypatch.setattr(w.preferences, "toggle_practice", lambda on: opened.append(("practice", on)))
    page.connect_button.click()
    page.office_button.click()
    page.practice_button.click()
    assert opened == ["accounts", "office", ("practice", True)]

    page.later_button.click()  # "just start writing": the previews come back
    assert w.right.currentWidget() is w.tabs


def test_behind_the_welcome_page_the_previews_are_built_only_once_they_show(qtbot, shell):
    from composer.gui.previews.card import PreviewCard

    w = shell.window
    assert w.right.currentWidget() is w.welcome.page
    # the channels are listed and counted; the previews wait (start-up does not pay for them)
    assert w.live.counts and w.previews is None and not w.findChildren(PreviewCard)
    w.editor.text_edit.setPlainText("Rapat koordinasi banjir, Senin 08.00 WIB")  # writing dismisses it
    assert w.right.currentWidget() is w.tabs
    qtbot.waitUntil(lambda: w.previews is not None and bool(w.previews.cards), timeout=10_000)
    card = next(iter(w.previews.cards.values()))
    qtbot.waitUntil(lambda: card.text.plain_text() == "Rapat koordinasi banjir, Senin 08.00 WIB",
                    timeout=5000)


def test_practice_accounts_replace_the_welcome_page_with_the_previews(qtbot, shell):
    w = shell.window
    assert w.right.currentWidget() is w.welcome.page
    w.preferences.toggle_practice(True)
    qtbot.waitUntil(lambda: w.welcome.has_accounts(), timeout=30_000)
    assert w.right.currentWidget() is w.tabs
    w.preferences.toggle_practice(False)
    qtbot.waitUntil(lambda: not shell.practice.on, timeout=30_000)


def test_office_profile_is_saved_and_reaches_the_templates(qtbot, shell, tmp_path):
    from composer.core.templates import template_fields
    from composer.gui.welcome.office_dialog import OfficeDialog

    w = shell.window
    dialog = OfficeDialog(w.services, w)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Dinas Komunikasi dan Informatika Kabupaten Sleman")
    dialog.short_name.setText("Diskominfo Sleman")
    dialog.handle.setText("@kominfo sleman")  # a space: refused with one line, nothing saved
    dialog.zone.setCurrentIndex(dialog.zone.findData("WITA"))
    dialog.language.setCurrentIndex(dialog.language.findData("id"))
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.error.isVisible() and "@kominfosleman" in dialog.error.text()
    assert not w.services.office().is_set_up
    dialog.handle.setText("@kominfosleman")
    dialog.logo.setText(str(tmp_path / "tidak-ada.png"))
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "tidak-ada.png" in dialog.error.text()
    dialog.logo.setText("")
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = w.services.office()
    assert (saved.short_name, saved.handle, saved.zone, saved.language) == (
        "Diskominfo Sleman", "@kominfosleman", "WITA", "id")
    values = template_fields(w.model.post)  # what every template image and preview now shows
    assert values["office"] == saved.name and values["handle"] == "@kominfosleman"
    w.welcome.office_changed.emit()  # what the Office profile command sends after a save
    qtbot.waitUntil(lambda: w.channels.catalog["x"].display.get("handle") == "@kominfosleman",
                    timeout=10_000)
    assert w.channels.catalog["x"].display["display_name"] == "Diskominfo Sleman"


def test_window_title_is_the_drafts_title_never_siaran_twice(qtbot, shell):
    w = shell.window
    w.model.set_title("Upacara HUT RI ke-81")
    assert w.windowTitle() == "Upacara HUT RI ke-81"
    assert QApplication.applicationDisplayName() == "Siaran"  # the platform adds " — Siaran" once
    w.model.set_title("")
    assert "Siaran" not in w.windowTitle() and w.windowTitle()
    assert not QApplication.windowIcon().isNull()
    assert {16, 32, 256} <= {s.width() for s in QApplication.windowIcon().availableSizes()}


def test_help_menu_has_getting_started_and_about_in_the_ui_language(qtbot):
    from shell_kit import start_shell

    shell = start_shell(qtbot, language="id")
    try:
        w = shell.window
        if shell.language != "id":
            shell.set_language("id")
            w = shell.window
        names = [a.objectName() for a in w.menuBar().actions()[-1].menu().actions()]
        assert {"gettingStarted", "shortcuts", "about"} <= set(names)
        w.actions_by_name["getting_started"].trigger()
        guide = w.welcome.help_page
        assert guide.isVisible() and "Mode latihan" in guide.browser.toPlainText()
        guide.close()
        w.actions_by_name["about"].trigger()
        about = w.welcome.help_page
        text = about.browser.toPlainText()
        assert "Siaran 0." in text and "Noto Color Emoji" in text and "SIL OFL 1.1" in text
        assert "LGPL-3.0" in text and "Pustaka dan fon" in text
        about.close()
    finally:
        stop_shell(qtbot, shell)


def test_dark_scheme_by_choice_previews_keep_the_networks_light_look(qtbot, shell):
    from composer.gui.app import is_dark

    app = QApplication.instance()
    shell.window.findChild(type(shell.window.actions_by_name["quit"]), "scheme_dark").trigger()
    qtbot.waitUntil(lambda: is_dark(app), timeout=5000)
    assert shell.settings.color_scheme == "dark"
    w = shell.window  # rebuilt: its icons are drawn in the light text colour
    from composer.gui.previews.card import PreviewCard

    w.welcome.dismiss()  # "Just write": the previews show (and are built) behind the welcome page
    qtbot.waitUntil(lambda: bool(w.findChildren(PreviewCard)), timeout=15_000)
    card = w.findChildren(PreviewCard)[0]
    post = card.findChild(type(card), "post") or card.findChild(object, "post")
    assert post is not None
    assert "#FFFFFF" in post.styleSheet().upper() or "#FFF" in post.styleSheet().upper()
    w.findChild(type(w.actions_by_name["quit"]), "scheme_system").trigger()
    qtbot.waitUntil(lambda: not is_dark(QApplication.instance()), timeout=5000)
    assert shell.settings.color_scheme is None


SCALED = r"""
import sys
from PySide6.QtWidgets import QApplication, QAbstractButton, QLabel
from composer.core.services import Services
from composer.gui.app import make_application
from composer.gui.welcome import help_pages
from composer.gui.welcome.office_dialog import OfficeDialog
from composer.gui.welcome.page import WelcomePage

app = make_application([])
services = Services()
cut = []
for widget in (OfficeDialog(services), WelcomePage(), help_pages.about(None)):
    widget.resize(widget.sizeHint())
    widget.show()
    app.processEvents()
    for child in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel):
        if not child.isVisible() or (isinstance(child, QLabel) and child.wordWrap()):
            continue
        hint = child.minimumSizeHint()
        if child.width() < hint.width() or child.height() < hint.height():
            cut.append(f"{type(widget).__name__}:{child.text()!r} {child.size()} < {hint}")
print("\n".join(cut) or "ok")
"""


@pytest.mark.parametrize("scale", ["1.5", "2"])
def test_nothing_is_cut_off_at_150_and_200_percent(scale, tmp_path):
    env = dict(os.environ, QT_SCALE_FACTOR=scale, QT_QPA_PLATFORM="offscreen",
               SIARAN_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", SCALED], env=env, capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1:] == ["ok"], out.stdout + out.stderr


def test_setup_installs_a_desktop_entry_and_never_fails_for_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "SIARAN_HOME", "SIARAN_DESKTOP_DIR")}
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "share"))
    script = ROOT / "scripts" / "install-desktop-entry"
    assert subprocess.run([str(script)], env=env, timeout=30).returncode == 0
    entry = (tmp_path / "share" / "applications" / "siaran.desktop").read_text(encoding="utf-8")
    assert "Exec=" in entry and ".venv/bin/siaran-gui" in entry and "Icon=siaran" in entry
    assert "StartupWMClass=siaran" in entry  # the window is matched to the entry (desktop file name)
    assert (tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "siaran.svg").is_file()

    ci = dict(env, CI="true", XDG_DATA_HOME=str(tmp_path / "ci"))
    assert subprocess.run([str(script)], env=ci, timeout=30).returncode == 0
    assert not (tmp_path / "ci").exists()  # CI machines get no menu entry

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    ro = dict(env, XDG_DATA_HOME=str(locked / "share"))
    try:
        result = subprocess.run([str(script)], env=ro, timeout=30, capture_output=True, text=True)
        assert result.returncode == 0  # a read-only home: a note, and the setup goes on
    finally:
        locked.chmod(0o700)


def test_the_office_profile_file_round_trips(tmp_path):
    profile = OfficeProfile(name="Diskominfo", logo="", handle="@x", zone="WIT", language="en")
    profile.save(tmp_path)
    assert OfficeProfile.load(tmp_path) == profile


def test_a_system_scheme_switch_redraws_the_window_unless_a_scheme_is_forced(qtbot, shell):
    from PySide6.QtCore import Qt

    hints = QApplication.instance().styleHints()
    before = shell.window
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # what the desktop sends when it switches
    assert shell.window is not before  # rebuilt: icons drawn in the new text colour
    shell.settings.color_scheme = "light"
    forced = shell.window
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert shell.window is forced
    shell.settings.color_scheme = None


def test_the_crop_editor_keeps_a_poster_whole_when_asked(qtbot, shell, tmp_path):
    from shell_kit import make_image, wait_idle

    w = shell.window
    w.media.add_files([make_image(tmp_path / "poster.jpg", (540, 960))])
    wait_idle(qtbot, shell)
    qtbot.waitUntil(lambda: bool(w.media.proxies), timeout=15_000)
    ref = w.model.post.media[0]
    spec = w.channels.registry.get("instagram").spec
    from composer.gui.crop import CropEditor

    editor = CropEditor()
    qtbot.addWidget(editor)
    editor.fit_changed.connect(lambda media_id, fit: w.model.update_media(media_id, fit=fit))
    editor.edit(w.model.post, "instagram", spec, ref, w.media.proxies[ref.id])
    editor.fit.setCurrentIndex(editor.fit.findData("blur"))
    editor.fit.activated.emit(editor.fit.currentIndex())
    assert w.model.post.media[0].fit == "blur"
    assert w.model.post.copy().media[0].fit == "blur"  # saved with the draft


def test_a_reopened_draft_shows_its_previews_not_the_welcome_page(qtbot):
    """No account yet, but the officer was writing: the draft comes back with its previews."""
    from composer.core.post import Post
    from composer.core.services import Services

    services = Services()
    services.paths.ensure()
    services.store.save_draft(Post(text="Rapat koordinasi penanganan banjir", channels=["x"]))
    services.close()
    from shell_kit import start_shell

    s = start_shell(qtbot)
    try:
        w = s.window
        qtbot.waitUntil(lambda: w.editor.text_edit.toPlainText().startswith("Rapat"), timeout=10_000)
        qtbot.waitUntil(lambda: w.right.currentWidget() is w.tabs, timeout=5000)
        qtbot.waitUntil(lambda: w.previews is not None and "x" in w.previews.cards, timeout=5000)
        assert w.previews.isVisible() and w.welcome.has_accounts() is False
    finally:
        stop_shell(qtbot, s)
