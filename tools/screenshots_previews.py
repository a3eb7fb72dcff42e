"""Screenshots of the previews, the crop editor and the template editor for the README.

Run under a virtual X server so Qt draws exactly as on a desktop:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshots_previews.py [out_dir]
Writes previews.png, crop-editor.png and template-editor.png into out_dir (default: docs/).
Photos are drawn here (landscapes, a building, people), so the pictures are reproducible and free
of rights; the account picture is the built-in template logo.
"""

from __future__ import annotations

import math
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw, ImageFilter  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget  # noqa: E402

from composer.core.post import Crop, MediaRef, Post  # noqa: E402
from composer.core.registry import default_registry  # noqa: E402
from composer.core.templates import builtin_dir  # noqa: E402

PALETTES = [  # sky top, sky bottom, sun, far hills, near hills, ground
    ((255, 170, 90), (255, 226, 170), (255, 245, 210), (196, 120, 110), (120, 80, 90), (70, 110, 60)),
    ((70, 140, 220), (180, 220, 250), (255, 250, 220), (110, 150, 170), (60, 120, 90), (90, 160, 70)),
    ((40, 60, 120), (230, 140, 120), (255, 210, 150), (90, 70, 120), (50, 50, 90), (40, 70, 60)),
    ((120, 190, 230), (230, 245, 250), (255, 255, 240), (140, 170, 150), (90, 140, 80), (150, 190, 90)),
    ((200, 90, 120), (250, 200, 160), (255, 240, 200), (150, 90, 110), (90, 60, 80), (80, 100, 70)),
]


def photo(path: Path, size: tuple[int, int], palette: int, seed: int, building: bool = True) -> str:
    """A landscape with hills, a town hall and a few people: enough detail to judge a crop."""
    rnd = random.Random(seed)
    w, h = size
    sky_top, sky_bottom, sun, far, near, ground = PALETTES[palette % len(PALETTES)]
    im = Image.new("RGB", size)
    draw = ImageDraw.Draw(im)
    horizon = int(h * 0.62)
    for y in range(horizon):
        t = y / horizon
        draw.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(sky_top, sky_bottom, strict=True)))
    sx, sy, sr = int(w * rnd.uniform(0.15, 0.8)), int(h * rnd.uniform(0.18, 0.35)), int(min(w, h) * 0.07)
    glow = Image.new("L", size, 0)
    ImageDraw.Draw(glow).ellipse([sx - sr * 3, sy - sr * 3, sx + sr * 3, sy + sr * 3], fill=90)
    im.paste(sun, mask=glow.filter(ImageFilter.GaussianBlur(sr)))
    draw.ellipse([sx - sr, sy - sr, sx + sr, sy + sr], fill=sun)
    for colour, base, amp in ((far, 0.50, 0.12), (near, 0.58, 0.08)):
        points = [(0, h)]
        phase = rnd.uniform(0, 6)
        for x in range(0, w + 20, 20):
            y = h * base - amp * h * (0.6 * math.sin(x / w * 5 + phase) + 0.4 * math.sin(x / w * 13 + phase * 2))
            points.append((x, y))
        points.append((w, h))
        draw.polygon(points, fill=colour)
    draw.rectangle([0, horizon, w, h], fill=ground)
    for i in range(0, w, max(8, w // 60)):  # rice-field rows
        draw.line([(w / 2, horizon), (i * 2 - w / 2, h)], fill=tuple(max(0, c - 18) for c in ground), width=2)
    if building:
        bw, bh = int(w * 0.26), int(h * 0.2)
        bx, by = int(w * rnd.uniform(0.4, 0.62)), horizon - bh + int(h * 0.04)
        draw.rectangle([bx, by, bx + bw, by + bh], fill=(245, 240, 228))
        draw.polygon([(bx - bw * 0.08, by), (bx + bw / 2, by - bh * 0.5), (bx + bw * 1.08, by)], fill=(170, 60, 50))
        for c in range(6):
            x = bx + bw * (0.08 + c * 0.15)
            draw.rectangle([x, by + bh * 0.25, x + bw * 0.07, by + bh], fill=(215, 205, 190))
        draw.rectangle([bx + bw * 0.42, by + bh * 0.45, bx + bw * 0.58, by + bh], fill=(110, 70, 50))
        draw.line([(bx + bw / 2, by - bh * 0.5), (bx + bw / 2, by - bh * 0.95)], fill=(80, 80, 80), width=3)
        draw.rectangle([bx + bw / 2, by - bh * 0.95, bx + bw / 2 + bw * 0.12, by - bh * 0.82], fill=(220, 30, 40))
        draw.rectangle([bx + bw / 2, by - bh * 0.82, bx + bw / 2 + bw * 0.12, by - bh * 0.69], fill=(250, 250, 250))
    for _ in range(rnd.randint(4, 9)):  # people
        px, py = rnd.uniform(0.08, 0.92) * w, horizon + rnd.uniform(0.1, 0.3) * h
        s = h * rnd.uniform(0.05, 0.08)
        shirt = rnd.choice([(200, 40, 50), (30, 90, 170), (240, 190, 40), (40, 140, 90), (250, 250, 250)])
        draw.ellipse([px - s * 0.18, py - s, px + s * 0.18, py - s * 0.64], fill=(120, 80, 55))
        draw.rounded_rectangle([px - s * 0.28, py - s * 0.62, px + s * 0.28, py], radius=int(s * 0.12), fill=shirt)
    im = im.filter(ImageFilter.GaussianBlur(0.6))
    im.save(path, quality=90)
    return str(path)


def pump(app: QApplication, ms: int = 400) -> None:
    QTimer.singleShot(ms, app.quit)
    app.exec()


ACCOUNT = {"display_name": "Diskominfo Kab. Sleman", "handle": "diskominfo.slemankab",
           "avatar": str(builtin_dir() / "logo.png")}
TEXT = ("Selamat pagi, warga Sleman! 🌞 Pendaftaran vaksinasi gratis dibuka hari ini di semua "
        "puskesmas. Daftar di https://www.slemankab.go.id/layanan/vaksinasi-2026 atau datang "
        "langsung membawa KTP. Info: @dinkessleman\n\n#SlemanSehat #VaksinGratis")
# Longer than X's 280: the X card shows the thread it will become.
LONG = TEXT.replace("membawa KTP.", "membawa KTP. Layanan buka pukul 08.00–14.00 WIB, Senin sampai "
                    "Sabtu; lansia dan ibu hamil didahulukan.")


def previews_shot(app, tmp: Path, out: Path) -> None:
    from composer.gui.previews import PreviewsPanel

    reg = default_registry()
    photos = [photo(tmp / f"p{i}.jpg", size, i, i) for i, size in
              enumerate([(1600, 1000), (1080, 1350), (1200, 1200), (1600, 900)])]
    columns = [  # (channels, number of photos, text): each column its own post, 1 to 4 photos
        (["x", "mastodon"], 1, LONG),
        (["bluesky", "facebook"], 3, TEXT),
        (["instagram", "linkedin"], 2, TEXT),
        (["telegram", "threads"], 4, TEXT),
    ]
    window = QWidget()
    window.setWindowTitle("Siaran — previews")
    window.setObjectName("shots")
    window.setStyleSheet("#shots { background:#F3F4F6; }")
    row = QHBoxLayout(window)
    row.setContentsMargins(12, 8, 12, 8)
    row.setSpacing(14)
    for channels, n, text in columns:
        panel = PreviewsPanel(reg)
        panel.setFixedWidth(432)
        panel.set_channels([(c, reg.get(c).spec, ACCOUNT) for c in channels])
        post = Post(text=text, media=[MediaRef(path=p, alt="Foto kegiatan" if i % 2 == 0 else "")
                                      for i, p in enumerate(photos[:n])])
        panel.update_text(post)
        panel.flush()
        for c in channels:
            panel.set_rendered(c, photos[:n])
        panel.wait_for_images()
        panel.note.hide()  # one panel per column here: the header would repeat four times
        for button in panel.mode_buttons.buttons():
            button.hide()
        row.addWidget(panel)
    window.resize(1790, 1290)
    window.show()
    pump(app)
    window.grab().save(str(out / "previews.png"))
    window.close()


def crop_shot(app, tmp: Path, out: Path) -> None:
    from composer.gui.crop import CropEditor

    reg = default_registry()
    path = photo(tmp / "crop.jpg", (1800, 1100), 1, 7)
    ids = ["instagram", "x", "bluesky", "facebook", "linkedin", "mastodon"]
    channels = {i: reg.get(i).spec for i in ids}
    post = Post(text=TEXT, media=[MediaRef(path=path, focal=(0.62, 0.55))], channels=ids)
    post.variant("facebook").crops[post.media[0].id] = Crop(0.05, 0.1, 0.6, 0.8)
    editor = CropEditor()
    editor.setWindowTitle("Siaran — crop")
    editor.resize(1400, 860)
    editor.edit(post, "instagram", channels["instagram"], post.media[0], path, channels=channels)
    editor.set_preset(0)  # 4:5, a manual crop the officer chose
    editor.show()
    pump(app)
    editor.grab().save(str(out / "crop-editor.png"))
    editor.close()


def template_shot(app, tmp: Path, out: Path) -> None:
    from composer.gui.templates import TemplateEditor

    path = photo(tmp / "tpl.jpg", (1600, 1067), 0, 11)
    editor = TemplateEditor()
    editor.setWindowTitle("Siaran — template")
    editor.resize(1400, 860)
    post = Post(text="Vaksinasi gratis untuk seluruh warga Sleman", media=[MediaRef(path=path)],
                fields={"office": "Dinas Kesehatan Kabupaten Sleman", "handle": "@dinkessleman"})
    editor.edit(post)
    editor.choose("news-card")
    editor.show()
    pump(app, 200)
    editor.canvas.current = "title"  # as if the officer clicked the title
    editor._on_canvas_selected("title")
    editor.render_now()
    editor.runner.wait(20_000)
    pump(app, 300)
    editor.grab().save(str(out / "template-editor.png"))
    editor.close()


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="siaran-shots-") as tmp:
        previews_shot(app, Path(tmp), out)
        crop_shot(app, Path(tmp), out)
        template_shot(app, Path(tmp), out)
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
