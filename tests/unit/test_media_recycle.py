"""Renders reuse the previous decode's memory (composer/core/media/load.py): a photo rendered
into a recycled buffer must come out exactly as from a fresh one, and a damaged file must never
show the pixels of the photo decoded before it."""

from pathlib import Path

import media_corpus
import pytest
from PIL import Image, ImageOps

from composer.core.media import MediaError, load, render_variants
from composer.core.post import MediaRef, Post
from platforms import instagram, telegram, x

SPECS = [x.SPEC, instagram.SPEC, telegram.SPEC]


def render(photo, out):
    result = render_variants(Post(media=[MediaRef(str(photo))]), SPECS, out)
    return {cid: Path(v[0].path).read_bytes() for cid, v in result.items()}


@pytest.fixture
def photos(tmp_path):
    first = media_corpus.photo(tmp_path / "a.jpg", (2400, 1600))
    with Image.open(first) as im:  # same size, different pixels
        ImageOps.mirror(ImageOps.invert(im)).save(tmp_path / "b.jpg", quality=90)
    return first, tmp_path / "b.jpg"


def test_a_recycled_buffer_gives_byte_identical_output(photos, tmp_path):
    a, b = photos
    load._buffers._kept = None
    fresh_b = render(b, tmp_path / "fresh")
    render(a, tmp_path / "a")  # leaves its buffer for the next decode of this size
    assert load._buffers._kept is not None
    assert render(b, tmp_path / "reused") == fresh_b


def test_a_truncated_photo_never_shows_the_previous_one(photos, tmp_path):
    a, b = photos
    data = b.read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(data[: len(data) // 2])
    render(a, tmp_path / "a")
    with pytest.raises(MediaError):
        render(cut, tmp_path / "cut")
