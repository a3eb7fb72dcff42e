"""Every channel's output meets its format, byte, pixel and aspect limits (a test per channel),
for an ordinary photo, a panorama, a tall screenshot, a manual crop and a branded template."""

from __future__ import annotations

import math
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from composer.core.media import render_variants
from composer.core.media.crop import aspect_presets
from composer.core.post import Crop, MediaRef, Post
from composer.core.registry import default_registry

sys.path.insert(0, str(Path(__file__).parent))
import media_corpus  # noqa: E402

SPECS = {p.id: p.spec for p in default_registry().platforms.values()}
IMAGE_CHANNELS = sorted(pid for pid, s in SPECS.items() if s.max_images > 0 and not s.video_only)
FORMAT_OF = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """One post with four different images, rendered for every channel at once."""
    folder = tmp_path_factory.mktemp("channels")
    photo = media_corpus.photo(folder / "photo.jpg", (3000, 2000))
    panorama = media_corpus.photo(folder / "panorama.jpg", (4000, 500))
    tall = folder / "tall.png"
    Image.new("RGB", (600, 2400), (200, 220, 240)).save(tall)
    square = media_corpus.photo(folder / "square.jpg", (1500, 1500))
    post = Post(text="Halo", title="Judul", fields={"office": "Diskominfo"}, media=[
        MediaRef(str(photo), alt="foto"), MediaRef(str(panorama), alt="panorama"),
        MediaRef(str(tall), alt="tangkapan layar"), MediaRef(str(square), alt="persegi"),
    ])
    # a manual crop on the square image, for every channel: a 2:1 strip
    for channel in SPECS:
        post.variant(channel).crops[post.media[3].id] = Crop(0.0, 0.25, 1.0, 0.5)
    plain = render_variants(post, SPECS.values(), folder / "plain")
    # the square image alone (so channels taking one image get it too), with its manual crop
    alone = Post(media=[post.media[3]], variants=post.variants)
    cropped = render_variants(alone, SPECS.values(), folder / "cropped")
    post.template = "news-card"
    branded = render_variants(post, SPECS.values(), folder / "branded")
    return post, plain, branded, cropped


def check_limits(spec, item):
    path = Path(item.path)
    data = path.read_bytes()
    with Image.open(path) as im:
        im.load()
        fmt, (w, h) = im.format, im.size
    assert FORMAT_OF[fmt] == item.mime and item.mime in spec.image_formats
    assert (w, h) == (item.width, item.height)
    if spec.max_image_bytes:
        assert len(data) <= spec.max_image_bytes
    if spec.max_image_pixels:
        assert w * h <= spec.max_image_pixels
    if spec.max_width_plus_height:
        assert w + h <= spec.max_width_plus_height
    if spec.max_image_dimensions:
        assert w <= spec.max_image_dimensions[0] and h <= spec.max_image_dimensions[1]
    if spec.aspect_ratio_min:
        assert w / h >= spec.aspect_ratio_min
    if spec.aspect_ratio_max:
        assert w / h <= spec.aspect_ratio_max
    assert b"Exif" not in data[:4096] and b"GPS" not in data


@pytest.mark.parametrize("channel", IMAGE_CHANNELS)
def test_channel_output_meets_its_limits(rendered, channel):
    post, plain, branded, _cropped = rendered
    spec = SPECS[channel]
    for result in (plain[channel], branded[channel]):
        expected = min(spec.max_images, len(post.media))
        assert len(result) == expected
        assert len(result.refused) == len(post.media) - expected
        for item in result:
            check_limits(spec, item)
        assert [m.alt for m in result] == [m.alt for m in post.media][:expected]


@pytest.mark.parametrize("channel", IMAGE_CHANNELS)
def test_default_shape_is_the_channels_nearest_preset_or_within_its_limits(rendered, channel):
    post, plain, _branded, _cropped = rendered
    spec = SPECS[channel]
    first = plain[channel][0]  # the 3:2 photo
    ratio = first.width / first.height
    if spec.aspect_ratio_min or spec.aspect_ratio_max:
        assert abs(ratio - 1.5) < 0.01  # fits the limits: kept whole
    else:  # the recommended shape nearest to 3:2 (a landscape stays a landscape)
        w, h = min(spec.recommended_sizes, key=lambda s: abs(math.log(s[0] / s[1] / 1.5)))
        assert (first.width, first.height) == (w, h)


@pytest.mark.parametrize("channel", IMAGE_CHANNELS)
def test_manual_crop_is_kept_or_narrowed_with_a_note(rendered, channel):
    _post, _plain, _branded, cropped = rendered
    spec = SPECS[channel]
    item = cropped[channel][0]
    ratio = item.width / item.height
    if spec.aspect_ratio_max is not None and spec.aspect_ratio_max < 2.0:
        assert abs(ratio - spec.aspect_ratio_max) < 0.01
        assert any("narrowed" in note for note in cropped[channel].notes)
    else:
        assert abs(ratio - 2.0) < 0.01 and not cropped[channel].notes


def test_video_only_channel_refuses_images_with_a_reason(rendered):
    post, plain, _branded, _cropped = rendered
    result = plain["youtube"]
    assert list(result) == [] and len(result.refused) == len(post.media)
    assert "only video" in result.refused[0].reason


def test_instagram_presets_follow_its_aspect_limits():
    labels = [p.label for p in aspect_presets(SPECS["instagram"])]
    assert labels[:3] == ["4:5", "1:1", "1.91:1"] and "9:16" not in labels
    assert "9:16" in [p.label for p in aspect_presets(SPECS["telegram"])]
    for spec in SPECS.values():
        for preset in aspect_presets(spec):
            lo, hi = spec.aspect_ratio_min or 0, spec.aspect_ratio_max or 99
            assert lo <= preset.ratio <= hi


def test_byte_budget_lowers_quality_first_and_shrinks_only_as_a_last_resort(tmp_path):
    photo = media_corpus.photo(tmp_path / "noisy.jpg", (2400, 1600), quality=98)
    post = Post(media=[MediaRef(str(photo))])
    base = SPECS["telegram"]
    roomy = render_variants(post, [base], tmp_path / "a")["telegram"][0]
    tight_spec = replace(base, max_image_bytes=Path(roomy.path).stat().st_size // 2)
    tight = render_variants(post, [tight_spec], tmp_path / "b")["telegram"]
    assert Path(tight[0].path).stat().st_size <= tight_spec.max_image_bytes
    assert (tight[0].width, tight[0].height) == (roomy.width, roomy.height)  # same size, lower quality
    assert not tight.notes
    tiny_spec = replace(base, max_image_bytes=15_000)
    tiny = render_variants(post, [tiny_spec], tmp_path / "c")["telegram"]
    assert Path(tiny[0].path).stat().st_size <= 15_000
    assert tiny[0].width < roomy.width
    assert any("smaller" in note for note in tiny.notes)
