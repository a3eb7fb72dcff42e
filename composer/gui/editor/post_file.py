"""Open a post file (File ▸ Open post file…, Ctrl+Alt+O, or ``siaran-gui FILE``): a TOML post
as the CLI's ``siaran new``, a colleague or a script wrote it becomes the current draft. Reading
it and copying its media into the store run off the GUI thread (composer.core.post_import);
the draft being written is saved first, and stays as it is when the file cannot be used.
A review package (``*.siaran-review``) opened the same way goes to the approver's review
instead: ``open_review`` is the governance controller's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow

from composer.core.governance.review_file import PACKAGE_SUFFIX, is_review_package
from composer.gui.actions import make_action
from composer.gui.tasks import Task


def open_job(ctx, services, path: str):
    return services.open_post_file(path)


class PostFileController(QObject):
    opened = Signal(str)  # the file, once its post is the current draft

    def __init__(self, window: QMainWindow, model, services, runner, autosaver, notices,
                 open_review: Callable[[str], None]):
        super().__init__(window)
        self.window, self.model, self.services, self.runner = window, model, services, runner
        self.open_review = open_review
        self.autosaver, self.notices = autosaver, notices
        self.task: Task | None = None
        self.actions = {
            "open_file": make_action(window, "openPostFile", self.tr("Open post &file…"), ["Ctrl+Alt+O"],
                                     self.choose),
        }

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open post file"), str(Path.home()),
            self.tr("Post files and review packages ({patterns})").format(
                patterns=f"*.toml *{PACKAGE_SUFFIX}"))
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        if is_review_package(path):  # the approver's document: reviewed, never made a draft
            self.open_review(path)
            return
        self.autosaver.flush()  # the draft being written is kept
        self.notices.say(self.tr("Opening {file}…").format(file=Path(path).name))
        task = self.task = self.runner.submit(open_job, self.services, path, name="open post file")
        task.finished.connect(lambda post: self._opened(path, post))
        task.failed.connect(self.notices.error)

    def _opened(self, path: str, post) -> None:
        self.model.load(post)  # a new draft: autosave keeps it in the store
        self.notices.say(self.tr("Opened {file}").format(file=Path(path).name))
        self.opened.emit(path)
