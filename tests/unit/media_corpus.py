"""Builds the hostile-file corpus and ordinary photos the media tests use (cheaply, in tmp)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw


def photo(path: Path, size=(3000, 2000), quality=90, exif=None) -> Path:
    """A photo-like JPEG: gradients, shapes and noise (compresses like a photo)."""
    w, h = size
    small = Image.merge("RGB", (
        Image.linear_gradient("L").resize((max(1, w // 8), max(1, h // 8))),
        Image.radial_gradient("L").resize((max(1, w // 8), max(1, h // 8))),
        Image.linear_gradient("L").rotate(90).resize((max(1, w // 8), max(1, h // 8))),
    ))
    d = ImageDraw.Draw(small)
    d.ellipse((w // 40, h // 40, w // 16, h // 16), fill=(220, 30, 30))
    im = small.resize(size, Image.Resampling.BILINEAR)
    im = Image.blend(im, Image.effect_noise(size, 30).convert("RGB"), 0.15)
    kwargs = {"quality": quality}
    if exif is not None:
        kwargs["exif"] = exif
    im.save(path, "JPEG", **kwargs)
    return path


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "PhoneModel"
    gps = {1: "S", 2: (7.0, 47.0, 0.0), 3: "E", 4: (110.0, 22.0, 0.0)}  # Yogyakarta
    exif[0x8825] = gps
    return exif


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb_header(path: Path, side: int = 30000) -> Path:
    """A valid PNG signature and IHDR claiming side x side pixels, a few bytes of data: the
    cheapest decompression bomb (a decoder that trusts the header allocates 2.7 GB)."""
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (1 + side * 3) * 4, 9)  # the first rows; the rest "missing"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat)
                     + _chunk(b"IEND", b""))
    return path


def png_bomb_real(path: Path, width: int = 12000, height: int = 10000) -> Path:
    """A REAL highly compressible PNG: 120 MP of black in ~120 kB."""
    row = b"\x00" + b"\x00" * width
    comp = zlib.compressobj(9)
    data = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", data)
                     + _chunk(b"IEND", b""))
    return path


def build(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    good = photo(folder / "good.jpg", (800, 600))
    files["truncated.jpg"] = folder / "truncated.jpg"
    files["truncated.jpg"].write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    files["empty.jpg"] = folder / "empty.jpg"
    files["empty.jpg"].write_bytes(b"")
    files["text.jpg"] = folder / "text.jpg"
    files["text.jpg"].write_text("Ini bukan gambar, hanya teks.\n", encoding="utf-8")
    files["bomb.png"] = png_bomb_header(folder / "bomb.png")
    files["bomb-real.png"] = png_bomb_real(folder / "bomb-real.png")
    files["many-scans.jpg"] = many_scans_jpeg(folder / "many-scans.jpg")
    # just under the limit: legal, must render without a memory blow-up
    files["huge-legal.png"] = png_bomb_real(folder / "huge-legal.png", 10000, 9500)

    cmyk = Image.new("CMYK", (300, 200), (0, 255, 255, 0))  # pure red in print colours
    cmyk.save(folder / "cmyk.jpg", "JPEG", quality=95)
    files["cmyk.jpg"] = folder / "cmyk.jpg"

    grey16 = Image.new("I;16", (256, 64))
    grey16.frombytes(b"".join(struct.pack("<H", x * 257) for _ in range(64) for x in range(256)), "raw", "I;16")
    grey16.save(folder / "grey16.png")
    files["grey16.png"] = folder / "grey16.png"

    pal = Image.new("P", (200, 100), 0)
    pal.putpalette([0, 0, 0, 20, 120, 200] + [0, 0, 0] * 254)
    ImageDraw.Draw(pal).rectangle((100, 0, 199, 99), fill=1)
    pal.info["transparency"] = 0  # the left half is transparent
    pal.save(folder / "palette-alpha.png", transparency=0)
    files["palette-alpha.png"] = folder / "palette-alpha.png"

    # EXIF orientation 6: stored landscape, shown portrait (rotate 90 clockwise to display)
    raw = Image.new("RGB", (400, 200), (240, 240, 240))
    ImageDraw.Draw(raw).rectangle((0, 0, 60, 60), fill=(255, 0, 0))  # stored top-left
    exif = Image.Exif()
    exif[0x0112] = 6
    raw.save(folder / "rotated.jpg", "JPEG", quality=95, exif=exif)
    files["rotated.jpg"] = folder / "rotated.jpg"

    frames = [Image.new("RGB", (120, 80), c) for c in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    frames[0].save(folder / "animated.gif", save_all=True, append_images=frames[1:], duration=200, loop=0)
    files["animated.gif"] = folder / "animated.gif"

    import pillow_heif

    heif = pillow_heif.from_pillow(Image.new("RGB", (256, 192), (30, 160, 90)))
    heif.save(folder / "photo.heic", quality=80)
    files["photo.heic"] = folder / "photo.heic"
    return files


def big_jpeg(path: Path) -> Path:
    """A real 50 MB JPEG: 12 MP of noise at quality 100, no chroma subsampling."""
    n = Image.effect_noise((4000, 3000), 128)
    im = Image.merge("RGB", (n, n.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                             n.transpose(Image.Transpose.FLIP_TOP_BOTTOM)))
    im.save(path, "JPEG", quality=100, subsampling=0)
    return path


def _s15(v: float) -> bytes:
    return struct.pack(">i", round(v * 65536))


def swapped_primaries_icc() -> bytes:
    """A tiny but real ICC v2 RGB profile whose red and green primaries are sRGB's green and red:
    a pixel (200, 0, 0) in it IS green. If the loader honours embedded profiles, it comes out
    green in sRGB; if it ignores them, red."""
    def xyz(x, y, z):
        return b"XYZ " + b"\0" * 4 + _s15(x) + _s15(y) + _s15(z)

    desc_text = b"swapped primaries\0"
    desc = (b"desc" + b"\0" * 4 + struct.pack(">I", len(desc_text)) + desc_text
            + b"\0" * 4 + b"\0" * 4 + b"\0" * 2 + b"\0" + b"\0" * 67)
    curve = b"curv" + b"\0" * 4 + struct.pack(">I", 1) + struct.pack(">H", 0x0233) + b"\0\0"
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.3851, 0.7169, 0.0971)),  # sRGB's green (D50)
        (b"gXYZ", xyz(0.4361, 0.2225, 0.0139)),  # sRGB's red
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve),
    ]
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    table, data = struct.pack(">I", len(tags)), b""
    for sig, body in tags:
        while (offset + len(data)) % 4:
            data += b"\0"
        table += sig + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = 128 + len(table) + len(data)
    header = (struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000) + b"mntr"
              + b"RGB " + b"XYZ " + b"\0" * 12 + b"acsp" + b"\0" * 4 + b"\0" * 4 + b"\0" * 8
              + b"\0" * 8 + b"\0" * 4 + _s15(0.9642) + _s15(1.0) + _s15(0.8249) + b"\0" * 4
              + b"\0" * 16 + b"\0" * 28)
    assert len(header) == 128
    return header + table + data


def many_scans_jpeg(path: Path, scans: int = 2000) -> Path:
    """A progressive JPEG padded with thousands of (empty) extra scans: the shape of a known
    decoder denial of service (each scan walks every block of the picture)."""
    import io

    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (10, 200, 30)).save(buf, "JPEG", progressive=True)
    data = buf.getvalue()
    first = data.index(b"\xff\xda")
    sos_len = struct.unpack(">H", data[first + 2:first + 4])[0]
    scan_header = data[first:first + 2 + sos_len]
    path.write_bytes(data[:-2] + (scan_header + b"\x00") * scans + data[-2:])
    return path
