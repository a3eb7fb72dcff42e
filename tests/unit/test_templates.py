"""Templates: one template adapts to every shape with its text inside the safe area (measured
on the rendered pixels), locked layers refuse edits, templates load and save."""

from __future__ import annotations

import json

import pytest
from PIL import Image, ImageChops

from composer.core.media.compose import compose
from composer.core.media.fonts import font_file, load_font
from composer.core.paths import app_paths
from composer.core.post import Post
from composer.core.templates import (
    LockedLayer,
    TemplateError,
    fill,
    from_dict,
    list_templates,
    load_template,
    save_template,
    template_fields,
)

SHAPES = {"1:1": (1080, 1080), "4:5": (1080, 1350), "1.91:1": (1200, 628),
          "16:9": (1200, 675), "9:16": (1080, 1920)}
LONG_VALUES = {
    "title": "Pemerintah Kabupaten membuka pendaftaran beasiswa pelajar berprestasi tahun anggaran "
             "2027 bagi seluruh warga yang memenuhi syarat, mulai hari ini sampai akhir bulan depan",
    "office": "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten",
    "handle": "@diskominfo_kabupaten_contoh_yang_sangat_panjang",
    "date": "28 November 2026",
    "label": "PENGUMUMAN",
    "quote": "Pelayanan publik yang baik dimulai dari mendengar warga, lalu bekerja dengan "
             "sungguh-sungguh, terbuka, dan tepat waktu untuk semua orang tanpa kecuali.",
}


def text_ink_box(template, size, layer_id):
    """Where a text layer's glyphs really landed: render only that layer on a blank canvas."""
    blank = compose(template, size, None, LONG_VALUES, only=["__nothing__"])
    drawn = compose(template, size, None, LONG_VALUES, only=[layer_id])
    return ImageChops.difference(drawn.convert("RGB"), blank.convert("RGB")).getbbox()


@pytest.mark.parametrize("name", ["news-card", "announcement", "quote"])
@pytest.mark.parametrize("shape", ["1:1", "4:5", "16:9", "9:16", "1.91:1"])
def test_text_stays_inside_the_safe_area_at_every_shape(name, shape):
    template = load_template(name)
    width, height = SHAPES[shape]
    safe = template.safe_rect(width, height)
    texts = [layer for layer in template.layers if layer.type == "text"]
    assert texts
    for layer in texts:
        ink = text_ink_box(template, (width, height), layer.id)
        assert ink is not None, f"{layer.id} drew nothing at {shape}"
        left, top, right, bottom = ink
        assert left >= safe.left - 0.5 and top >= safe.top - 0.5, (layer.id, ink, safe)
        assert right <= safe.right + 0.5 and bottom <= safe.bottom + 0.5, (layer.id, ink, safe)


def test_tall_shapes_keep_text_off_the_story_overlays():
    template = load_template("news-card")
    safe = template.safe_rect(1080, 1920)
    assert safe.top >= 0.12 * 1920 and safe.bottom <= 1920 * (1 - 0.16)
    ink = text_ink_box(template, (1080, 1920), "title")
    assert ink[3] <= 1920 * (1 - 0.16)


def test_layers_adapt_to_the_shape_without_hand_work():
    template = load_template("news-card")
    band = template.layer("band")
    square = template.layer_rect(band, 1080, 1080)
    story = template.layer_rect(band, 1080, 1920)
    assert square.bottom == 1080 and story.bottom == 1920  # anchored to the bottom edge
    assert story.height > square.height  # "46%" of the frame grows with a tall canvas
    logo_square = template.layer_rect(template.layer("logo"), 1080, 1080)
    logo_wide = template.layer_rect(template.layer("logo"), 1200, 675)
    assert logo_square.width == pytest.approx(0.14 * 1080) and logo_wide.width == pytest.approx(0.14 * 675)


def test_locked_layer_cannot_be_moved_resized_or_changed():
    template = load_template("news-card")
    assert template.layer("logo").locked
    before = template.layer_rect(template.layer("logo"), 1080, 1080)
    with pytest.raises(LockedLayer, match="locked"):
        template.move("logo", 0.1, 0.1)
    with pytest.raises(LockedLayer):
        template.resize("logo", width=0.3)
    with pytest.raises(LockedLayer):
        template.update("logo", src="other.png")
    assert template.layer_rect(template.layer("logo"), 1080, 1080) == before
    template.set_locked("logo", False)
    template.move("logo", 0.1, 0.0)
    assert template.layer_rect(template.layer("logo"), 1080, 1080).left == pytest.approx(before.left + 108)


def test_unlocked_layer_moves_and_resizes():
    template = load_template("news-card")
    r0 = template.layer_rect(template.layer("accent"), 1080, 1080)
    template.move("accent", 0.05, -0.02)
    template.resize("accent", width=0.3)
    r1 = template.layer_rect(template.layer("accent"), 1080, 1080)
    assert r1.left == pytest.approx(r0.left + 54) and r1.top == pytest.approx(r0.top - 21.6)
    assert r1.width == pytest.approx(0.3 * 1080)
    with pytest.raises(TemplateError):
        template.resize("accent", width="wide")
    with pytest.raises(TemplateError):
        template.move("no-such-layer", 0, 0)


def test_save_and_load_a_user_template_with_its_logo():
    template = load_template("news-card").copy("kantor-kami")
    template.set_locked("accent", True)
    path = save_template(template)
    assert path == app_paths().data / "templates" / "kantor-kami.json"
    assert (path.parent / "logo.png").is_file()  # the logo travels with the template
    again = load_template("kantor-kami")
    assert again.layer("accent").locked and not again.builtin
    assert again.to_dict() == template.to_dict()
    assert "kantor-kami" in list_templates() and "news-card" in list_templates()
    image = compose(again, (1080, 1080), None, LONG_VALUES, only=["logo"])
    assert image.getchannel("A").getextrema()[1] == 255  # the logo was found and drawn


def test_bad_template_files_give_one_clear_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(TemplateError, match="cannot be read"):
        load_template(str(bad))
    with pytest.raises(TemplateError, match="Unknown layer type"):
        from_dict({"name": "x", "layers": [{"id": "a", "type": "video"}]})
    with pytest.raises(TemplateError, match="Two layers"):
        from_dict({"name": "x", "layers": [{"id": "a", "type": "rect"}, {"id": "a", "type": "rect"}]})
    with pytest.raises(TemplateError, match="No template called"):
        load_template("tidak-ada")
    with pytest.raises(TemplateError, match="cannot be a template name"):
        save_template(from_dict({"name": "../evil"}))


def test_placeholders_fill_and_never_crash():
    assert fill("{title} — {office}", {"title": "A", "office": "B"}) == "A — B"
    assert fill("{missing}!", {}) == "!"
    assert fill("kurung {kurawal", {}) == "kurung {kurawal"
    post = Post(text="Baris pertama\nBaris kedua", fields={"office": "Diskominfo"})
    values = template_fields(post)
    assert values["title"] == "Baris pertama" and values["office"] == "Diskominfo"
    assert values["date"] == ""  # no schedule, no event date: no invented date


def test_any_installed_font_by_family_or_file_with_a_builtin_fallback(tmp_path):
    path = font_file("DejaVu Sans", bold=True)
    if path is None:
        pytest.skip("no fontconfig fonts on this machine; the fallback is tested below")
    assert "Bold" in path
    assert load_font(path, 40).size == 40  # by file
    fallback = load_font(str(tmp_path / "missing.ttf"), 40)
    assert fallback.getbbox("Halo")[2] > 0  # Pillow's built-in scalable font still draws


def test_template_json_round_trip_keeps_only_what_differs_from_defaults():
    data = json.loads((load_template("quote").folder / "quote.json").read_text(encoding="utf-8"))
    template = from_dict(data)
    assert from_dict(template.to_dict()).to_dict() == template.to_dict()
    assert all(set(layer) >= {"id", "type"} for layer in template.to_dict()["layers"])


def test_rendered_preview_and_upload_use_the_same_renderer():
    template = load_template("announcement")
    photo = Image.new("RGB", (800, 600), (10, 120, 60))

    def source(size):
        return photo.resize(size)

    a = compose(template, (1080, 1350), source, LONG_VALUES)
    b = compose(template, (1080, 1350), source, LONG_VALUES)
    assert ImageChops.difference(a, b).getbbox() is None


def test_text_dragged_past_the_edge_is_still_kept_inside_the_safe_area():
    template = load_template("news-card")
    template.move("title", -0.3, 0.4)  # the officer dragged it off the bottom-left corner
    for shape in ("1:1", "9:16"):
        width, height = SHAPES[shape]
        safe = template.safe_rect(width, height)
        ink = text_ink_box(template, (width, height), "title")
        assert ink is not None
        assert ink[0] >= safe.left - 0.5 and ink[3] <= safe.bottom + 0.5


def test_fonts_are_found_in_font_folders_without_fontconfig(monkeypatch):
    import composer.core.media.fonts as fonts

    if font_file("DejaVu Sans") is None:
        pytest.skip("no DejaVu fonts installed here")
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    fonts.font_file.cache_clear()
    try:
        regular = fonts.font_file("DejaVu Sans")
        bold = fonts.font_file("DejaVu Sans", bold=True)
        assert regular.endswith("DejaVuSans.ttf") and bold.endswith("DejaVuSans-Bold.ttf")
        assert fonts.font_file("No Such Family 123") is None
    finally:
        fonts.font_file.cache_clear()
