"""Screenshots of the office's desk at 1366x768, in English and Bahasa Indonesia: History with
its filters, the drafts list (File > Open), a post's details (tags, links, a channel's title
and options) and the Zoom event form.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots_desk.py [out_dir]

Reproducible: a temporary SIARAN_HOME, an in-memory keyring, publishing only to the folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

POSTS = ("Posko banjir dibuka di Balai Desa Sidomulyo",
         "Jadwal vaksinasi anak Sabtu 08.00 WIB",
         "Layanan SIM keliling di Alun-alun Sukamaju")
SIZE = (1366, 768)


def publish(app, shell, text: str) -> str:
    from screenshots import wait

    from composer.gui.publish.publish_dialog import PublishDialog

    window = shell.window
    window.drafts.new_draft()
    window.editor.text_edit.setPlainText(text)
    window.autosaver.flush()
    dialog = PublishDialog(shell.services, shell.runner, window.model.post.copy(),
                           [window.channels.catalog["folder"]], parent=window)
    dialog.start()
    wait(app, lambda: dialog.task is not None and dialog.task.is_done, 60)
    dialog.reject()
    return window.model.post.id


def prepare(app, shell) -> None:
    from screenshots import add_accounts, wait

    from composer.core.adapters import OutgoingPost
    from composer.core.journal import State

    add_accounts(shell.services)
    window = shell.window
    window.channels.reload()
    wait(app, lambda: "portal" in window.channels.catalog)
    for text in POSTS:
        publish(app, shell, text)
    journal = shell.services.journal
    refused = journal.begin(OutgoingPost("p-cpns", "Pengumuman seleksi CPNS 2026",
                                         idempotency_key="cpns"), "portal", "wordpress")
    journal.record(refused.id, State.FAILED, error="Rejected",
                   reason="The portal refused the image: it is larger than 2 MB")
    for text in ("Draf rapat koordinasi penanganan banjir", "Draf siaran pers HUT Kabupaten"):
        window.drafts.new_draft()
        window.editor.text_edit.setPlainText(text)
        window.autosaver.flush()


def shots(app, shell, out: Path, lang: str) -> None:
    from PySide6.QtCore import QDate
    from screenshots import pump, settle, wait

    window = shell.window
    window.resize(*SIZE)
    wait(app, lambda: bool(window.channels.catalog) and window.previews is not None)
    window.splitter.setSizes([200, 470, 680])

    # History with filters: text search and "published" only
    window.tabs.setCurrentIndex(2)
    wait(app, lambda: window.history is not None)
    panel = window.history
    panel.status.setCurrentIndex(panel.status.findData("published"))
    panel.first_day.setDate(QDate.currentDate().addDays(-7))
    panel.search.setText("a")
    settle(app, shell)
    wait(app, lambda: panel.tree.topLevelItemCount() > 0)
    pump(app, 0.6)
    window.grab().save(str(out / f"history-filters-{lang}.png"))
    panel.clear_filters()

    # the drafts list
    window.drafts.open_draft()
    dialog = window.drafts.drafts_dialog
    wait(app, lambda: dialog.loaded)
    pump(app)
    dialog.grab().save(str(out / f"drafts-list-{lang}.png"))
    dialog.reject()

    # the post's details: tags and links, YouTube's own title and privacy
    window.drafts.new_draft()
    window.editor.title_edit.setText("Rapat koordinasi penanganan banjir")
    window.model.set_title("Rapat koordinasi penanganan banjir")
    window.editor.text_edit.setPlainText("Rekaman rapat koordinasi penanganan banjir bersama "
                                         "camat se-Kabupaten Sukamaju.")
    window.details.tags.setText("banjir, Sukamaju, rapat")
    window.model.set_tags(["banjir", "Sukamaju", "rapat"])
    window.details.links.setText("https://sukamajukab.go.id/banjir")
    window.model.set_links(["https://sukamajukab.go.id/banjir"])
    for key in ("portal", "youtube", "telegram"):
        window.picker.set_checked(key)
    window.model.override("youtube", "title", "Rekaman: rapat koordinasi banjir")
    window.model.set_option("youtube", "privacy", "unlisted")
    window.show_channel_text("youtube")
    settle(app, shell)
    pump(app, 0.4)
    window.grab().save(str(out / f"post-details-{lang}.png"))
    window.tabs.setCurrentIndex(0)

    # the Zoom event form
    window.drafts.new_event()
    form = window.drafts.event_form
    form.title.setText("Sosialisasi SPBE Kabupaten Sukamaju")
    form.link.setText("https://us02web.zoom.us/j/81234567890")
    form.meeting_id.setText("812 3456 7890")
    form.passcode.setText("spbe2026")
    pump(app, 0.4)
    form.grab().save(str(out / f"event-form-{lang}.png"))
    form.reject()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    os.environ["SIARAN_HOME"] = tempfile.mkdtemp(prefix="siaran-desk-shots-")
    os.environ.setdefault("SIARAN_LANG", "en")

    from screenshots import wait

    from composer.gui.app import Shell, make_application
    from composer.testing.keyring import memory_keyring

    app = make_application([])
    with memory_keyring():
        shell = Shell(app)
        window = shell.start()
        window.resize(*SIZE)
        wait(app, lambda: bool(window.channels.catalog))
        prepare(app, shell)
        shots(app, shell, out, "en")
        shell.set_language("id")
        shots(app, shell, out, "id")
        shell.set_language(None)
        window = shell.window
        window.renders.stop()
        window._detached = True
        window.close()
        shell.shutdown()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
