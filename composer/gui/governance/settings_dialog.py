"""Governance settings: the rule set (severity per rule, the office's lists, the Finance rule),
the approval policy and approvers, the sensitive-dates calendar; import and export of the rule
set so every machine of the office checks the same way. Everything is saved through the core's
own files (composer.core.checks.gov.rules, composer.core.governance)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from composer.core.i18n import UserError

SEVERITIES = ("block", "warn", "info", "off")


class GovernanceDialog(QDialog):
    def __init__(self, services, parent=None):
        super().__init__(parent)
        from composer.core.governance.dates import Calendar

        self.setObjectName("governanceDialog")
        self.setWindowTitle(self.tr("Governance"))
        self.services = services
        self.rules = services.governance_rules()
        self.approval_settings = services.approvals.settings()
        self.calendar = Calendar.load(services.paths.config)
        self.resize(960, 640)
        col = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._rules_tab(), self.tr("Rules"))
        self.tabs.addTab(self._lists_tab(), self.tr("Lists"))
        self.tabs.addTab(self._approvals_tab(), self.tr("Approvals"))
        self.tabs.addTab(self._calendar_tab(), self.tr("Calendar"))
        col.addWidget(self.tabs, 1)
        self.error = QLabel(self)
        self.error.setObjectName("governanceError")
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        col.addWidget(self.error)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import rule set…"), self)
        self.export_button = QPushButton(self.tr("Export rule set…"), self)
        self.import_button.clicked.connect(self.import_rules)
        self.export_button.clicked.connect(self.export_rules)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        col.addLayout(row)

    # -- rules -------------------------------------------------------------------------------

    def _rules_tab(self) -> QWidget:
        from composer.core.checks.gov.rules import RULES

        page = QWidget(self)
        col = QVBoxLayout(page)
        col.addWidget(QLabel(self.tr("How hard each rule is for this office. Block: the post "
                                     "cannot go out; warn: the officer should look; info: a "
                                     "note; off: not checked."), page))
        self.table = QTableWidget(len(RULES), 3, page)
        self.table.setObjectName("rulesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Severity"),
                                              self.tr("Regulation")])
        self.table.verticalHeader().hide()
        self.severity_boxes: dict[str, QComboBox] = {}
        for n, (code, rule) in enumerate(RULES.items()):
            self.table.setItem(n, 0, QTableWidgetItem(code))
            box = QComboBox(self.table)
            for value in SEVERITIES:
                box.addItem({"block": self.tr("block"), "warn": self.tr("warn"),
                             "info": self.tr("info"), "off": self.tr("off")}[value], value)
            current = self.rules.severities.get(code, rule.severity.value)
            box.setCurrentIndex(SEVERITIES.index(current))
            box.setAccessibleName(self.tr("Severity") + f" `{code}`")
            self.severity_boxes[code] = box
            self.table.setCellWidget(n, 1, box)
            item = QTableWidgetItem(rule.citation)
            item.setToolTip(rule.citation)
            self.table.setItem(n, 2, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        col.addWidget(self.table, 1)
        self.finance = QCheckBox(self.tr("Finance office: warn on early plans for taxes, tariffs "
                                         "and rates (UU 14/2008 Pasal 17 huruf e)"), page)
        self.finance.setChecked(self.rules.finance)
        self.spelling = QCheckBox(self.tr("Check Indonesian spelling"), page)
        self.spelling.setChecked(self.rules.spelling)
        col.addWidget(self.finance)
        col.addWidget(self.spelling)
        return page

    def _lists_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.list_edits: dict[str, QPlainTextEdit] = {}
        lists = (("dik_terms", self.tr("Withheld information (DIK) terms")),
                 ("marks", self.tr("Older local classification marks")),
                 ("phones", self.tr("Hotlines allowed besides the office's numbers")),
                 ("emails", self.tr("E-mail addresses or @domains allowed")),
                 ("election_names", self.tr("Candidates and parties (election periods)")),
                 ("words", self.tr("Words spelled right (names, local terms)")))
        for name, label in lists:
            edit = QPlainTextEdit("\n".join(getattr(self.rules, name)), page)
            edit.setObjectName(name)
            edit.setPlaceholderText(self.tr("one per line"))
            edit.setMaximumHeight(70)
            self.list_edits[name] = edit
            form.addRow(label, edit)
        self.glossary = QPlainTextEdit("\n".join(f"{k} = {v}" for k, v in
                                                 self.rules.glossary.items()), page)
        self.glossary.setPlaceholderText(self.tr("sosmed = media sosial (one per line)"))
        self.glossary.setMaximumHeight(70)
        form.addRow(self.tr("Office glossary"), self.glossary)
        return page

    # -- approvals ---------------------------------------------------------------------------

    def _approvals_tab(self) -> QWidget:
        settings = self.approval_settings
        page = QWidget(self)
        col = QVBoxLayout(page)
        form = QFormLayout()
        self.policy = QComboBox(page)
        self.policy.setObjectName("approvalPolicy")
        for value, text in (("off", self.tr("Off")), ("all", self.tr("Required for all channels")),
                            ("channels", self.tr("Required for chosen channels"))):
            self.policy.addItem(text, value)
        self.policy.setCurrentIndex(["off", "all", "channels"].index(settings.policy))
        form.addRow(self.tr("Approval"), self.policy)
        self.channels = QLineEdit(", ".join(settings.channels), page)
        self.channels.setPlaceholderText(self.tr("channel ids or account names, e.g. x, portal"))
        form.addRow(self.tr("Channels"), self.channels)
        self.expiry = QSpinBox(page)
        self.expiry.setRange(1, 90)
        self.expiry.setValue(settings.expiry_days)
        self.expiry.setSuffix(" " + self.tr("days"))
        form.addRow(self.tr("An approval stays valid"), self.expiry)
        self.levels = QSpinBox(page)
        self.levels.setObjectName("approvalLevels")
        self.levels.setRange(1, 9)
        self.levels.setValue(settings.levels)
        form.addRow(self.tr("Approvals needed (levels)"), self.levels)
        col.addLayout(form)
        self.approvers = QTableWidget(0, 4, page)
        self.approvers.setObjectName("approversTable")
        self.approvers.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Position"),
                                                  self.tr("NIP"), self.tr("Public key")])
        self.approvers.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        for a in settings.approvers:
            self._add_approver_row(a.name, a.position, a.nip, a.key)
        col.addWidget(self.approvers, 1)
        add = QHBoxLayout()
        self.new_name = QLineEdit(page)
        self.new_name.setPlaceholderText(self.tr("Name"))
        self.new_position = QLineEdit(page)
        self.new_position.setPlaceholderText(self.tr("Position"))
        self.new_nip = QLineEdit(page)
        self.new_nip.setPlaceholderText(self.tr("NIP"))
        self.new_key = QLineEdit(page)
        self.new_key.setPlaceholderText(self.tr("Public key (ed25519:…)"))
        add_button = QPushButton(self.tr("Add approver"), page)
        add_button.clicked.connect(self.add_approver)
        remove_button = QPushButton(self.tr("Remove selected"), page)
        remove_button.clicked.connect(lambda: self.approvers.removeRow(self.approvers.currentRow()))
        for w in (self.new_name, self.new_position, self.new_nip):
            add.addWidget(w, 1)
        add.addWidget(self.new_key, 2)
        add.addWidget(add_button)
        add.addWidget(remove_button)
        col.addLayout(add)
        return page

    def _add_approver_row(self, *values: str) -> None:
        n = self.approvers.rowCount()
        self.approvers.insertRow(n)
        for i, value in enumerate(values):
            self.approvers.setItem(n, i, QTableWidgetItem(value))

    def add_approver(self) -> None:
        from composer.core.governance.keys import check_public

        try:
            key = check_public(self.new_key.text().strip())
        except UserError as exc:
            self.error.setText(str(exc))
            return
        if not self.new_name.text().strip():
            self.error.setText(self.tr("Give the approver's name"))
            return
        self._add_approver_row(self.new_name.text().strip(), self.new_position.text().strip(),
                               self.new_nip.text().strip(), key)
        for w in (self.new_name, self.new_position, self.new_nip, self.new_key):
            w.clear()
        self.error.clear()

    # -- calendar ----------------------------------------------------------------------------

    def _calendar_tab(self) -> QWidget:
        from composer.core.office import format_date

        page = QWidget(self)
        col = QVBoxLayout(page)
        form = QFormLayout()
        self.region = QLineEdit(self.calendar.region, page)
        self.region.setPlaceholderText(self.tr("e.g. Bali (Nyepi then holds posts)"))
        form.addRow(self.tr("The office's province"), self.region)
        col.addLayout(form)
        days = [d for d in self.calendar.year(date.today().year) if d.day >= date.today()]
        days += self.calendar.year(date.today().year + 1)
        self.days = QTableWidget(len(days), 3, page)
        self.days.setObjectName("calendarTable")
        self.days.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Severity"),
                                             self.tr("Day")])
        self.days.verticalHeader().hide()
        marks = {"hold": self.tr("hold"), "warn": self.tr("warn"), "hint": self.tr("hint")}
        for n, d in enumerate(days):
            self.days.setItem(n, 0, QTableWidgetItem(format_date(d.day)))
            self.days.setItem(n, 1, QTableWidgetItem(marks[d.severity]))
            estimate = " " + self.tr("(perkiraan)") if d.estimate else ""
            self.days.setItem(n, 2, QTableWidgetItem(d.name + estimate))
        self.days.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        col.addWidget(self.days, 1)
        add = QHBoxLayout()
        self.day_start = QLineEdit(page)
        self.day_start.setPlaceholderText(self.tr("first day, 2026-11-02"))
        self.day_end = QLineEdit(page)
        self.day_end.setPlaceholderText(self.tr("last day (optional)"))
        self.day_name = QLineEdit(page)
        self.day_name.setPlaceholderText(self.tr("Hari Berkabung Nasional"))
        self.day_severity = QComboBox(page)
        for value in ("hold", "warn", "hint"):
            self.day_severity.addItem(marks[value], value)
        button = QPushButton(self.tr("Add day"), page)
        button.clicked.connect(self.add_day)
        for w in (self.day_start, self.day_end):
            add.addWidget(w)
        add.addWidget(self.day_name, 2)
        add.addWidget(self.day_severity)
        add.addWidget(button)
        col.addLayout(add)
        return page

    def add_day(self) -> None:
        try:
            self.calendar.add(self.day_start.text(), self.day_name.text(),
                              self.day_severity.currentData(), end=self.day_end.text().strip())
        except UserError as exc:
            self.error.setText(str(exc))
            return
        n = self.days.rowCount()
        self.days.insertRow(0)
        self.days.setItem(0, 0, QTableWidgetItem(self.day_start.text()))
        self.days.setItem(0, 1, QTableWidgetItem(self.day_severity.currentText()))
        self.days.setItem(0, 2, QTableWidgetItem(self.day_name.text()))
        del n
        for w in (self.day_start, self.day_end, self.day_name):
            w.clear()
        self.error.clear()

    # -- saving ------------------------------------------------------------------------------

    def collect(self) -> None:
        """The dialog's values into the core's objects (no file written yet)."""
        for code, box in self.severity_boxes.items():
            self.rules.set_severity(code, box.currentData())
        self.rules.finance = self.finance.isChecked()
        self.rules.spelling = self.spelling.isChecked()
        for name, edit in self.list_edits.items():
            setattr(self.rules, name, [v.strip() for v in edit.toPlainText().splitlines()
                                       if v.strip()])
        glossary = {}
        for line in self.glossary.toPlainText().splitlines():
            word, sep, form = line.partition("=")
            if sep and word.strip() and form.strip():
                glossary[word.strip()] = form.strip()
        self.rules.glossary = glossary
        from composer.core.governance.approvals import Approver

        settings = self.approval_settings
        settings.policy = self.policy.currentData()
        settings.channels = [c.strip() for c in self.channels.text().split(",") if c.strip()]
        if settings.policy == "channels" and not settings.channels:
            raise UserError(self.tr("Name the channels that need approval"))
        settings.expiry_days = self.expiry.value()
        settings.levels = self.levels.value()
        settings.approvers = [
            Approver(name=self._cell(n, 0), position=self._cell(n, 1), nip=self._cell(n, 2),
                     key=self._cell(n, 3)) for n in range(self.approvers.rowCount())]
        self.calendar.region = self.region.text().strip()

    def _cell(self, row: int, column: int) -> str:
        item = self.approvers.item(row, column)
        return item.text().strip() if item is not None else ""

    def save(self) -> None:
        try:
            self.collect()
            self.services.save_governance_rules(self.rules)
            self.services.approvals.save_settings(self.approval_settings)
            self.calendar.save(self.services.paths.config)
        except (UserError, OSError) as exc:
            self.error.setText(str(exc))
            return
        self.services.audit.record("governance settings changed")
        self.accept()

    def export_rules(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export rule set"),
                                                    "siaran-rules.json", "JSON (*.json)")
        if not path:
            return
        try:
            self.collect()
            Path(path).write_text(self.rules.to_json(), encoding="utf-8")
        except (UserError, OSError) as exc:
            self.error.setText(str(exc))

    def import_rules(self) -> None:
        from composer.core.checks.gov.rules import GovRules

        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import rule set"), "",
                                                    "JSON (*.json)")
        if not path:
            return
        try:
            self.rules = GovRules.from_json(Path(path).read_text(encoding="utf-8"))
        except (UserError, OSError, UnicodeDecodeError) as exc:
            self.error.setText(str(exc))
            return
        self.services.save_governance_rules(self.rules)
        self.services.audit.record("rule set imported")
        self.accept()
