"""Every string a person sees in the Indonesian UI and CLI is Indonesian.

Walks the main window (menus, actions, tooltips, every widget's labels, accessible names and
placeholders, lists, tabs, tree headers), every dialog the app opens (tests/gui/dialog_kit.py:
dialogs added later are walked too), the previews and `siaran … --lang id` output, and fails
on an English word that is not a proper name (tests/gui/english_words.py)."""

from __future__ import annotations

import contextlib
import io
import re

from dialog_kit import open_every_dialog
from english_words import english_words
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QTreeWidget,
    QWidget,
)
from shell_kit import start_shell, stop_shell

from composer import cli


def texts_of(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string ``root`` and its visible children show a person."""
    out: list[tuple[str, str]] = []

    def add(where, text):
        if text and text.strip():
            out.append((where, text))

    widgets = [root, *(w for w in root.findChildren(QWidget) if w.isVisibleTo(root))]
    add(type(root).__name__ + " title", root.windowTitle())
    for w in widgets:
        where = f"{type(w).__name__}({w.objectName()})"
        add(where + " tooltip", w.toolTip())
        add(where + " accessible name", w.accessibleName())
        if isinstance(w, QLabel):
            add(where, w.text())
        elif isinstance(w, QAbstractButton):
            add(where, w.text())
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            add(where + " placeholder", w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(where + " item", w.itemText(i))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(where + " tab", w.tabText(i))
                add(where + " tab tooltip", w.tabToolTip(i))
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                add(where + " item", w.item(i).text())
        elif isinstance(w, QTreeWidget):
            header = w.headerItem()
            for c in range(header.columnCount()):
                add(where + " header", header.text(c))
            stack = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
            while stack:
                item = stack.pop()
                for c in range(item.columnCount()):
                    add(where + " item", item.text(c))
                    add(where + " item tooltip", item.toolTip(c))
                stack += [item.child(i) for i in range(item.childCount())]
        elif isinstance(w, QGroupBox):
            add(where, w.title())
    for action in root.findChildren(QAction):
        add(f"action {action.objectName()}", action.text())
        add(f"action {action.objectName()} tooltip", action.toolTip())
    for menu in root.findChildren(QMenu):
        add(f"menu {menu.objectName()}", menu.title())
    return out


def english_in(found: list[tuple[str, str]]) -> list[str]:
    return sorted({f"{where}: {text!r} ({', '.join(words)})"
                   for where, text in found if (words := english_words(text))})


def test_the_english_detector_tells_english_from_indonesian():
    assert english_words("Undo crop for Instagram") == ["Undo", "crop", "for"]
    assert english_words("Urungkan potongan untuk Instagram (Ctrl+Z)") == []
    assert english_words("Terbitkan ke X, Threads dan Bluesky: `siaran sign-in x --name NAME`") == []


def test_every_window_dialog_menu_and_tooltip_reads_in_indonesian(qtbot, tmp_path):
    shell = start_shell(qtbot)
    seen: list[tuple[str, str]] = []
    try:
        english_window = shell.window
        english_window.actions_by_name["language_id"].trigger()  # as an officer switches
        qtbot.waitUntil(lambda: shell.window is not english_window, timeout=5000)
        w = shell.window
        qtbot.waitUntil(lambda: bool(w.channels.catalog), timeout=10_000)
        seen += texts_of(w)
        w.tabs.setCurrentIndex(1)
        seen += texts_of(w.channel_text)
        w.tabs.setCurrentIndex(2)
        qtbot.wait(100)
        seen += texts_of(w.history_holder)
        w.tabs.setCurrentIndex(0)
        open_every_dialog(qtbot, shell, tmp_path, on_dialog=lambda d: seen.extend(texts_of(d)))
        seen += texts_of(w)  # with a draft, channels, an image and their previews
    finally:
        stop_shell(qtbot, shell)
    english = english_in(seen)
    assert not english, f"{len(english)} English strings in the Indonesian UI:\n" + "\n".join(english)


def cli_output(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.suppress(SystemExit):
        cli.main(["--lang", "id", *argv])
    return out.getvalue() + err.getvalue()


COMMAND_NAMES = "|".join(sorted(cli.COMMANDS, key=len, reverse=True))


def without_code(line: str) -> str:
    """A help line without what is typed as it is: command names, METAVARS, {choices}, ids."""
    line = re.sub(rf"^\s+(?:{COMMAND_NAMES})\b|\bsiaran(?: (?:{COMMAND_NAMES}))?\b", " ", line)
    line = re.sub(r"\b[A-Z][A-Z_]+\b|\{[\w,]+\}|\[[^\]]*\]", " ", line)
    return re.sub(r"^\s*\S+\s{2,}", " ", line)  # the name column (platform ids, actions, options)


def test_every_cli_command_reads_in_indonesian(tmp_path):
    from composer.core import post as post_model

    post = tmp_path / "p.toml"
    post_model.save(post_model.Post(text="Pengumuman layanan KTP keliling " * 12,
                                    channels=["x", "bluesky", "mastodon", "folder"]), post)
    outputs = {f"siaran {name} --help": cli_output(name, "--help") for name in cli.COMMANDS}
    outputs["siaran --help"] = cli_output("--help")
    outputs["siaran check"] = cli_output("check", str(post))
    outputs["siaran platforms"] = cli_output("platforms")
    outputs["siaran accounts list"] = cli_output("accounts", "list")
    outputs["siaran publish (no account)"] = cli_output("publish", str(post), "--to", "x,bluesky")
    outputs["siaran new (missing image)"] = cli_output("new", "--text", "x", "--image", "hilang.jpg")
    english = [f"{cmd}: {line.strip()!r} ({', '.join(words)})"
               for cmd, text in outputs.items() for line in text.splitlines()
               if (words := english_words(without_code(line)))]
    assert not english, f"{len(english)} English lines in `siaran --lang id`:\n" + "\n".join(english)


def test_qts_own_buttons_and_text_menus_are_indonesian(qtbot):
    """PySide6 ships no Indonesian qtbase catalogue; ours (qtbase_id.qm) is loaded with the app's."""
    from PySide6.QtWidgets import QDialogButtonBox

    shell = start_shell(qtbot)
    try:
        english_window = shell.window
        english_window.actions_by_name["language_id"].trigger()
        qtbot.waitUntil(lambda: shell.window is not english_window, timeout=5000)
        b = QDialogButtonBox.StandardButton
        box = QDialogButtonBox(b.Ok | b.Cancel | b.Yes | b.No | b.Save | b.Close | b.Apply)
        texts = sorted(button.text().replace("&", "") for button in box.buttons())
        assert texts == sorted(["OK", "Batal", "Ya", "Tidak", "Simpan", "Tutup", "Terapkan"])
        for field in (QLineEdit(), QPlainTextEdit()):
            field.setPlainText("x") if isinstance(field, QPlainTextEdit) else field.setText("x")
            menu = field.createStandardContextMenu()
            shown = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
            assert {"Urungkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus", "Pilih semua"} <= set(shown), shown
            menu.deleteLater()
            field.deleteLater()
        box.deleteLater()
    finally:
        stop_shell(qtbot, shell)
