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
        form.platform.setCurrentIndex(form.platform.findData("x"))
        assert any(text.startswith("Rahasia klien") and "(" in text  # optional: marked as such
                   for text in labels(form))
        # The help under a field is the plugin's too, in Indonesian.
        assert form.findChild(QLabel, "help_client_id").text().startswith("ID klien OAuth 2.0")
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


def test_every_built_in_label_and_help_has_indonesian():
    from platforms.translations import TRANSLATIONS

    indonesian = TRANSLATIONS["id"]
    missing = sorted({text for platform in default_registry().platforms.values()
                      for field in platform.spec.credentials for text in (field.label, field.help)
                      if text and text not in indonesian})
    assert not missing, missing


def test_the_form_buttons_and_hints_read_in_indonesian(qtbot):
    from PySide6.QtWidgets import QApplication

    from composer.gui.app import Translations

    translations = Translations(QApplication.instance())
    translations.install("id")  # the shell's catalogue, and the core's language with it
    try:
        form = AccountForm(default_registry())
        qtbot.addWidget(form)
        form.platform.setCurrentIndex(form.platform.findData("x"))
        assert form.go.text().replace("&", "") == "Masuk lewat peramban"
        form.platform.setCurrentIndex(form.platform.findData("wordpress"))
        assert form.go.text().replace("&", "") == "Periksa dan simpan"
        assert "Pengguna, Profil, Kata Sandi Aplikasi" in form.findChild(
            QLabel, "help_app_password").text()
    finally:
        translations.remove()
        i18n.set_language(None)
