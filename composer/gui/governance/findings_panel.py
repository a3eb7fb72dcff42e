"""The governance findings of the open post: each with its rule (regulation and article) and,
where the core has one, a Fix button (mask the number, remove the mark, correct the spelling).

The scan runs in the background a moment after typing stops (spelling suggestions can take a
fraction of a second), and only while the tab is open, so typing never waits for it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from composer.core.adapters import Finding, Severity

DELAY_MS = 600


def scan_post(_ctx, post) -> list[tuple[str, Finding]]:
    """(variant key or "" for the master text, finding) for the master text and each variant
    with its own text; runs in a worker thread."""
    from composer.core.checks.gov import gov_findings
    from composer.core.checks.gov.links import answer_for, resolve, urls_in

    # links are asked here, off the GUI thread (a short timeout; no answer: "not checked")
    texts = [post.text, *(v.overrides.get("text", "") for v in post.variants.values())]
    unasked = [u for t in texts for u in urls_in(t, post.links) if answer_for(u) is None]
    if unasked:
        resolve(dict.fromkeys(unasked), timeout=3.0)
    found = []
    seen = set()
    sources = [("", post.resolve("__master__"))]
    sources += [(key, post.resolve(key)) for key, v in post.variants.items()
                if "text" in v.overrides and v.enabled]
    for key, resolved in sources:
        for finding in gov_findings(resolved, key or "*", suggest=True):
            ident = (finding.code, finding.params.get("start"), finding.params.get("found"))
            if ident in seen:
                continue
            seen.add(ident)
            found.append((key, finding))
    order = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}
    found.sort(key=lambda item: order[item[1].severity])
    return found


class FindingsPanel(QWidget):
    fix_requested = Signal(str, str, int)  # variant key ("" master), code, start

    def __init__(self, model, runner, parent=None):
        super().__init__(parent)
        self.setObjectName("governanceFindings")
        self.model, self.runner = model, runner
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.summary = QLabel(self)
        self.summary.setObjectName("findingsSummary")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QWidget(scroll)
        self.rows = QVBoxLayout(self.body)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.addStretch(1)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        self.findings: list = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._rescan_if_shown)
        model.changed.connect(self._timer.start)
        self.summary.setText(self.tr("Checking…"))

    def _rescan_if_shown(self) -> None:
        """Only while the tab is open: the scan (the dictionary, the links) is background work
        nobody looks at otherwise; opening the tab scans at once."""
        if self.isVisible():
            self.rescan()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.rescan()

    def rescan(self) -> None:
        task = self.runner.submit(scan_post, self.model.post.copy(), name="governance-scan")
        task.finished.connect(self.show_findings)

    def show_findings(self, findings) -> None:
        self.findings = list(findings or [])
        while self.rows.count() > 1:
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        blocks = sum(1 for _k, f in self.findings if f.severity == Severity.BLOCK)
        if not self.findings:
            self.summary.setText("✓ " + self.tr("No governance findings: no personal data, "
                                                "classification marks or withheld terms found."))
        else:
            self.summary.setText(self.tr("%n finding(s)", "", len(self.findings)) + (
                " — " + self.tr("%n block(s) publishing", "", blocks) if blocks else ""))
        for n, (key, finding) in enumerate(self.findings):
            self.rows.insertWidget(n, self._row(key, finding))

    def _row(self, key: str, finding) -> QWidget:
        row = QWidget(self.body)
        row.setObjectName("findingRow")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 4, 0, 4)
        colour = {Severity.BLOCK: "#b3261e", Severity.WARN: "#b26a00",
                  Severity.INFO: "#5f6368"}[finding.severity]
        mark = {Severity.BLOCK: "✗", Severity.WARN: "!", Severity.INFO: "i"}[finding.severity]
        where = "" if not key else f" <i>({html.escape(key)})</i>"
        rule = finding.params.get("rule", "")
        label = QLabel(
            f"<span style='color:{colour}'><b>{mark}</b> {html.escape(finding.message)}</span>"
            f"{where}<br><small style='color:#5f6368'>{html.escape(rule)} · "
            f"<code>{finding.code}</code></small>", row)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAccessibleName(f"{finding.message}. {rule}")
        line.addWidget(label, 1)
        fix = finding.params.get("fix")
        if fix is not None and (finding.params.get("start", -1) >= 0
                                or finding.code == "gov.link.insecure"):
            text = self.tr("Remove") if fix == "" else (
                self.tr("Mask") if finding.code.startswith("gov.pii.") else self.tr("Fix"))
            button = QPushButton(text, row)
            button.setObjectName("fixButton")
            button.setToolTip(self.tr("Replace with: {fix}").format(fix=fix) if fix
                              else self.tr("Remove it from the text"))
            start = int(finding.params.get("start", -1))
            button.clicked.connect(lambda _c=False, k=key, c=finding.code, s=start:
                                   self.fix_requested.emit(k, c, s))
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row
