"""The template editor: placeholders, locked layers stay put, every shape rendered off the GUI
thread, save as a new template, choose one."""

import threading

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from composer.core.post import MediaRef, Post
from composer.core.templates import list_templates, load_template, user_dir
from composer.gui.templates import TemplateEditor, rendering
from composer.gui.templates.editor import THUMB_HEIGHT


@pytest.fixture
def editor(qtbot, tmp_path):
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (1600, 1000), (60, 120, 90)).save(photo)
    ed = TemplateEditor()
    qtbot.addWidget(ed)
    ed.resize(1400, 900)
    ed.show()
    qtbot.waitExposed(ed)
    post = Post(text="Vaksinasi gratis untuk warga", media=[MediaRef(path=str(photo))],
                fields={"office": "Dinas Kesehatan", "handle": "@dinkes"})
    ed.edit(post)
    ed.choose("news-card")
    settle(ed)
    yield ed
    ed.runner.wait(10_000)  # no render may outlive the editor that owns the runner


def settle(ed):
    ed.render_now()
    ed.runner.wait(10_000)


def centre_of(ed, layer_id) -> QPoint:
    return ed.canvas.layer_screen_rect(layer_id).center().toPoint()


def drag(qtbot, widget, start, delta, steps=5):
    qtbot.mousePress(widget, Qt.LeftButton, pos=start)
    for i in range(1, steps + 1):
        qtbot.mouseMove(widget, start + delta * (i / steps))
    qtbot.mouseRelease(widget, Qt.LeftButton, pos=start + delta)


def test_lists_templates_and_fills_placeholders_from_the_post(editor):
    names = [editor.picker.itemData(i) for i in range(editor.picker.count())]
    assert {"announcement", "news-card", "quote"} <= set(names)
    assert list(editor.fields) == ["title", "date", "handle", "office"]
    # the post's own title is shown, not copied: editing the post later still changes the card
    assert editor.fields["title"].text() == ""
    assert editor.fields["title"].placeholderText() == "Vaksinasi gratis untuk warga"
    assert editor.fields["office"].text() == "Dinas Kesehatan"  # typed before: kept


def test_every_shape_is_rendered_off_the_gui_thread(editor, monkeypatch):
    threads = []
    real = rendering.render

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(rendering, "render", spy)
    settle(editor)
    assert len(threads) == len(rendering.ASPECTS) + 1
    assert all(t is not threading.main_thread() for t in threads)
    for button, (_label, size) in zip(editor.thumbs, rendering.ASPECTS, strict=True):
        icon = button.iconSize()
        assert icon.height() == THUMB_HEIGHT and icon.width() == pytest.approx(THUMB_HEIGHT * size[0] / size[1], abs=1)
    assert not editor.canvas.image.isNull()


def test_a_locked_layer_cannot_be_moved(editor, qtbot):
    logo = editor.template.layer("logo")
    assert logo.locked
    before = editor.canvas.layer_screen_rect("logo")
    drag(qtbot, editor.canvas, centre_of(editor, "logo"), QPoint(120, 90))
    assert (logo.dx, logo.dy) == (0.0, 0.0)
    assert editor.canvas.layer_screen_rect("logo") == before
    assert "locked" in editor.status.text()
    assert not editor.modified


def test_an_unlocked_layer_moves_and_resizes(editor, qtbot):
    accent = editor.template.layer("accent")
    assert not accent.locked
    start = editor.canvas.layer_screen_rect("accent")
    drag(qtbot, editor.canvas, centre_of(editor, "accent"), QPoint(60, -40))
    moved = editor.canvas.layer_screen_rect("accent")
    assert moved.x() == pytest.approx(start.x() + 60, abs=2) and moved.y() == pytest.approx(start.y() - 40, abs=2)
    assert editor.modified
    corner = moved.bottomRight().toPoint()
    drag(qtbot, editor.canvas, corner, QPoint(80, 30))
    grown = editor.canvas.layer_screen_rect("accent")
    assert grown.width() == pytest.approx(moved.width() + 80, abs=3)
    assert grown.x() == pytest.approx(moved.x(), abs=1)


def test_save_as_keeps_the_moved_layers(editor, qtbot):
    editor.canvas.current = "accent"
    editor.canvas.setFocus()
    qtbot.keyClick(editor.canvas, Qt.Key_Right, Qt.ShiftModifier)
    dx = editor.template.layer("accent").dx
    assert dx == pytest.approx(0.05)
    assert editor.save_as("dinkes-berita")
    assert (user_dir() / "dinkes-berita.json").is_file()
    assert "dinkes-berita" in list_templates()
    assert load_template("dinkes-berita").layer("accent").dx == pytest.approx(dx)
    assert load_template("news-card").layer("accent").dx == 0  # the built-in is untouched
    assert editor.picker.currentData() == "dinkes-berita"
    assert not editor.save_as("dinkes-berita")  # no silent overwrite
    assert "already exists" in editor.status.text()
    assert not editor.save_as("bad/name")


def test_use_emits_the_template_and_its_fields(editor, qtbot):
    editor.fields["office"].setText("Diskominfo Sleman")
    with qtbot.waitSignal(editor.template_chosen) as sig:
        editor.use_button.click()
    name, fields = sig.args
    assert name == "news-card" and fields["office"] == "Diskominfo Sleman"
    assert "title" not in fields and "date" not in fields  # they follow the post


def test_the_date_is_the_posts_schedule_in_indonesian_and_titles_can_differ_per_image(
        qtbot, tmp_path, siaran_home):
    from datetime import datetime

    from composer.core import i18n
    from composer.core.office import ZONES

    i18n.set_language("id")
    photos = []
    for n in range(2):
        photos.append(tmp_path / f"p{n}.jpg")
        Image.new("RGB", (800, 600), (60, 120, 90)).save(photos[-1])
    ed = TemplateEditor()
    qtbot.addWidget(ed)
    post = Post(text="Upacara", media=[MediaRef(path=str(p)) for p in photos],
                schedule=datetime(2026, 8, 17, 9, 0, tzinfo=ZONES["WIB"]))
    ed.edit(post)
    ed.choose("announcement")
    settle(ed)
    assert ed.fields["date"].placeholderText() == "17 Agustus 2026"
    assert ed.values()["date"] == "17 Agustus 2026"
    assert "title.2" in ed.fields  # a second title for the second image
    ed.fields["title.2"].setText("Poster kedua")
    assert ed.typed() == {"title.2": "Poster kedua"}
    post.schedule = None
    ed.edit(post)
    ed.choose("announcement")
    assert ed.values()["date"] == ""  # no schedule: no invented date


def test_an_unreadable_photo_is_reported_and_the_template_still_renders(qtbot, tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8 not really a jpeg")
    ed = TemplateEditor()
    qtbot.addWidget(ed)
    ed.resize(1200, 800)
    ed.show()
    ed.edit(Post(text="Judul", media=[MediaRef(path=str(bad))]))
    settle(ed)
    ed.runner.wait(10_000)
    assert ed.status.text().startswith("The photo cannot be shown:")
    assert not ed.canvas.image.isNull()


def test_renders_finishing_after_the_editor_is_gone_are_dropped(qtbot, tmp_path):
    from composer.gui.tasks import TaskRunner

    runner = TaskRunner()  # shared, like the app's: it outlives the editor
    ed = TemplateEditor(runner=runner)
    ed.resize(1000, 700)
    ed.show()
    ed.edit(Post(text="Judul"))
    assert runner.busy
    ed.deleteLater()
    qtbot.wait(10)  # the editor's C++ side is deleted; its renders are still running
    assert runner.wait(10_000)  # delivering them must not raise


def test_keyboard_shortcuts(editor, qtbot):
    editor.canvas.setFocus()
    qtbot.keyClick(editor.canvas, Qt.Key_3, Qt.ControlModifier)
    assert editor.aspect == 2 and editor.canvas.size_px == rendering.ASPECTS[2][1]
    with qtbot.waitSignal(editor.template_chosen):
        qtbot.keyClick(editor.canvas, Qt.Key_Return, Qt.ControlModifier)


def test_a_hidden_editor_renders_nothing(qtbot):
    ed = TemplateEditor()
    qtbot.addWidget(ed)
    ed.edit(Post(text="Judul"))
    assert not ed.runner.busy  # the app prepares it hidden, then opens it
    ed.show()
    qtbot.waitUntil(lambda: ed.runner.busy or not ed.canvas.image.isNull(), timeout=3000)
    ed.runner.wait(10_000)
    assert not ed.canvas.image.isNull()
