"""Crops and output sizes: every shape of image lands inside every channel's limits."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import composer
from composer.core.media.crop import (
    aspect_presets,
    crop_box,
    crop_for_ratio,
    default_crop,
    effective_crop,
    output_size,
)
from composer.core.post import Crop
from composer.core.registry import default_registry

SPECS = [p.spec for p in default_registry().platforms.values() if p.spec.max_images > 0]
SPEC_BY_ID = {s.id: s for s in SPECS}


def within_limits(spec, w, h):
    ok = w >= 1 and h >= 1
    if spec.aspect_ratio_min:
        ok &= w / h >= spec.aspect_ratio_min
    if spec.aspect_ratio_max:
        ok &= w / h <= spec.aspect_ratio_max
    if spec.max_image_pixels:
        ok &= w * h <= spec.max_image_pixels
    if spec.max_width_plus_height:
        ok &= w + h <= spec.max_width_plus_height
    return ok


@settings(max_examples=300, deadline=None)
@given(width=st.integers(1, 30000), height=st.integers(1, 30000),
       fx=st.floats(0, 1), fy=st.floats(0, 1), spec=st.sampled_from(SPECS))
def test_any_image_gets_a_valid_crop_and_size_for_any_channel(width, height, fx, fy, spec):
    crop, _ = effective_crop(width, height, None, (fx, fy), spec)
    box = crop_box(crop, width, height)
    assert 0 <= box[0] < box[2] <= width and 0 <= box[1] < box[3] <= height
    w, h = output_size(box[2] - box[0], box[3] - box[1], spec)
    assert within_limits(spec, w, h), (width, height, crop, w, h)
    assert w <= max(1, round(box[2] - box[0])) + 1 and h <= max(1, round(box[3] - box[1])) + 1  # never upscaled


@settings(max_examples=200, deadline=None)
@given(x=st.floats(0, 0.9), y=st.floats(0, 0.9), w=st.floats(0.01, 1), h=st.floats(0.01, 1),
       spec=st.sampled_from(SPECS))
def test_any_manual_crop_is_kept_or_narrowed_into_the_limits(x, y, w, h, spec):
    manual = Crop(x, y, min(w, 1 - x), min(h, 1 - y))
    crop, narrowed = effective_crop(4000, 3000, manual, None, spec)
    # never grows beyond what the officer chose
    assert crop.x >= manual.x - 1e-9 and crop.y >= manual.y - 1e-9
    assert crop.x + crop.w <= manual.x + manual.w + 1e-9 and crop.y + crop.h <= manual.y + manual.h + 1e-9
    box = crop_box(crop, 4000, 3000)
    size = output_size(box[2] - box[0], box[3] - box[1], spec)
    assert within_limits(spec, *size)
    assert narrowed == (crop != manual)


def test_crop_for_ratio_is_the_largest_and_follows_the_focal_point():
    c = crop_for_ratio(3000, 2000, 1.0, (0.9, 0.5))
    assert (c.w, c.h) == pytest.approx((2 / 3, 1.0)) and c.x + c.w == pytest.approx(1.0)
    c = crop_for_ratio(3000, 2000, 1.0, (0.1, 0.5))
    assert c.x == 0
    c = crop_for_ratio(1000, 3000, 16 / 9, (0.5, 0.2))
    assert c.w == 1.0 and c.y + c.h / 2 == pytest.approx(0.2)  # centred on the focal point


def test_default_crop_rules():
    ig, x = SPEC_BY_ID["instagram"], SPEC_BY_ID["x"]
    assert default_crop(3000, 2000, None, ig) is None  # 3:2 is inside 4:5 .. 1.91:1
    tall = default_crop(1000, 3000, None, ig)  # 1:3 is not: the nearest limit, 4:5
    assert tall.w * 1000 / (tall.h * 3000) == pytest.approx(0.8)
    wide = default_crop(3000, 2000, None, x)  # no limits: the first recommended shape, 16:9
    assert wide.w * 3000 / (wide.h * 2000) == pytest.approx(16 / 9)
    assert default_crop(1600, 900, None, x) is None  # already 16:9


def test_every_channel_offers_its_recommended_shapes_first():
    for spec in SPECS:
        presets = aspect_presets(spec)
        assert presets, spec.id
        w, h = spec.recommended_sizes[0]
        assert presets[0].ratio == pytest.approx(w / h) and presets[0].size == (w, h)


def media_messages():
    root = Path(composer.__file__).parent
    files = list((root / "core" / "media").glob("*.py")) + [root / "core" / "templates.py",
                                                          root / "commands" / "render.py"]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                yield path.name, node.args[0].value


def test_every_media_message_has_an_indonesian_translation():
    root = Path(composer.__file__).parent / "resources" / "translations"
    catalog = {}
    for path in root.glob("*.id.json"):
        catalog.update(json.loads(path.read_text(encoding="utf-8")))
    messages = list(media_messages())
    assert len(messages) > 20
    missing = [(f, m) for f, m in messages if m not in catalog]
    assert not missing
    for _f, message in messages:  # the same placeholders on both sides
        assert {p.split("}")[0] for p in message.split("{")[1:]} == \
               {p.split("}")[0] for p in catalog[message].split("{")[1:]}
