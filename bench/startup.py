"""Start-up: process start until the window is on screen ("shown", its first Expose) and until
it is usable ("usable": the channels listed, the last draft reopened in the editor, every
preview on screen showing its images), against a bare PySide6 QMainWindow in the same run.

Two homes: an empty one (a first start), and one whose last draft has four photos and ten
channels ticked (the previews of forty images; the app had that draft open before, as an
officer's would, so its proxies and renders exist). Every process is fresh; the bare window,
the app until shown and the app until usable alternate, several times; the headline is the
ratio of the medians.

    .venv/bin/python bench/startup.py [--runs 7]        # offscreen unless QT_QPA_PLATFORM says
    xvfb-run -a .venv/bin/python bench/startup.py       # a real X server (set QT_QPA_PLATFORM=xcb)

The project's modules are byte-compiled first (as pip does when it installs a package; this
machine sets PYTHONDONTWRITEBYTECODE, so an editable checkout would otherwise recompile every
module on every start); ``--no-compile`` runs with an empty, unwritable bytecode cache.

Last line: ``ratio=X.XX``, until usable with the four-photo draft (target <= 5, goal 3); the
line before it: the empty home until usable (target <= 2.5).
"""

from __future__ import annotations

import sys

# Run as a script, this folder comes first on sys.path, and bench/typing.py would shadow the
# standard library's typing module: it leaves the import path first.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHANNELS = ["x", "bluesky", "mastodon", "threads", "facebook", "instagram", "linkedin",
            "telegram", "whatsapp", "wordpress"]

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


CPU: dict[str, list[float]] = {}  # CPU seconds of each process (user + system), by figure


def measure(cmd: list[str], env: dict, expect: str, figure: str = "") -> float:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline().strip()
    elapsed = time.perf_counter() - start
    proc.wait(60)
    if not line.startswith(expect):
        raise SystemExit(f"startup: {cmd[-1]} did not report {expect!r} (got {line!r})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if figure:  # the process exits right after reporting: its CPU time is what it took
        CPU.setdefault(figure, []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return elapsed


def photo_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_photos", Path(__file__).with_name("photos.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def draft_home(home: Path) -> None:
    """A home whose newest draft has four photos (4000x3000) and ten channels ticked."""
    os.environ["SIARAN_HOME"] = str(home)
    from composer.core.media import focal_of
    from composer.core.post import MediaRef, Post
    from composer.core.services import Services

    photos = photo_module()
    folder = home / "foto"
    folder.mkdir(parents=True)
    services = Services()
    services.paths.ensure()
    media = []
    for i in range(4):
        path = photos.make_photo(folder / f"kegiatan-{i}.jpg", (4000, 3000), seed=i)
        sha = services.store.add_media(path)
        focal = focal_of(services.store.paths.media_file(sha))  # as the window does on attach
        media.append(MediaRef(path=path, sha256=sha, alt=f"Foto kegiatan {i + 1}", focal=focal))
    post = Post(text="Pemerintah Kabupaten mengundang warga ke Festival UMKM di alun-alun, "
                     "Sabtu 09.00 WIB. #UMKMNaikKelas", channels=list(CHANNELS), media=media)
    services.store.save_draft(post)
    services.close()
    del os.environ["SIARAN_HOME"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-compile", action="store_true",
                        help="no bytecode cache at all (worst case); by default the project is "
                             "byte-compiled first, as pip does on install")
    args = parser.parse_args()
    if not args.no_compile:
        import compileall

        for package in ("composer", "platforms"):
            compileall.compile_dir(ROOT / package, quiet=2)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("SIARAN_LANG", "id")
    cold = tempfile.TemporaryDirectory()
    if args.no_compile:
        env.update(PYTHONPYCACHEPREFIX=cold.name, PYTHONDONTWRITEBYTECODE="1")
    bare_cmd = [sys.executable, "-c", BARE]
    app_cmd = [sys.executable, "-m", "composer.gui.app"]
    figures: dict[str, list[float]] = {}
    with cold, tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as drafted:
        draft_home(Path(drafted))
        homes = {"empty": empty, "draft4": drafted}
        shown = {name: dict(env, SIARAN_HOME=home, SIARAN_EXIT_WHEN_SHOWN="1") for name, home in homes.items()}
        usable = {name: dict(env, SIARAN_HOME=home, SIARAN_EXIT_WHEN_USABLE="1") for name, home in homes.items()}
        # warm the page cache, and let the draft's home make its proxies and renders once (the
        # officer had this draft open before)
        measure(bare_cmd, env, "shown")
        for name in homes:
            measure(app_cmd, usable[name], "usable")
        for _ in range(args.runs):
            figures.setdefault("bare", []).append(measure(bare_cmd, env, "shown", "bare"))
            for name in homes:
                figures.setdefault(f"{name}_shown", []).append(
                    measure(app_cmd, shown[name], "shown", f"{name}_shown"))
                figures.setdefault(f"{name}_usable", []).append(
                    measure(app_cmd, usable[name], "usable", f"{name}_usable"))
    med = {k: statistics.median(v) for k, v in figures.items()}
    print(f"platform={env['QT_QPA_PLATFORM']} runs={args.runs} bytecode={not args.no_compile} "
          f"loadavg={os.getloadavg()[0]:.2f} cores={os.cpu_count()}")
    for key, values in figures.items():
        print(f"{key + '_ms':<22} median={med[key] * 1000:.0f} min={min(values) * 1000:.0f} "
              f"max={max(values) * 1000:.0f} cpu_median={statistics.median(CPU[key]) * 1000:.0f}")
    b = med["bare"]
    # CPU time hardly depends on what else the machine runs: the ratio to read when it is busy
    cpu_bare = statistics.median(CPU["bare"])
    for key in ("empty_usable", "draft4_usable"):
        print(f"cpu_ratio_{key}={statistics.median(CPU[key]) / cpu_bare:.2f}")
    print(f"ratio_empty_shown={med['empty_shown'] / b:.2f}")
    print(f"ratio_draft4_shown={med['draft4_shown'] / b:.2f}")
    print(f"ratio_empty_usable={med['empty_usable'] / b:.2f}")
    print(f"ratio={med['draft4_usable'] / b:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
