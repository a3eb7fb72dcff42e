"""The first run and the Help menu: shows the welcome page while no account is connected, the
office profile, Getting started, About, the window title (the draft's) and the colour scheme
choice (the shell applies it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QStackedWidget

from composer.gui.actions import make_action

if TYPE_CHECKING:  # the page and the dialogs load when first shown, after start-up
    from composer.gui.welcome.help_pages import HelpPage
    from composer.gui.welcome.office_dialog import OfficeDialog
    from composer.gui.welcome.page import WelcomePage

SCHEMES = (None, "light", "dark")  # None follows the system


class WelcomeController(QObject):
    office_changed = Signal()
    color_scheme_requested = Signal(object)  # "light", "dark" or None (the system's)

    def __init__(self, window, services, settings, stack: QStackedWidget):
        super().__init__(window)
        self.window, self.services, self.settings, self.stack = window, services, settings, stack
        self.dismissed = False
        self.page: WelcomePage | None = None  # built the first time it is needed
        self.office_dialog: OfficeDialog | None = None
        self.help_page: HelpPage | None = None
        self.actions = {
            "office": make_action(window, "officeProfile", self.tr("&Office profile…"), ["Ctrl+Shift+O"],
                                  self.open_office),
            "getting_started": make_action(window, "gettingStarted", self.tr("&Getting started"), ["Shift+F1"],
                                           self.open_getting_started),
            "about": make_action(window, "about", self.tr("&About Siaran"), ["Ctrl+F1"],
                                 self.open_about),
        }
        self.schemes = self._scheme_actions()
        window.channels.catalog_loaded.connect(self.update_page)
        # The page steps aside once the officer is at work: writing, ticking a channel, or going
        # to the previews, the text per channel or the history.
        window.tabs.currentChanged.connect(self.dismiss)
        window.picker.selection_changed.connect(self.dismiss)
        window.model.text_changed.connect(self._text_changed)
        # a reopened (or opened) draft with text or images: the officer was writing, and sees
        # its previews rather than the welcome page
        window.model.replaced.connect(self._text_changed)
        window.model.replaced.connect(self.show_title)
        window.model.text_changed.connect(self.show_title)
        self.show_title()

    def _scheme_actions(self) -> list[QAction]:
        group = QActionGroup(self.window)
        labels = {None: self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for code in SCHEMES:
            act = QAction(labels[code], group, checkable=True)
            act.setObjectName(f"scheme_{code or 'system'}")
            act.setChecked((self.settings.color_scheme or None) == code)
            act.triggered.connect(lambda _=False, c=code: self.color_scheme_requested.emit(c))
        return group.actions()

    # -- the welcome page ----------------------------------------------------------------------

    def has_accounts(self) -> bool:
        return any(c.account is not None for c in self.window.channels.catalog.values())

    def update_page(self, *_args) -> None:
        """The welcome page while nothing can be published but the folder; the previews once an
        account (a practice one too) is there, or once the officer chose to just write."""
        welcome = not self.dismissed and not self.has_accounts()
        if welcome and self.page is None:
            self.page = self._build_page()
        self.stack.setCurrentIndex(self.stack.indexOf(self.page) if welcome and self.page else 0)

    def _build_page(self) -> WelcomePage:
        from composer.gui.welcome.page import WelcomePage

        page = WelcomePage(self.stack)
        page.practice_chosen.connect(lambda: self.window.preferences.toggle_practice(True))
        page.connect_chosen.connect(self.window.preferences.open_accounts)
        page.office_chosen.connect(self.open_office)
        page.dismissed.connect(self.dismiss)
        self.stack.addWidget(page)
        return page

    def dismiss(self, *_args) -> None:
        if not self.dismissed:
            self.dismissed = True
            self.update_page()

    def _text_changed(self) -> None:
        post = self.window.model.post
        if not self.dismissed and (post.text or post.media):
            self.dismiss()

    def watch(self, actions: dict) -> None:
        """Going to a tab (Ctrl+1/2/3) shows it, even the one already current."""
        for name in ("previews", "channel_text", "history"):
            actions[name].triggered.connect(self.dismiss)

    # -- dialogs -------------------------------------------------------------------------------

    def open_office(self) -> None:
        from composer.gui.welcome.office_dialog import OfficeDialog

        dialog = self.office_dialog = OfficeDialog(self.services, self.window)
        if dialog.exec():
            self.window.notices.say(self.tr("Office profile saved."), 5000)
            self.office_changed.emit()

    def open_getting_started(self) -> None:
        from composer.gui.welcome import help_pages

        self.help_page = help_pages.getting_started(self.window)
        self.help_page.open()

    def open_about(self) -> None:
        from composer.gui.welcome import help_pages

        self.help_page = help_pages.about(self.window)
        self.help_page.open()

    # -- the title -----------------------------------------------------------------------------

    def show_title(self) -> None:
        """The draft's title; the platform adds " — Siaran" (the application's display name)."""
        post = self.window.model.post
        title = (post.title or post.text[:200].strip().split("\n")[0]).strip()  # cheap per keystroke
        if len(title) > 60:
            title = title[:59].rstrip() + "…"
        title = title or self.tr("New draft")
        if title != self.window.windowTitle():
            self.window.setWindowTitle(title)
