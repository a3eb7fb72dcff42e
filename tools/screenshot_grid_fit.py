"""Screenshot of a branded two-image post in Bluesky's feed preview (issue 14: the feed shows two
images as two squares; a card whose text reaches the edges lost it there).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_grid_fit.py [out.png] [id|en]

The announcement template is rendered by the core for Bluesky, then the preview card shows the
rendered files the way the feed crops them. Writes docs/grid-fit-bluesky-id.png by default.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "grid-fit-bluesky-id.png"
    lang = sys.argv[2] if len(sys.argv) > 2 else "id"
    with tempfile.TemporaryDirectory(prefix="siaran-gridfit-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["SIARAN_HOME"] = str(tmp / "home")
        from PySide6.QtWidgets import QApplication
        from screenshots_previews import ACCOUNT, photo, pump

        from composer.core import i18n
        from composer.core.media import render_variants
        from composer.core.office import OfficeProfile
        from composer.core.post import MediaRef, Post
        from composer.core.registry import default_registry
        from composer.gui.app import Translations
        from composer.gui.previews import PreviewsPanel

        app = QApplication.instance() or QApplication(sys.argv[:1])
        Translations(app).install(lang)
        i18n.set_language(lang)
        office = OfficeProfile(name="Diskominfo Kabupaten Sleman", handle="@kominfosleman",
                               zone="WIB", language="id")
        spec = default_registry().get("bluesky").spec
        photos = [photo(tmp / "hall.jpg", (1600, 900), 1, 1), photo(tmp / "field.jpg", (1080, 1350), 3, 2)]
        post = Post(text="Upacara Peringatan HUT RI ke-81 di Alun-Alun Sleman, Senin pukul 07.00 WIB.",
                    title="Upacara Peringatan HUT RI ke-81", template="announcement",
                    media=[MediaRef(path=p, alt="Foto kegiatan") for p in photos])
        post.fields["event_date"] = "2026-08-17"
        rendered = render_variants(post, [spec], tmp / "out", office=office)["bluesky"]
        panel = PreviewsPanel(default_registry())
        panel.setFixedWidth(520)
        panel.set_channels([("bluesky", spec, ACCOUNT)])
        panel.update_text(post)
        panel.flush()
        panel.set_rendered("bluesky", [r.path for r in rendered])
        panel.wait_for_images()
        panel.resize(520, 440)
        panel.show()
        pump(app)
        panel.grab().save(str(out))
        print(out, [(r.width, r.height) for r in rendered])


if __name__ == "__main__":
    main()
