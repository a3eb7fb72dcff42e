"""The audit trail in the window: every entry (time in the office's zone, action, who,
details) and whether the chain is whole (composer.core.governance.audit)."""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)


class AuditDialog(QDialog):
    def __init__(self, services, parent=None):
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)
