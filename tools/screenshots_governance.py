"""Screenshots of governance in the window, in English and Indonesian: a post with findings
(the Checks tab, rule and fix), the Governance settings, the approval flow (state in the status
bar after a request) and the crisis-hold banner.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots_governance.py [out]

A temporary SIARAN_HOME and an in-memory keyring; nothing leaves the machine (no account has a
scheduled post, so the hold cancels nothing on any platform).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

TEXT = ("SANGAT RAHASIA — Bantuan sosial untuk Ibu Siti, NIK 3404075203900002, sudah cair. "
        "Hubungi Pak Budi di 0812-3456-7890 atau budi.santoso@gmail.com. Layanan dibuka "
        "pukul 9:00 di kantor kecamatan. Info: http://sukamajukab.go.id/bansos #bansostahap3")


def shots(app, shell, out: Path, lang: str) -> None:  # noqa: D103
    from screenshots import pump, settle, wait

    window = shell.window
    window.resize(1366, 740)
    wait(app, lambda: bool(window.channels.catalog) and window.previews is not None)
    window.splitter.setSizes([200, 480, 680])
    settle(app, shell)
    window.tabs.setCurrentWidget(window.checks)
    window.governance.refresh()
    window.checks.rescan()
    wait(app, lambda: bool(window.checks.findings), 60)
    pump(app, 0.5)
    window.grab().save(str(out / f"governance-findings-{lang}.png"))

    from composer.gui.governance.settings_dialog import GovernanceDialog

    dialog = GovernanceDialog(shell.services, window)
    dialog.resize(960, 620)
    dialog.show()
    pump(app)
    dialog.grab().save(str(out / f"governance-settings-{lang}.png"))
    dialog.tabs.setCurrentIndex(2)
    pump(app)
    dialog.grab().save(str(out / f"governance-approvers-{lang}.png"))
    dialog.close()



def sign_off_sheet(services, package, pdf: Path, out: Path) -> None:
    """The sign-off sheet's first page as PNG (pdftoppm, from poppler-utils)."""
    import subprocess

    from composer.core.governance.sheet import write_sheet

    write_sheet(package, pdf, services.approvals.settings().approvers,
                office="Dinas Komunikasi dan Informatika Kabupaten Sukamaju", zone="WIB")
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", str(pdf),
                    str(out / "governance-signoff-sheet")], check=True)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="siaran-gov-shots-")
    os.environ["SIARAN_HOME"] = home
    os.environ.setdefault("SIARAN_LANG", "en")

    from screenshots import pump, settle, wait

    from composer.core.office import OfficeProfile
    from composer.gui.app import Shell, make_application
    from composer.testing.keyring import memory_keyring

    app = make_application([])
    with memory_keyring():
        shell = Shell(app)
        services = shell.services
        OfficeProfile(name="Dinas Komunikasi dan Informatika Kabupaten Sukamaju",
                      website="https://sukamajukab.go.id", phones=["(0274) 868405"],
                      emails=["humas@sukamajukab.go.id"]).save(services.paths.config)
        approvals = services.approvals
        for name, position in (("Budi Santoso", "Kepala Bidang IKP"),
                               ("Sri Wahyuni", "Sekretaris Dinas")):
            approvals.add_approver(name, approvals.create_key(name), "198701012010011001",
                                   position)
        approvals.set_policy("all")
        window = shell.start()
        wait(app, lambda: bool(window.channels.catalog) and window.previews is not None)
        for key in ("folder", "mastodon", "x"):
            window.picker.set_checked(key)
        window.editor.text_edit.setPlainText(TEXT)
        settle(app, shell)
        shots(app, shell, out, "en")
        # the approval flow: a request, then the state shows who must approve
        post = window.model.post.copy()
        package = approvals.request(post, Path(home) / "review.json", drafter="Ani",
                                    office="Dinas Komunikasi dan Informatika Kabupaten Sukamaju")
        sign_off_sheet(services, package, Path(home) / "sheet.pdf", out)
        # the hold banner
        services.holds.hold(services.engine, "Bencana banjir: semua publikasi ditahan", "Ani")
        window.governance.refresh()
        settle(app, shell)
        pump(app, 0.5)
        window.grab().save(str(out / "governance-hold-en.png"))

        from composer.gui.governance.audit_view import AuditDialog

        def audit_shot(lang: str) -> None:
            audit = AuditDialog(services, shell.runner, shell.window)
            audit.resize(960, 560)
            audit.show()
            pump(app)
            audit.grab().save(str(out / f"governance-audit-{lang}.png"))
            audit.close()

        audit_shot("en")
        shell.set_language("id")
        window = shell.window
        window.governance.refresh()
        settle(app, shell)
        pump(app, 0.5)
        window.grab().save(str(out / "governance-hold-id.png"))  # the hold is still on
        audit_shot("id")
        services.holds.release(services.engine, "Ani")
        window.governance.refresh()
        shots(app, shell, out, "id")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
