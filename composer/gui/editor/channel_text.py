"""Per-channel text: each chosen channel follows the master until the officer edits its own text;
"Follow master" brings it back. Shows that channel's counter, its overflow, and the thread parts
when the channel splits a long text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from composer.gui.ask import confirm
from composer.gui.editor.channel_details import ChannelDetails
from composer.gui.editor.channels import ChannelInfo
from composer.gui.editor.counting import ChannelCount, utf16_offset
from composer.gui.editor.draft_model import DraftModel
from composer.gui.editor.master_editor import mark_overflow


def _unit_name(unit: str) -> str:
    from composer.core.text.counting import unit_name  # the text engine loads with the first count

    return unit_name(unit)


class ChannelTextPanel(QWidget):
    channel_selected = Signal(str)

    def __init__(self, model: DraftModel, parent=None):
        super().__init__(parent)
        self.model = model
        self._channels: dict[str, ChannelInfo] = {}
        self._counts: dict[str, ChannelCount] = {}
        self._loading = False

        self.list = QListWidget(self)
        self.list.setObjectName("channelTextList")
        self.list.setMinimumWidth(150)
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(font.Weight.DemiBold)
        self.heading.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("channelTextStatus")
        self.follow_button = QPushButton(self)
        self.follow_button.setObjectName("followMaster")
        self.details = ChannelDetails(model, self)  # its title and declared options
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("channelText")
        self.edit.setTabChangesFocus(True)
        self.counter = QLabel(self)
        self.counter.setObjectName("channelCounter")
        self.parts = QListWidget(self)
        self.parts.setObjectName("threadParts")
        self.parts.setWordWrap(True)
        self.parts_label = QLabel(self)

        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.follow_button)
        right = QWidget(self)
        col = QVBoxLayout(right)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(head)
        col.addWidget(self.details)
        col.addWidget(self.status)
        col.addWidget(self.edit, 3)
        col.addWidget(self.counter)
        col.addWidget(self.parts_label)
        col.addWidget(self.parts, 2)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([190, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.list.currentItemChanged.connect(self._on_current)
        self.edit.textChanged.connect(self._on_edited)
        self.follow_button.clicked.connect(self._follow_master)
        self.retranslate()

    def retranslate(self) -> None:
        self.follow_button.setText(self.tr("Follow master"))
        self.follow_button.setToolTip(self.tr("Drop this channel's own text and use the master text again"))
        self.follow_button.setAccessibleName(self.tr("Follow master"))
        self.list.setAccessibleName(self.tr("Channels"))
        self.edit.setAccessibleName(self.tr("Text for this channel"))
        self.parts.setAccessibleName(self.tr("Thread parts"))
        self.parts_label.setText(self.tr("Posted as a thread:"))
        self._refresh()

    # -- what the main window calls --------------------------------------------------------

    @property
    def current_key(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def set_channels(self, channels: list[ChannelInfo]) -> None:
        current = self.current_key
        self._channels = {c.key: c for c in channels}
        self.list.blockSignals(True)
        self.list.clear()
        for channel in channels:
            item = QListWidgetItem(channel.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, channel.key)
        self.list.blockSignals(False)
        keys = [c.key for c in channels]
        self.select(current if current in keys else (keys[0] if keys else None))

    def select(self, key: str | None) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(i)
                return
        self._refresh()

    def update_counts(self, counts: dict[str, ChannelCount]) -> None:
        """Called on every change; cheap unless this panel is on screen."""
        self._counts = counts
        self._mark_edited_items()
        if self.isVisible():
            self._refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh()

    # -- internals -------------------------------------------------------------------------

    def _mark_edited_items(self) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = item.data(Qt.ItemDataRole.UserRole)
            label = self._channels[key].label
            edited = not self.model.follows(key, "text")
            cc = self._counts.get(key)
            over = cc is not None and not cc.fits and not cc.parts  # a thread is not too long
            text = label + ("  ✎" if edited else "") + ("  ⚠" if over else "")
            if item.text() != text:
                item.setText(text)

    def _on_current(self, *_):
        self._refresh()
        if self.current_key:
            self.channel_selected.emit(self.current_key)

    def _refresh(self) -> None:
        key = self.current_key
        enabled = key is not None
        for w in (self.edit, self.follow_button):
            w.setEnabled(enabled)
        self.details.show_channel(key, self._channels[key].spec if key is not None else None)
        if key is None:
            self.heading.setText(self.tr("Choose channels to see their text here."))
            self.status.clear()
            self.counter.clear()
            self.parts.clear()
            self.parts.hide()
            self.parts_label.hide()
            return
        channel = self._channels[key]
        follows = self.model.follows(key, "text")
        # a channel with a title and a description limit (YouTube) calls its text a description
        heading = (self.tr("Description for {channel}") if channel.spec.description_limit_bytes
                   else self.tr("Text for {channel}"))
        self.heading.setText(heading.format(channel=channel.label))
        self.status.setText(self.tr("Follows the master text") if follows
                            else self.tr("Edited for this channel; the master text no longer changes it"))
        self.follow_button.setVisible(not follows)
        text = self.model.post.resolve(key).text
        if self.edit.toPlainText() != text:
            self._loading = True
            self.edit.setPlainText(text)
            self._loading = False
        cc = self._counts.get(key)
        self._show_count(channel, cc, text)

    def _show_count(self, channel: ChannelInfo, cc: ChannelCount | None, text: str) -> None:
        count = cc.count if cc else None
        if cc is None or count is None:
            self.counter.setText("")
            mark_overflow(self.edit, None)
        else:
            limit = count.limit if count.limit is not None else self.tr("no limit")
            line = self.tr("{used} of {limit} ({unit})").format(used=count.length, limit=limit,
                                                                unit=_unit_name(count.unit))
            if count.problems:
                line += " — " + "; ".join(count.problems)
            self.counter.setText(line)
            start = None if cc.overflow_at is None else utf16_offset(text, cc.overflow_at)
            mark_overflow(self.edit, start, self.tr("Beyond {channel}'s limit").format(
                channel=channel.label) if start is not None else "")
        parts = cc.parts if cc else ()
        self.parts.setVisible(bool(parts))
        self.parts_label.setVisible(bool(parts))
        self.parts.clear()
        for i, part in enumerate(parts, 1):
            self.parts.addItem(f"{i}/{len(parts)}  {part}")

    def _on_edited(self) -> None:
        key = self.current_key
        if self._loading or key is None:
            return
        text = self.edit.toPlainText()
        if self.model.follows(key, "text") and text == self.model.post.text:
            return
        self.model.override(key, "text", text)

    def _follow_master(self) -> None:
        """Asks first when the channel's own text differs from the master (it would be lost;
        Edit ▸ Undo brings it back too)."""
        key = self.current_key
        if not key:
            return
        own = self.model.post.resolve(key).text
        if own != self.model.post.text and not confirm(
                self, self.tr("Follow master"),
                self.tr("Drop the text written for {channel} and use the master text again?")
                .format(channel=self._channels[key].label),
                self.tr("Drop and follow master"), self.tr("Keep this text")):
            return
        self.model.follow_master(key, "text")
        self._refresh()
