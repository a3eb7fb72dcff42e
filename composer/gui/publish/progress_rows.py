"""Rows of the publish dialog: a channel's plan (summary page) and its progress and result."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QWidget

from composer.gui.publish.corrections import show_outcome
from composer.gui.publish.findings import ChannelPlan

translate = QCoreApplication.translate


def steps() -> dict[str, str]:
    return {
        "checking": translate("PublishRows", "checking whether it is already there…"),
        "posting": translate("PublishRows", "posting…"),
        "uploading": translate("PublishRows", "uploading images…"),
        "media": translate("PublishRows", "uploading images…"),
        "waiting": translate("PublishRows", "waiting before trying again…"),
        "unknown": translate("PublishRows", "no answer; checking before trying again…"),
        "posted": translate("PublishRows", "posted"),
        "updating": translate("PublishRows", "editing the published post…"),
        "deleting": translate("PublishRows", "deleting the old post…"),
    }


class PlanRow(QFrame):
    def __init__(self, p: ChannelPlan, parent=None):
        super().__init__(parent)
        self.setObjectName("planRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        mark = "✗" if p.problems else ("!" if p.warnings else "✓")
        icon = QLabel(mark, self)
        icon.setObjectName("planMark")
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        colour = "#c62828" if p.problems else ("#b26a00" if p.warnings else "#2e7d32")
        icon.setStyleSheet(f"color: {colour}; font-weight: bold; font-size: 15px;")
        name = QLabel(f"<b>{html.escape(p.channel.label)}</b>", self)
        summary = QLabel(html.escape(p.summary), self)
        summary.setWordWrap(True)
        grid.addWidget(icon, 0, 0, 2, 1)
        grid.addWidget(name, 0, 1)
        grid.addWidget(summary, 1, 1)
        lines = [f"<span style='color:#c62828'>✗ {html.escape(t)}</span>" for t in p.problems]
        lines += [f"<span style='color:#b26a00'>! {html.escape(t)}</span>" for t in p.warnings]
        if lines:
            found = QLabel("<br>".join(lines), self)
            found.setObjectName("planFindings")
            found.setWordWrap(True)
            grid.addWidget(found, 2, 1)
        grid.setColumnStretch(1, 1)
        self.setAccessibleName(p.channel.label + ": " + "; ".join(p.problems + p.warnings))


class ProgressRow(QWidget):
    def __init__(self, channel, parent=None):
        super().__init__(parent)
        self.channel = channel
        self.finished = False
        self.outcome = None
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
        grid = QGridLayout(self)
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
        self.status.setText(steps().get(step, step))

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
