"""The audit trail in the window: every entry (time in the office's zone, action, who,
details), whether the chain is whole (composer.core.governance.audit), and "Recheck the
platforms": whether each published post is still there (composer.core.governance.recheck, as
``siaran audit recheck``), run in the background, one line per post and channel."""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)


def recheck_job(_ctx, services):
    from composer.core.governance.recheck import recheck_published

    return recheck_published(services.engine, services.journal, services.audit)


class AuditDialog(QDialog):
    def __init__(self, services, runner, parent=None):
        super().__init__(parent)
        from composer.core.office import format_datetime

        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(960, 600)
        col = QVBoxLayout(self)
        trail = services.audit
        problems = trail.verify()
        self.state = QLabel(self)
        self.state.setObjectName("auditState")
        self.state.setWordWrap(True)
        if problems:
            self.state.setText("✗ " + self.tr("The trail was tampered with: {reasons}").format(
                reasons="; ".join(p.reason for p in problems)))
            self.state.setStyleSheet("color: #b3261e; font-weight: 600")
        else:
            self.state.setText("✓ " + self.tr("The trail is whole: no entry was changed, removed "
                                              "or reordered."))
        col.addWidget(self.state)
        entries = [e for e in trail.entries() if "broken" not in e][::-1]
        zone = services.office().zone
        self.table = QTableWidget(len(entries), 5, self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Time"), self.tr("Action"),
                                              self.tr("By"), self.tr("Details")])
        self.table.verticalHeader().hide()
        for n, e in enumerate(entries):
            when = format_datetime(datetime.fromisoformat(e["at"]), zone=zone)
            details = json.dumps(e.get("details", {}), ensure_ascii=False, sort_keys=True)
            for c, value in enumerate((str(e.get("seq")), when, e.get("action", ""),
                                       e.get("actor", ""), details)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(n, c, item)
        header = self.table.horizontalHeader()
        for c in range(4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        col.addWidget(self.table, 1)
        self.services, self.runner, self.task = services, runner, None
        self.recheck_result = QPlainTextEdit(self)
        self.recheck_result.setObjectName("recheckResult")
        self.recheck_result.setReadOnly(True)
        self.recheck_result.setMaximumHeight(140)
        self.recheck_result.hide()
        col.addWidget(self.recheck_result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.recheck_button = buttons.addButton(self.tr("&Recheck the platforms"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.recheck_button.setObjectName("recheckPlatforms")
        self.recheck_button.setToolTip(self.tr("Ask each platform whether each published post "
                                               "is still there, unchanged"))
        self.recheck_button.clicked.connect(self.recheck)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)

    def recheck(self) -> None:
        self.recheck_button.setEnabled(False)
        self.recheck_result.show()
        self.recheck_result.setPlainText(self.tr("Asking the platforms…"))
        task = self.task = self.runner.submit(recheck_job, self.services, name="audit-recheck")
        task.finished.connect(self._rechecked)
        task.failed.connect(self._recheck_failed)

    def _rechecked(self, found) -> None:
        self.recheck_button.setEnabled(True)
        self.recheck_result.setPlainText("\n".join(r.line for r in found)
                                         or self.tr("Nothing published yet: nothing to recheck"))

    def _recheck_failed(self, message: str) -> None:
        self.recheck_button.setEnabled(True)
        self.recheck_result.setPlainText(message)
