"""Publishing from the window: Publish (Ctrl+Enter) opens the publish dialog on the saved post and
its chosen channels; sends a crash or a failure left unfinished are found once the channels are
loaded and offered through Resume publishing (Ctrl+Shift+R)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from composer.gui.actions import make_action

if TYPE_CHECKING:
    from composer.gui.publish.publish_dialog import PublishDialog
    from composer.gui.publish.resume_dialog import ResumeDialog


class PublishingController(QObject):
    published = Signal()  # a publish or resume run is over: what was published has changed
    unfinished_changed = Signal(int)  # how many sends wait to be resumed

    def __init__(self, window: QMainWindow, model, services, runner, settings, autosaver, channels,
                 media, notices):
        super().__init__(window)
        self.window, self.model, self.services, self.runner = window, model, services, runner
        self.settings, self.autosaver, self.channels = settings, autosaver, channels
        self.media, self.notices = media, notices
        self.publish_dialog: PublishDialog | None = None
        self.resume_dialog: ResumeDialog | None = None
        self.unfinished: list = []
        # asked before the publish dialog opens (the window sets it to its governance's check)
        self.may_publish: Callable[[], bool] = lambda: True
        self._checked_unfinished = False
        self.actions = {
            "publish": make_action(window, "publish", self.tr("&Publish…"), ["Ctrl+Return", "Ctrl+Enter"],
                                   self.publish, "publish"),
            "resume": make_action(window, "resume", self.tr("&Resume publishing…"), ["Ctrl+Shift+R"],
                                  self.resume),
        }
        self.actions["publish"].setPriority(QAction.Priority.HighPriority)

    def publish(self) -> None:
        from composer.gui.publish.publish_dialog import PublishDialog

        self.autosaver.flush()  # what is published is what is saved
        if not self.may_publish():  # governance: approval needed, or a crisis hold
            return
        dialog = PublishDialog(self.services, self.runner, self.model.post.copy(), self.channels.chosen(),
                               self.media.proxies, settings=self.settings, parent=self.window)
        dialog.published.connect(self.published)
        self.publish_dialog = dialog
        dialog.open()

    def publish_entry(self, post_id, account, correction=None):
        """History's Update / Publish again: open the post in the editor, then the publish
        dialog for that one channel (which asks the engine, and offers update, replace or post
        as new when it changed)."""
        from composer.gui.editor.drafts import load_draft_job

        self.autosaver.flush()
        task = self.runner.submit(load_draft_job, self.services, post_id, name="open post")
        task.finished.connect(lambda post: self._publish_loaded(post, account, correction))
        task.failed.connect(self.notices.error)

    def _publish_loaded(self, post, account, correction):
        from composer.gui.publish.publish_dialog import PublishDialog

        self.window.drafts.show_post(post)
        channel = self.channels.catalog.get(account)
        if channel is None:
            self.notices.error(self.tr("The account {account} is no longer in Siaran.").format(
                account=account))
            return
        dialog = PublishDialog(self.services, self.runner, post.copy(), [channel],
                               self.media.proxies, settings=self.settings, parent=self.window,
                               correction={account: correction} if correction else None)
        dialog.published.connect(self.published)
        self.publish_dialog = dialog
        dialog.open()

    def check_unfinished_once(self) -> None:
        """At start-up (the window calls this once it settled): publishes a crash cut short."""
        if not self._checked_unfinished:
            self._checked_unfinished = True
            self.check_unfinished()

    def check_unfinished(self) -> None:
        from composer.gui.publish.resume_dialog import unfinished_job

        task = self.runner.submit(unfinished_job, self.services, name="unfinished")
        task.finished.connect(self._show_unfinished)

    def _show_unfinished(self, entries) -> None:
        self.unfinished = list(entries or [])
        self.unfinished_changed.emit(len(self.unfinished))

    def _resumed(self, _result: int = 0) -> None:
        self.check_unfinished()
        self.published.emit()

    def resume(self) -> None:
        if not self.unfinished:
            self.notices.say(self.tr("Nothing is waiting to be published."))
            return
        from composer.gui.publish.resume_dialog import ResumeDialog

        dialog = ResumeDialog(self.services, self.runner, self.unfinished, self.window)
        dialog.finished.connect(self._resumed)
        self.resume_dialog = dialog
        dialog.open()
