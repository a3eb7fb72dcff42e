"""Render every channel's images of one 24-megapixel photo; compare with one full decode.

Baseline, measured in the same run: ``Image.open(photo).load()``, one full Pillow decode of the
same JPEG. The pipeline (decode once at the needed scale, reduce pyramid, parallel outputs,
byte-budget encoding) should cost about as much as that one decode. Best of N for both, taken
alternately so machine noise hits both alike. Last line: ``ratio=X.XX`` (target <= 1.5, goal 1.0).

    .venv/bin/python bench/render.py [--rounds 9] [--template news-card] [--resample lanczos]
"""

from __future__ import annotations

import sys

# bench/ holds a script named typing.py; run as a script, this folder comes first on sys.path
# and would shadow the stdlib's typing for everything imported below.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("bench")]

import argparse  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from composer.core.media import render_variants  # noqa: E402
from composer.core.post import MediaRef, Post  # noqa: E402
from composer.core.registry import default_registry  # noqa: E402

WIDTH, HEIGHT = 6000, 4000  # 24 MP, a typical camera photo


def make_photo(path: Path) -> None:
    """Gradients + noise + shapes: compresses like a photo, not like a flat test card."""
    rng = random.Random(7)
    small = (WIDTH // 8, HEIGHT // 8)
    r = Image.linear_gradient("L").resize(small)
    g = Image.radial_gradient("L").resize(small)
    b = Image.linear_gradient("L").rotate(90).resize(small)
    im = Image.merge("RGB", (r, g, b))
    draw = ImageDraw.Draw(im)
    for _ in range(60):
        x, y = rng.randrange(small[0]), rng.randrange(small[1])
        s = rng.randrange(10, 120)
        colour = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x, y, x + s, y + s // 2 + 5), fill=colour)
    im = im.filter(ImageFilter.GaussianBlur(1.5)).resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    noise = Image.effect_noise((WIDTH, HEIGHT), 24).convert("RGB")
    im = Image.blend(im, noise, 0.18)
    im.save(path, "JPEG", quality=90)


def best(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--template", default=None, help="brand every image with this template")
    parser.add_argument("--resample", choices=["bicubic", "lanczos", "hamming", "bilinear"],
                        default=None, help="try another final filter (default: the product's)")
    args = parser.parse_args()
    if args.resample:
        from composer.core.media import pyramid

        pyramid.RESAMPLE = getattr(Image.Resampling, args.resample.upper())
    specs = [p.spec for p in default_registry().platforms.values()]
    with tempfile.TemporaryDirectory() as tmp:
        photo = Path(tmp) / "photo.jpg"
        make_photo(photo)
        post = Post(text="Bench", title="Pemkab membuka pendaftaran beasiswa 2027",
                    media=[MediaRef(str(photo), alt="a photo")], template=args.template,
                    fields={"office": "Diskominfo", "handle": "@diskominfo"})
        out = Path(tmp) / "out"

        def full_decode():
            with Image.open(photo) as im:
                im.load()

        def render_all():
            return render_variants(post, specs, out)

        result = render_all()  # warm up: imports, fonts, caches
        decode_times, render_times, decode_cpu, render_cpu = [], [], [], []
        for _ in range(args.rounds):
            for fn, wall, cpu in ((full_decode, decode_times, decode_cpu),
                                  (render_all, render_times, render_cpu)):
                c = time.process_time()
                wall.append(best(fn, 1))
                cpu.append(time.process_time() - c)
        decode_s, render_s = min(decode_times), min(render_times)
        files = sum(len(v) for v in result.values())
        print(f"photo: {WIDTH}x{HEIGHT} JPEG q90, {photo.stat().st_size / 1e6:.1f} MB")
        print(f"channels: {len(specs)}, files written: {files}, "
              f"refused: {sum(len(v.refused) for v in result.values())}")
        for channel, variant in result.items():
            for m in variant:
                print(f"  {channel:<10} {m.width}x{m.height} {m.mime} {Path(m.path).stat().st_size / 1e3:.0f} kB")
        print(f"full decode (baseline): {decode_s * 1000:.1f} ms")
        print(f"render every channel:   {render_s * 1000:.1f} ms")
        # CPU seconds of both threads: what the work costs, whatever else runs on the machine
        print(f"cpu: decode {min(decode_cpu) * 1000:.1f} ms, render {min(render_cpu) * 1000:.1f} ms "
              f"(both threads); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"ratio={render_s / decode_s:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
