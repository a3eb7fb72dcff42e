"""Templates tell the truth: the post's own date in the office's language, a shape each channel
shows whole, text that shrinks instead of being cut, colour emoji, per-image titles, "fit"."""

from __future__ import annotations

from datetime import datetime

import pytest
from PIL import Image

from composer.core import i18n
from composer.core.media import render_variants
from composer.core.media.compose import compose
from composer.core.media.crop import accepts
from composer.core.media.render import planned_sizes
from composer.core.office import ZONES, OfficeProfile
from composer.core.post import MediaRef, Post
from composer.core.registry import default_registry
from composer.core.templates import load_template, template_fields

OFFICE = OfficeProfile(name="Diskominfo Kabupaten Sleman", handle="@kominfosleman", zone="WIB",
                       language="id")
AUG17 = datetime(2026, 8, 17, 9, 0, tzinfo=ZONES["WIB"])


def _photo(path, size, rgb):
    Image.new("RGB", size, rgb).save(path, quality=90)
    return str(path)


@pytest.fixture
def two_shapes(tmp_path, siaran_home):
    landscape = _photo(tmp_path / "hall.jpg", (4000, 3000), (40, 110, 160))
    poster = _photo(tmp_path / "poster.jpg", (1080, 1920), (200, 60, 40))
    return Post(text="Upacara Hari Kemerdekaan di alun-alun", title="Upacara 17 Agustus",
                media=[MediaRef(landscape), MediaRef(poster)], schedule=AUG17,
                template="announcement")


def test_every_channel_shows_the_scheduled_date_in_indonesian_never_a_strip_never_clipped(
        two_shapes, tmp_path):
    i18n.set_language("en")  # the office's language decides, not the window's
    specs = [p.spec for p in default_registry().platforms.values()]
    results = render_variants(two_shapes, specs, tmp_path / "out", office=OFFICE)
    seen = 0
    for spec in specs:
        variant = results[spec.id]
        for index, rendered in enumerate(variant):
            seen += 1
            with Image.open(rendered.path) as im:
                width, height = im.size
            ratio = width / height
            assert spec.aspect_ratio_min is None or ratio >= spec.aspect_ratio_min * 0.99, spec.id
            assert accepts(spec, ratio) or spec.aspect_ratio_min is None, spec.id
            cell = spec.grid_cell(len(variant), index)
            if cell is not None:  # a feed grid crops to its cells: the image takes the cell's shape
                assert ratio == pytest.approx(cell, rel=0.01), f"{spec.id}: {width}x{height}"
            elif rendered.path.endswith(two_shapes.media[1].id + "." + rendered.path.rsplit(".", 1)[1]):
                assert ratio <= 0.81, f"{spec.id}: the portrait poster became {width}x{height}"
            else:
                assert ratio >= 1.0, f"{spec.id}: the landscape photo became {width}x{height}"
            layouts = {t.layer: t for t in variant.layouts[rendered.path]}
            assert layouts["date"].shown == "17 Agustus 2026", spec.id
            assert layouts["office"].shown == OFFICE.name
            assert not any(t.clipped for t in layouts.values()), (spec.id, layouts)
            for t in layouts.values():  # every line really fits its box at the size drawn
                assert t.box[2] - t.box[0] > 0 and t.size > 0
    assert seen >= 20  # every channel that takes images rendered both (or its maximum)


def test_no_date_layer_without_a_date_and_the_typed_or_event_date_wins(siaran_home):
    post = Post(text="Tanpa tanggal")
    assert template_fields(post, office=OFFICE)["date"] == ""
    template = load_template("announcement")
    record: list = []
    compose(template, (1080, 1350), None, template_fields(post, office=OFFICE), record=record)
    assert "date" not in {t.layer for t in record}
    post.fields["event_date"] = "2026-08-17"
    assert template_fields(post, office=OFFICE)["date"] == "17 Agustus 2026"
    assert template_fields(post, office=OfficeProfile(language="en"))["date"] == "17 August 2026"
    post.fields["date"] = "17-18 Agustus 2026"
    assert template_fields(post, office=OFFICE)["date"] == "17-18 Agustus 2026"


def test_a_late_evening_schedule_uses_the_office_zone_for_its_date(siaran_home):
    late = datetime(2026, 8, 16, 23, 30, tzinfo=ZONES["WIB"])  # 17 August in Papua (WIT)
    post = Post(text="x", schedule=late)
    assert template_fields(post, office=OFFICE)["date"] == "16 Agustus 2026"
    papua = OfficeProfile(zone="WIT", language="id")
    assert template_fields(post, office=papua)["date"] == "17 Agustus 2026"


def test_one_title_for_all_images_or_one_per_image(two_shapes, tmp_path):
    two_shapes.fields = {"title": "Untuk semua", "title.2": "Khusus poster"}
    x = default_registry().get("x").spec
    variant = render_variants(two_shapes, [x], tmp_path / "out", office=OFFICE)["x"]
    titles = sorted({t.layer: t for t in variant.layouts[r.path]}["title"].shown for r in variant)
    assert titles == ["Khusus poster", "Untuk semua"]


def test_a_long_title_shrinks_rather_than_being_cut():
    template = load_template("announcement")
    title = "Pengumuman penerimaan calon aparatur sipil negara formasi tahun anggaran 2026 " * 2
    for size in ((1200, 675), (1080, 1080), (1080, 1920)):
        record: list = []
        compose(template, size, None, {"title": title.strip(), "date": "1 Mei 2026"}, record=record)
        laid = {t.layer: t for t in record}["title"]
        assert not laid.clipped and laid.shown == " ".join(title.split()), size


def test_colour_emoji_render_as_colour_not_boxes():
    template = load_template("announcement")
    record: list = []
    image = compose(template, (1080, 1080), None, {"title": "🎉🎉🎉"}, only=["title"], record=record)
    left, top, right, bottom = record[0].box
    pixels = image.crop((left, top, right, bottom)).convert("RGB").getcolors(1 << 20) or []
    colourful = [c for _n, c in pixels if max(c) - min(c) > 80]  # saturated: red, yellow, blue
    assert len(colourful) > 50  # a box or a black glyph has no colour at all


@pytest.mark.parametrize("fit", ["pad", "blur"])
def test_fit_keeps_the_whole_poster_on_a_padded_or_blurred_background(tmp_path, siaran_home, fit):
    poster = Image.new("RGB", (1080, 1920), (250, 200, 0))
    poster.paste((0, 0, 200), (0, 0, 1080, 120))  # a blue band at the very top ...
    poster.paste((0, 160, 0), (0, 1800, 1080, 1920))  # ... and a green one at the very bottom
    poster.save(tmp_path / "poster.png")
    post = Post(text="Poster", media=[MediaRef(str(tmp_path / "poster.png"), fit=fit)])
    instagram = default_registry().get("instagram").spec
    [out] = render_variants(post, [instagram], tmp_path / "out")["instagram"]
    with Image.open(out.path) as im:
        rgb = im.convert("RGB")
        assert abs(im.width / im.height - 0.8) < 0.01  # Instagram's tallest shape
        middle = im.width // 2
        top_band = next(y for y in range(im.height) if rgb.getpixel((middle, y))[2] > 150
                        and rgb.getpixel((middle, y))[0] < 60)
        bottom_band = max(y for y in range(im.height) if rgb.getpixel((middle, y))[1] > 120
                          and rgb.getpixel((middle, y))[0] < 60)
        assert top_band < im.height * 0.1 and bottom_band > im.height * 0.9  # nothing cut
        side = rgb.getpixel((5, im.height // 2))
        if fit == "pad":  # the sides are the plain background ...
            assert side == (255, 255, 255)
        else:  # ... or the poster's own colours, blurred
            assert side[0] > 180 and side[1] > 120 and side[2] < 90


def test_the_office_logo_replaces_the_templates_own(tmp_path, siaran_home):
    logo = tmp_path / "logo-kantor.png"
    Image.new("RGBA", (200, 200), (0, 200, 0, 255)).save(logo)
    office = OfficeProfile(name="Diskominfo", logo=str(logo))
    template = load_template("announcement")
    values = template_fields(Post(text="x"), office=office)
    assert values["logo"] == str(logo)
    canvas = compose(template, (1080, 1080), None, values, only=["logo"])
    box = template.layer_rect(template.layer("logo"), 1080, 1080).box()
    centre = canvas.getpixel(((box[0] + box[2]) // 2, (box[1] + box[3]) // 2))
    assert centre[:3] == (0, 200, 0)  # the office's green square, not the built-in star
    plain = compose(template, (1080, 1080), None, template_fields(Post(text="x"), office=OFFICE),
                    only=["logo"])
    assert plain.getpixel(((box[0] + box[2]) // 2, (box[1] + box[3]) // 2))[:3] != (0, 200, 0)


def test_the_words_on_an_image_follow_the_office_language_not_the_window():
    i18n.set_language("en")
    assert template_fields(Post(text="x"), office=OFFICE)["label"] == "PENGUMUMAN"
    i18n.set_language("id")
    english = OfficeProfile(language="en")
    assert template_fields(Post(text="x", schedule=AUG17), office=english)["label"] == "ANNOUNCEMENT"
    assert template_fields(Post(text="x", schedule=AUG17), office=english)["date"] == "17 August 2026"


def _feed_shows(size, cell):
    """The part of an image of ``size`` a feed cell of shape ``cell`` shows: the middle, cropped
    to cover the cell (as the feeds draw their grids)."""
    width, height = size
    if width / height > cell:
        shown = height * cell
        return (width - shown) / 2, 0.0, (width + shown) / 2, float(height)
    shown = width / cell
    return 0.0, (height - shown) / 2, float(width), (height + shown) / 2


def test_two_branded_images_keep_every_text_layer_inside_each_feeds_grid_cell(two_shapes, tmp_path):
    """Issue 14: Bluesky shows two images as two squares, so a 16:9 or 4:5 card lost its title
    at the edges. Every channel that lays out two images in fixed cells gets each branded image
    in its cell's shape, so all the text the template draws is what the feed shows."""
    specs = [p.spec for p in default_registry().platforms.values()]
    gridded = [s for s in specs if s.grid_cell(2, 0) is not None]
    assert {"x", "bluesky", "mastodon", "facebook", "linkedin"} <= {s.id for s in gridded}
    results = render_variants(two_shapes, gridded, tmp_path / "out", office=OFFICE)
    for spec in gridded:
        variant = results[spec.id]
        assert len(variant) == 2, (spec.id, variant.refused)
        for index, rendered in enumerate(variant):
            cell = spec.grid_cell(2, index)
            left, top, right, bottom = _feed_shows((rendered.width, rendered.height), cell)
            layouts = variant.layouts[rendered.path]
            assert {"title", "date", "office"} <= {t.layer for t in layouts}, spec.id
            for t in layouts:
                x0, y0, x1, y1 = t.box
                assert left - 1 <= x0 and x1 <= right + 1 and top - 1 <= y0 and y1 <= bottom + 1, \
                    f"{spec.id} image {index + 1}: {t.layer} {t.box} outside the shown {left, top, right, bottom}"
    bluesky = results["bluesky"]
    assert [(r.width == r.height) for r in bluesky] == [True, True]  # two squares, as the feed
    sizes = {two_shapes.media[0].id: (4000, 3000), two_shapes.media[1].id: (1080, 1920)}
    spec = next(s for s in gridded if s.id == "bluesky")  # the preview plans the same shapes
    assert planned_sizes(two_shapes, spec, sizes) == [(r.width, r.height) for r in bluesky]
    one = Post(text="Satu foto", title="Upacara", media=[two_shapes.media[0]], template="announcement")
    alone = render_variants(one, [p for p in gridded if p.id == "bluesky"], tmp_path / "one",
                            office=OFFICE)["bluesky"]
    assert alone[0].width > alone[0].height  # one image is shown whole: it keeps its landscape
