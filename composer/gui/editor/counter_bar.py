"""Live counters, one chip per chosen channel: "X 245/280", red past the limit, the number of
thread parts when the channel splits. Clicking a chip opens that channel's own text.

Per keystroke only the chip texts change; the colour (a palette tint) changes only when a chip
changes state, which keeps typing cheap."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from composer.gui.editor.channels import ChannelInfo
from composer.gui.editor.counting import ChannelCount

CHIP_WIDTH = 190  # room for "Facebook Page  377/63206" without eliding
SPACING = 6

# State colours as (light, dark) palette tints. Palettes, not a style sheet: a sheet sends the
# chips through Qt's style-sheet painting, about 2 ms more per keystroke for ten chips.
TINTS = {
    "near": ("#fbeccb", "#4a3b12"),
    "split": ("#d6e6f8", "#1f3a5a"),
}
# Over the limit is not a tint but a red chip with white bold text, and the overflow named
# ("X  312/280  +32"): it must be seen at a glance on a laptop in daylight.
OVER = ("#c62828", "#b71c1c")


def chip_state(cc: ChannelCount) -> str:
    """From the rule book's text verdict: over only when the length blocks the channel; a
    thread, or a caption that goes as its own message, is "split"."""
    count = cc.count
    if count is None or count.limit is None:
        return "ok"
    if not cc.fits:
        return "over"
    if cc.parts or cc.apart:
        return "split"
    return "near" if count.length > 0.9 * count.limit else "ok"


class CounterBar(QWidget):
    channel_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._chips: dict[str, QToolButton] = {}
        self._channels: dict[str, ChannelInfo] = {}
        self._columns = 0
        # translated once: tr() per chip per keystroke adds up (the window is rebuilt when the
        # language changes, so these never go stale)
        self._parts_cache: dict[int, str] = {}
        self._name_template = self.tr("{channel}: {used} of {limit}")
        self._no_limit = self.tr("no limit")
        self._over_template = self.tr("{over} over the limit")

    def set_channels(self, channels: list[ChannelInfo]) -> None:
        for chip in self._chips.values():
            chip.hide()  # gone from the screen now, not only when the event loop deletes it
            chip.deleteLater()
        self._chips.clear()
        self._channels = {c.key: c for c in channels}
        # the chip names the network; two accounts on one network are told apart by name
        platforms = [c.spec.id for c in channels]
        self._short = {c.key: c.spec.name if platforms.count(c.spec.id) == 1 else c.key
                       for c in channels}
        for channel in channels:
            chip = QToolButton(self)
            chip.setProperty("state", "ok")
            chip.setText(self._short[channel.key])
            chip.setFixedHeight(chip.sizeHint().height())
            chip.clicked.connect(lambda _=False, key=channel.key: self.channel_activated.emit(key))
            chip.setToolTip(channel.label)
            chip.show()
            self._chips[channel.key] = chip
        self._columns = 0
        self._arrange()

    # The chips are placed by hand, not by a layout, and have a fixed size (their column's
    # width): a widget of fixed size changes its text without asking its parent's layout to
    # re-run, so a new count repaints the chip instead of re-laying out the whole main window
    # on every keystroke (and a layout would make the chips' fixed width the bar's minimum).
    def _arrange(self) -> None:
        """As many columns as fit the width, each chip as wide as its column."""
        columns = max(1, self.width() // CHIP_WIDTH)
        room = self.width() - SPACING * (columns - 1)
        # the pixels left over go to the first columns, as a grid layout shares them
        widths = [max(CHIP_WIDTH - 10, room // columns + (1 if c < room % columns else 0))
                  for c in range(columns)]
        for i, chip in enumerate(self._chips.values()):
            column, width = i % columns, widths[i % columns]
            if chip.width() != width or chip.minimumWidth() != width:
                chip.setFixedWidth(width)
            chip.move(sum(widths[:column]) + column * SPACING, (i // columns) * (chip.height() + SPACING))
        if columns != self._columns:
            self._columns = columns
            self.updateGeometry()  # another number of rows: another height

    def _height(self) -> int:
        rows = -(-len(self._chips) // max(1, self._columns))
        chip_h = next(iter(self._chips.values())).height() if self._chips else 0
        return max(0, rows * chip_h + (rows - 1) * SPACING)

    def sizeHint(self) -> QSize:
        return QSize(max(1, self._columns) * CHIP_WIDTH, self._height())

    def minimumSizeHint(self) -> QSize:
        columns = max(1, self._columns)
        return QSize(columns * (CHIP_WIDTH - 10) + (columns - 1) * SPACING, self._height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _parts_label(self, n: int) -> str:
        if n not in self._parts_cache:
            self._parts_cache[n] = self.tr("%n part(s)", "", n)
        return self._parts_cache[n]

    def chips(self) -> list[QToolButton]:
        return list(self._chips.values())

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
                self._paint_state(chip, state)
            channel = self._channels[key]
            problems = list(cc.count.problems) if cc.count is not None else []
            tip = "\n".join([channel.label, *problems])
            if chip.toolTip() != tip:
                chip.setToolTip(tip)

    def _paint_state(self, chip: QToolButton, state: str) -> None:
        palette = QPalette(self.palette())
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        if state in TINTS:
            palette.setColor(QPalette.ColorRole.Button, QColor(TINTS[state][1 if dark else 0]))
        elif state == "over":
            palette.setColor(QPalette.ColorRole.Button, QColor(OVER[1 if dark else 0]))
            palette.setColor(QPalette.ColorRole.ButtonText, QColor("#ffffff"))
        chip.setPalette(palette)
        font = chip.font()
        font.setBold(state == "over")
        chip.setFont(font)

    def _label(self, channel: ChannelInfo, cc: ChannelCount) -> str:
        count = cc.count
        short = self._short[channel.key]
        if count is None:
            return f"{short}  —"
        if count.limit is None:
            text = f"{short}  {count.length}"
        else:
            text = f"{short}  {count.length}/{count.limit}"
            if not cc.fits and count.length > count.limit:
                text += f"  +{count.length - count.limit}"  # how much to cut
        if cc.parts:
            text += "  · " + self._parts_label(len(cc.parts))
        if count.problems:
            text += "  ⚠"
        chip = self._chips[channel.key]
        name = self._name_template.format(
            channel=channel.label, used=count.length,
            limit=count.limit if count.limit is not None else self._no_limit)
        if not cc.fits and count.limit is not None and count.length > count.limit:
            name += " — " + self._over_template.format(over=count.length - count.limit)
        if chip.accessibleName() != name:
            chip.setAccessibleName(name)
        return text
