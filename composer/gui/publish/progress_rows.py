"""Rows of the publish dialog: a channel's plan (summary page) and its progress and result."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QLabel, QProgressBar, QWidget

from composer.core.adapters import Severity
from composer.core.outcome import Outcome
from composer.gui.publish.corrections import show_outcome
from composer.gui.publish.findings import ChannelPlan

translate = QCoreApplication.translate


def steps() -> dict[str, str]:
    return {
        "checking": translate("PublishRows", "checking whether it is already there…"),
        "posting": translate("PublishRows", "posting…"),
        "uploading": translate("PublishRows", "uploading images…"),
        "media": translate("PublishRows", "uploading images…"),
        "upload": translate("PublishRows", "uploading images…"),
        "waiting": translate("PublishRows", "waiting before trying again…"),
        "unknown": translate("PublishRows", "no answer; checking before trying again…"),
        "posted": translate("PublishRows", "posted"),
        "updating": translate("PublishRows", "editing the published post…"),
        "deleting": translate("PublishRows", "deleting the old post…"),
    }


class PlanRow(QFrame):
    """A channel on the summary page: ticked when it goes out; a channel the rule book blocks
    (or that has no account) is unticked, cannot be ticked, and says why."""

    toggled = Signal()

    def __init__(self, p: ChannelPlan, parent=None):
        super().__init__(parent)
        self.plan = p
        self.setObjectName("planRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        self.tick = QCheckBox(self)
        self.tick.setObjectName("planTick")
        self.tick.setChecked(p.publishable)
        self.tick.setEnabled(p.publishable)
        self.tick.setAccessibleName(translate("PublishRows", "Publish to {channel}").format(
            channel=p.channel.label))
        self.tick.toggled.connect(lambda _on: self.toggled.emit())
        warns = any(f.severity == Severity.WARN for f in p.findings)
        mark = "✗" if not p.publishable else ("!" if warns else "✓")
        icon = QLabel(mark, self)
        icon.setObjectName("planMark")
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        colour = "#c62828" if not p.publishable else ("#b26a00" if warns else "#2e7d32")
        icon.setStyleSheet(f"color: {colour}; font-weight: bold; font-size: 15px;")
        name = QLabel(f"<b>{html.escape(p.channel.label)}</b>", self)
        summary = QLabel(html.escape(p.summary), self)
        summary.setWordWrap(True)
        grid.addWidget(self.tick, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(icon, 0, 1, 2, 1)
        grid.addWidget(name, 0, 2)
        grid.addWidget(summary, 1, 2)
        self.reasons = None
        if p.reasons:
            self.reasons = QLabel("<br>".join(
                f"<span style='color:#c62828'>✗ {html.escape(t)}</span>" for t in p.reasons), self)
            self.reasons.setObjectName("planReasons")
            self.reasons.setWordWrap(True)
            grid.addWidget(self.reasons, 2, 2)
        grid.setColumnStretch(2, 1)
        self.setAccessibleName(p.channel.label + (": " + "; ".join(p.reasons) if p.reasons else ""))

    @property
    def chosen(self) -> bool:
        return self.plan.publishable and self.tick.isChecked()


# the adapters' upload steps: for a video post, the row says the video's share sent so far
UPLOAD_STEPS = ("media", "upload", "uploading")


class ProgressRow(QWidget):
    def __init__(self, channel, parent=None, *, video: bool = False):
        super().__init__(parent)
        self.channel = channel
        self.video = video
        self.finished = False
        self.outcome: Outcome | None = None
        self.name = QLabel(f"<b>{html.escape(channel.label)}</b>", self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(translate("PublishRows", "Progress for {channel}").format(channel=channel.label))
        self.status = QLabel(self)
        self.status.setObjectName("publishStatus")
        self.status.setWordWrap(True)
        self.status.setOpenExternalLinks(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.grid = grid = QGridLayout(self)  # a subclass adds its own line below
        grid.setContentsMargins(4, 6, 4, 6)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.bar, 0, 1)
        grid.addWidget(self.status, 1, 0, 1, 2)
        grid.setColumnMinimumWidth(0, 180)
        grid.setColumnStretch(1, 1)

    def set_waiting(self) -> None:
        self.finished = False
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.status.setText(translate("PublishRows", "waiting to start…"))

    def set_step(self, step: str, fraction) -> None:
        if fraction is None:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 100)
            self.bar.setValue(int(fraction * 100))
        text = steps().get(step, step)
        if step == "video":  # the engine's one shaping pass for every channel that takes it
            text = translate("PublishRows", "preparing the video… {percent}%").format(
                percent=int((fraction or 0.0) * 100))
        elif self.video and step in UPLOAD_STEPS:
            text = translate("PublishRows", "uploading the video… {percent}%").format(
                percent=int((fraction or 0.0) * 100))
        self.status.setText(text)

    def set_outcome(self, outcome) -> None:
        self.finished = True
        self.outcome = outcome
        self.bar.setRange(0, 100)
        if show_outcome(self, outcome):  # already published, changed, or a correction done
            return
        if outcome.ok:
            self.bar.setValue(100)
            url = outcome.url or ""
            if url:
                self.status.setText("<span style='color:#2e7d32'>✓</span> " + translate(
                    "PublishRows", "Published: {link}").format(
                    link=f"<a href='{html.escape(url, quote=True)}'>{html.escape(url)}</a>"))
            else:
                self.status.setText("<span style='color:#2e7d32'>✓</span> "
                                    + translate("PublishRows", "Published."))
        else:
            self.bar.setValue(0)
            reason = outcome.reason or translate("PublishRows", "It did not go out.")
            self.status.setText(f"<span style='color:#c62828'>✗ {html.escape(reason)}</span>")
        self.status.setAccessibleName(self.status.text())

    def set_error(self, message: str) -> None:
        self.finished = True
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.status.setText(f"<span style='color:#c62828'>{html.escape(message)}</span>")
