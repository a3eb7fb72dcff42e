"""Live counters, one chip per chosen channel: "X 245/280", red past the limit, the number of
thread parts when the channel splits. Clicking a chip opens that channel's own text.

Per keystroke only the chip texts change; the colour (a dynamic property matched by the
stylesheet) is re-polished only when a chip changes state, which keeps typing cheap."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton, QWidget

from composer.gui.editor.channels import ChannelInfo
from composer.gui.editor.counting import ChannelCount

COLUMNS = 3

STYLE = """
QToolButton[chip] { border: 1px solid palette(mid); border-radius: 10px; padding: 3px 10px;
                    background: palette(base); text-align: left; }
QToolButton[chip][state="near"] { border-color: #c98a00; }
QToolButton[chip][state="over"] { border-color: #d03030; background: rgba(208, 48, 48, 40); }
QToolButton[chip][state="split"] { border-color: #2f7fd0; }
"""


def chip_state(cc: ChannelCount) -> str:
    count = cc.count
    if count is None or count.limit is None:
        return "ok"
    if not count.fits:
        return "split" if cc.parts else "over"
    return "near" if count.length > 0.9 * count.limit else "ok"


class CounterBar(QWidget):
    channel_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(6)
        self._chips: dict[str, QToolButton] = {}
        self._channels: dict[str, ChannelInfo] = {}

    def set_channels(self, channels: list[ChannelInfo]) -> None:
        for chip in self._chips.values():
            chip.deleteLater()
        self._chips.clear()
        self._channels = {c.key: c for c in channels}
        for i, channel in enumerate(channels):
            chip = QToolButton(self)
            chip.setProperty("chip", True)
            chip.setProperty("state", "ok")
            # Ignored: a new count never changes the chip's size, so typing repaints only the
            # chips whose text changed instead of re-laying out (and repainting) the column
            chip.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            chip.setMinimumWidth(120)
            chip.clicked.connect(lambda _=False, key=channel.key: self.channel_activated.emit(key))
            self._grid.addWidget(chip, i // COLUMNS, i % COLUMNS)
            self._chips[channel.key] = chip

    def chip(self, key: str) -> QToolButton:
        return self._chips[key]

    def update_counts(self, counts: dict[str, ChannelCount]) -> None:
        for key, chip in self._chips.items():
            cc = counts.get(key)
            if cc is None:
                continue
            label = self._label(self._channels[key], cc)
            if chip.text() != label:  # an unchanged chip is not repainted
                chip.setText(label)
            state = chip_state(cc)
            if chip.property("state") != state:
                chip.setProperty("state", state)
                chip.style().unpolish(chip)
                chip.style().polish(chip)
            tip = "\n".join(cc.count.problems) if cc.count is not None else ""
            if chip.toolTip() != tip:
                chip.setToolTip(tip)

    def _label(self, channel: ChannelInfo, cc: ChannelCount) -> str:
        count = cc.count
        if count is None:
            return f"{channel.label}  —"
        if count.limit is None:
            text = f"{channel.label}  {count.length}"
        else:
            text = f"{channel.label}  {count.length}/{count.limit}"
        if cc.parts:
            text += "  · " + self.tr("%n part(s)", "", len(cc.parts))
        if count.problems:
            text += "  ⚠"
        chip = self._chips[channel.key]
        name = self.tr("{channel}: {used} of {limit}").format(
            channel=channel.label, used=count.length,
            limit=count.limit if count.limit is not None else self.tr("no limit"))
        if chip.accessibleName() != name:
            chip.setAccessibleName(name)
        return text
