"""Rendering: decode once, crops follow the focal point, manual crops survive, outputs are bare
(no EXIF, no GPS), parallel output equals serial output."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

import composer.core.media.render as render_module
from composer.core.media import default_crop, estimate_focal, render_variant, render_variants
from composer.core.media.load import decode
from composer.core.media.pyramid import Pyramid
from composer.core.post import Crop, MediaRef, Post
from composer.core.registry import default_registry

sys.path.insert(0, str(Path(__file__).parent))
import media_corpus  # noqa: E402

SPECS = {p.id: p.spec for p in default_registry().platforms.values()}


def test_output_carries_no_exif_and_no_gps(tmp_path):
    src = media_corpus.photo(tmp_path / "gps.jpg", (1600, 1200), exif=media_corpus.gps_exif())
    with Image.open(src) as im:
        assert im.getexif().get_ifd(0x8825)  # the input really is GPS-tagged
    post = Post(media=[MediaRef(str(src))])
    results = render_variants(post, SPECS.values(), tmp_path / "out")
    files = [Path(m.path) for v in results.values() for m in v]
    assert len(files) >= 10
    for path in files:
        data = path.read_bytes()
        assert b"Exif" not in data and b"GPS" not in data and b"PhoneMaker" not in data
        with Image.open(path) as im:
            assert not im.getexif() and "exif" not in im.info and "icc_profile" not in im.info


def test_each_source_is_decoded_once_for_all_channels(tmp_path, monkeypatch):
    src = media_corpus.photo(tmp_path / "p.jpg", (4000, 3000))
    calls = []

    def counting_decode(path, scale=1.0):
        decoded = decode(path, scale)
        calls.append(decoded.image.size)
        return decoded

    monkeypatch.setattr(render_module, "decode", counting_decode)
    post = Post(media=[MediaRef(str(src))])
    results = render_variants(post, SPECS.values(), tmp_path / "out")
    assert sum(len(v) for v in results.values()) >= 10
    assert len(calls) == 1
    # at half size (JPEG draft): the largest need, WhatsApp's 1080 px square, has 1500 rows there
    assert calls[0] == (2000, 1500)


def test_parallel_and_serial_renders_are_identical(tmp_path):
    src = media_corpus.photo(tmp_path / "p.jpg", (2400, 1600))
    post = Post(media=[MediaRef(str(src))], template="news-card", title="Judul")
    one = render_variants(post, SPECS.values(), tmp_path / "serial", workers=1)
    two = render_variants(post, SPECS.values(), tmp_path / "parallel", workers=2)
    for channel in one:
        assert [Path(m.path).read_bytes() for m in one[channel]] == \
               [Path(m.path).read_bytes() for m in two[channel]]


def test_halves_resized_on_two_threads_join_without_a_seam():
    im = Image.effect_noise((1500, 1000), 50).convert("RGB")
    pyramid = Pyramid(im, type("Info", (), {"width": 3000, "height": 2000})())
    box, size = (100.0, 50.0, 2900.0, 1625.0), (1200, 675)
    whole = pyramid.resize(box, size)
    joined = Image.new("RGB", size)
    joined.paste(pyramid.resize_rows(box, size, (0, 337)), (0, 0))
    joined.paste(pyramid.resize_rows(box, size, (337, 675)), (0, 337))
    diff = ImageChops.difference(whole, joined).convert("L")
    assert ImageStat.Stat(diff).mean[0] < 1.0  # rounding, not a different picture
    seam = ImageStat.Stat(diff.crop((0, 333, 1200, 341))).mean[0]
    assert seam < 1.0  # no line where the halves meet


def subject_photo(path: Path) -> Path:
    """A flat background with one bright, detailed subject far to the right."""
    im = Image.new("RGB", (3000, 1000), (90, 100, 110))
    d = ImageDraw.Draw(im)
    d.ellipse((2450, 300, 2850, 700), fill=(230, 40, 40))
    d.rectangle((2550, 400, 2750, 600), fill=(250, 230, 60))
    im.save(path, quality=92)
    return path


def test_saliency_finds_the_subject_and_the_square_crop_keeps_it(tmp_path):
    src = subject_photo(tmp_path / "subject.jpg")
    with Image.open(src) as im:
        fx, fy = estimate_focal(im)
    assert fx > 0.75 and 0.35 < fy < 0.65
    crop = default_crop(3000, 1000, (fx, fy), SPECS["whatsapp"])  # 16:9 (the nearest) from 3:1
    assert crop.x + crop.w > 0.95  # not the centre: the subject is inside
    out = render_variant(Post(media=[MediaRef(str(src))]), SPECS["whatsapp"], tmp_path / "out")
    with Image.open(out[0].path) as im:
        assert abs(im.width / im.height - 16 / 9) < 0.01
        r, g, _b = im.convert("RGB").split()
        red = ImageChops.subtract(r, g).point(lambda v: 255 if v > 100 else 0)
        share = ImageStat.Stat(red).mean[0] / 255
    assert share > 0.03  # the red subject is in the picture (a centre crop has none of it)


def test_manual_crop_is_used_and_left_untouched_across_renders(tmp_path):
    src = media_corpus.photo(tmp_path / "p.jpg", (2000, 2000))
    post = Post(media=[MediaRef(str(src))])
    crop = Crop(0.1, 0.2, 0.5, 0.4)  # 5:4 area
    post.variant("x").crops[post.media[0].id] = crop
    first = render_variant(post, SPECS["x"], tmp_path / "a")
    second = render_variant(post, SPECS["x"], tmp_path / "b")
    assert post.variants["x"].crops[post.media[0].id] == crop
    assert abs(first[0].width / first[0].height - 1.25) < 0.01
    assert Path(first[0].path).read_bytes() == Path(second[0].path).read_bytes()


def test_focal_point_on_the_media_ref_moves_the_default_crop(tmp_path):
    src = media_corpus.photo(tmp_path / "p.jpg", (3000, 1000))
    left = Post(media=[MediaRef(str(src), focal=(0.0, 0.5))])
    right = Post(media=[MediaRef(str(src), focal=(1.0, 0.5))])
    a = render_variant(left, SPECS["whatsapp"], tmp_path / "l")[0]
    b = render_variant(right, SPECS["whatsapp"], tmp_path / "r")[0]
    with Image.open(a.path) as ia, Image.open(b.path) as ib:
        assert ImageChops.difference(ia.convert("RGB"), ib.convert("RGB")).getbbox() is not None


def test_template_brands_the_output(tmp_path):
    src = media_corpus.photo(tmp_path / "p.jpg", (2000, 1500))
    post = Post(title="Pengumuman penting", media=[MediaRef(str(src))],
                fields={"office": "Diskominfo", "handle": "@kominfo"})
    plain = render_variant(post, SPECS["instagram"], tmp_path / "plain")[0]
    post.template = "announcement"
    branded = render_variant(post, SPECS["instagram"], tmp_path / "branded")[0]
    assert (plain.width, plain.height) == (branded.width, branded.height)
    with Image.open(branded.path) as im:
        r, g, b = im.getpixel((im.width // 2, 2))  # the announcement's red header band
    assert r > 150 and g < 80 and b < 80


def test_too_many_images_are_refused_one_by_one_with_the_limit(tmp_path):
    src = media_corpus.photo(tmp_path / "p.jpg", (600, 400))
    post = Post(media=[MediaRef(str(src)) for _ in range(5)])
    result = render_variant(post, SPECS["x"], tmp_path / "out")
    assert len(result) == 4 and [r.index for r in result.refused] == [5]
    assert "at most 4" in result.refused[0].reason


def test_switched_off_channel_renders_nothing(tmp_path):
    src = media_corpus.photo(tmp_path / "p.jpg", (600, 400))
    post = Post(media=[MediaRef(str(src))])
    post.variant("x").enabled = False
    assert list(render_variant(post, SPECS["x"], tmp_path / "out")) == []


@pytest.mark.parametrize("channel", ["x", "instagram"])
def test_rendered_media_describes_the_file(tmp_path, channel):
    import hashlib

    src = media_corpus.photo(tmp_path / "p.jpg", (1200, 900))
    item = render_variant(Post(media=[MediaRef(str(src), alt="Bupati membuka acara")]),
                          SPECS[channel], tmp_path / "out")[0]
    data = Path(item.path).read_bytes()
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert item.alt == "Bupati membuka acara"


def test_pyramid_builds_deep_levels_on_demand():
    im = Image.effect_noise((1600, 1200), 50).convert("RGB")
    pyramid = Pyramid(im, type("Info", (), {"width": 1600, "height": 1200})())
    small = pyramid.resize((0.0, 0.0, 1600.0, 1200.0), (100, 75))  # level 16, via 8, 4, 2
    assert small.size == (100, 75) and sorted(pyramid.levels) == [1, 2, 4, 8, 16]


def test_variant_kept_under_an_account_name_supplies_the_crop(tmp_path):
    src = media_corpus.photo(tmp_path / "p.jpg", (2000, 2000))
    post = Post(media=[MediaRef(str(src))])
    post.variant("akun-x-kantor").crops[post.media[0].id] = Crop(0.0, 0.0, 1.0, 0.5)  # 2:1
    by_channel = render_variant(post, SPECS["x"], tmp_path / "a")[0]
    by_account = render_variant(post, SPECS["x"], tmp_path / "b", variant_key="akun-x-kantor")[0]
    assert (by_channel.width, by_channel.height) == (1080, 1080)  # X's shape nearest a square
    assert abs(by_account.width / by_account.height - 2.0) < 0.01


def test_focal_of_a_file_matches_on_the_proxy_and_the_original(tmp_path):
    from composer.core.media import focal_of, preview_proxy

    src = subject_photo(tmp_path / "subject.jpg")
    proxy = preview_proxy(src, tmp_path / "cache")
    a, b = focal_of(src), focal_of(proxy)
    assert a[0] > 0.75 and abs(a[0] - b[0]) < 0.02 and abs(a[1] - b[1]) < 0.02
