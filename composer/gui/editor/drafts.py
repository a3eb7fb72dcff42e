"""Drafts: reopen the last one at start-up, New draft (Ctrl+N), Open (Ctrl+O: the drafts list,
composer.gui.editor.drafts_list), and remember which draft is open. Every query of the store runs off the GUI thread (a slow disk or a big
database never freezes the window); only showing the result happens here."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from composer.core.post import Post
from composer.gui.actions import make_action


def reopen_job(ctx, services, last_id: str | None) -> tuple[Post | None, str | None]:
    """The draft to reopen, and the store's notice (a damaged database moved aside), if any."""
    post = services.reopen_draft(last_id)
    return post, services.store.notice


def load_draft_job(ctx, services, draft_id: str) -> Post:
    return services.load_draft(draft_id)


class DraftsController(QObject):
    restored = Signal()  # the start-up reopening is over (whether or not a draft came back)

    def __init__(self, window: QMainWindow, model, services, runner, settings, autosaver, notices):
        super().__init__(window)
        self.window, self.model, self.services, self.runner = window, model, services, runner
        self.settings, self.autosaver, self.notices = settings, autosaver, notices
        self.store_notice_box: QMessageBox | None = None
        self.drafts_dialog = None  # File ▸ Open's list, while it is open
        self.event_form = None  # File ▸ Zoom event, while it is open
        keys = QKeySequence.StandardKey
        self.actions = {
            "new": make_action(window, "newDraft", self.tr("&New draft"), [keys.New], self.new_draft, "new"),
            "open": make_action(window, "openDraft", self.tr("&Open draft…"), [keys.Open], self.open_draft,
                                "open"),
            "event": make_action(window, "zoomEvent", self.tr("Zoom &event announcements…"),
                                 ["Ctrl+Shift+E"], self.new_event),
        }
        autosaver.saved.connect(self.remember)

    # -- start-up ------------------------------------------------------------------------------

    def restore(self) -> None:
        """Reopen the draft that was open last time (after a close or a crash), else the newest."""
        task = self.runner.submit(reopen_job, self.services, self.settings.last_draft, name="reopen draft")
        task.finished.connect(self._reopened)
        task.failed.connect(self._reopen_failed)

    def _reopen_failed(self, message: str) -> None:
        self.notices.say(message, 15_000)
        self.restored.emit()  # the channels still load: an empty draft is there to write in

    def _reopened(self, result) -> None:
        post, notice = result
        # typed into meanwhile: the officer's new text wins over the old draft
        if post is not None and not self.model.post.text and not self.model.post.media:
            self.model.load(post)
            self.autosaver.mark_clean()
        if notice:
            self._tell_store_notice(notice)
        self.restored.emit()

    def _tell_store_notice(self, notice: str) -> None:
        """A damaged database was moved aside on opening: the officer must learn where it went."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Siaran", notice, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setAccessibleName(self.tr("Database notice"))
        box.open()  # window-modal, never blocks start-up
        self.store_notice_box = box

    def remember(self, post_id: str) -> None:
        if self.settings.last_draft != post_id:
            self.settings.last_draft = post_id
            self.settings.save()

    # -- new and open --------------------------------------------------------------------------

    def new_draft(self) -> None:
        self.autosaver.flush()
        self.model.load(Post(channels=list(self.model.post.channels)))

    def open_draft(self):
        """The drafts list (drafts, published, archived): open, duplicate, archive, delete."""
        from composer.gui.editor.drafts_list import DraftsDialog

        self.autosaver.flush()  # the open draft is in the list as it is now
        dialog = DraftsDialog(self.services, self.runner, self.window)
        dialog.open_requested.connect(self.show_post)
        self.drafts_dialog = dialog
        dialog.open()

    def new_event(self):
        """The Zoom event form: its announcements become scheduled posts (composer.core.events)."""
        from composer.gui.editor.event_form import EventForm

        channels = self.window.channels
        form = EventForm(self.services, self.runner, list(channels.catalog.values()),
                         list(self.model.post.channels), self.services.office().zone, self.window)
        form.created.connect(lambda series: self.notices.say(
            self.tr("%n announcement(s) scheduled.", "", len(series))))
        self.event_form = form
        form.open()

    def show_post(self, post: Post) -> None:
        """Open ``post`` in the editor (History's update or publish again, the drafts list)."""
        self._open(post)

    def open_post(self, post: Post) -> None:
        """Open ``post`` in the editor (from the queue): the open draft is saved first."""
        self.autosaver.flush()
        self._open(post)

    def _open(self, post: Post) -> None:
        self.model.load(post)
        self.autosaver.mark_clean()
        self.remember(post.id)
