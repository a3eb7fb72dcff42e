"""The image commands: Add images (Ctrl+Shift+I), the crop editor (from a preview) and the
template editor (Ctrl+T). Both editors are made once and reused (their renders may outlive a
close) inside a window-modal dialog whose open() never blocks the event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QVBoxLayout, QWidget

from composer.gui.actions import make_action
from composer.gui.dialog_size import fit

if TYPE_CHECKING:
    from composer.gui.crop import CropEditor
    from composer.gui.templates import TemplateEditor


def editor_host(window: QMainWindow, name: str, buttons) -> tuple[QDialog, QVBoxLayout, QDialogButtonBox]:
    """A window-modal dialog around an editor panel: the layout the panel goes in, and below it
    the dialog's own buttons (always in sight: the dialog fits the screen)."""
    host = QDialog(window)
    host.setObjectName(name)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(8, 8, 8, 8)
    box = QDialogButtonBox(buttons, host)
    layout.addWidget(box)
    fit(host, name, 1200, 740)
    return host, layout, box


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
        if channel is None or proxy is None:
            self.notices.say(self.tr("The image is still being prepared."), 4000)
            return
        editor = self.crop_editor
        if editor is None:
            from composer.gui.crop import CropEditor

            ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
            host, layout, box = editor_host(self.window, "cropEditor", ok | cancel)
            editor = self.crop_editor = CropEditor(host)
            layout.insertWidget(0, editor, 1)
            box.button(ok).setText(self.tr("Done"))
            box.button(cancel).setText(self.tr("Cancel"))
            box.accepted.connect(host.accept)
            box.rejected.connect(host.reject)
            host.rejected.connect(editor.revert)  # Cancel or Esc: the crops as they were
            editor.model = self.model
        host = editor_of(editor)
        host.setWindowTitle(self.tr("Crop for {channel}").format(channel=channel.spec.name))
        # A crop belongs to the network (the publish engine renders once per network, whatever
        # the account), so it is kept under the platform id, shared by that network's accounts.
        specs = {c.spec.id: c.spec for c in self.channels.chosen()}
        editor.edit(self.model.post, channel.spec.id, channel.spec, ref, proxy, specs)
        host.open()

    def open_template(self) -> None:
        editor = self.template_editor
        if editor is None:
            from composer.gui.templates import TemplateEditor

            close = QDialogButtonBox.StandardButton.Cancel
            host, layout, box = editor_host(self.window, "templateEditor", close)
            editor = self.template_editor = TemplateEditor(host, runner=self.runner)
            layout.insertWidget(0, editor, 1)
            box.button(close).setText(self.tr("Cancel"))
            box.rejected.connect(host.reject)
            editor.template_chosen.connect(self.model.set_template)
            editor.template_chosen.connect(lambda *_: host.accept())
        host = editor_of(editor)
        host.setWindowTitle(self.tr("Template"))
        first = next((m for m in self.model.post.media if m.id in self.media.proxies), None)
        editor.edit(self.model.post, self.media.proxies[first.id] if first else None)
        host.open()
