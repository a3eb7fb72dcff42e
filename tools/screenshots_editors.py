"""The crop and template editors on an office laptop's screen (1366x768), in English and in
Indonesian: the whole screen, so the dialog's size and its buttons show as an officer sees them.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots_editors.py en [out_dir]
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots_editors.py id [out_dir]

With SIARAN_COLOR_SCHEME=dark the same shots in the dark scheme, named ...-<lang>-dark.png.

Writes crop-editor-1366-<lang>.png and template-editor-1366-<lang>.png (one language per run:
the language is chosen before the window is built). A temporary SIARAN_HOME; photos drawn by
tools/screenshots_previews.py.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from screenshots import TEXT, TITLE, pump, settle, wait  # noqa: E402

CHANNELS = ["x", "instagram", "bluesky", "facebook", "threads", "mastodon", "linkedin", "telegram",
            "whatsapp", "wordpress"]


def screen_shot(app, path: Path) -> None:
    app.primaryScreen().grabWindow(0).save(str(path))


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "en"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs"
    suffix = "-dark" if os.environ.get("SIARAN_COLOR_SCHEME") == "dark" else ""
    home = tempfile.mkdtemp(prefix="siaran-shots-")
    os.environ["SIARAN_HOME"] = home
    os.environ["SIARAN_LANG"] = lang

    from screenshots_previews import photo

    from composer.gui.app import Shell, make_application

    app = make_application([])
    shell = Shell(app)
    window = shell.start()
    window.showMaximized()
    wait(app, lambda: bool(window.channels.catalog) and window.previews is not None)
    for key in CHANNELS:
        window.picker.set_checked(key)
    window.model.set_title(TITLE)
    window.editor.title_edit.setText(TITLE)
    window.editor.text_edit.setPlainText(TEXT)
    window.media.add_files([photo(Path(home) / "poster.jpg", (1080, 1920), 3, 11, building=False)])
    wait(app, lambda: len(window.media.proxies) == 1)
    settle(app, shell)

    window.images.open_crop("instagram", window.model.post.media[0].id)
    pump(app, 1.0)
    screen_shot(app, out / f"crop-editor-1366-{lang}{suffix}.png")
    window.images.crop_editor.parentWidget().reject()
    pump(app)

    window.images.open_template()
    editor = window.images.template_editor
    wait(app, lambda: all(not b.icon().isNull() for b in editor.thumbs))
    pump(app, 1.0)
    screen_shot(app, out / f"template-editor-1366-{lang}{suffix}.png")
    editor.parentWidget().reject()
    window._detached = True
    window.close()
    shell.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
