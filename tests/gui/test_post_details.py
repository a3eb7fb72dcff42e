"""The rest of the post in the window: tags and links under the text (read by the core, a bad
link said and not taken), a channel's own title and the YouTube description in "Text per
channel", and each channel's options drawn from what its spec declares (no per-platform code in
the window): the choices land in the saved post and reach the outgoing post the adapter gets."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit
from shell_kit import running_shell, tick, type_unicode, wait_idle

from composer.core.outgoing import build


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


def test_tags_and_links(qtbot, shell):
    w = shell.window
    type_unicode(w.editor.text_edit, "Posko banjir dibuka")
    type_unicode(w.details.tags, "#banjir, Sleman banjir")
    assert w.model.post.tags == ["banjir", "Sleman"]
    type_unicode(w.details.links, "https://sleman.test/posko bukan-alamat")  # key by key
    assert w.details.links_error.isVisible() and "not a web address" in w.details.links_error.text()
    assert w.model.post.links == ["https://sleman.test/posko"]  # the last good list stays
    for _ in "bukan-alamat":
        w.details.links.backspace()
    w.details.links.textEdited.emit(w.details.links.text())
    assert not w.details.links_error.isVisible()
    assert w.model.post.links == ["https://sleman.test/posko"]
    w.autosaver.flush()
    wait_idle(qtbot, shell)
    saved = shell.services.store.load_draft(w.model.post.id)
    assert saved.tags == ["banjir", "Sleman"] and saved.links == ["https://sleman.test/posko"]


def test_channel_title_description_and_declared_options(qtbot, shell, tmp_path):
    w = shell.window
    registry = w.channels.registry
    type_unicode(w.editor.title_edit, "Rapat koordinasi")
    w.editor.title_edit.textEdited.emit(w.editor.title_edit.text())
    type_unicode(w.editor.text_edit, "Rapat koordinasi penanganan banjir")
    for key in ("youtube", "wordpress", "telegram"):
        tick(w.picker, key)
    w.actions_by_name["channel_text"].trigger()  # Ctrl+2
    panel = w.channel_text

    panel.select("youtube")
    details = panel.details
    assert panel.heading.text().startswith("Description for")
    spec = registry.get("youtube").spec
    privacy = details.fields["privacy"]
    assert isinstance(privacy, QComboBox)
    # every choice the spec declares, after "the channel's default"
    assert [privacy.itemData(i) for i in range(privacy.count())] == [
        "", *(v for v, _label in spec.options[0].choices)]
    privacy.setCurrentIndex(privacy.findData("unlisted"))
    privacy.activated.emit(privacy.currentIndex())
    assert details.title is not None and details.title.placeholderText() == "Rapat koordinasi"
    type_unicode(details.title, "Rekaman rapat koordinasi")
    details.title.textEdited.emit(details.title.text())

    panel.select("telegram")
    assert details.title is None  # Telegram sends no title
    silent = details.fields["silent"]
    assert isinstance(silent, QCheckBox)
    silent.setChecked(True)

    panel.select("wordpress")
    assert isinstance(details.fields["category"], QLineEdit)
    assert isinstance(details.fields["status"], QComboBox)

    post = w.model.post
    assert post.variant("youtube").options == {"privacy": "unlisted"}
    assert post.variant("telegram").options == {"silent": "true"}
    youtube = post.resolve("youtube")
    assert youtube.title == "Rekaman rapat koordinasi" and post.resolve("wordpress").title == \
        "Rapat koordinasi"
    # what the adapter will get
    outgoing = build(post.copy(), "telegram", registry.get("telegram").spec, out_dir=tmp_path)
    assert outgoing.options == {"silent": "true"}
    # back to the default: the option is gone
    panel.select("youtube")
    privacy = details.fields["privacy"]
    assert privacy.currentData() == "unlisted"  # shown as saved when coming back
    privacy.setCurrentIndex(0)
    privacy.activated.emit(0)
    assert "privacy" not in post.variant("youtube").options
    w.autosaver.flush()
    wait_idle(qtbot, shell)
    saved = shell.services.store.load_draft(post.id)
    assert saved.variant("telegram").options == {"silent": "true"}


def test_options_are_drawn_from_any_declaration(qtbot):
    """A plugin's option needs no change to the window: a made-up channel's choice, flag and
    text appear and write the variant."""
    from composer.core.adapters import Counting, OptionField, PlatformSpec
    from composer.gui.editor.channel_details import ChannelDetails
    from composer.gui.editor.draft_model import DraftModel

    spec = PlatformSpec("kabar", "Kabar Desa", 500, Counting.CODEPOINTS, unsent_parts=frozenset(
        {"title"}), options=(OptionField("audience", "Audience", choices=(("all", "Everyone"),
                                                                           ("rt", "RT only"))),
                             OptionField("pin", "Pin it", kind="flag"),
                             OptionField("note", "Note", kind="text", help="For the admin")))
    model = DraftModel()
    details = ChannelDetails(model)
    qtbot.addWidget(details)
    details.show_channel("kabar", spec)
    assert details.title is None and set(details.fields) == {"audience", "pin", "note"}
    audience = details.fields["audience"]
    audience.setCurrentIndex(audience.findData("rt"))
    audience.activated.emit(audience.currentIndex())
    details.fields["pin"].setChecked(True)
    details.fields["note"].setText("untuk RT 03")
    details.fields["note"].textEdited.emit("untuk RT 03")
    assert details.fields["note"].toolTip() == "For the admin"
    assert model.post.variant("kabar").options == {"audience": "rt", "pin": "true",
                                                   "note": "untuk RT 03"}
    details.fields["pin"].setChecked(False)
    assert "pin" not in model.post.variant("kabar").options
