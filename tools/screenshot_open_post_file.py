"""Screenshot of a post file opened as the draft (``siaran-gui FILE``), with File ▸ Open post
file… showing in the menu: docs/open-post-file.png (Indonesian) and open-post-file-en.png.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_open_post_file.py [out_dir]

The post file is written by the CLI (``siaran new``), as a colleague's script would; the photos
are drawn by tools/screenshots_previews.py; everything lives in a temporary SIARAN_HOME.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

TEXT = ("Vaksinasi gratis untuk anak usia 6–11 tahun di Puskesmas Sukamaju, Sabtu 19 September "
        "2026 pukul 08.00–12.00 WIB. Bawa kartu keluarga dan buku KIA. Info: "
        "https://sukamajukab.go.id/vaksinasi #SukamajuSehat")
CHANNELS = "x,bluesky,instagram,facebook"


def shoot(lang: str, out: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="siaran-open-"))
    env = dict(os.environ, SIARAN_HOME=str(home), SIARAN_LANG=lang)
    from screenshots_previews import photo

    images = [photo(home / "antrean.jpg", (2400, 1600), 2, 5),
              photo(home / "puskesmas.jpg", (1600, 2000), 4, 9, building=False)]
    post = subprocess.run(
        [sys.executable, "-m", "composer", "new", "--text", TEXT, "--to", CHANNELS, "--tag", "SukamajuSehat",
         "--image", f"{images[0]}:Warga antre di depan Puskesmas Sukamaju",
         "--image", f"{images[1]}:Petugas menyuntikkan vaksin kepada seorang anak"],
        capture_output=True, text=True, check=True, env=env).stdout
    path = home / "vaksinasi.toml"
    path.write_text(post, encoding="utf-8")
    code = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/tools'];"
        "import screenshot_open_post_file as s; s.window_shot(sys.argv[2], sys.argv[3])"
    )
    subprocess.run([sys.executable, "-c", code, str(ROOT), str(path), str(out)], check=True, env=env)


def window_shot(path: str, target: str) -> None:
    from screenshots import pump, settle, wait

    from composer.gui.app import Shell, make_application

    app = make_application([])
    shell = Shell(app)
    shell.open_file = path  # as main() does for `siaran-gui vaksinasi.toml`
    window = shell.start()
    window.move(0, 0)
    window.resize(1400, 900)
    wait(app, lambda: len(window.model.post.media) == 2 and window.previews is not None, 120)
    window.splitter.setSizes([210, 520, 670])
    settle(app, shell)
    pump(app, 0.5)
    menu = window.menuBar().actions()[0].menu()
    menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()))
    menu.setActiveAction(window.actions_by_name["open_file"])
    pump(app, 0.5)
    screen = app.primaryScreen()
    frame = window.frameGeometry()
    screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(target)
    menu.close()
    window.renders.stop()
    window._detached = True
    window.close()
    shell.shutdown()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    shoot("id", out / "open-post-file.png")
    shoot("en", out / "open-post-file-en.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
