"""Screenshots of the app shell for the README: main window, per-channel text, publish dialog,
results, history, accounts, WhatsApp sent by hand, the Indonesian window and the dark palette.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshots.py [out_dir]

Everything is reproducible: a temporary SIARAN_HOME, an in-memory keyring for the sample
accounts, photos drawn by tools/screenshots_previews.py, publishing only to the folder channel.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

TITLE = "Upacara HUT RI ke-81 di Alun-Alun Sukamaju"
TEXT = (
    "Dirgahayu Republik Indonesia! 🇮🇩 Upacara Peringatan HUT RI ke-81 digelar Senin, "
    "17 Agustus 2026 pukul 07.00 WIB di Alun-Alun Sukamaju. Warga diimbau hadir pukul 06.30 "
    "dan memakai pakaian adat atau batik.\n\n"
    "Jalan Merdeka ditutup pukul 05.00–10.00 WIB; parkir tersedia di Stadion Sukamaju. "
    "Info lengkap: https://sukamajukab.go.id/hut-ri-81 @diskominfo_skm #HUTRI81 #SukamajuMaju"
)
CHANNELS = ["humas-x", "humas-bsky", "portal", "mastodon", "instagram", "facebook"]


def pump(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait(app, condition, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("screenshots: timed out waiting for the window")
        app.processEvents()
        time.sleep(0.01)


def settle(app, shell) -> None:
    window = shell.window
    pump(app, 0.4)
    wait(app, lambda: not shell.runner.busy and not window.renders._timer.isActive(), 120)
    if window.previews is not None:
        window.previews.flush()
    pump(app, 0.3)


def add_accounts(services) -> None:
    accounts = services.accounts
    accounts.add("humas-x", "x", {"client_id": "sukamaju-app"}, {"access_token": "contoh"},
                 display_name="Humas Kab. Sukamaju", handle="humas_sukamaju")
    accounts.add("humas-bsky", "bluesky", {"service": "https://bsky.social", "handle": "sukamajukab.go.id"},
                 {"app_password": "contoh"}, display_name="Pemkab Sukamaju", handle="sukamajukab.go.id")
    accounts.add("portal", "wordpress", {"url": "https://sukamajukab.go.id"},
                 {"app_password": "contoh"}, display_name="Portal Kab. Sukamaju", handle="admin-humas")


def whatsapp_shot(app, shell, out: Path) -> None:
    """WhatsApp is sent by hand: one group already confirmed, one channel waiting for "I sent
    it". The two accounts go again afterwards, so the later shots stay as they were."""
    from composer.gui.publish.publish_dialog import PublishDialog

    window, accounts = shell.window, shell.services.accounts
    accounts.add("wa-grup-camat", "whatsapp", {}, {}, display_name="Grup Camat se-Sukamaju")
    accounts.add("wa-saluran", "whatsapp", {}, {}, display_name="Saluran Info Sukamaju")
    window.channels.reload()
    wait(app, lambda: "wa-saluran" in window.channels.catalog)
    shell.settings.manual_sender = "Sri Wahyuni"
    chosen = [window.channels.catalog[k] for k in ("wa-grup-camat", "wa-saluran")]
    post = window.model.post.copy()
    post.text = post.text.split("\n\n")[0]
    dialog = PublishDialog(shell.services, shell.runner, post, chosen, parent=window,
                           settings=shell.settings)
    dialog.resize(820, 340)
    dialog.open()
    dialog.start()
    wait(app, lambda: dialog.task is not None and dialog.task.is_done, 120)
    dialog.rows["wa-grup-camat"].sent.click()
    wait(app, lambda: dialog.outcomes.get("wa-grup-camat") is not None)
    pump(app)
    dialog.grab().save(str(out / "publish-whatsapp.png"))
    dialog.reject()
    shell.settings.manual_sender = ""
    for name in ("wa-grup-camat", "wa-saluran"):
        accounts.remove(name)
    window.channels.reload()
    wait(app, lambda: "wa-saluran" not in window.channels.catalog)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="siaran-shots-")
    os.environ["SIARAN_HOME"] = home
    os.environ.setdefault("SIARAN_LANG", "en")

    from screenshots_previews import photo

    from composer.gui.app import Shell, make_application
    from composer.testing.keyring import memory_keyring

    app = make_application([])
    with memory_keyring():
        shell = Shell(app)
        add_accounts(shell.services)
        window = shell.start()
        window.resize(1400, 900)
        wait(app, lambda: bool(window.channels.catalog) and window.previews is not None)
        window.splitter.setSizes([210, 520, 670])
        for key in CHANNELS:
            window.picker.set_checked(key)
        window.editor.title_edit.setText(TITLE)
        window.model.set_title(TITLE)
        window.editor.text_edit.setPlainText(TEXT)
        images = [photo(Path(home) / "upacara.jpg", (2400, 1600), 1, 7),
                  photo(Path(home) / "alun-alun.jpg", (1600, 2000), 3, 11, building=False)]
        window.media.add_files(images)
        wait(app, lambda: len(window.model.post.media) == 2)
        first = window.model.post.media[0]
        window.model.update_media(first.id, alt="Pasukan pengibar bendera di depan kantor bupati")
        window.media.list.setCurrentRow(1)
        settle(app, shell)
        window.editor.text_edit.setFocus()
        pump(app)
        window.grab().save(str(out / "main-window.png"))

        window.model.override("mastodon", "text", TEXT.replace("@diskominfo_skm", "@diskominfo@sukamaju.social"))
        window.show_channel_text("humas-x")
        settle(app, shell)
        window.grab().save(str(out / "channel-text.png"))
        window.tabs.setCurrentIndex(0)

        window.publishing.publish()
        dialog = window.publishing.publish_dialog
        dialog.resize(820, 620)
        pump(app)
        dialog.grab().save(str(out / "publish-dialog.png"))
        dialog.reject()

        # Results: the folder and a practice Mastodon (a local fake server) take the post; an
        # account whose sign-in has expired shows its reason in plain words.
        from composer.gui.publish.publish_dialog import PublishDialog
        from platforms.practice.mastodon import FakeMastodon

        fake = FakeMastodon().start()
        settings, secrets = fake.practice_account()
        shell.services.accounts.add("masto-latihan", "mastodon", settings, secrets, practice=True,
                                    display_name="Humas (latihan)", handle="humas")
        shell.services.accounts.add("masto-lama", "mastodon", settings, {"access_token": "kedaluwarsa"},
                                    practice=True, display_name="Akun lama", handle="lama")
        window.channels.reload()
        wait(app, lambda: "masto-lama" in window.channels.catalog)
        chosen = [window.channels.catalog[k] for k in ("folder", "masto-latihan", "masto-lama")]
        post = window.model.post.copy()
        post.media = post.media[:1]
        post.text = post.text.split("\n\n")[0]
        result = PublishDialog(shell.services, shell.runner, post, chosen, parent=window,
                           settings=shell.settings)
        result.resize(760, 300)
        result.open()
        result.start()
        wait(app, lambda: result.task is not None and result.task.is_done, 120)
        pump(app)
        result.grab().save(str(out / "publish-result.png"))
        result.reject()
        fake.stop()

        window.tabs.setCurrentIndex(2)
        wait(app, lambda: window.history is not None and window.history.tree.topLevelItemCount() > 0)
        pump(app)
        window.grab().save(str(out / "history.png"))
        window.tabs.setCurrentIndex(0)

        from composer.gui.accounts.accounts_dialog import AccountsDialog

        accounts = AccountsDialog(shell.services, shell.runner, window)
        accounts.show()
        wait(app, lambda: hasattr(accounts, "registry"))
        pump(app)
        accounts.grab().save(str(out / "accounts.png"))
        accounts.close()

        whatsapp_shot(app, shell, out)

        shell.set_language("id")
        window = shell.window
        window.resize(1400, 900)
        wait(app, lambda: bool(window.channels.catalog) and window.previews is not None)
        window.splitter.setSizes([210, 520, 670])
        settle(app, shell)
        window.grab().save(str(out / "main-window-id.png"))
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
