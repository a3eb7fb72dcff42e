"""Memory: how much ten 24-megapixel photos add to the running window.

The real main window with ten channels ticked, idle (channels loaded, previews built, the text
engine warm): its resident set size (RSS) is the baseline. Then ten 6000x4000 camera-like
photos are attached at once; once they are imported, rendered for every channel and shown in
the previews, and the window has been idle for a moment, RSS is read again. Nothing is
trimmed or collected by hand: the figure is what the officer's machine would see.

    .venv/bin/python bench/memory.py

Last lines: ``growth_mb=X`` (target <= 150) and ``ratio=X.XX`` (RSS with the photos / idle).
"""

from __future__ import annotations

import sys

# Run as a script, this folder comes first on sys.path, and bench/typing.py would shadow the
# standard library's typing module: it leaves the import path first.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import os  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHANNELS = ["x", "bluesky", "mastodon", "threads", "facebook", "instagram", "linkedin",
            "telegram", "whatsapp", "wordpress"]
PHOTOS = 10
SIZE = (6000, 4000)  # 24 megapixels


def rss_mb() -> float:
    """This process's resident set size now (Linux: /proc; elsewhere the peak, from rusage)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def make_photos(folder: Path) -> list[str]:
    """Ten different files of one 24 MP photo (distinct bytes after the image's end, so the media
    store and the proxy cache see ten photos; every decoder stops at the image's end)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_photos", Path(__file__).with_name("photos.py"))
    assert spec is not None and spec.loader is not None
    photos = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(photos)
    folder.mkdir()
    base = Path(photos.make_photo(folder / "asal.jpg", SIZE, seed=3)).read_bytes()
    paths = []
    for i in range(PHOTOS):
        path = folder / f"kegiatan-{i:02d}.jpg"
        path.write_bytes(base + f"siaran-bench-{i}".encode())
        paths.append(str(path))
    return paths


def wait(app, condition, timeout=600.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("memory: the window did not settle")
        app.processEvents()
        time.sleep(0.01)


def idle(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        os.environ["SIARAN_HOME"] = home
        os.environ.setdefault("SIARAN_LANG", "en")
        photos = make_photos(Path(home) / "foto")  # made before the window: not counted
        from composer.gui.app import Shell, make_application

        app = make_application([])
        shell = Shell(app)
        window = shell.start()
        wait(app, lambda: bool(window.channels.catalog))
        for channel in CHANNELS:  # ticking a channel takes the welcome page away: the previews show
            window.picker.set_checked(channel)
        wait(app, lambda: window.previews is not None)
        wait(app, lambda: not shell.runner.busy and not window.renders.busy)
        idle(app, 2.0)
        before = rss_mb()
        started = time.perf_counter()
        window.media.add_files(photos)
        wait(app, lambda: len(window.model.post.media) == PHOTOS)
        panel = window.previews

        def shown() -> bool:
            if shell.runner.busy or window.renders.busy or panel.loader._asked:
                return False
            return all(len(panel._rendered.get(key, [])) > 0 for key in CHANNELS)

        wait(app, shown)
        panel.flush()
        took = time.perf_counter() - started
        idle(app, 3.0)
        after = rss_mb()
        cards = len(panel.cards)
        window.renders.stop()
        window._detached = True
        window.close()
        shell.shutdown()
    growth = after - before
    print(f"photos={PHOTOS} size={SIZE[0]}x{SIZE[1]} previews={cards} attach_to_shown_s={took:.1f}")
    print(f"idle_rss_mb={before:.0f} with_photos_rss_mb={after:.0f}")
    print(f"load_average_1min={os.getloadavg()[0]:.1f} cores={os.cpu_count()}")
    print(f"growth_mb={growth:.0f}")
    print(f"ratio={after / before:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
