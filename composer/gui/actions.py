"""How a command becomes a QAction (shortcut, tooltip naming it, icon), and how the controllers'
actions are laid out in the menus and the toolbar.

Each controller makes and owns its actions (drafts: New, Open; publishing: Publish, Resume ...);
this module only knows the layout. Keyboard first: each action has a shortcut and its tooltip
names it. Ctrl+Enter publishes (the publish dialog lists the channels and asks before anything
is sent)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QToolBar, QWidget

from composer.gui.icons import icon

translate = QCoreApplication.translate

# Style sheets stay on the few widgets that need them: a sheet on the window would send every
# child through Qt's (slower) style-sheet painting, on every keystroke.
PUBLISH_STYLE = """
QToolButton { background: palette(highlight); color: palette(highlighted-text);
              border-radius: 4px; padding: 4px 12px; font-weight: 600; }
QToolButton:hover { border: 1px solid palette(highlighted-text); }
"""

# The order of the keyboard-shortcuts list, the order the menus name them in
ORDER = ("new", "open", "open_file", "publish", "resume", "quit", "undo", "redo", "paste", "add_images",
         "template", "accounts", "practice", "previews", "channel_text", "history", "focus_text",
         "focus_channels", "shortcuts")
TOOLBAR = ("new", "undo", "redo", None, "add_images", "template", "accounts", None, "publish")


def make_action(window: QWidget, name: str, text: str, shortcuts, slot,
                icon_name: str | None = None) -> QAction:
    """An action of ``window`` (its shortcut works anywhere in that window)."""
    action = QAction(text, window)
    action.setObjectName(name)
    keys = [QKeySequence(s) for s in shortcuts]
    action.setShortcuts(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    hint = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({hint})" if hint else text)
    if icon_name:
        action.setIcon(icon(icon_name))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def lay_out(window: QMainWindow, actions: dict[str, QAction], languages: list[QAction]) -> QToolBar:
    """The menus and the toolbar of the main window, from every controller's actions."""
    menus = (  # (title, action names; None is a separator)
        (translate("Actions", "&File"), ("new", "open", "open_file", None, "publish", "resume", None, "quit")),
        (translate("Actions", "&Edit"), ("undo", "redo", None, "paste", "add_images", "template")),
        (translate("Actions", "&View"), ("previews", "channel_text", "history", None, "focus_text",
                                         "focus_channels")),
        (translate("Actions", "&Settings"), ("accounts", "practice")),
        (translate("Actions", "&Help"), ("shortcuts",)),
    )
    bar = window.menuBar()
    for i, (title, names) in enumerate(menus):
        menu = bar.addMenu(title)
        for key in names:
            menu.addSeparator() if key is None else menu.addAction(actions[key])
        if i == 3:  # Settings ends with the languages
            language_menu = menu.addMenu(translate("Actions", "&Language"))
            for act in languages:
                language_menu.addAction(act)

    toolbar = QToolBar(translate("Actions", "Main"), window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(20, 20))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for key in TOOLBAR:
        toolbar.addSeparator() if key is None else toolbar.addAction(actions[key])
    publish_button = toolbar.widgetForAction(actions["publish"])
    publish_button.setObjectName("publishButton")
    publish_button.setStyleSheet(PUBLISH_STYLE)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar


def show_shortcuts(window: QWidget, actions: dict[str, QAction]) -> None:
    lines = []
    for action in actions.values():
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        if keys:
            lines.append(f"<tr><td>{action.text().replace('&', '')}</td><td><b>{keys}</b></td></tr>")
    extra = [
        (translate("Actions", "Remove the selected image"), "Del"),
        (translate("Actions", "Move the selected image"), "Ctrl+Shift+←/→"),
        (translate("Actions", "Next field"), "Tab"),
    ]
    lines += [f"<tr><td>{t}</td><td><b>{k}</b></td></tr>" for t, k in extra]
    box = QMessageBox(window)
    box.setWindowTitle(translate("Actions", "Keyboard shortcuts"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText("<table cellspacing=6>" + "".join(lines) + "</table>")
    box.open()
    QApplication.processEvents()
