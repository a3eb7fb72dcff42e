"""The main window: builds the panels and wires the controllers; the features live in their
folders, each controller owning its actions (drafts, channels, images, publishing, settings,
editing). The window itself only navigates between its panels.

Layout: channel picker | composing column (master text, counters, media strip) | tabs
(previews, per-channel text, history). The status bar shows autosave and background work.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from composer.gui.actions import ORDER, lay_out, make_action, show_shortcuts
from composer.gui.editor.autosave import Autosaver
from composer.gui.editor.channel_control import ChannelsController
from composer.gui.editor.channel_picker import ChannelPicker
from composer.gui.editor.channel_text import ChannelTextPanel
from composer.gui.editor.counter_bar import CounterBar
from composer.gui.editor.drafts import DraftsController
from composer.gui.editor.editing import EditController
from composer.gui.editor.live import LiveUpdater
from composer.gui.editor.master_editor import MasterEditor
from composer.gui.editor.post_details import PostDetails
from composer.gui.editor.post_file import PostFileController
from composer.gui.media.image_tools import ImageToolsController
from composer.gui.media.media_strip import MediaStrip
from composer.gui.media.renders import RenderQueue
from composer.gui.notices import Notices
from composer.gui.publish.controller import PublishingController
from composer.gui.queue.controller import QueueController
from composer.gui.settings.controller import SettingsController
from composer.gui.welcome.controller import WelcomeController

log = logging.getLogger("siaran.gui.window")


def make_heading(label) -> None:
    """A section heading: the body font, larger and semi-bold (no style sheet needed)."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setWeight(font.Weight.DemiBold)
    label.setFont(font)


# Start-up work that the officer does not wait for (renewing sign-ins, the approval state, the
# text engine's big patterns, the scheduler's first run) starts this long after the window is
# usable, so it never competes with listing the channels and reopening the draft.
SETTLE_DELAY_MS = 800
SETTLE_LATEST_MS = 10_000  # even when the channels or the draft could not be loaded


class TabHolder(QWidget):
    """A tab whose panel is built the first time it shows (behind the welcome page or another
    tab, it costs nothing at start-up)."""

    shown = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.shown.emit()


class MainWindow(QMainWindow):
    language_requested = Signal(object)  # "en", "id" or None (the system's)
    color_scheme_requested = Signal(object)  # "light", "dark" or None (the system's)
    settled = Signal()  # once per window: the draft is reopened, the channels listed, and a moment passed

    def __init__(self, services, model, runner, settings, practice):
        """``practice`` is the shell's PracticeSwitch (it outlives a window rebuilt in another
        language)."""
        super().__init__()
        self.services, self.model, self.runner, self.settings = services, model, runner, settings
        self._detached = False
        self._settled = False
        # the window's own timer: it goes with the window (a language change rebuilds it)
        self._settle_timer = QTimer(self, singleShot=True)
        self._settle_timer.timeout.connect(self._settle)
        self.quitting = False  # the tray's Quit: close for real even when kept in the tray
        self.setObjectName("mainWindow")
        self.resize(1360, 860)

        # panels
        self.picker = ChannelPicker(self)
        self.editor = MasterEditor(self)
        self.details = PostDetails(self)  # tags and links
        self.counters = CounterBar(self)
        self.media = MediaStrip(model, runner, services, self)
        self.channel_text = ChannelTextPanel(model, self)
        self.previews = None  # PreviewsPanel, built once the channel registry is loaded and its tab shows
        self._registry = None  # the channel registry, once loaded
        self.previews_holder = TabHolder(self)
        self.previews_holder.shown.connect(self._build_previews)
        self.previews_placeholder = QLabel(self.tr("Loading channels…"), self.previews_holder)
        self.previews_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previews_holder.layout().addWidget(self.previews_placeholder)
        self.history = None  # built the first time its tab is opened
        self.history_holder = TabHolder(self)
        self.queue_holder = TabHolder(self)  # the Queue tab, built the first time it opens

        compose = QWidget(self)
        compose.setObjectName("composeColumn")
        col = QVBoxLayout(compose)
        col.setContentsMargins(12, 8, 12, 8)
        col.setSpacing(8)
        self.compose_heading = QLabel(compose)
        self.compose_heading.setObjectName("sectionHeading")
        make_heading(self.compose_heading)
        col.addWidget(self.compose_heading)
        col.addWidget(self.editor, 1)
        col.addWidget(self.counters)
        col.addWidget(self.details)
        col.addWidget(self.media)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("rightTabs")
        self.tabs.addTab(self.previews_holder, "")
        self.tabs.addTab(self.channel_text, "")
        self.tabs.addTab(self.history_holder, "")
        self.tabs.addTab(self.queue_holder, "")
        from composer.gui.governance.findings_panel import FindingsPanel

        self.checks = FindingsPanel(model, runner, self)
        self.tabs.addTab(self.checks, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.picker)
        self.splitter.addWidget(compose)
        self.right = QStackedWidget(self)  # the tabs, or the welcome page on a first run
        self.right.setObjectName("rightArea")
        self.right.addWidget(self.tabs)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes(settings.splitter or [220, 500, 640])
        central = QWidget(self)
        central_col = QVBoxLayout(central)
        central_col.setContentsMargins(0, 0, 0, 0)
        central_col.setSpacing(0)
        self.central_column = central_col
        central_col.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.save_state = QLabel(self)
        self.save_state.setObjectName("autosaveIndicator")
        self.save_state.setContentsMargins(8, 0, 8, 0)
        self.work_state = QLabel(self)
        self.resume_button = QPushButton(self)
        self.resume_button.setObjectName("resumeButton")
        self.resume_button.setFlat(True)
        self.resume_button.hide()
        self.statusBar().addPermanentWidget(self.resume_button)
        self.statusBar().addPermanentWidget(self.work_state)
        self.statusBar().addPermanentWidget(self.save_state)

        # behaviour: the panels' own helpers, then the controllers that own the commands
        self.notices = Notices(self)
        self.live = LiveUpdater(model, self.editor, self.counters, self.channel_text, self)
        self.renders = RenderQueue(model, runner, services, self)
        self.autosaver = Autosaver(model, runner, lambda: services.store, self)
        self.drafts = DraftsController(self, model, services, runner, settings, self.autosaver, self.notices)
        self.channels = ChannelsController(self, model, services, runner, self.picker, self.notices)
        self.images = ImageToolsController(self, model, runner, self.media, self.channels, self.notices)
        self.publishing = PublishingController(self, model, services, runner, settings, self.autosaver,
                                               self.channels, self.media, self.notices)
        self.preferences = SettingsController(self, services, runner, settings, practice, self.notices)
        self.editing = EditController(self, self.editor, self.media, model,
                                      (self.editor.title_edit, self.editor.text_edit,
                                       self.channel_text.edit, self.media.alt_edit))
        model.channel_name = self.channel_name
        model.text_restored.connect(self._text_restored)
        self.welcome = WelcomeController(self, services, settings, self.right)
        self.queue = QueueController(self, services, runner, settings,
                                     lambda: self.tabs.setCurrentWidget(self.queue_holder))
        from composer.gui.governance.controller import GovernanceController

        self.governance = GovernanceController(self, model, services, runner, self.autosaver,
                                               self.notices)
        self.central_column.insertWidget(0, self.governance.banner)
        self.statusBar().addPermanentWidget(self.governance.approval_state)
        self.checks.fix_requested.connect(self._apply_fix)
        self.publishing.may_publish = self.governance.before_publish
        self.post_file = PostFileController(self, model, services, runner, self.autosaver, self.notices,
                                            self.governance.review_package)

        self.editor.text_edited.connect(model.set_text)
        self.editor.title_edited.connect(model.set_title)
        self.details.tags_edited.connect(model.set_tags)
        self.details.links_edited.connect(model.set_links)
        self.editor.media_pasted.connect(self.media.take_mime)
        self.picker.manage_accounts.connect(self.preferences.open_accounts)
        self.resume_button.clicked.connect(self.publishing.resume)
        self.counters.channel_activated.connect(self.show_channel_text)
        self.media.proxy_ready.connect(self.renders.proxy_ready)
        self.media.error.connect(self.notices.error)
        self.autosaver.state_changed.connect(self._show_save_state)
        self.drafts.restored.connect(self.channels.reload)
        self.channels.catalog_loaded.connect(self.attach_previews)
        self.channels.channels_changed.connect(self.set_channels)
        self.preferences.practice_started.connect(self.channels.practice_started)
        self.preferences.accounts_changed.connect(self.channels.reload)
        self.preferences.language_requested.connect(self.language_requested)
        self.welcome.color_scheme_requested.connect(self.color_scheme_requested)
        self.welcome.office_changed.connect(self.renders.refresh)  # the logo and name on images
        self.welcome.office_changed.connect(self.channels.reload)  # and on the previews
        self.publishing.published.connect(self._refresh_history)
        self.publishing.published.connect(self._publish_ended)
        self.queue.open_post.connect(self.drafts.open_post)
        self.publishing.unfinished_changed.connect(self.show_unfinished)
        self.settled.connect(self.publishing.check_unfinished_once)
        runner.task_started.connect(self._show_work)
        runner.task_done.connect(self._show_work)
        model.replaced.connect(self._show_post)

        actions = {**self.drafts.actions, **self._own_actions(), **self.images.actions,
                   **self.publishing.actions, **self.preferences.actions, **self.editing.actions,
                   **self.welcome.actions, **self.queue.actions,
                   **self.governance.actions, **self.post_file.actions}
        self.actions_by_name = {name: actions[name] for name in ORDER}
        self.welcome.watch(self.actions_by_name)
        for act in self.preferences.languages:
            self.actions_by_name[act.objectName()] = act
        self.toolbar = lay_out(self, self.actions_by_name, self.preferences.languages, self.welcome.schemes)
        self._set_tab_order()
        self.retranslate()
        self._restore_layout()
        self._show_post()
        if model.post.media:  # a rebuilt window (language change): thumbnails and proxies again
            self.media.reload()

    def _own_actions(self) -> dict:
        """The window's own commands: moving between its panels, quitting, the shortcut list."""
        keys = QKeySequence.StandardKey
        return {
            "quit": make_action(self, "quit", self.tr("&Quit"), [keys.Quit], self.close),
            "previews": make_action(self, "showPreviews", self.tr("&Previews"), ["Ctrl+1"],
                                    lambda: self.tabs.setCurrentIndex(0)),
            "channel_text": make_action(self, "showChannelText", self.tr("Text per &channel"), ["Ctrl+2"],
                                        lambda: self.tabs.setCurrentIndex(1)),
            "history": make_action(self, "showHistory", self.tr("&History"), ["Ctrl+3"],
                                   lambda: self.tabs.setCurrentIndex(2), "history"),
            "checks": make_action(self, "showChecks", self.tr("&Checks"), ["Ctrl+5"],
                                  lambda: self.tabs.setCurrentWidget(self.checks)),
            "focus_text": make_action(self, "focusText", self.tr("Go to the &text"), ["Ctrl+L"],
                                      lambda: self.editor.text_edit.setFocus()),
            "focus_channels": make_action(self, "focusChannels", self.tr("Go to the c&hannels"), ["Ctrl+K"],
                                          lambda: self.picker.tree.setFocus()),
            "shortcuts": make_action(self, "shortcuts", self.tr("&Keyboard shortcuts"), [keys.HelpContents],
                                     lambda: show_shortcuts(self, self.actions_by_name)),
        }

    # -- once on screen ------------------------------------------------------------------------

    def after_show(self, *, restore: bool) -> None:
        """Reopen the last draft (once per run, not per window), then load the channels; the
        rest of start-up waits until both are on screen (``settled``)."""
        self.governance.refresh_banner()
        waiting = {"channels"} | ({"draft"} if restore else set())

        def done(what: str) -> None:
            if what in waiting:
                waiting.discard(what)
                if not waiting:
                    self._settle_timer.start(SETTLE_DELAY_MS)

        self._settle_timer.start(SETTLE_LATEST_MS)
        self.channels.catalog_loaded.connect(lambda _registry: done("channels"))
        if restore:
            self.drafts.restored.connect(lambda: done("draft"))
            self.settled.connect(self.preferences.check_sign_ins)  # once per run: renew, or warn
            self.drafts.restore()
        else:
            self.channels.reload()

    def _settle(self) -> None:
        if self._settled or self._detached:
            return
        self._settled = True
        self.governance.refresh_approval()
        self.live.warm_up(previews=self.previews is None)
        self.settled.emit()

    def attach_previews(self, registry) -> None:
        """The registry is loaded: the previews panel (it needs the channel specs) is built now
        if its tab shows, else the first time it does (the welcome page of a first start covers
        it: the window is usable without the previews' modules)."""
        self._registry = registry
        if self.previews_holder.isVisible():
            self._build_previews()

    def _build_previews(self) -> None:
        if self.previews is not None or self._registry is None:
            return
        from composer.gui.previews import PreviewsPanel

        self.previews = PreviewsPanel(self._registry, self.previews_holder)
        self.previews_placeholder.hide()
        self.previews_holder.layout().addWidget(self.previews)
        self.previews.crop_requested.connect(self.images.open_crop)
        self.live.previews = self.previews
        self.renders.previews = self.previews
        if self.live.channels:  # listed before the panel existed: it catches up
            self.set_channels(self.live.channels)

    def set_channels(self, channels) -> None:
        self.live.set_channels(channels)
        limits = {c.spec.name: c.spec.alt_text_limit for c in channels if c.spec.alt_text_limit}
        self.media.set_alt_limits(sorted(limits.items()))
        self.renders.set_channels(channels)
        self._set_tab_order()  # the counter chips are new widgets

    def show_history(self) -> None:
        """The history panel is built the first time its tab opens, and refreshed each time."""
        if self.history is None:
            from composer.gui.history.history_panel import HistoryPanel

            self.history = HistoryPanel(self.services, self.runner, self.history_holder)
            self.history.publish_requested.connect(self.publishing.publish_entry)
            self.history.notice.connect(self.notices.say)
            self.history_holder.layout().addWidget(self.history)
        self.history.refresh()

    def _refresh_history(self) -> None:
        if self.history is not None:
            self.history.refresh()
        self.queue.refresh()

    def _publish_ended(self) -> None:
        dialog = self.publishing.publish_dialog
        if dialog is not None and not dialog.running:
            self.queue.publish_ended(list(dialog.outcomes.values()))

    def show_unfinished(self, count: int) -> None:
        self.resume_button.setText("⟳ " + self.tr("Resume publishing (%n unfinished)", "", count))
        self.resume_button.setAccessibleName(self.resume_button.text())
        self.resume_button.setVisible(count > 0)

    def _apply_fix(self, key: str, code: str, start: int) -> None:
        """A governance finding's fix, as the core makes it, into the master text or the
        channel's own text."""
        from composer.core.checks.gov import apply_fix

        post = self.model.post
        variant = post.variants.get(key) if key else None
        text = variant.overrides["text"] if variant is not None else post.text
        fixed = apply_fix(text, code, start)
        if fixed is None:
            return
        if variant is not None:
            self.model.override(key, "text", fixed)
        else:
            self.model.set_text(fixed)
            self.editor.set_content(post.title, fixed)

    def channel_name(self, key: str) -> str:
        """A channel's name for the Edit menu: an account's label, or a network's name (crops
        are kept per network)."""
        channel = self.channels.catalog.get(key)
        if channel is not None:
            return channel.label
        return next((c.spec.name for c in self.channels.catalog.values() if c.spec.id == key), key)

    def _text_restored(self, field: str, cursor: int) -> None:
        """An undo or redo changed a text: show it, with the cursor where the change was."""
        if field in ("text", "title"):
            self._show_post()
            edit = self.editor.text_edit if field == "text" else self.editor.title_edit
            edit.setFocus()
            if field == "title":
                self.editor.title_edit.setCursorPosition(cursor)
            else:
                text_cursor = edit.textCursor()
                text_cursor.setPosition(min(cursor, len(self.model.post.text)))
                edit.setTextCursor(text_cursor)
        elif field.startswith("alt:"):
            self.media.show_alt(field[4:])
        else:
            self.show_channel_text(field)

    def show_channel_text(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.channel_text)
        self.channel_text.select(key)

    # -- showing ---------------------------------------------------------------------------

    def _show_post(self) -> None:
        post = self.model.post
        self.editor.set_content(post.title, post.text)
        self.details.set_content(post.tags, post.links)

    def _show_save_state(self, state: str, detail: str) -> None:
        text = {
            "unsaved": self.tr("Unsaved changes"),
            "saving": self.tr("Saving…"),
            "saved": self.tr("Saved {time}").format(time=detail) if detail else self.tr("Saved"),
            "failed": self.tr("Not saved: {reason}").format(reason=detail),
        }[state]
        self.save_state.setText(("● " if state in ("unsaved", "failed") else "✓ ") + text)
        self.save_state.setAccessibleName(text)

    def _show_work(self, *_):
        busy = self.runner.busy
        self.work_state.setText(self.tr("Working…") if busy else "")

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.history_holder:
            self.show_history()
        elif self.tabs.widget(index) is self.queue_holder:
            self.queue.panel_for(self.queue_holder).refresh()

    def retranslate(self) -> None:
        self.compose_heading.setText(self.tr("Post"))
        self.tabs.setTabText(0, self.tr("Previews"))
        self.tabs.setTabText(1, self.tr("Text per channel"))
        self.tabs.setTabText(2, self.tr("History"))
        self.tabs.setTabText(3, self.tr("Queue"))
        self.tabs.setTabText(4, self.tr("Checks"))
        self.tabs.setAccessibleName(self.tr("Previews, per-channel text, history, queue and checks"))
        self._show_save_state(self.autosaver.state, "")

    def _set_tab_order(self) -> None:
        # channels, then the post top to bottom (title, text, its counters, its images), then
        # the previews/per-channel/history tabs
        media = self.media
        order = [self.picker.tree, self.picker.accounts_button, self.editor.title_edit,
                 self.editor.text_edit, *self.counters.chips(), self.details.tags,
                 self.details.links, media.add_button, media.left_button,
                 media.right_button, media.remove_button, media.list, media.alt_edit, self.tabs]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

    # -- layout and closing ------------------------------------------------------------------

    def _restore_layout(self) -> None:
        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.geometry.encode()))

    def save_layout(self) -> None:
        self.settings.geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.splitter = self.splitter.sizes()
        self.settings.save()

    def detach(self) -> None:
        """The window is being replaced (a language change): save, and close without asking.
        The shell gives the next window a fresh model around the same post."""
        self._detached = True
        self.renders.stop()
        self.autosaver.flush()
        self.model.blockSignals(True)

    def closeEvent(self, event) -> None:
        if self._detached:
            event.accept()
            return
        from PySide6.QtWidgets import QApplication

        if not QApplication.quitOnLastWindowClosed() and not self.quitting:
            # kept in the tray: the window goes, the app and its scheduler stay (Open brings
            # the window back as it was)
            self.save_layout()
            self.autosaver.flush()
            self.hide()
            event.ignore()
            return
        self.save_layout()
        if not self.autosaver.flush():
            from composer.gui.ask import confirm

            if not confirm(self, self.tr("Siaran"),
                           self.tr("The draft could not be saved ({reason}). Close anyway and lose "
                                   "the latest changes?").format(reason=self.save_state.text()),
                           self.tr("Close anyway"), self.tr("Keep open")):
                event.ignore()
                return
        self.renders.stop()  # (the saved draft is remembered by every save, the last included)
        self.runner.cancel_all()
        event.accept()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.editor.text_edit.setFocus)
