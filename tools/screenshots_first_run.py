"""Screenshots of the first run at 1366x768: the welcome page and the office profile, in English
and Indonesian, light and dark (docs/welcome-*.png, docs/office-profile-*.png).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots_first_run.py [out_dir]

A temporary SIARAN_HOME (no account: the welcome page shows); the dark run sets
SIARAN_COLOR_SCHEME=dark for a second process of this script.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pump(app, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot(out: Path, scheme: str) -> None:
    from composer.gui.app import Shell, make_application
    from composer.gui.welcome.office_dialog import OfficeDialog

    app = make_application([])
    shell = Shell(app)
    shell.settings.language = "en"
    for lang in ("en", "id"):
        if shell.window is None:
            shell.translations.install(lang)
            window = shell.start()
        else:
            shell.set_language(lang)
            window = shell.window
        window.setGeometry(0, 0, 1366, 740)
        window.show()
        end = time.monotonic() + 30
        while not window.channels.catalog and time.monotonic() < end:
            pump(app, 0.1)
        pump(app, 1.0)
        window.grab().save(str(out / f"welcome-{lang}-{scheme}.png"))
        dialog = OfficeDialog(shell.services, window)
        dialog.name.setText("Dinas Komunikasi dan Informatika Kabupaten Sukamaju")
        dialog.short_name.setText("Diskominfo Sukamaju")
        dialog.handle.setText("@diskominfo_skm")
        dialog.show()
        pump(app, 0.5)
        dialog.grab().save(str(out / f"office-profile-{lang}-{scheme}.png"))
        dialog.reject()
    window = shell.window
    window._detached = True
    window.close()
    shell.shutdown()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    scheme = os.environ.get("SIARAN_COLOR_SCHEME", "")
    if scheme in ("light", "dark"):
        shoot(out.resolve(), scheme)
        return 0
    for scheme in ("light", "dark"):  # one process each: the scheme is chosen at start
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, SIARAN_HOME=home, SIARAN_COLOR_SCHEME=scheme)
            subprocess.run([sys.executable, __file__, str(out.resolve())], env=env, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
