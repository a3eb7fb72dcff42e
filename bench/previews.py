"""Keystroke → previews updated, 10 channels and 4 attached images (issue 4, target p99 ≤ 16 ms).

Types a typical Indonesian post (link, hashtags, mention, emoji) one character at a time into a
PreviewsPanel on a 1400x900 window (three columns of cards; about half of them on screen) and
times, per keystroke:
  * keystroke: ``update_text`` plus the event processing that lays out and paints the result. The
    cards on screen are updated right there; the off-screen ones wait for a pause in typing.
  * deferred turn: after the keystroke, each off-screen card is brought up to date in its own
    event-loop turn (update + paint); the longest turn is the most a later keystroke can wait.
  * all at once: every card updated synchronously on every keystroke (``flush``), the worst case
    if nothing were deferred.
Like with like, in the same run: the keystroke (the cards on screen) against as many plain
QLabels as there are cards on screen, and "all at once" (every card) against one plain QLabel
per channel: the least any preview can cost. Each is typed five times; the median of the runs'
percentiles is reported (with the spread), not the best run.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/previews.py

Last lines: ``p99_ms=X`` (the keystroke, target <= 16) and ``ratio=X`` (keystroke p99 against
the plain labels on screen).
"""

from __future__ import annotations

import sys

# bench/ holds typing.py (the name for the typing benchmark); as the script's folder it
# would shadow the standard library's typing module, so it leaves the import path first.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import os  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget  # noqa: E402

from composer.core.post import MediaRef, Post  # noqa: E402
from composer.core.registry import default_registry  # noqa: E402
from composer.gui.previews import PreviewsPanel  # noqa: E402

REPEATS = 5
CHANNELS = ["x", "mastodon", "bluesky", "threads", "facebook", "instagram", "linkedin", "telegram",
            "whatsapp", "wordpress"]
TEXT = ("Selamat pagi warga Sleman! 🌞 Mulai hari ini pendaftaran vaksinasi gratis dibuka di "
        "seluruh puskesmas. Daftar lewat https://www.slemankab.go.id/layanan/vaksinasi-2026 "
        "atau datang langsung dengan membawa KTP. Info: @dinkessleman #SlemanSehat #VaksinGratis 🇮🇩 "
        "Jangan lupa ajak keluarga dan tetangga, ya!")


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main() -> None:
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="siaran-bench-"))
    images = []
    for i, size in enumerate([(1600, 900), (1080, 1350), (1200, 1200), (1600, 1000)]):
        path = tmp / f"photo{i}.jpg"
        Image.new("RGB", size, (40 + 50 * i, 120, 180)).save(path, quality=85)
        images.append(str(path))
    reg = default_registry()
    panel = PreviewsPanel(reg)
    panel.set_channels([(c, reg.get(c).spec, {"display_name": "Diskominfo Kabupaten Sleman",
                                              "handle": "diskominfo.sleman"}) for c in CHANNELS])
    panel.resize(1400, 900)
    panel.show()
    post = Post(media=[MediaRef(path=p, alt="Foto layanan vaksinasi") for p in images])
    panel.update_text(post)
    panel.flush()
    for c in CHANNELS:
        panel.set_rendered(c, images)
    panel.wait_for_images()
    app.processEvents()

    on_screen = sum(1 for card in panel.cards.values() if panel._on_screen(card))
    baseline_win = QWidget()
    column = QVBoxLayout(baseline_win)
    labels = [QLabel() for _ in CHANNELS]
    for label in labels:
        label.setWordWrap(True)
        column.addWidget(label)
    baseline_win.resize(1400, 900)
    baseline_win.show()

    def type_into(update, after=None) -> list[float]:
        times = []
        for n in range(1, len(TEXT) + 1):
            start = time.perf_counter()
            update(TEXT[:n])
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
            if after is not None:
                after()
        return times

    def keystroke(text):
        post.text = text
        panel.update_text(post)

    turns: list[float] = []

    def deferred_turns():  # what the event loop does once typing pauses
        while panel._pending:
            start = time.perf_counter()
            panel._update_one_pending()
            app.processEvents()
            turns.append((time.perf_counter() - start) * 1000)

    def everything(text):
        post.text = text
        panel.update_text(post)
        panel.flush()

    def baseline(text):  # one label per channel: what "all at once" updates
        for label in labels:
            label.setText(text)

    def baseline_on_screen(text):  # as many labels as cards on screen: what a keystroke updates
        for label in labels[:on_screen]:
            label.setText(text)

    type_into(everything)  # warm-up: caches, fonts, the text engine's first-use work

    def runs_of(measure) -> list[list[float]]:
        return [measure() for _ in range(REPEATS)]

    def keystrokes() -> list[float]:
        turns.clear()
        return type_into(keystroke, deferred_turns)

    keystroke_runs, turn_runs = [], []
    for _ in range(REPEATS):
        keystroke_runs.append(keystrokes())
        turn_runs.append(list(turns))
    runs = {"keystroke": keystroke_runs, "deferred turn": turn_runs,
            "labels on screen": runs_of(lambda: type_into(baseline_on_screen)),
            "all at once": runs_of(lambda: type_into(everything)),
            "labels, all": runs_of(lambda: type_into(baseline))}
    print(f"{len(CHANNELS)} channels, {on_screen} on screen, {len(images)} images, {len(TEXT)} keystrokes, "
          f"median of {REPEATS} runs; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    p99 = {}
    for name, measured in runs.items():
        p50s = [statistics.median(t) for t in measured if t]
        p99s = [percentile(t, 0.99) for t in measured if t]
        p99[name] = statistics.median(p99s) if p99s else 0.0
        print(f"{name:16s} p50={statistics.median(p50s) if p50s else 0:6.2f} ms  p99={p99[name]:6.2f} ms  "
              f"(runs' p99 {min(p99s, default=0):.2f}..{max(p99s, default=0):.2f})")
    print(f"ratio_all_at_once_vs_all_labels_p99={p99['all at once'] / max(p99['labels, all'], 1e-6):.1f}")
    print(f"p99_ms={p99['keystroke']:.1f}")
    print(f"ratio={p99['keystroke'] / max(p99['labels on screen'], 1e-6):.1f}")


if __name__ == "__main__":
    main()
