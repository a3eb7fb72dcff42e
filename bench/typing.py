"""Typing latency: one keystroke in the master text until every preview shows it.

The real main window, 10 channels ticked. Two phases: four images attached and their renders
settled ("idle"), then ten photos (4000x3000) attached and typed over while they are imported
and rendered ("rendering"; when the renders finish early, the photos' focal points move, so
all ten render again). Each sample sends one key event to the master editor (the cards on
screen update at once) and processes the resulting events: the repaint, and whatever else the
event loop holds at that moment (an off-screen card's turn, an image a render handed back).
Between two keys the app's event loop runs, as it does while an officer types (~30 keys a
second at most): the off-screen cards catch up one per turn there, as in the window, and a key
that arrives meanwhile waits for at most that one card. (``bench/previews.py`` times the worst
case, every card updated within every keystroke.) A bare QPlainTextEdit keystroke is measured
in the same run as the baseline. Wall times count the waits for a core: on a busy machine read
them with the load average and the GUI thread's own CPU time.

    .venv/bin/python bench/typing.py [--keys 400]

Last line: ``p99_ms=X.X``, while ten images render (target <= 16).
"""

from __future__ import annotations

import sys

# This file is named like the stdlib's typing module; run as a script, its folder comes first
# on sys.path and would shadow it for everything imported later (shiboken needs typing).
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHANNELS = ["x", "bluesky", "mastodon", "threads", "facebook", "instagram", "linkedin",
            "telegram", "whatsapp", "wordpress"]  # + the folder, ticked by default: 11 previews
TEXT = ("Pemerintah Kabupaten mengundang warga ke Festival UMKM di alun-alun, Sabtu 09.00 WIB. "
        "Info: https://contoh.go.id/festival @humas_kab #UMKMNaikKelas 🎉 ")


def key(widget, ch: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for t in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(t, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def wait(app, condition, timeout=60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("typing: the window did not settle")
        app.processEvents()
        time.sleep(0.005)


def make_images(folder: Path) -> list[str]:
    from PIL import Image, ImageDraw

    paths = []
    for i, colour in enumerate([(200, 60, 40), (30, 90, 200), (40, 160, 90), (220, 180, 30)]):
        im = Image.new("RGB", (3000, 2000), colour)
        ImageDraw.Draw(im).ellipse((800, 400, 2200, 1600), fill=(250, 250, 250))
        path = folder / f"foto-{i}.jpg"
        im.save(path, quality=88)
        paths.append(str(path))
    return paths


def make_photos(folder: Path, count: int) -> list[str]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_photos", Path(__file__).with_name("photos.py"))
    assert spec is not None and spec.loader is not None
    photos = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(photos)
    folder.mkdir(exist_ok=True)
    return [photos.make_photo(folder / f"kegiatan-{i}.jpg", (4000, 3000), seed=i) for i in range(count)]


def type_keys(app, editor, previews, keys: int, keep_going=None) -> tuple[list[float], list[float]]:
    """Wall and GUI-thread CPU milliseconds per keystroke. ``keep_going()`` runs between keys
    (and may stop the phase early by returning False)."""
    samples, cpu = [], []
    for i in range(keys):
        if keep_going is not None and not keep_going():
            break
        start, start_cpu = time.perf_counter(), time.thread_time()
        key(editor, TEXT[i % len(TEXT)])
        app.processEvents()  # paint, and what else is due in this turn
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        run_event_loop(app, 30)  # until the next key: off-screen cards, renders handing back
    previews.flush()  # (nothing left behind for the next phase)
    return samples, cpu


def run_event_loop(app, ms: float) -> None:
    """The window's event loop for ``ms`` milliseconds, as between an officer's keystrokes."""
    from PySide6.QtCore import QEventLoop

    end = time.perf_counter() + ms / 1000
    while (left := end - time.perf_counter()) > 0:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, max(1, int(left * 1000)))
        time.sleep(0.001)


def report(name: str, samples: list[float], cpu: list[float]) -> float:
    p99 = percentile(samples, 99)
    print(f"{name}_ms keys={len(samples)} p50={statistics.median(samples):.2f} p99={p99:.2f} "
          f"max={max(samples):.2f} gui_thread_cpu_p50={statistics.median(cpu):.2f} "
          f"gui_thread_cpu_p99={percentile(cpu, 99):.2f}")
    return p99


def bare_baseline(app, keys: int) -> list[float]:
    from PySide6.QtWidgets import QPlainTextEdit

    edit = QPlainTextEdit()
    edit.resize(600, 400)
    edit.show()
    samples = []
    for i in range(keys):
        start = time.perf_counter()
        key(edit, TEXT[i % len(TEXT)])
        app.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    edit.close()
    return samples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["SIARAN_HOME"] = home
        os.environ.setdefault("SIARAN_LANG", "en")
        photos = make_photos(Path(home) / "foto", 10)  # made first: their making is not timed
        from composer.gui.app import Shell, make_application

        app = make_application([])
        shell = Shell(app)
        window = shell.start()
        wait(app, lambda: bool(window.channels.catalog))
        for channel in CHANNELS:  # ticking a channel takes the welcome page away: the previews show
            window.picker.set_checked(channel)
        wait(app, lambda: window.previews is not None)
        window.media.add_files(make_images(Path(home)))
        wait(app, lambda: len(window.model.post.media) == 4)
        for ref in window.model.post.media:
            window.model.update_media(ref.id, alt="Suasana festival UMKM")
        window.renders.render_now()
        wait(app, lambda: not shell.runner.busy, timeout=300)
        # what the running event loop does between the officer's clicks: delete the widgets
        # replaced while the channels were ticked (processEvents alone never does)
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        previews = window.previews
        editor = window.editor.text_edit
        editor.setFocus()
        for ch in TEXT[:20]:  # warm-up
            key(editor, ch)
            app.processEvents()
        start_text = editor.toPlainText()
        idle, idle_cpu = type_keys(app, editor, previews, args.keys)
        editor.setPlainText(start_text)  # like with like: the same text grows in both phases
        app.processEvents()
        # ten photos attached, typed over while they are imported and rendered
        for ref in list(window.model.post.media):
            window.model.remove_media(ref.id)
        window.media.add_files(photos)
        rounds = [0]

        def rendering() -> bool:
            idle_now = not shell.runner.busy and not window.renders.busy
            if idle_now and len(window.model.post.media) == 10:
                rounds[0] += 1  # the renders finished early: move every focal point, render again
                for ref in window.model.post.media:
                    window.model.update_media(ref.id, focal=(0.3 + 0.01 * rounds[0], 0.5))
            return True

        busy, busy_cpu = type_keys(app, editor, previews, args.keys, rendering)
        baseline = bare_baseline(app, args.keys)
        previews_count = len(previews.cards)
        window.renders.stop()
        window._detached = True
        window.close()
        shell.shutdown()
    b50, b99 = statistics.median(baseline), percentile(baseline, 99)
    print(f"previews={previews_count} images=4, then 10 rendering keys={args.keys} render_rounds={rounds[0]}")
    print(f"bare_plaintextedit_ms p50={b50:.2f} p99={b99:.2f}")
    report("idle", idle, idle_cpu)
    p99 = report("rendering", busy, busy_cpu)
    print(f"load_average_1min={os.getloadavg()[0]:.1f} cores={os.cpu_count()}")
    print(f"ratio_p50={statistics.median(busy) / b50:.1f}")
    print(f"p99_ms={p99:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
