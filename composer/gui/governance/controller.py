"""Governance commands of the window: Governance settings, Request approval, Import approval,
the crisis hold (and its banner), the audit trail, and the post's approval state in the status
bar. Each asks the core service (services.approvals, services.holds, services.audit) in the
background and shows the answer; nothing is decided here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMainWindow, QMessageBox

from composer.core.governance.review_file import PACKAGE_SUFFIX
from composer.gui.actions import make_action
from composer.gui.governance.banner import HoldBanner


def request_job(_ctx, services, post, package: Path, sheet: Path) -> str:
    from composer.core.governance.sheet import write_sheet

    office = services.office()
    data = services.approvals.request(post, package, office=office.name)
    write_sheet(data, sheet, services.approvals.settings().approvers, office=office.name,
                zone=office.zone)
    return str(data["fingerprint"])


def status_job(_ctx, services, post):
    approvals = services.approvals
    if approvals.settings().policy == "off" or not post.channels:
        return None
    pairs = [(c, approvals.platform_of(c)) for c in post.channels]
    return approvals.status(post, pairs)


def hold_job(_ctx, services, reason: str):
    return services.holds.hold(services.engine, reason, services.approvals.identity())


def import_job(_ctx, services, text: str):
    return services.approvals.import_decision(text)


def release_job(_ctx, services):
    approvals = services.approvals
    by = approvals.identity()
    if approvals.settings().policy != "off":
        by = approvals.prove_approver(by)
    return services.holds.release(services.engine, by)


class GovernanceController(QObject):
    changed = Signal()  # the hold or the approval state may have changed

    def __init__(self, window: QMainWindow, model, services, runner, autosaver, notices):
        super().__init__(window)
        self.window, self.model, self.services, self.runner = window, model, services, runner
        self.autosaver, self.notices = autosaver, notices
        self.banner = HoldBanner(window)
        self.banner.release_button.clicked.connect(self.release)
        self.approval_state = QLabel(window)
        self.approval_state.setObjectName("approvalState")
        self.approval_state.hide()
        self.last_status = None  # the approval state last asked (None: no approval needed)
        self.approval_box: QMessageBox | None = None
        self.actions = {
            "governance": make_action(window, "governance", self.tr("&Governance…"),
                                      ["Ctrl+Shift+G"], self.open_settings),
            "request_approval": make_action(window, "requestApproval",
                                            self.tr("Request &approval…"), ["Ctrl+Alt+A"],
                                            self.request_approval),
            "import_approval": make_action(window, "importApproval", self.tr("&Import approval…"),
                                           ["Ctrl+Alt+I"], self.import_approval),
            "review_package": make_action(window, "reviewPackage",
                                          self.tr("Re&view a package for approval…"),
                                          ["Ctrl+Shift+V"], self.review_package),
            "hold": make_action(window, "crisisHold", self.tr("Crisis &hold…"), ["Ctrl+Shift+H"],
                                self.toggle_hold),
            "audit": make_action(window, "auditTrail", self.tr("Au&dit trail"), ["Ctrl+Shift+U"],
                                 self.open_audit),
        }
        # the approval state is asked again a moment after the post stops changing (never on
        # each keystroke: the fingerprint renders the images)
        self._approval_timer = QTimer(self)
        self._approval_timer.setSingleShot(True)
        self._approval_timer.setInterval(1500)
        self._approval_timer.timeout.connect(self.refresh_approval)
        model.changed.connect(self._approval_timer.start)

    # -- state -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.refresh_banner()
        self.refresh_approval()

    def refresh_banner(self) -> None:
        """The crisis hold's banner and command (no approval lookup)."""
        self.banner.show_hold(self.services.holds.state(), self.services.office().zone)
        self.actions["hold"].setText(self.tr("Release the crisis &hold…")
                                     if self.services.holds.active else
                                     self.tr("Crisis &hold…"))

    def refresh_approval(self) -> None:
        task = self.runner.submit(status_job, self.services, self.model.post.copy(),
                                  name="approval-state")
        task.finished.connect(self._show_approval)

    def _show_approval(self, status) -> None:
        self.last_status = status
        if status is None:
            self.approval_state.hide()
            return
        mark = "✓" if status.approved else "⏳"
        self.approval_state.setText(f"{mark} {status.reason}")
        self.approval_state.setAccessibleName(status.reason)
        self.approval_state.show()

    def before_publish(self) -> bool:
        """In the publish flow: when the post is known to lack its approval (or a hold is in
        force), say so and offer Request / Import approval instead of the publish dialog. The
        engine refuses such a post anyway; this only saves the officer a refused attempt."""
        holds = self.services.holds
        if holds.active:
            self.notices.error(self.tr("A crisis hold is in force: nothing is published until "
                                       "it is released."))
            return False
        status = self.last_status
        if status is None or status.approved:
            return True
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Approval needed"),
                          status.reason, QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("approvalNeeded")
        request = box.addButton(self.tr("Request approval…"), QMessageBox.ButtonRole.AcceptRole)
        imported = box.addButton(self.tr("Import approval…"), QMessageBox.ButtonRole.ActionRole)
        request.clicked.connect(self.request_approval)
        imported.clicked.connect(self.import_approval)
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.approval_box = box
        box.open()
        return False

    # -- commands ----------------------------------------------------------------------------

    def open_settings(self) -> None:
        from composer.gui.governance.settings_dialog import GovernanceDialog

        dialog = GovernanceDialog(self.services, self.window)
        dialog.accepted.connect(self.refresh)
        self.settings_dialog = dialog
        dialog.open()

    def open_audit(self) -> None:
        from composer.gui.governance.audit_view import AuditDialog

        dialog = AuditDialog(self.services, self.runner, self.window)
        self.audit_dialog = dialog
        dialog.open()

    def request_approval(self) -> None:
        self.autosaver.flush()
        post = self.model.post.copy()
        if not post.channels:
            self.notices.error(self.tr("Choose the channels first: an approval binds where the "
                                       "post goes."))
            return
        start = str(Path.home() / f"review-{post.id}{PACKAGE_SUFFIX}")
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the review package"), start,
            self.tr("Review package (*{suffix});;All files (*)").format(suffix=PACKAGE_SUFFIX))
        if not path:
            return
        package = Path(path)
        sheet = package.with_suffix(".pdf")
        task = self.runner.submit(request_job, self.services, post, package, sheet,
                                  name="request-approval")
        task.finished.connect(lambda _fp: self.notices.say(self.tr(
            "Review package {package} and sign-off sheet {sheet} written: send them to the "
            "approver").format(package=package.name, sheet=sheet.name), 10000))
        task.finished.connect(lambda _fp: self.refresh_approval())
        task.failed.connect(self.notices.error)

    def review_package(self, path: str | None = None) -> None:
        """The approver opens a review package: previews, findings, approve or reject."""
        from composer.core.i18n import UserError
        from composer.gui.governance.review_dialog import ReviewDialog

        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self.window, self.tr("Open a review package"), str(Path.home()),
                self.tr("Review package (*{suffix});;All files (*)").format(suffix=PACKAGE_SUFFIX))
            if not path:
                return
        try:
            data = self.services.approvals.read_package(Path(path))
        except UserError as exc:
            self.notices.error(str(exc))
            return
        dialog = ReviewDialog(self.services, self.runner, Path(path), data, self.window)
        self.review_dialog = dialog
        dialog.open()

    def import_approval(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self.window, self.tr("Import approval"),
            self.tr("Paste the approval line from the chat, or leave this empty to open the "
                    "decision file:"))
        if not ok:
            return
        if not text.strip():
            path, _filter = QFileDialog.getOpenFileName(self.window, self.tr("Open the decision"),
                                                        str(Path.home()),
                                                        self.tr("Decision (*.json)"))
            if not path:
                return
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                self.notices.error(str(exc))
                return
        task = self.runner.submit(import_job, self.services, text, name="import-approval")
        task.finished.connect(lambda d: self.notices.say(
            self.tr("{approver} approved the post").format(approver=d.approver)
            if d.decision == "approve" else
            self.tr("{approver} rejected the post: {comment}").format(
                approver=d.approver, comment=d.comment or "-"), 10000))
        task.finished.connect(lambda _d: self.refresh_approval())
        task.failed.connect(self.notices.error)

    def toggle_hold(self) -> None:
        if self.services.holds.active:
            self.release()
            return
        reason, ok = QInputDialog.getText(
            self.window, self.tr("Crisis hold"),
            self.tr("Everything scheduled stops, here and on the platforms, until released.\n"
                    "Reason:"))
        if not ok or not reason.strip():
            return
        task = self.runner.submit(hold_job, self.services, reason.strip(), name="crisis-hold")
        task.finished.connect(self._held)
        task.failed.connect(self.notices.error)

    def _held(self, report) -> None:
        self.refresh()
        for line in report.problems:
            self.notices.error(line)
        self.notices.say(self.tr("Crisis hold in force: %n scheduled post(s) taken off the "
                                 "platforms' schedules", "", len(report.done)), 10000)

    def release(self) -> None:
        task = self.runner.submit(release_job, self.services, name="release-hold")
        task.finished.connect(self._released)
        task.failed.connect(self.notices.error)

    def _released(self, report) -> None:
        self.refresh()
        for line in report.problems:
            self.notices.error(line)
        self.notices.say(self.tr("The crisis hold is released: %n post(s) scheduled again", "",
                                 len(report.done)), 10000)
