"""Governance in the window: the Checks tab shows a NIK's finding with its rule and masks it
on request; the Governance settings save a severity the rule book then uses; the crisis hold
shows its banner and refuses publishing; the audit view says the trail is whole."""

from __future__ import annotations

import pytest
from shell_kit import running_shell, wait_idle

from composer.core import checks
from composer.core.adapters import Severity
from composer.core.post import Post
from composer.core.registry import default_registry


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


def test_the_checks_tab_shows_the_rule_and_masks_the_number(qtbot, shell):
    window = shell.window
    window.model.set_text("Bantuan untuk NIK 3404071203900001 sudah cair.")
    window.checks.rescan()
    qtbot.waitUntil(lambda: any(f.code == "gov.pii.nik" for _k, f in window.checks.findings),
                    timeout=10_000)
    rows = window.checks.body.findChildren(type(window.checks.body), "findingRow")
    assert rows
    from PySide6.QtWidgets import QLabel, QPushButton

    texts = " ".join(label.text() for label in window.checks.body.findChildren(QLabel))
    assert "UU 27/2022" in texts and "3404071203900001" not in texts
    [button] = [b for b in window.checks.body.findChildren(QPushButton)
                if b.objectName() == "fixButton"]
    button.click()
    assert "3404071203900001" not in window.model.post.text
    assert window.model.post.text.startswith("Bantuan untuk NIK 3404")
    assert window.editor.text_edit.toPlainText() == window.model.post.text
    wait_idle(qtbot, shell)


def test_governance_settings_change_a_severity(qtbot, shell):
    from composer.gui.governance.settings_dialog import GovernanceDialog

    dialog = GovernanceDialog(shell.services, shell.window)
    box = dialog.severity_boxes["gov.pii.phone"]
    box.setCurrentIndex(box.findData("warn"))
    dialog.list_edits["dik_terms"].setPlainText("relokasi pasar")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    spec = default_registry().get("mastodon").spec
    result = checks.check(Post(text="Hubungi 0812-3456-7890 soal relokasi pasar"), "mastodon",
                          spec)
    found = {f.code: f.severity for f in result.findings}
    assert found["gov.pii.phone"] == Severity.WARN
    assert found["gov.dik.term"] == Severity.BLOCK
    dialog.deleteLater()


def test_the_hold_banner_shows_and_publishing_is_refused(qtbot, shell):
    from composer.core.governance.hold import OnHold
    from composer.core.outcome import Target

    window = shell.window
    assert not window.governance.banner.isVisible()
    shell.services.holds.hold(shell.services.engine, "Bencana banjir", "Ani")
    window.governance.refresh()
    assert window.governance.banner.isVisible()
    assert "Bencana banjir" in window.governance.banner.label.text()
    with pytest.raises(OnHold):
        shell.services.engine.publish(Post(text="uji"), [Target("folder", "folder", {},
                                                                 adhoc=True)])
    from composer.gui.governance.audit_view import AuditDialog

    audit = AuditDialog(shell.services, shell.runner, window)
    assert "whole" in audit.state.text() and audit.table.rowCount() >= 1
    window.governance.release()
    qtbot.waitUntil(lambda: not window.governance.banner.isVisible(), timeout=10_000)
    audit.deleteLater()


def test_an_approver_reviews_a_package_in_the_window(qtbot, shell, in_memory_keyring, tmp_path,
                                                     monkeypatch):
    from composer.core.governance.approvals import Decision
    from composer.gui.governance.review_dialog import ReviewDialog

    approvals = shell.services.approvals
    approvals.add_approver("Budi", approvals.create_key("Budi"))
    post = Post(text="Pelayanan KTP dibuka Senin. Hubungi 0812-3456-7890", channels=["folder"])
    data = approvals.request(post, tmp_path / "review.json", drafter="Ani")
    dialog = ReviewDialog(shell.services, shell.runner, tmp_path / "review.json",
                          approvals.read_package(tmp_path / "review.json"), shell.window)
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Pelayanan KTP dibuka Senin" in texts and "UU 27/2022" in texts
    dialog.reject_button.click()  # no comment: refused before anything is signed
    assert "comment" in dialog.error.text()
    import composer.gui.governance.review_dialog as module

    monkeypatch.setattr(module.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: ("", "")))
    dialog.approve_button.click()
    qtbot.waitUntil(lambda: dialog.decision is not None, timeout=10_000)
    decision = Decision.parse(dialog.paste.text())
    assert decision.fingerprint == data["fingerprint"] and decision.approver == "Budi"
    dialog.deleteLater()


def test_publish_offers_request_or_import_when_approval_is_missing(qtbot, shell,
                                                                  in_memory_keyring):
    window = shell.window
    approvals = shell.services.approvals
    approvals.add_approver("Budi", approvals.create_key("Budi"))
    approvals.set_policy("all")
    window.picker.set_checked("folder")
    window.model.set_text("Pelayanan KTP dibuka Senin.")
    window.governance.refresh_approval()
    qtbot.waitUntil(lambda: window.governance.last_status is not None, timeout=10_000)
    assert "Budi" in window.governance.approval_state.text()
    window.publishing.publish()
    box = window.governance.approval_box
    assert box is not None and box.isVisible() and "Budi" in box.text()
    assert window.publishing.publish_dialog is None  # no publish dialog for a refused post
    box.reject()
    wait_idle(qtbot, shell)


def test_a_review_package_opens_like_a_document(qtbot, shell, in_memory_keyring, tmp_path,
                                                monkeypatch):
    """``siaran-gui FILE.siaran-review`` and File > Open post file both land in the approver's
    review, not in the editor as a post; the draft being written stays as it was."""
    from composer.gui.governance.review_dialog import ReviewDialog

    approvals = shell.services.approvals
    approvals.add_approver("Budi", approvals.create_key("Budi"))
    post = Post(text="Pemadaman listrik terjadwal Kamis 09.00 WIB.", channels=["folder"])
    package = tmp_path / "pemadaman.siaran-review"
    approvals.request(post, package, drafter="Ani")
    w = shell.window
    before = w.model.post.text
    w.post_file.open_path(str(package))  # what siaran-gui FILE and File > Open post file call
    qtbot.waitUntil(lambda: isinstance(getattr(w.governance, "review_dialog", None), ReviewDialog)
                    and w.governance.review_dialog.isVisible(), timeout=10_000)
    from PySide6.QtWidgets import QLabel

    dialog = w.governance.review_dialog
    assert "Pemadaman listrik" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert w.model.post.text == before  # not opened as a post
    dialog.close()
    # Request approval suggests the extension in its save dialog
    import composer.gui.governance.controller as module

    asked = {}

    def save_name(_parent, _title, start, _filter):
        asked["start"], asked["filter"] = start, _filter
        return "", ""

    monkeypatch.setattr(module.QFileDialog, "getSaveFileName", staticmethod(save_name))
    w.model.set_channels(["folder"])
    w.governance.request_approval()
    assert asked["start"].endswith(".siaran-review") and "*.siaran-review" in asked["filter"]


def test_the_audit_view_rechecks_the_platforms(qtbot, shell, in_memory_keyring,
                                               practice_server):
    """The window's "Recheck the platforms" says what `siaran audit recheck` says."""
    from composer.gui.governance.audit_view import AuditDialog

    server = practice_server("bluesky")
    settings, secrets = server.practice_account()
    shell.services.accounts.add("kanwil", "bluesky", settings, secrets, practice=True)
    post = Post(text="Layanan paspor buka Sabtu")
    (outcome,) = shell.services.engine.publish(post, ["kanwil"])
    assert outcome.ok, outcome.reason
    audit = AuditDialog(shell.services, shell.runner, shell.window)
    audit.recheck_button.click()
    qtbot.waitUntil(lambda: audit.recheck_button.isEnabled()
                    and post.id in audit.recheck_result.toPlainText(), timeout=20_000)
    assert "kanwil (bluesky): still there, unchanged" in audit.recheck_result.toPlainText()
    audit.deleteLater()
