"""The publish dialog's part of honest corrections.

A post that is out already comes back from the engine as "already published" (nothing was
sent: the row shows the link, never "Published") or "changed since published" (nothing was
sent: the officer chooses, per channel, Update / Replace / Post as new). Which choices a
channel has is the core's decision (composer.core.corrections, in ``Outcome.choices``); this
file only shows them and hands the choice back to the engine."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.journal import State

translate = QCoreApplication.translate


def choice_labels() -> dict[str, str]:
    return {"update": translate("Corrections", "Update (edit it in place)"),
            "replace": translate("Corrections", "Replace (delete it, publish the new one)"),
            "as_new": translate("Corrections", "Post as new (the old one stays)")}


def action_words(action: str) -> str:
    return {"update": translate("Corrections", "Updated"),
            "replace": translate("Corrections", "Replaced"),
            "as_new": translate("Corrections", "Posted as new")}.get(action, action)


def _link(url: str) -> str:
    return f"<a href='{html.escape(url, quote=True)}'>{html.escape(url)}</a>"


def show_outcome(row, outcome) -> bool:
    """Fill a progress row for what only corrections know; False leaves it to the row."""
    if outcome.state == State.ALREADY:
        row.bar.setValue(100)
        url = outcome.url or outcome.remote_id or ""
        text = translate("Corrections", "Already published, nothing sent: {link}").format(
            link=_link(url)) if url else translate("Corrections",
                                                   "Already published, nothing sent.")
        row.status.setText("<span style='color:#2e7d32'>=</span> " + text)
    elif outcome.state == State.CHANGED:
        row.bar.setValue(0)
        text = translate("Corrections", "Changed since published; nothing sent yet. Choose "
                                        "below.")
        detail = html.escape(outcome.reason or "")
        row.status.setText(f"<span style='color:#b26a00'>! {text}</span><br>{detail}")
    elif outcome.ok and outcome.action:
        row.bar.setValue(100)
        row.status.setText("<span style='color:#2e7d32'>✓</span> "
                           + f"{action_words(outcome.action)}: {_link(outcome.url or '')}")
    else:
        return False
    row.status.setAccessibleName(row.status.text())
    return True


def heading(owner, outcomes, text: str) -> str:
    """The dialog's heading, honest about channels where nothing was sent (``owner.tr``: the
    dialog's own catalogue context, where the plural forms live)."""
    outcomes = list(outcomes)
    already = sum(1 for o in outcomes if o.state == State.ALREADY)
    changed = sum(1 for o in outcomes if o.state == State.CHANGED)
    sent = sum(1 for o in outcomes if o.ok and o.state != State.ALREADY)
    failed = sum(1 for o in outcomes if not o.ok and o.state != State.CHANGED)
    if not already and not changed:
        return text
    parts = []
    if sent:
        parts.append(owner.tr("Published to %n channel(s).", "", sent))
    if already:
        parts.append(owner.tr("%n channel(s) already published; nothing sent.", "", already))
    if changed:
        parts.append(owner.tr("%n channel(s) changed since published: choose what to do.", "",
                              changed))
    if failed:
        parts.append(owner.tr("%n channel(s) did not go out.", "", failed))
    return " ".join(parts)


class CorrectionChoice(QFrame):
    """One changed channel: its name, why it is offered what it is, and the choices."""

    def __init__(self, label: str, outcome, parent=None):
        super().__init__(parent)
        self.setObjectName("correctionChoice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.account = outcome.account
        grid = QGridLayout(self)
        grid.addWidget(QLabel(f"<b>{html.escape(label)}</b>", self), 0, 0)
        why = QLabel(html.escape(outcome.reason or ""), self)
        why.setObjectName("correctionReason")
        why.setWordWrap(True)
        grid.addWidget(why, 1, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        labels = choice_labels()
        for i, choice in enumerate(outcome.choices):
            button = QRadioButton(labels.get(choice, choice), self)
            button.setObjectName(f"choice_{choice}")
            self.group.addButton(button)
            self.buttons[choice] = button
            grid.addWidget(button, 2 + i, 0)
        if outcome.choices:  # the gentlest choice first: update where it exists
            self.buttons[outcome.choices[0]].setChecked(True)
        grid.setColumnStretch(0, 1)

    def choice(self) -> str | None:
        return next((c for c, b in self.buttons.items() if b.isChecked()), None)


class CorrectionsPanel(QWidget):
    """Below the progress rows: one chooser per changed channel and one button to carry out
    the choices (the engine journals each before any request)."""

    apply_requested = Signal(dict)  # account -> "update" | "replace" | "as_new"

    def __init__(self, labels: dict[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("correctionsPanel")
        self.labels = labels  # account -> the channel's label
        self.choices: dict[str, CorrectionChoice] = {}
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 8, 0, 0)
        self.title = QLabel(translate("Corrections", "<b>Changed since published</b> — nothing "
                                                     "was sent to these channels. Choose per "
                                                     "channel:"), self)
        self.title.setWordWrap(True)
        col.addWidget(self.title)
        self.body = QVBoxLayout()
        col.addLayout(self.body)
        self.apply_button = QPushButton(translate("Corrections", "Carry out the choices"), self)
        self.apply_button.setObjectName("applyCorrections")
        self.apply_button.clicked.connect(self._apply)
        col.addWidget(self.apply_button)
        self.setVisible(False)

    def offer(self, outcomes) -> None:
        """Show a chooser for every changed channel among ``outcomes``; drop the others."""
        for o in outcomes:
            old = self.choices.pop(o.account, None)
            if old is not None:
                old.deleteLater()
            if o.state == State.CHANGED and o.choices:
                chooser = CorrectionChoice(self.labels.get(o.account, o.account), o, self)
                self.choices[o.account] = chooser
                self.body.addWidget(chooser)
        self.setVisible(bool(self.choices))

    def _apply(self) -> None:
        chosen = {a: c.choice() for a, c in self.choices.items() if c.choice()}
        if chosen:
            self.apply_requested.emit(chosen)
