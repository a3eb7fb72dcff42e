"""Every command of the main window as a QAction with a shortcut, in the menus and the toolbar.

Keyboard first: each action has a shortcut and its tooltip names it. Ctrl+Enter publishes (the
publish dialog lists the channels and asks before anything is sent)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QToolBar

from composer.gui.icons import icon

translate = QCoreApplication.translate


def _action(window, name: str, text: str, shortcuts, slot, icon_name: str | None = None) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    keys = [QKeySequence(s) if isinstance(s, str) else QKeySequence(s) for s in shortcuts]
    action.setShortcuts(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    hint = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({hint})" if hint else text)
    if icon_name:
        action.setIcon(icon(icon_name))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_actions(window) -> dict[str, QAction]:
    s = window.session
    K = QKeySequence.StandardKey
    a = {
        "new": _action(window, "newDraft", translate("Actions", "&New draft"), [K.New], s.new_draft, "new"),
        "open": _action(window, "openDraft", translate("Actions", "&Open draft…"), [K.Open], s.open_draft, "open"),
        "publish": _action(window, "publish", translate("Actions", "&Publish…"), ["Ctrl+Return", "Ctrl+Enter"],
                           window.open_publish, "publish"),
        "resume": _action(window, "resume", translate("Actions", "&Resume publishing…"),
                          ["Ctrl+Shift+R"], s.resume),
        "quit": _action(window, "quit", translate("Actions", "&Quit"), [K.Quit], window.close),
        "undo": _action(window, "undo", translate("Actions", "&Undo"), [K.Undo], window.undo, "undo"),
        "redo": _action(window, "redo", translate("Actions", "&Redo"), [K.Redo, "Ctrl+Shift+Z"], window.redo, "redo"),
        "paste": _action(window, "paste", translate("Actions", "&Paste"), [K.Paste], window.paste),
        "add_images": _action(window, "addImages", translate("Actions", "Add &images…"), ["Ctrl+Shift+I"],
                              window.media.choose_files, "image"),
        "template": _action(window, "template", translate("Actions", "&Template…"), ["Ctrl+T"], s.open_template,
                            "template"),
        "accounts": _action(window, "accounts", translate("Actions", "&Accounts…"), ["Ctrl+Shift+A"],
                            window.open_accounts, "accounts"),
        "practice": _action(window, "practice", translate("Actions", "P&ractice mode"), ["Ctrl+Shift+P"],
                            lambda: window.toggle_practice(a["practice"].isChecked())),
        "previews": _action(window, "showPreviews", translate("Actions", "&Previews"), ["Ctrl+1"],
                            lambda: window.tabs.setCurrentIndex(0)),
        "channel_text": _action(window, "showChannelText", translate("Actions", "Text per &channel"), ["Ctrl+2"],
                                lambda: window.tabs.setCurrentIndex(1)),
        "history": _action(window, "showHistory", translate("Actions", "&History"), ["Ctrl+3"],
                           lambda: window.tabs.setCurrentIndex(2), "history"),
        "focus_text": _action(window, "focusText", translate("Actions", "Go to the &text"), ["Ctrl+L"],
                              lambda: window.editor.text_edit.setFocus()),
        "focus_channels": _action(window, "focusChannels", translate("Actions", "Go to the c&hannels"), ["Ctrl+K"],
                                  lambda: window.picker.tree.setFocus()),
        "shortcuts": _action(window, "shortcuts", translate("Actions", "&Keyboard shortcuts"), [K.HelpContents],
                             lambda: show_shortcuts(window)),
    }
    a["publish"].setPriority(QAction.Priority.HighPriority)
    a["practice"].setCheckable(True)
    a["practice"].setToolTip(translate("Actions", "Practice mode: local practice channels to train "
                                       "on, never a real account (Ctrl+Shift+P)"))

    group = QActionGroup(window)
    languages = [(None, translate("Actions", "System language")), ("en", "English"), ("id", "Bahasa Indonesia")]
    for code, label in languages:
        act = QAction(label, group, checkable=True)
        act.setObjectName(f"language_{code or 'system'}")
        act.setChecked(window.settings.language == code)
        act.triggered.connect(lambda _=False, c=code: window.language_requested.emit(c))
        a[f"language_{code or 'system'}"] = act

    bar = window.menuBar()
    file_menu = bar.addMenu(translate("Actions", "&File"))
    for key in ("new", "open", None, "publish", "resume", None, "quit"):
        file_menu.addSeparator() if key is None else file_menu.addAction(a[key])
    edit_menu = bar.addMenu(translate("Actions", "&Edit"))
    for key in ("undo", "redo", None, "paste", "add_images", "template"):
        edit_menu.addSeparator() if key is None else edit_menu.addAction(a[key])
    view_menu = bar.addMenu(translate("Actions", "&View"))
    for key in ("previews", "channel_text", "history", None, "focus_text", "focus_channels"):
        view_menu.addSeparator() if key is None else view_menu.addAction(a[key])
    settings_menu = bar.addMenu(translate("Actions", "&Settings"))
    settings_menu.addAction(a["accounts"])
    settings_menu.addAction(a["practice"])
    language_menu = settings_menu.addMenu(translate("Actions", "&Language"))
    for act in group.actions():
        language_menu.addAction(act)
    help_menu = bar.addMenu(translate("Actions", "&Help"))
    help_menu.addAction(a["shortcuts"])

    toolbar = QToolBar(translate("Actions", "Main"), window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(20, 20))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for key in ("new", "undo", "redo", None, "add_images", "template", "accounts", None, "publish"):
        toolbar.addSeparator() if key is None else toolbar.addAction(a[key])
    publish_button = toolbar.widgetForAction(a["publish"])
    if publish_button is not None:
        from composer.gui.main_window import PUBLISH_STYLE

        publish_button.setObjectName("publishButton")
        publish_button.setStyleSheet(PUBLISH_STYLE)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    window.toolbar = toolbar
    return a


def show_shortcuts(window) -> None:
    lines = []
    for action in window.actions_by_name.values():
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
