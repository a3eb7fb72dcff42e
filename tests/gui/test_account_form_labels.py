"""The Accounts form labels a channel's fields with the plugin's own translations (no table of
labels per platform in the GUI)."""

from PySide6.QtWidgets import QLabel

from composer.core import i18n
from composer.core.registry import default_registry
from composer.gui.accounts.account_form import AccountForm


def labels(form: AccountForm) -> list[str]:
    layout = form.fields_form
    out = []
    for row in range(layout.rowCount()):
        item = layout.itemAt(row, layout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            out.append(item.widget().text())
    return out


def test_mastodon_fields_read_in_indonesian(qtbot):
    i18n.set_language("id")
    try:
        form = AccountForm(default_registry())
        qtbot.addWidget(form)
        form.platform.setCurrentIndex(form.platform.findData("mastodon"))
        shown = labels(form)
        assert "URL instans:" in shown
        assert form.inputs["instance"].accessibleName() == "URL instans"
        assert any(text.startswith("ID klien") for text in shown)  # optional: marked as such
    finally:
        i18n.set_language(None)


def test_english_stays_english(qtbot):
    i18n.set_language("en")
    try:
        form = AccountForm(default_registry())
        qtbot.addWidget(form)
        form.platform.setCurrentIndex(form.platform.findData("mastodon"))
        assert "Instance URL:" in labels(form)
    finally:
        i18n.set_language(None)
