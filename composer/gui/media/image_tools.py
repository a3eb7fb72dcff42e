"""The image commands: Add images (Ctrl+Shift+I), the crop editor (from a preview) and the
template editor (Ctrl+T). Both editors are made once and reused (their renders may outlive a
close) inside a window-modal dialog whose open() never blocks the event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMainWindow, QVBoxLayout, QWidget

from composer.gui.actions import make_action

if TYPE_CHECKING:
    from composer.gui.crop import CropEditor
    from composer.gui.templates import TemplateEditor


def editor_host(window: QMainWindow) -> tuple[QDialog, QVBoxLayout]:
    """A window-modal dialog around an editor panel, and the layout the panel goes in."""
    host = QDialog(window)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(8, 8, 8, 8)
    host.resize(min(1200, window.width() - 40), min(760, window.height() - 40))
    return host, layout


def editor_of(panel: QWidget) -> QDialog:
    """The dialog editor_host made around ``panel``."""
    host = panel.parentWidget()
    assert isinstance(host, QDialog)
    return host


class ImageToolsController(QObject):
    def __init__(self, window: QMainWindow, model, runner, media, channels, notices):
        super().__init__(window)
        self.window, self.model, self.runner, self.media = window, model, runner, media
        self.channels, self.notices = channels, notices
        self.crop_editor: CropEditor | None = None
        self.template_editor: TemplateEditor | None = None
        self.actions = {
            "add_images": make_action(window, "addImages", self.tr("Add &images…"), ["Ctrl+Shift+I"],
                                      media.choose_files, "image"),
            "template": make_action(window, "template", self.tr("&Template…"), ["Ctrl+T"],
                                    self.open_template, "template"),
        }

    def open_crop(self, channel_key: str, media_id: str) -> None:
        channel = self.channels.catalog.get(channel_key)
        proxy = self.media.proxies.get(media_id)
        try:
            ref = self.model.post.media_by_id(media_id)
        except KeyError:
            return
        if ref.kind == "video":  # a video has no crop: its tile opens the video panel instead
            self.media.select(media_id)
            self.media.video_panel.scrub.setFocus()
            return
        if channel is None or proxy is None:
            self.notices.say(self.tr("The image is still being prepared."), 4000)
            return
        editor = self.crop_editor
        if editor is None:
            from composer.gui.crop import CropEditor

            host, layout = editor_host(self.window)
            editor = self.crop_editor = CropEditor(host)
            layout.addWidget(editor)
            editor.crop_changed.connect(self.model.set_crop)
            editor.focal_changed.connect(self._focal_changed)
        host = editor_of(editor)
        host.setWindowTitle(self.tr("Crop for {channel}").format(channel=channel.spec.name))
        # A crop belongs to the network (the publish engine renders once per network, whatever
        # the account), so it is kept under the platform id, shared by that network's accounts.
        specs = {c.spec.id: c.spec for c in self.channels.chosen()}
        editor.edit(self.model.post, channel.spec.id, channel.spec, ref, proxy, specs)
        host.open()

    def _focal_changed(self, media_id: str, xy) -> None:
        self.model.update_media(media_id, focal=None if xy is None else tuple(xy))

    def open_template(self) -> None:
        editor = self.template_editor
        if editor is None:
            from composer.gui.templates import TemplateEditor

            host, layout = editor_host(self.window)
            editor = self.template_editor = TemplateEditor(host, runner=self.runner)
            layout.addWidget(editor)
            editor.template_chosen.connect(self.model.set_template)
            editor.template_chosen.connect(lambda *_: host.accept())
        host = editor_of(editor)
        host.setWindowTitle(self.tr("Template"))
        first = next((m for m in self.model.post.media if m.id in self.media.proxies), None)
        editor.edit(self.model.post, self.media.proxies[first.id] if first else None)
        host.open()
