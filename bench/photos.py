"""Photo-like test images for the benches: smooth light, shapes and sensor noise, so JPEG
decoding and encoding cost what a camera's photo costs (a flat colour would flatter them)."""

from __future__ import annotations

from pathlib import Path


def make_photo(path: Path, size: tuple[int, int], seed: int = 0) -> str:
    from PIL import Image, ImageDraw, ImageFilter

    w, h = size
    small = Image.new("RGB", (64, 48))
    px = small.load()
    for y in range(48):
        for x in range(64):
            px[x, y] = ((x * 4 + seed * 50) % 256, (y * 5 + seed * 30) % 256, (x + y + seed * 70) % 256)
    im = small.resize((w, h), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(im)
    for i in range(12):
        x, y = (seed * 97 + i * 331) % w, (seed * 61 + i * 197) % h
        r = (w // 12) * (1 + i % 3)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=((i * 40) % 256, 200 - i * 10, (seed * 30 + i * 20) % 256))
    im = im.filter(ImageFilter.GaussianBlur(3))
    noise = Image.effect_noise((w, h), 24).convert("RGB")
    im = Image.blend(im, noise, 0.12)
    im.save(path, quality=90)
    return str(path)
