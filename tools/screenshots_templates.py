"""docs/template-renders.png: the announcement template rendered for Instagram, X and Threads
from a 4000x3000 photo and a 1080x1920 poster, scheduled 17 August 2026 (Indonesian office).

    .venv/bin/python tools/screenshots_templates.py [out.png]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from composer.core.media import render_variants
    from composer.core.office import ZONES, OfficeProfile
    from composer.core.post import MediaRef, Post
    from composer.core.registry import default_registry

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "template-renders.png"
    with tempfile.TemporaryDirectory() as tmp:
        photo = Image.new("RGB", (4000, 3000), (70, 120, 160))
        draw = ImageDraw.Draw(photo)
        draw.rectangle((0, 2000, 4000, 3000), fill=(60, 140, 70))
        draw.ellipse((1600, 900, 2400, 1700), fill=(240, 200, 60))
        photo.save(Path(tmp) / "alun-alun.jpg", quality=90)
        poster = Image.new("RGB", (1080, 1920), (200, 40, 40))
        ImageDraw.Draw(poster).rectangle((0, 960, 1080, 1920), fill=(250, 250, 250))
        poster.save(Path(tmp) / "poster.jpg", quality=90)
        post = Post(text="Upacara HUT RI ke-81", title="Upacara HUT RI ke-81 🇮🇩",
                    media=[MediaRef(str(Path(tmp) / "alun-alun.jpg")), MediaRef(str(Path(tmp) / "poster.jpg"))],
                    schedule=datetime(2026, 8, 17, 7, 0, tzinfo=ZONES["WIB"]), template="announcement",
                    fields={"title.2": "Kirab budaya sesudah upacara 🎉"})
        office = OfficeProfile(name="Diskominfo Kabupaten Sukamaju", handle="@diskominfo_skm",
                               language="id")
        registry = default_registry()
        specs = [registry.get(c).spec for c in ("instagram", "x", "threads")]
        results = render_variants(post, specs, Path(tmp) / "out", office=office)
        tiles = [Image.open(r.path).convert("RGB") for s in specs for r in results[s.id]]
        height = 420
        tiles = [t.resize((round(t.width * height / t.height), height)) for t in tiles]
        sheet = Image.new("RGB", (sum(t.width for t in tiles) + 12 * (len(tiles) + 1), height + 24),
                          (255, 255, 255))
        x = 12
        for tile in tiles:
            sheet.paste(tile, (x, 12))
            x += tile.width + 12
        sheet.save(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
