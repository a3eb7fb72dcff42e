"""The publish dialog's row for a channel posted by hand (Capability.MANUAL: WhatsApp has no
posting API). The core prepares the variant and its links (composer.core.manual); this row puts
the text and the image on the clipboard, opens WhatsApp, and records "I sent it" with the
officer's name through manual.confirm, off the GUI thread."""

from __future__ import annotations

import html
import logging
import shutil
import subprocess
import sys
from dataclasses import dataclass

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton

from composer.core import adapters as A
from composer.core.journal import State
from composer.core.manual import ManualShare
from composer.core.outcome import Outcome
from composer.gui.publish.progress_rows import ProgressRow

log = logging.getLogger("siaran.gui.publish")


def is_manual(channel) -> bool:
    return channel.spec.can(A.Capability.MANUAL)  # derived from the adapter's share() (Shareable)


def app_link_handled(scheme: str = "whatsapp") -> bool:
    """Whether the desktop app claims ``scheme://`` links (WhatsApp Desktop installed). Unknown
    counts as no: the wa.me link works everywhere, a whatsapp:// link nobody handles does not."""
    try:
        if sys.platform.startswith("win"):
            from PySide6.QtCore import QSettings

            key = QSettings(rf"HKEY_CLASSES_ROOT\{scheme}", QSettings.Format.NativeFormat)
            return key.contains("URL Protocol")
        xdg = shutil.which("xdg-mime")  # freedesktop: the registered x-scheme-handler
        if xdg and not sys.platform == "darwin":
            found = subprocess.run([xdg, "query", "default", f"x-scheme-handler/{scheme}"],
                                   capture_output=True, text=True, timeout=3, check=False)
            return bool(found.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        log.info("could not tell whether %s:// links are handled", scheme)
    return False


@dataclass(frozen=True)
class Prepared:
    """What the row needs, made on a worker: the core's share, the image decoded for the
    clipboard, and the link to open (WhatsApp Desktop's when it is installed)."""

    account: str
    share: ManualShare
    image: QImage | None
    open_url: str
    sent: Outcome | None = None  # the journal's when this post was already sent by hand


def prepare_share(engine, post, account: str) -> Prepared:
    """Worker side: may raise UserError (text too long), which the caller turns into a reason."""
    from composer.core import manual

    share = manual.prepare(engine, post, account)
    image = None
    if share.image:
        image = QImage(share.image)  # QImage (not QPixmap) is safe off the GUI thread
        if image.isNull():
            image = None
    url = share.links.app if app_link_handled() else share.links.web
    entry = engine.journal.get(share.outgoing.post_id, share.target.account)
    sent = Outcome.of(entry) if entry is not None and entry.state == State.MANUAL else None
    return Prepared(account, share, image, url, sent)


def confirm_job(ctx, services, share, name: str):
    from composer.core import manual

    return manual.confirm(services.engine, share, by=name)


def sender_of(outcome, typed: str) -> str:
    """Who the journal says sent it: a second confirmation shows the first sender."""
    remote = outcome.remote_id or ""
    return remote.split(":", 1)[1] if remote.startswith("manual:") else typed


class ManualRow(ProgressRow):
    """A ProgressRow with the by-hand steps: Copy text, Copy image, Open WhatsApp, I sent it."""

    confirm_requested = Signal(str, str)  # account, the officer's name

    def __init__(self, channel, account: str, sender: str = "", parent=None):
        super().__init__(channel, parent)
        self.account = account
        self.prepared: Prepared | None = None
        self.confirming = False
        label = channel.spec.name
        self.copy_text = self._button(self.tr("Copy &text"), "copyText",
                                      self.tr("Copy the text for {channel}").format(channel=label))
        self.copy_image = self._button(self.tr("Copy &image"), "copyImage",
                                       self.tr("Copy the image for {channel}").format(channel=label))
        self.open_app = self._button(self.tr("&Open {channel}").format(channel=label), "openShare",
                                     self.tr("Open {channel} with the text").format(channel=label))
        self.sender_label = QLabel(self.tr("Sent &by:"), self)
        self.sent_by = QLineEdit(sender, self)  # not `sender`: that would hide QObject.sender()
        self.sent_by.setObjectName("manualSender")
        self.sent_by.setPlaceholderText(self.tr("your name"))
        self.sent_by.setAccessibleName(self.tr("Name of the officer who sent it"))
        self.sent_by.setMaximumWidth(200)
        self.sender_label.setBuddy(self.sent_by)
        self.sent = self._button(self.tr("I &sent it"), "confirmSent",
                                 self.tr("I sent it on {channel}: record it").format(channel=label))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.copy_text, self.copy_image, self.open_app):
            bar.addWidget(w)
        bar.addStretch(1)
        for widget in (self.sender_label, self.sent_by, self.sent):
            bar.addWidget(widget)
        self.grid.addLayout(bar, 2, 0, 1, 2)
        self.copy_text.clicked.connect(self.copy_text_to_clipboard)
        self.copy_image.clicked.connect(self.copy_image_to_clipboard)
        self.open_app.clicked.connect(self.open_share)
        self.sent.clicked.connect(self.ask_confirm)
        self.sent_by.returnPressed.connect(self.ask_confirm)
        self._show_actions(False)

    def _button(self, text: str, name: str, accessible: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setAccessibleName(accessible)
        b.setAutoDefault(False)  # Enter in the dialog must not send anything by accident
        return b

    def _show_actions(self, on: bool, *, confirm: bool = True) -> None:
        for w in (self.copy_text, self.copy_image, self.open_app):
            w.setVisible(on)
        self.copy_image.setVisible(on and self.prepared is not None and self.prepared.image is not None)
        for widget in (self.sender_label, self.sent_by, self.sent):
            widget.setVisible(on and confirm)

    @property
    def awaiting(self) -> bool:
        """Prepared, not yet confirmed: the officer still has to send it."""
        return self.prepared is not None and self.outcome is None

    def set_waiting(self) -> None:
        super().set_waiting()
        self._show_actions(False)

    def set_prepared(self, prepared: Prepared) -> None:
        self.finished = True
        self.prepared = prepared
        self.outcome = None
        self.bar.setRange(0, 100)
        self.bar.setValue(50)  # ready; half way until the officer confirms
        if prepared.image is not None:
            how = self.tr("Send it by hand: copy the text and the image, open {channel}, choose "
                          "the chat or channel and send; then press “I sent it”.")
        else:
            how = self.tr("Send it by hand: copy the text, open {channel}, choose the chat or "
                          "channel and send; then press “I sent it”.")
        lines = [how.format(channel=self.channel.spec.name)]
        lines += [f"<span style='color:#b26a00'>! {html.escape(n)}</span>" for n in prepared.share.notes]
        self.status.setText("<br>".join(lines))
        self.status.setAccessibleName(self.status.text())
        self._show_actions(True)

    def copy_text_to_clipboard(self) -> None:
        if self.prepared is not None:
            QGuiApplication.clipboard().setText(self.prepared.share.text)

    def copy_image_to_clipboard(self) -> None:
        if self.prepared is not None and self.prepared.image is not None:
            QGuiApplication.clipboard().setImage(self.prepared.image)

    def open_share(self) -> None:
        if self.prepared is not None and not QDesktopServices.openUrl(QUrl(self.prepared.open_url)):
            self._note(self.tr("Could not open {channel}; copy the text and send it from "
                               "the app.").format(channel=self.channel.spec.name))

    def ask_confirm(self) -> None:
        if self.prepared is None or self.confirming or self.outcome is not None:
            return  # one confirmation: pressing again while it is recorded changes nothing
        name = " ".join(self.sent_by.text().split())
        if not name:
            self._note(self.tr("Type your name first, so the history shows who sent it."))
            self.sent_by.setFocus()
            return
        self.confirming = True
        self.sent.setEnabled(False)
        self.confirm_requested.emit(self.account, name)

    def confirm_failed(self, message: str) -> None:
        self.confirming = False
        self.sent.setEnabled(True)
        self._note(message)

    def set_confirmed(self, outcome, typed: str) -> None:
        self.confirming = False
        self.outcome = outcome
        self.bar.setValue(100)
        name = sender_of(outcome, typed)
        self.status.setText("<span style='color:#2e7d32'>✓</span> " + html.escape(
            self.tr("Sent by hand by {name}").format(name=name)))
        self.status.setAccessibleName(self.status.text())
        self._show_actions(True, confirm=False)

    def _note(self, message: str) -> None:
        base = self.status.text().split("<br><span id='note'>")[0]
        self.status.setText(f"{base}<br><span id='note' style='color:#c62828'>{html.escape(message)}</span>")
        self.status.setAccessibleName(self.status.text())
