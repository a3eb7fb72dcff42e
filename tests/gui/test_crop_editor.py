"""The crop editor keeps each channel's shape, stays inside the photo, and follows the focal point."""

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from composer.core.media import default_crop
from composer.core.post import Crop, MediaRef, Post
from composer.core.registry import default_registry
from composer.gui.crop import CropEditor, geometry
from composer.gui.crop.geometry import Box


def specs(*ids):
    reg = default_registry()
    return {i: reg.get(i).spec for i in ids}


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "photo.jpg"
    Image.new("RGB", (1600, 800), (30, 120, 200)).save(path)  # 2:1, wider than Instagram allows
    return path


@pytest.fixture
def editor(qtbot, photo):
    ed = CropEditor()
    qtbot.addWidget(ed)
    ed.resize(1100, 700)
    ed.show()
    qtbot.waitExposed(ed)
    post = Post(text="Foto", media=[MediaRef(path=str(photo))], channels=["instagram", "x", "bluesky"])
    channels = specs("instagram", "x", "bluesky")
    assert ed.edit(post, "instagram", channels["instagram"], post.media[0], photo, channels=channels)
    return ed


def ratio(crop: Crop, w=1600, h=800) -> float:
    return crop.w * w / (crop.h * h)


def inside(crop: Crop) -> bool:
    return crop.x >= 0 and crop.y >= 0 and crop.x + crop.w <= 1.000001 and crop.y + crop.h <= 1.000001


def screen(ed, x, y) -> QPoint:
    """Image pixel → widget position."""
    r = ed.canvas.image_rect()
    s = ed.canvas._scale()
    return QPoint(round(r.x() + x * s), round(r.y() + y * s))


def drag(qtbot, widget, start: QPoint, end: QPoint, steps=6):
    qtbot.mousePress(widget, Qt.LeftButton, pos=start)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        qtbot.mouseMove(widget, QPoint(round(p.x()), round(p.y())))
    qtbot.mouseRelease(widget, Qt.LeftButton, pos=end)


def test_opens_with_the_channels_automatic_crop(editor):
    crop = editor.current_crop()
    assert ratio(crop) == pytest.approx(1.91, abs=0.01)  # Instagram's widest shape
    assert editor.status.text().startswith("Automatic")
    assert [editor.shape.itemText(i) for i in range(editor.shape.count())][0] == "4:5"


def test_dragging_moves_inside_the_photo_and_keeps_the_shape(editor, qtbot):
    crop = editor.current_crop()
    with qtbot.waitSignal(editor.crop_changed) as sig:
        centre = screen(editor, (crop.x + crop.w / 2) * 1600, 400)
        drag(qtbot, editor.canvas, centre, centre + QPoint(-900, 300))  # far beyond the edge
    key, media_id, stored = sig.args
    assert key == "instagram" and media_id == editor.media.id
    moved = editor.current_crop()
    assert inside(moved) and moved.x == pytest.approx(0, abs=1e-6)
    assert ratio(moved) == pytest.approx(1.91, abs=0.01)
    assert editor.post.variants["instagram"].crops[media_id] == moved
    assert editor.status.text().startswith("Manual")


def test_resizing_from_a_corner_keeps_the_ratio_and_stays_inside(editor, qtbot):
    editor.set_preset(0)  # 4:5
    before = editor.current_crop()
    assert ratio(before) == pytest.approx(0.8, abs=0.01)
    b = editor.canvas.box
    corner = screen(editor, b.x + b.w, b.y + b.h)
    drag(qtbot, editor.canvas, corner, corner - QPoint(120, 20))
    smaller = editor.current_crop()
    assert smaller.w < before.w and ratio(smaller) == pytest.approx(0.8, abs=0.01) and inside(smaller)
    b = editor.canvas.box
    drag(qtbot, editor.canvas, screen(editor, b.x, b.y), screen(editor, -500, -500))  # past the corner
    grown = editor.current_crop()
    assert inside(grown) and ratio(grown) == pytest.approx(0.8, abs=0.01)


def test_arrow_keys_nudge_the_box(editor, qtbot):
    editor.set_preset(1)  # 1:1
    x0 = editor.current_crop().x
    editor.canvas.setFocus()
    qtbot.keyClick(editor.canvas, Qt.Key_Right)
    assert editor.current_crop().x == pytest.approx(x0 + 0.01, abs=1e-3)
    qtbot.keyClick(editor.canvas, Qt.Key_Right, Qt.ShiftModifier)
    assert editor.current_crop().x == pytest.approx(x0 + 0.11, abs=1e-3)
    for _ in range(30):
        qtbot.keyClick(editor.canvas, Qt.Key_Right, Qt.ShiftModifier)
    assert inside(editor.current_crop())


def test_setting_the_focal_point_rederives_every_automatic_crop(editor, qtbot):
    # Bluesky gets a manual crop first: it must not follow the focal point.
    manual = Crop(0.0, 0.0, 0.5, 1.0)
    editor.post.variant("bluesky").crops[editor.media.id] = manual
    before = editor.default_crops()
    assert "bluesky" not in before and set(before) == {"instagram", "x"}
    with qtbot.waitSignal(editor.focal_changed) as sig:
        qtbot.mouseDClick(editor.canvas, Qt.LeftButton, pos=screen(editor, 1500, 400))
    media_id, focal = sig.args
    assert focal[0] == pytest.approx(1500 / 1600, abs=0.01)
    assert editor.media.focal == focal
    after = editor.default_crops()
    for key, spec in specs("instagram", "x").items():
        assert after[key] == default_crop(1600, 800, focal, spec)
        assert after[key].x > before[key].x  # moved towards the right edge
    assert editor.current_crop().x == pytest.approx(after["instagram"].x, abs=1e-3)  # box follows
    assert editor.post.variants["bluesky"].crops[editor.media.id] == manual


def test_focal_mode_button_then_click(editor, qtbot):
    editor.focal_button.click()
    qtbot.mouseClick(editor.canvas, Qt.LeftButton, pos=screen(editor, 100, 100))
    assert editor.media.focal == pytest.approx((100 / 1600, 100 / 800), abs=0.01)
    assert not editor.focal_button.isChecked()


def test_reset_to_automatic(editor, qtbot):
    editor.set_preset(1)
    assert editor.media.id in editor.post.variants["instagram"].crops
    with qtbot.waitSignal(editor.crop_changed) as sig:
        editor.reset_button.click()
    assert sig.args[2] is None
    assert editor.media.id not in editor.post.variants["instagram"].crops
    assert ratio(editor.current_crop()) == pytest.approx(1.91, abs=0.01)


def test_an_unreadable_image_gives_a_plain_message(qtbot, tmp_path):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not an image")
    ed = CropEditor()
    qtbot.addWidget(ed)
    post = Post(media=[MediaRef(path=str(bad))])
    spec = specs("x")["x"]
    assert not ed.edit(post, "x", spec, post.media[0], bad)
    assert ed.error.text().startswith("Cannot open this image")


def test_geometry_never_leaves_the_image():
    box = Box(100, 100, 400, 300)
    for corner in ("tl", "tr", "bl", "br"):
        for px, py in ((-1e4, -1e4), (1e4, 1e4), (250, 250), (1e4, -1e4)):
            b = geometry.resized(box, corner, px, py, 4 / 3, 1600, 800)
            assert b.x >= -1e-9 and b.y >= -1e-9 and b.x + b.w <= 1600 + 1e-6 and b.y + b.h <= 800 + 1e-6
            assert b.w / b.h == pytest.approx(4 / 3)
    assert geometry.moved(box, 5000, 5000, 1600, 800) == Box(1200, 500, 400, 300)
    assert geometry.reshaped(Box(0, 0, 1600, 800), 0.8, 1600, 800).h <= 800


def test_one_announcement_per_gesture_and_keyboard_resize(editor, qtbot):
    seen = []
    editor.crop_changed.connect(lambda *args: seen.append(args))
    crop = editor.current_crop()
    centre = screen(editor, (crop.x + crop.w / 2) * 1600, 400)
    drag(qtbot, editor.canvas, centre, centre + QPoint(-60, 0), steps=8)
    assert len(seen) == 1  # not one per mouse move: each one re-renders the channel's image
    editor.set_preset(1)  # 1:1
    before = editor.current_crop()
    editor.canvas.setFocus()
    qtbot.keyClick(editor.canvas, Qt.Key_Minus)
    smaller = editor.current_crop()
    assert smaller.w == pytest.approx(before.w / 1.05, rel=1e-3) and ratio(smaller) == pytest.approx(1.0, abs=0.01)
    for _ in range(40):
        qtbot.keyClick(editor.canvas, Qt.Key_Plus)
    grown = editor.current_crop()
    assert inside(grown) and grown.h == pytest.approx(1.0) and ratio(grown) == pytest.approx(1.0, abs=0.01)


def test_a_branded_image_in_a_feed_grid_opens_with_the_cells_shape(qtbot, photo):
    """Bluesky shows two images as two squares: the crop the render makes for a branded image
    there is square, and the editor shows that crop, not the single-image 16:9."""
    ed = CropEditor()
    qtbot.addWidget(ed)
    post = Post(text="Foto", media=[MediaRef(path=str(photo)), MediaRef(path=str(photo))],
                channels=["bluesky"], template="announcement")
    channels = specs("bluesky")
    assert ed.edit(post, "bluesky", channels["bluesky"], post.media[0], photo, channels=channels)
    assert ratio(ed.default_crops()["bluesky"]) == pytest.approx(1.0, rel=0.01)
    post.template = None  # a plain photo keeps the channel's usual shape
    assert ratio(ed.default_crops()["bluesky"]) == pytest.approx(16 / 9, rel=0.01)
