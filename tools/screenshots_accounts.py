"""Screenshots of the Accounts screen and the browser sign-in, the whole 1366x768 screen as an
officer's laptop shows it, in English and in Indonesian:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots_accounts.py [out_dir]

writes accounts-screen-{en,id}.png, accounts-sign-in-{en,id}.png and
accounts-choose-page-{en,id}.png. Reproducible: a temporary SIARAN_HOME, an in-memory keyring,
profile pictures drawn here and served on 127.0.0.1, the page list from the practice Facebook;
no sign-in ever leaves this computer (the browser "does not open", so the address is shown).
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WIDTH, HEIGHT = 1366, 768
COLOURS = {"x": (20, 20, 20), "ig": (193, 53, 132), "li": (10, 102, 194),
           "wp": (33, 117, 155), "bsky": (17, 133, 254)}


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


class Pictures(BaseHTTPRequestHandler):
    """A round profile picture with the account's initials, per path (/x.png, /ig.png ...)."""

    def do_GET(self):  # noqa: N802 - http.server's naming
        from PIL import Image, ImageDraw

        key = self.path.strip("/").removesuffix(".png")
        image = Image.new("RGBA", (96, 96), (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        draw.ellipse((0, 0, 95, 95), fill=COLOURS.get(key, (120, 120, 120)))
        draw.text((30, 38), key.upper()[:2], fill="white", font_size=24)
        out = BytesIO()
        image.save(out, "PNG")
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(out.getvalue())))
        self.end_headers()
        self.wfile.write(out.getvalue())

    def log_message(self, *args):
        pass


def add_accounts(services, pictures: str) -> None:
    now, day = time.time(), 86400
    accounts = services.accounts
    accounts.add("humas-x", "x", {"client_id": "sukamaju-app"},
                 {"access_token": "contoh", "refresh_token": "contoh",
                  "expires_at": f"{now + 7200:.0f}"},
                 display_name="Humas Kab. Sukamaju", handle="@humas_sukamaju",
                 avatar_url=f"{pictures}/x.png")
    accounts.add("humas-ig", "instagram", {"ig_user_id": "17841400000000001"},
                 {"access_token": "contoh", "expires_at": f"{now + 52 * day:.0f}"},
                 display_name="Pemkab Sukamaju", handle="@pemkabsukamaju",
                 avatar_url=f"{pictures}/ig.png")
    accounts.add("humas-linkedin", "linkedin", {"organization": "urn:li:organization:2414183"},
                 {"access_token": "contoh", "expires_at": f"{now + 3 * day:.0f}"},
                 display_name="Diskominfo Sukamaju", handle="diskominfo-sukamaju",
                 avatar_url=f"{pictures}/li.png")
    accounts.add("portal", "wordpress", {"url": "https://sukamajukab.go.id", "user": "humas"},
                 {"app_password": "contoh"}, display_name="Portal Kab. Sukamaju",
                 handle="humas", avatar_url=f"{pictures}/wp.png")
    accounts.add("humas-bsky", "bluesky", {"service": "https://bsky.social",
                                           "handle": "sukamajukab.go.id"},
                 {"app_password": "contoh"}, display_name="Pemkab Sukamaju",
                 handle="sukamajukab.go.id", avatar_url=f"{pictures}/bsky.png")


def screen(app):
    return app.primaryScreen().grabWindow(0)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shoot(app, lang: str, out: Path, pictures: str) -> None:
    from composer.gui.accounts.accounts_dialog import AccountsDialog
    from composer.gui.app import Shell
    from platforms.practice.facebook import FakeFacebook

    shell = Shell(app)
    shell.start()
    shell.set_language(lang)  # the window is rebuilt in that language
    window = shell.window
    window.move(0, 0)
    window.resize(WIDTH, HEIGHT)
    wait(app, lambda: bool(window.channels.catalog))
    pump(app, 0.5)

    dialog = AccountsDialog(shell.services, shell.runner, window)
    dialog.show()
    dialog.move((WIDTH - dialog.width()) // 2, (HEIGHT - dialog.height()) // 2)
    wait(app, lambda: dialog.registry is not None and dialog.accounts.topLevelItemCount() == 5)
    wait(app, lambda: len(dialog.avatars) == 5, 20)
    pump(app)
    screen(app).save(str(out / f"accounts-screen-{lang}.png"))

    # Signing in to X where no browser opens: progress, time left, the address to copy.
    dialog.open_browser = lambda url: False
    dialog.add_account()
    form = dialog.form
    form.platform.setCurrentIndex(form.platform.findData("x"))
    form.name.setText("x-humas")
    form.inputs["client_id"].setText("sukamaju-app")
    form.inputs["redirect_port"].setText(str(free_port()))
    form.go.click()
    sign_in = dialog.sign_in_dialog
    wait(app, lambda: sign_in.address_box.isVisible())
    pump(app, 1.2)
    screen(app).save(str(out / f"accounts-sign-in-{lang}.png"))
    sign_in.cancel()
    wait(app, lambda: not sign_in.isVisible())
    form.reject()

    # A Facebook sign-in that leads to two pages: pick one from the list.
    with FakeFacebook() as fake:
        fake.pages.append({"id": "220000000000002", "name": "Dinas Pendidikan Kab. Sukamaju",
                           "category": "Government organization",
                           "access_token": "practice-second-page-token"})
        fake.pages[0]["name"] = "Humas Kab. Sukamaju"
        fake.tokens.add("practice-second-page-token")
        import httpx

        dialog.open_browser = lambda url: httpx.get(url, follow_redirects=True).is_success
        dialog.add_account()
        form = dialog.form
        form.platform.setCurrentIndex(form.platform.findData("facebook"))
        form.name.setText("fb-humas")
        for field, value in (("app_id", fake.app_id), ("app_secret", fake.app_secret),
                             ("api_url", fake.url), ("login_url", fake.url)):
            form.inputs[field].setText(value)
        form.go.click()
        sign_in = dialog.sign_in_dialog
        wait(app, lambda: sign_in.choice_box.isVisible())
        pump(app, 0.6)
        screen(app).save(str(out / f"accounts-choose-page-{lang}.png"))
        sign_in.cancel()
        wait(app, lambda: not sign_in.isVisible())
        form.reject()
    dialog.close()
    shell.runner.cancel_all()
    wait(app, lambda: not shell.runner.busy)
    window._detached = True
    window.close()
    shell.shutdown()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    os.environ["SIARAN_HOME"] = tempfile.mkdtemp(prefix="siaran-shots-")

    from composer.core.secrets import SecretStore
    from composer.core.services import Services
    from composer.gui.app import make_application
    from composer.testing.keyring import memory_keyring

    server = HTTPServer(("127.0.0.1", 0), Pictures)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    app = make_application([])
    with memory_keyring() as ring:
        setup = Services(secrets=SecretStore(ring))
        add_accounts(setup, f"http://127.0.0.1:{server.server_port}")
        setup.close()
        for lang in ("en", "id"):
            shoot(app, lang, out, f"http://127.0.0.1:{server.server_port}")
    server.shutdown()
    print(f"screenshots: written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
