"""Start-up: process start to the main window on screen, Siaran vs a bare PySide6 QMainWindow.

Both run as fresh processes in the same run, alternating, several times; each prints "shown" as
soon as its window is exposed and exits. The headline is the ratio of the medians.

    .venv/bin/python bench/startup.py [--runs 9]        # offscreen unless QT_QPA_PLATFORM says
    xvfb-run -a .venv/bin/python bench/startup.py       # a real X server (set QT_QPA_PLATFORM=xcb)

The project's modules are byte-compiled first (as pip does when it installs a package; this
machine sets PYTHONDONTWRITEBYTECODE, so an editable checkout would otherwise recompile every
module on every start); ``--no-compile`` runs both with an empty, unwritable bytecode cache
(every module, the stdlib's included, compiles on each start: the worst case).

Last line: ``ratio=X.XX`` (target <= 2.5, goal 2.0).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The same "shown" signal as the app's (composer.gui.app._report_when_shown): the first
# Expose event of the window.
BARE = r"""
import os
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QTextEdit())
window.resize(1360, 860)
window.show()
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and obj.isExposed():
            print("shown", flush=True)
            os._exit(0)
        return False
watch = Watch()
if window.windowHandle().isExposed():
    print("shown", flush=True)
    os._exit(0)
window.windowHandle().installEventFilter(watch)
app.exec()
"""


def measure(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline().strip()
    elapsed = time.perf_counter() - start
    proc.wait(30)
    if line != "shown":
        raise SystemExit(f"startup: {cmd[-1]} did not show a window")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-compile", action="store_true",
                        help="no bytecode cache at all for either process (worst case); by "
                             "default the project is byte-compiled first, as pip does on install")
    args = parser.parse_args()
    if not args.no_compile:
        import compileall

        for package in ("composer", "platforms"):
            compileall.compile_dir(ROOT / package, quiet=2)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    cold = tempfile.TemporaryDirectory()
    if args.no_compile:  # an empty bytecode cache, never written: every module compiles each run
        env.update(PYTHONPYCACHEPREFIX=cold.name, PYTHONDONTWRITEBYTECODE="1")
    with cold, tempfile.TemporaryDirectory() as home:
        env_app = dict(env, SIARAN_HOME=home, SIARAN_EXIT_WHEN_SHOWN="1")
        bare_cmd = [sys.executable, "-c", BARE]
        app_cmd = [sys.executable, "-m", "composer.gui.app"]
        measure(bare_cmd, env)  # warm the page cache for both before timing
        measure(app_cmd, env_app)
        bare, app = [], []
        for _ in range(args.runs):
            bare.append(measure(bare_cmd, env))
            app.append(measure(app_cmd, env_app))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"platform={env['QT_QPA_PLATFORM']} runs={args.runs} bytecode={not args.no_compile}")
    print(f"bare_qmainwindow_ms median={b * 1000:.0f} min={min(bare) * 1000:.0f} max={max(bare) * 1000:.0f}")
    print(f"siaran_ms           median={a * 1000:.0f} min={min(app) * 1000:.0f} max={max(app) * 1000:.0f}")
    print(f"ratio={a / b:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
