"""Screenshots of a video post in the window at 1366x768: the strip with the poster, length
and size, the video panel (cover frame, trim) and each channel's preview with its cover, shape
and length; then the publish dialog while the video goes to the practice servers (each
channel's upload progress) and after (each channel's result). docs/video-window.png,
video-uploading.png, video-publish.png (Indonesian) and the same names with -en (English).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_video.py [out_dir]

The clip is made with the test corpus (composer.testing.video_corpus), the post file by the CLI
(``siaran new --video --cover-at --trim --captions``); everything lives in a temporary SIARAN_HOME.
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

TEXT = ("Rekaman rapat koordinasi pelayanan publik Kecamatan Sukamaju, Senin 7 Desember 2026. "
        "Simak ringkasannya di sini. #SukamajuMelayani")
CHANNELS = "x,bluesky,mastodon,telegram,instagram"


def shoot(lang: str, out: Path) -> None:
    from composer.testing.video_corpus import make_video

    home = Path(tempfile.mkdtemp(prefix="siaran-video-"))
    env = dict(os.environ, SIARAN_HOME=str(home), SIARAN_LANG=lang)
    clip = make_video(home / "rapat.mp4", width=1280, height=720, fps=25, seconds=12.0)
    captions = home / "takarir-rapat.srt"
    captions.write_text("1\n00:00:01,500 --> 00:00:04,000\nSelamat pagi, rapat koordinasi dimulai\n\n"
                        "2\n00:00:04,500 --> 00:00:08,000\nLayanan KTP kini selesai dalam sehari\n\n",
                        encoding="utf-8")
    post = subprocess.run(
        [sys.executable, "-m", "composer", "new", "--text", TEXT, "--to", CHANNELS,
         "--video", f"{clip}:Camat membuka rapat koordinasi di aula kecamatan",
         "--cover-at", "4", "--trim", "1.2:10", "--captions", str(captions)],
        capture_output=True, text=True, check=True, env=env).stdout
    path = home / "rapat.toml"
    path.write_text(post, encoding="utf-8")
    code = ("import sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/tools'];"
            "import screenshot_video as s; s.window_shot(sys.argv[2], sys.argv[3], sys.argv[4])")
    suffix = "" if lang == "id" else "-en"
    subprocess.run([sys.executable, "-c", code, str(ROOT), str(path),
                    str(out / f"video-window{suffix}.png"), str(out / f"video-publish{suffix}.png")],
                   check=True, env=env)


def grab(app, widget, target: str) -> None:
    frame = widget.frameGeometry()
    app.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(),
                                   frame.height()).save(target)


def window_shot(path: str, window_png: str, publish_png: str) -> None:
    from screenshots import pump, settle, wait

    from composer.gui.app import Shell, make_application
    from composer.testing.keyring import memory_keyring

    app = make_application([])
    shell = Shell(app)
    shell.open_file = path
    window = shell.start()
    window.move(0, 0)
    window.resize(1366, 768)
    wait(app, lambda: bool(window.media.videos) and window.previews is not None, 120)
    window.welcome.dismiss()  # no account yet: the previews, not the first-run page
    window.media.list.setCurrentRow(0)
    panel = window.media.video_panel
    wait(app, lambda: "(" in panel.trim_line.text() and panel.frame.pixmap() is not None
         and not panel.frame.pixmap().isNull(), 60)
    settle(app, shell)
    pump(app, 1.0)
    grab(app, window, window_png)
    print(f"window {window.frameGeometry().width()}x{window.frameGeometry().height()}, "
          f"at least {window.minimumSizeHint().height()} high; strip "
          f"{window.media.minimumSizeHint().height()}, panel {panel.minimumSizeHint().height()}, "
          f"editor column {window.media.parentWidget().minimumSizeHint().height()}")
    # the practice servers (Settings ▸ Practice mode) take the video: publish and watch it go
    with memory_keyring():
        window.actions_by_name["practice"].trigger()
        wait(app, lambda: "practice-x" in window.channels.catalog, 60)
        for key in [c.key for c in window.channels.chosen()]:  # practice mode ticks them all
            window.picker.set_checked(key, False)
        for key in ("practice-x", "practice-mastodon", "practice-telegram", "practice-bluesky"):
            window.picker.set_checked(key, True)
        settle(app, shell)
        window.actions_by_name["publish"].trigger()  # Ctrl+Enter
        wait(app, lambda: window.publishing.publish_dialog is not None
             and window.publishing.publish_dialog.isVisible(), 30)
        dialog = window.publishing.publish_dialog
        pump(app, 0.5)
        caught: list = []

        def catch(_step, _fraction, _data) -> None:  # every row part-way through the video
            texts = [row.status.text() for row in dialog.rows.values() if row.isVisible()]
            shares = [int(t.rsplit(" ", 1)[-1].rstrip("%")) for t in texts if t.endswith("%")]
            if not caught and len(shares) == len(texts) and all(20 <= n < 100 for n in shares):
                caught.append(dialog.grab())
        dialog.publish_button.click()
        dialog.task.progressed.connect(catch)
        wait(app, lambda: dialog.task is not None and dialog.task.is_done, 180)
        if caught:
            caught[0].save(publish_png.replace("video-publish", "video-uploading"))
        pump(app, 0.5)
        grab(app, dialog, publish_png)
        dialog.close_button.click()
        window.actions_by_name["practice"].trigger()
        wait(app, lambda: "practice-x" not in window.channels.catalog, 60)
    window.renders.stop()
    window._detached = True
    window.close()
    shell.shutdown()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    shoot("id", out)
    shoot("en", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
