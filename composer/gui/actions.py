"""How a command becomes a QAction (shortcut, tooltip naming it, icon), and how the controllers'
actions are laid out in the menus and the toolbar.

Each controller makes and owns its actions (drafts: New, Open; publishing: Publish, Resume ...);
this module only knows the layout. Keyboard first: each action has a shortcut and its tooltip
names it. Ctrl+Enter publishes (the publish dialog lists the channels and asks before anything
is sent)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

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
ORDER = ("new", "open", "event", "publish", "resume", "quit", "undo", "redo", "paste", "add_images",
         "template", "accounts", "practice", "keep_in_tray", "office", "previews", "channel_text",
         "history", "queue", "focus_text", "focus_channels", "shortcuts", "getting_started", "about")
TOOLBAR = ("new", "undo", "redo", None, "add_images", "template", "accounts", None, "publish")


def make_action(window: QWidget, name: str, text: str, shortcuts, slot,
                icon_name: str | None = None) -> QAction:
    """An action of ``window`` (its shortcut works anywhere in that window)."""
    action = QAction(text, window)
    action.setObjectName(name)
    action.setProperty("command", text)  # its name in the shortcut list, whatever it reads now
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


def lay_out(window: QMainWindow, actions: dict[str, QAction], languages: list[QAction],
            schemes: list[QAction] | None = None) -> QToolBar:
    """The menus and the toolbar of the main window, from every controller's actions."""
    menus = (  # (title, action names; None is a separator)
        (translate("Actions", "&File"), ("new", "open", "event", None, "publish", "resume", None, "quit")),
        (translate("Actions", "&Edit"), ("undo", "redo", None, "paste", "add_images", "template")),
        (translate("Actions", "&View"), ("previews", "channel_text", "history", "queue", None,
                                         "focus_text", "focus_channels")),
        (translate("Actions", "&Settings"), ("accounts", "practice", "keep_in_tray", "office")),
        (translate("Actions", "&Help"), ("getting_started", "shortcuts", None, "about")),
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
            scheme_menu = menu.addMenu(translate("Actions", "&Appearance"))
            for act in schemes or []:
                scheme_menu.addAction(act)

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


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str, str]]:
    """(section, what, keys) for every command with a key: the window's actions themselves, then
    the crop and template editors' own keys (from the lists those editors bind)."""
    from composer.gui.crop.editor import crop_shortcuts
    from composer.gui.templates.editor import template_shortcuts

    window = translate("Actions", "Window")
    rows = []
    for action in actions.values():
        sequences = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = ", ".join(dict.fromkeys(s for s in sequences if s))  # Redo is Ctrl+Shift+Z twice on Linux
        if keys:
            rows.append((window, str(action.property("command") or action.text()).replace("&", ""), keys))
    rows += [(window, translate("Actions", "Remove the selected image"), "Del"),
             (window, translate("Actions", "Move the selected image"), "Ctrl+Shift+←/→"),
             (window, translate("Actions", "Next field"), "Tab")]
    rows += [(translate("Actions", "Crop editor"), what, keys) for what, keys in crop_shortcuts()]
    rows += [(translate("Actions", "Template editor"), what, keys) for what, keys in template_shortcuts()]
    return rows


def show_shortcuts(window: QWidget, actions: dict[str, QAction]) -> QDialog:
    """F1: every shortcut, grouped by where it works, in a dialog that fits the screen."""
    from composer.gui.dialog_size import fit

    dialog = QDialog(window)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(translate("Actions", "Keyboard shortcuts"))
    table = QTreeWidget(dialog)
    table.setHeaderLabels([translate("Actions", "Command"), translate("Actions", "Keys")])
    table.setRootIsDecorated(False)
    sections: dict[str, QTreeWidgetItem] = {}
    for section, what, keys in shortcut_rows(actions):
        if section not in sections:
            head = sections[section] = QTreeWidgetItem(table, [section])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFirstColumnSpanned(True)
        QTreeWidgetItem(sections[section], [what, keys])
    table.expandAll()
    table.resizeColumnToContents(0)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table, 1)
    layout.addWidget(buttons)
    fit(dialog, "shortcuts", 560, 620)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
