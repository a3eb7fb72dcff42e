"""The previews, crop and template editors speak Indonesian when the app installs their .qm."""

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import composer
from composer.core.post import Post
from composer.core.registry import default_registry

FOLDER = Path(composer.__file__).parent / "resources" / "translations"


@pytest.fixture
def indonesian(qapp):
    translator = QTranslator()
    assert translator.load(str(FOLDER / "siaran_previews_id.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_every_string_is_translated():
    ts = (FOLDER / "siaran_previews_id.ts").read_text(encoding="utf-8")
    assert ts.count("<message>") >= 60 and 'type="unfinished"' not in ts


def test_widgets_show_indonesian_labels(indonesian, qtbot):
    from composer.gui.crop import CropEditor
    from composer.gui.previews import PreviewsPanel
    from composer.gui.templates import TemplateEditor

    reg = default_registry()
    panel = PreviewsPanel(reg)
    qtbot.addWidget(panel)
    panel.set_channels([(c, reg.get(c).spec, {"display_name": "Diskominfo"}) for c in ("facebook", "linkedin")])
    panel.update_text(Post(text="Pengumuman penting untuk seluruh warga kabupaten. " * 20))
    panel.flush()
    assert panel.cards["facebook"].text.plain_text().endswith("Lihat selengkapnya")
    assert "Perkiraan" in panel.cards["facebook"].note.text()
    assert "Pratinjau ini perkiraan" in panel.note.text()
    crop = CropEditor()
    qtbot.addWidget(crop)
    assert crop.reset_button.text() == "Kembalikan ke otomatis"
    editor = TemplateEditor()
    qtbot.addWidget(editor)
    assert editor.use_button.text() == "Pakai templat ini"
