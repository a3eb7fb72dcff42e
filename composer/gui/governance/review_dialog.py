"""The approver's side: a review package opened in Siaran shows every channel's text and
rendered images as they will go out, the governance findings and the fingerprint; the approver
approves or rejects with a comment, signed with the key in their keyring
(Approvals.decide), and gets the decision as a file and as one line to paste into a chat."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def decide_job(_ctx, services, package: Path, name: str, reject: bool, comment: str):
    return services.approvals.decide(package, name, reject=reject, comment=comment)


class ReviewDialog(QDialog):
    def __init__(self, services, runner, package: Path, data: dict, parent=None):
        super().__init__(parent)
        from composer.core.post import from_dict
        from composer.gui.governance.findings_panel import scan_post

        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("Review a post for approval"))
        self.services, self.runner, self.package, self.data = services, runner, package, data
        self.resize(900, 660)
        col = QVBoxLayout(self)
        top = QHBoxLayout()
        head = QLabel(self.tr("Drafted by {drafter}").format(drafter=data["drafter"]), self)
        top.addWidget(head)
        top.addWidget(QLabel(self.tr("Fingerprint"), self))
        fingerprint = QLineEdit(data["fingerprint"], self)  # to compare with the sheet's
        fingerprint.setObjectName("fingerprint")
        fingerprint.setReadOnly(True)
        top.addWidget(fingerprint, 1)
        col.addLayout(top)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        rows = QVBoxLayout(body)
        for channel, entry in data["manifest"]["channels"].items():
            title = QLabel(f"<b>{html.escape(channel)}</b> ({html.escape(entry['platform'])})",
                           body)
            rows.addWidget(title)
            text = QLabel(entry.get("text") or "-", body)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            rows.addWidget(text)
            strip = QHBoxLayout()
            for raw in data.get("images", {}).get(channel, [])[:4]:
                pixmap = QPixmap()
                pixmap.loadFromData(base64.b64decode(raw))
                image = QLabel(body)
                image.setPixmap(pixmap.scaledToHeight(120, Qt.TransformationMode.SmoothTransformation))
                strip.addWidget(image)
            strip.addStretch(1)
            rows.addLayout(strip)
        post = from_dict(data["post"])
        findings = scan_post(None, post)
        if findings:
            rows.addWidget(QLabel("<b>" + self.tr("Findings") + "</b>", body))
        for _key, finding in findings:
            line = QLabel(f"• {html.escape(finding.message)}<br><small>"
                          f"{html.escape(str(finding.params.get('rule', '')))}</small>", body)
            line.setWordWrap(True)
            rows.addWidget(line)
        rows.addStretch(1)
        scroll.setWidget(body)
        col.addWidget(scroll, 1)

        form = QFormLayout()
        self.approver = QComboBox(self)
        self.approver.setObjectName("approverName")
        names = [a.name for a in services.approvals.settings().approvers]
        self.approver.addItems(names)
        me = services.approvals.identity()
        if me in names:
            self.approver.setCurrentText(me)
        form.addRow(self.tr("Approver"), self.approver)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("reviewComment")
        self.comment.setPlaceholderText(self.tr("A comment for the drafter (needed to reject)"))
        form.addRow(self.tr("Comment"), self.comment)
        self.paste = QLineEdit(self)
        self.paste.setObjectName("decisionLine")
        self.paste.setReadOnly(True)
        self.paste.setPlaceholderText(self.tr("The decision line to paste into the chat appears "
                                              "here"))
        form.addRow(self.tr("Decision"), self.paste)
        col.addLayout(form)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        col.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.setDefault(True)
        close = QPushButton(self.tr("Close"), self)
        self.reject_button.clicked.connect(lambda: self.decide(reject=True))
        self.approve_button.clicked.connect(lambda: self.decide(reject=False))
        close.clicked.connect(self.reject)
        for b in (self.reject_button, self.approve_button, close):
            buttons.addWidget(b)
        col.addLayout(buttons)
        self.decision = None

    def decide(self, *, reject: bool) -> None:
        if reject and not self.comment.text().strip():
            self.error.setText(self.tr("Say why the post is rejected in the comment"))
            return
        self.error.clear()
        task = self.runner.submit(decide_job, self.services, self.package,
                                  self.approver.currentText(), reject, self.comment.text(),
                                  name="decide")
        task.finished.connect(self._decided)
        task.failed.connect(self.error.setText)

    def _decided(self, decision) -> None:
        self.decision = decision
        self.paste.setText(decision.to_paste())
        self.paste.selectAll()
        self.approve_button.setEnabled(False)
        self.reject_button.setEnabled(False)
        start = str(self.package.with_name(self.package.stem + "-decision.json"))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the decision"), start,
                                                    self.tr("Decision (*.json)"))
        if path:
            try:
                Path(path).write_text(decision.to_json(), encoding="utf-8")
            except OSError as exc:
                self.error.setText(str(exc))
