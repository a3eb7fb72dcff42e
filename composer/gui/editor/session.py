"""The open draft's life in the window: reopen the last draft, load the channels, new and open
drafts, and hand the crop editor, the template editor, the publish dialog and the history their
part of the post. The main window stays an assembly of panels; this is what connects them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QVBoxLayout

from composer.core.post import Post
from composer.gui.editor.channels import ChannelInfo, build_catalog

log = logging.getLogger("siaran.gui.session")


def load_catalog(ctx, services) -> tuple[object, list[ChannelInfo]]:
    registry = services.registry  # imports every platform plugin: off the GUI thread
    accounts = services.list_accounts()
    return registry, build_catalog(registry, accounts)


def restore_draft(services, settings) -> Post | None:
    """The draft that was open last time (after a close or a crash), else the newest one."""
    store = services.store
    if settings.last_draft:
        try:
            return store.load_draft(settings.last_draft)
        except Exception:  # deleted or unreadable: fall back to the newest draft
            log.warning("could not reopen draft %s", settings.last_draft, exc_info=True)
    return store.latest_draft()


class DraftSession(QObject):
    catalog_loaded = Signal()

    def __init__(self, window, shell=None):
        super().__init__(window)
        self.window, self.shell = window, shell
        self.catalog: dict[str, ChannelInfo] = {}
        self.registry = None
        self.crop_editor = None
        self.template_editor = None
        self.publish_dialog = None
        self.resume_dialog = None
        self.unfinished: list = []
        self._checked_unfinished = False

    @property
    def model(self):
        return self.window.model

    # -- start-up --------------------------------------------------------------------------

    def start(self) -> None:
        if self.shell is None or not self.shell.restored:
            self._restore()
            if self.shell is not None:
                self.shell.restored = True
        self._setup_logging()
        self.reload_channels()

    def _restore(self) -> None:
        try:
            post = restore_draft(self.window.services, self.window.settings)
        except Exception as exc:
            from composer.gui.tasks import describe_error

            log.exception("reopening the last draft failed")
            self.window.statusBar().showMessage(describe_error(exc), 15_000)
            return
        if post is not None and not self.model.post.text and not self.model.post.media:
            self.model.load(post)
            self.window.autosaver.mark_clean()
        self._tell_store_notice()

    def _tell_store_notice(self) -> None:
        """A damaged database was moved aside on opening: the officer must learn where it went."""
        notice = getattr(self.window.services.store, "notice", None)
        if not notice:
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Siaran"), notice,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setAccessibleName(self.tr("Database notice"))
        box.open()  # window-modal, never blocks start-up
        self.window.store_notice_box = box

    def _setup_logging(self) -> None:
        try:
            from composer.core.logs import setup_logging
        except ImportError:
            return
        try:
            setup_logging(self.window.services.paths)
        except Exception:
            log.exception("logging could not be set up")

    def reload_channels(self) -> None:
        task = self.window.runner.submit(load_catalog, self.window.services, name="channels")
        task.finished.connect(self._catalog_ready)
        task.failed.connect(self.window.show_error)

    def _catalog_ready(self, result) -> None:
        self.registry, catalog = result
        self.catalog = {c.key: c for c in catalog}
        self.window.attach_previews(self.registry)
        chosen = [k for k in self.model.post.channels if k in self.catalog]
        if not chosen and not self.model.post.channels and "folder" in self.catalog:
            chosen = ["folder"]  # a first post goes to the folder until channels are chosen
            self.model.set_channels(chosen)
        self.window.picker.set_catalog(catalog, chosen)
        self.window.set_channels([self.catalog[k] for k in chosen])
        self.catalog_loaded.emit()
        # Everything built so far lives as long as the window: keep it out of the garbage
        # collector's full passes, which otherwise land on a keystroke now and then (~80 ms)
        import gc

        gc.freeze()
        if not self._checked_unfinished:
            self._checked_unfinished = True
            self.check_unfinished()

    def chosen_channels(self) -> list[ChannelInfo]:
        return [self.catalog[k] for k in self.model.post.channels if k in self.catalog]

    def channels_picked(self, keys: list[str]) -> None:
        self.model.set_channels(keys)
        self.window.set_channels(self.chosen_channels())

    def remember_draft(self, post_id: str) -> None:
        settings = self.window.settings
        if settings.last_draft != post_id:
            settings.last_draft = post_id
            settings.save()

    # -- drafts ----------------------------------------------------------------------------

    def new_draft(self) -> None:
        self.window.autosaver.flush()
        self.model.load(Post(channels=list(self.model.post.channels)))
        self.window.picker.set_catalog(list(self.catalog.values()), self.model.post.channels)

    def open_draft(self) -> None:
        self.window.autosaver.flush()
        try:
            drafts = self.window.services.store.list_drafts()
        except Exception as exc:
            from composer.gui.tasks import describe_error

            self.window.show_error(describe_error(exc))
            return
        if not drafts:
            self.window.statusBar().showMessage(self.tr("There are no other drafts."), 5000)
            return
        untitled = self.tr("(untitled)")
        labels = [f"{d.title or untitled} — {d.updated_at:%Y-%m-%d %H:%M}" for d in drafts]
        label, ok = QInputDialog.getItem(self.window, self.tr("Open a draft"),
                                         self.tr("Drafts, newest first:"), labels, 0, False)
        if ok:
            post = self.window.services.store.load_draft(drafts[labels.index(label)].id)
            self.model.load(post)
            self.window.autosaver.mark_clean()
            self.window.picker.set_catalog(list(self.catalog.values()), post.channels)
            self.window.set_channels(self.chosen_channels())
            self.remember_draft(post.id)

    # -- crop and template -----------------------------------------------------------------

    def open_crop(self, channel_key: str, media_id: str) -> None:
        channel = self.catalog.get(channel_key)
        proxy = self.window.media.proxies.get(media_id)
        try:
            ref = self.model.post.media_by_id(media_id)
        except KeyError:
            return
        if channel is None or proxy is None:
            self.window.statusBar().showMessage(self.tr("The image is still being prepared."), 4000)
            return
        if self.crop_editor is None:  # made once and reused: its renders may outlive a close
            from composer.gui.crop import CropEditor

            host = _host(self.window)
            self.crop_editor = CropEditor(host)
            host.layout().addWidget(self.crop_editor)
            self.crop_editor.crop_changed.connect(self.model.set_crop)
            self.crop_editor.focal_changed.connect(self._focal_changed)
        editor = self.crop_editor
        editor.window().setWindowTitle(self.tr("Crop for {channel}").format(channel=channel.spec.name))
        # A crop belongs to the network (the publish engine renders once per network, whatever
        # the account), so it is kept under the platform id, shared by that network's accounts.
        specs = {c.spec.id: c.spec for c in self.chosen_channels()}
        editor.edit(self.model.post, channel.spec.id, channel.spec, ref, proxy, specs)
        editor.window().open()

    def _focal_changed(self, media_id: str, xy) -> None:
        self.model.update_media(media_id, focal=None if xy is None else tuple(xy))

    def open_template(self) -> None:
        if self.template_editor is None:  # made once and reused, like the crop editor
            from composer.gui.templates import TemplateEditor

            host = _host(self.window)
            self.template_editor = TemplateEditor(host, runner=self.window.runner)
            host.layout().addWidget(self.template_editor)
            self.template_editor.template_chosen.connect(self.model.set_template)
            self.template_editor.template_chosen.connect(lambda *_: host.accept())
        editor = self.template_editor
        editor.window().setWindowTitle(self.tr("Template"))
        first = next((m for m in self.model.post.media if m.id in self.window.media.proxies), None)
        editor.edit(self.model.post, self.window.media.proxies[first.id] if first else None)
        editor.window().open()

    # -- publish and history ---------------------------------------------------------------

    def publish(self) -> None:
        from composer.gui.publish.publish_dialog import PublishDialog

        self.window.autosaver.flush()  # what is published is what is saved
        dialog = PublishDialog(self.window.services, self.window.runner, self.model.post.copy(),
                               self.chosen_channels(), self.window.media.proxies, self.window)
        dialog.published.connect(self._after_publish)
        self.publish_dialog = dialog
        dialog.open()

    def _after_publish(self) -> None:
        if self.window.history is not None:
            self.window.history.refresh()

    def check_unfinished(self) -> None:
        """Sends a crash or a failure left unfinished are offered for resuming."""
        from composer.gui.publish.resume_dialog import unfinished_job

        task = self.window.runner.submit(unfinished_job, self.window.services, name="unfinished")
        task.finished.connect(self._show_unfinished)

    def _show_unfinished(self, entries) -> None:
        self.unfinished = list(entries or [])
        self.window.show_unfinished(len(self.unfinished))

    def resume(self) -> None:
        if not self.unfinished:
            self.window.statusBar().showMessage(self.tr("Nothing is waiting to be published."), 5000)
            return
        from composer.gui.publish.resume_dialog import ResumeDialog

        dialog = ResumeDialog(self.window.services, self.window.runner, self.unfinished, self.window)
        dialog.finished.connect(lambda _r: (self.check_unfinished(), self._after_publish()))
        self.resume_dialog = dialog
        dialog.open()

    def show_history(self) -> None:
        window = self.window
        if window.history is None:
            from composer.gui.history.history_panel import HistoryPanel

            window.history = HistoryPanel(window.services, window.runner, window.history_holder)
            window.history_holder.layout().addWidget(window.history)
        window.history.refresh()


def _host(window) -> QDialog:
    """A window-modal dialog around an editor panel; open() never blocks the event loop."""
    host = QDialog(window)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(8, 8, 8, 8)
    host.resize(min(1200, window.width() - 40), min(760, window.height() - 40))
    return host
