"""Screenshots of scheduling at 1366x768, in English and Indonesian: the Queue tab as a list, a
week and a month, and the publish dialog's schedule field.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots_queue.py [out_dir]

Reproducible: a temporary SIARAN_HOME, an in-memory keyring, practice WordPress and Bluesky
servers on loopback (WordPress holds its post natively; Bluesky's goes out through run-due), and
the queue's clock moved forward for the missed and the published rows.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

SIZE = (1366, 768)


def fill_queue(services, now: datetime) -> None:
    from composer.core.post import Post

    queue = services.queue
    real = queue.clock

    def at(days: int, hour: int, minute: int = 0) -> datetime:
        from composer.core.office import ZONES

        local = now.astimezone(ZONES["WIB"]).replace(hour=hour, minute=minute, second=0,
                                                     microsecond=0)
        return local + timedelta(days=days)

    queue.schedule(Post(text="Apel pagi seluruh ASN di halaman kantor bupati.",
                        title="Apel pagi ASN"), ["humas-x"], now + timedelta(minutes=40))
    queue.schedule(Post(text="Dirgahayu! Upacara HUT Kabupaten Sukamaju ke-75 di alun-alun.",
                        title="Upacara HUT Kabupaten"), ["portal", "humas-bsky"], at(2, 8))
    queue.schedule(Post(text="Pelayanan KTP keliling di Kecamatan Sukamaju.",
                        title="KTP keliling"), ["humas-x", "humas-bsky"], at(3, 9, 30))
    queue.schedule(Post(text="Sosialisasi pajak daerah bagi pelaku UMKM.",
                        title="Sosialisasi pajak UMKM"), ["portal"], at(9, 13))
    queue.schedule(Post(text="Pemadaman air bersih terjadwal di tiga kelurahan.",
                        title="Pemadaman air"), ["humas-x"], at(16, 7, 15))

    missed = Post(text="Rapat koordinasi siaga banjir pukul 10.00 WIB.", title="Rapat siaga banjir")
    sent = Post(text="Jadwal posyandu bulan ini sudah terbit.", title="Jadwal posyandu")
    queue.schedule(missed, ["humas-bsky"], now + timedelta(minutes=20))
    queue.schedule(sent, ["humas-bsky"], now + timedelta(minutes=6))
    queue.clock = lambda: now + timedelta(minutes=6, seconds=20)
    queue.run_due()  # the posyandu post goes out (within the tolerance)
    queue.clock = real
    # the machine was off: the flood meeting's time passed 30 minutes before run-due came
    queue.store.execute("UPDATE schedule SET at=? WHERE post_id=?",
                        ((now - timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ"), missed.id))
    queue.run_due()


def shots(app, shell, out: Path, lang: str, wait, pump) -> None:
    window = shell.window
    window.resize(*SIZE)
    wait(app, lambda: bool(window.channels.catalog))
    for key in ("humas-bsky", "portal"):  # a narrow post column: the queue gets the room
        window.picker.set_checked(key, False)
    window.tabs.setCurrentWidget(window.queue_holder)
    panel = window.queue.panel_for(window.queue_holder)
    panel.refresh()
    wait(app, lambda: panel.task is not None and panel.task.is_done)
    panel.set_mode("list")
    pump(app, 0.5)
    window.splitter.setSizes([190, 300, 876])  # after the rebuilt window settled
    pump(app, 0.5)
    window.grab().save(str(out / f"queue-list-{lang}.png"))
    panel.set_mode("week")
    pump(app, 0.5)
    window.grab().save(str(out / f"queue-week-{lang}.png"))
    panel.set_mode("month")
    pump(app, 0.5)
    window.grab().save(str(out / f"queue-month-{lang}.png"))
    panel.set_mode("list")

    window.tabs.setCurrentIndex(0)
    for key in ("humas-bsky", "portal"):
        window.picker.set_checked(key)
    window.editor.title_edit.setText("Upacara HUT Kabupaten Sukamaju ke-75")
    window.model.set_title("Upacara HUT Kabupaten Sukamaju ke-75")
    window.editor.text_edit.setPlainText(
        "Dirgahayu Kabupaten Sukamaju! Upacara HUT ke-75 digelar di alun-alun pukul 08.00 WIB. "
        "#HUTSukamaju")
    pump(app, 0.5)
    window.publishing.publish()
    dialog = window.publishing.publish_dialog
    dialog.resize(820, 560)
    dialog.schedule.check.setChecked(True)
    pump(app, 0.5)
    dialog.grab().save(str(out / f"schedule-field-{lang}.png"))
    dialog.reject()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="siaran-queue-shots-")
    os.environ["SIARAN_HOME"] = home
    os.environ["SIARAN_LANG"] = "en"

    from screenshots import pump, wait

    from composer.gui.app import Shell, make_application
    from composer.testing.keyring import memory_keyring
    from platforms.practice.bluesky import BlueskyFake
    from platforms.practice.wordpress import WordPressFake

    app = make_application([])
    with memory_keyring(), WordPressFake() as wp, BlueskyFake() as bsky:
        shell = Shell(app)
        accounts = shell.services.accounts
        settings, secrets = wp.practice_account()
        accounts.add("portal", "wordpress", settings, secrets, display_name="Portal Kab. Sukamaju")
        settings, secrets = bsky.practice_account()
        accounts.add("humas-bsky", "bluesky", settings, secrets, display_name="Pemkab Sukamaju")
        accounts.add("humas-x", "x", {"client_id": "sukamaju-app"}, {"access_token": "contoh"},
                     display_name="Humas Kab. Sukamaju", handle="humas_sukamaju")
        window = shell.start()
        window.resize(*SIZE)
        wait(app, lambda: shell.scheduler.running)
        shell.scheduler.stop()  # the shots are of a still queue
        fill_queue(shell.services, datetime.now(UTC).replace(second=0, microsecond=0))
        shots(app, shell, out, "en", wait, pump)
        shell.set_language("id")
        shots(app, shell, out, "id", wait, pump)
        shell.runner.cancel_all()
        shell.runner.wait(30_000)
        shell.window._detached = True
        shell.window.close()
        shell.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
