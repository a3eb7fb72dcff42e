"""The welcome page: shown in place of the previews while there is no account, with the three
first steps an officer can take (practice mode, connect a channel, the office profile)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    practice_chosen = Signal()
    connect_chosen = Signal()
    office_chosen = Signal()
    dismissed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("welcomePage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        self.heading = QLabel(self.tr("Welcome to Siaran"), self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(font.Weight.DemiBold)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.intro = QLabel(self.tr(
            "Write a post once; Siaran shapes it for every channel and shows how it will look. "
            "No channel is connected yet. Choose where to start:"), self)
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)
        self.practice_button = self._choice(
            outer, self.tr("&Try it in practice mode"),
            self.tr("Practice channels on this computer: publish freely, nothing reaches the public."),
            self.practice_chosen)
        self.connect_button = self._choice(
            outer, self.tr("&Connect a channel"),
            self.tr("Add the office's WordPress site, Instagram, X, Telegram and other accounts."),
            self.connect_chosen)
        self.office_button = self._choice(
            outer, self.tr("Set up the &office profile"),
            self.tr("Name, logo, handle and time zone, used on templates, previews and reports."),
            self.office_chosen)
        self.later_button = QPushButton(self.tr("Just start &writing"), self)
        self.later_button.setFlat(True)
        self.later_button.clicked.connect(self.dismissed)
        outer.addWidget(self.later_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addStretch(2)

    def _choice(self, layout: QVBoxLayout, title: str, detail: str, signal) -> QPushButton:
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        button = QPushButton(title, box)
        button.setMinimumHeight(button.sizeHint().height() + 8)
        button.clicked.connect(signal)
        note = QLabel(detail, box)
        note.setWordWrap(True)
        inner.addWidget(button)
        inner.addWidget(note)
        layout.addWidget(box)
        return button
