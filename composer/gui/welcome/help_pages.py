"""Help ▸ Getting started (a short guide, in the UI language) and Help ▸ About (version, and the
licences of the fonts and libraries Siaran ships with or draws with)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

import composer

translate = QCoreApplication.translate

# (name, what it does here, licence, where to read it) — kept in step with pyproject.toml and
# scripts/setup; docs/licences.md says the same with sources.
COMPONENTS = (
    ("Qt / PySide6", "LGPL-3.0", "https://doc.qt.io/qtforpython-6/licenses.html"),
    ("Pillow", "MIT-CMU (HPND)", "https://github.com/python-pillow/Pillow/blob/main/LICENSE"),
    ("pillow-heif", "BSD-3-Clause", "https://github.com/bigcat88/pillow_heif/blob/master/LICENSE.txt"),
    ("Babel", "BSD-3-Clause", "https://github.com/python-babel/babel/blob/master/LICENSE"),
    ("httpx", "BSD-3-Clause", "https://github.com/encode/httpx/blob/master/LICENSE.md"),
    ("keyring", "MIT", "https://github.com/jaraco/keyring/blob/main/LICENSE"),
    ("Authlib", "BSD-3-Clause", "https://github.com/authlib/authlib/blob/main/LICENSE"),
    ("regex", "Apache-2.0", "https://github.com/mrabarnett/mrab-regex/blob/hg/LICENSE.txt"),
    ("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs/blob/main/LICENSE"),
    ("filelock", "Unlicense", "https://github.com/tox-dev/filelock/blob/main/LICENSE"),
    ("tomli-w", "MIT", "https://github.com/hukkin/tomli-w/blob/master/LICENSE"),
    ("botocore", "Apache-2.0", "https://github.com/boto/botocore/blob/develop/LICENSE.txt"),
    ("DejaVu Sans", "Bitstream Vera / public domain", "https://dejavu-fonts.github.io/License.html"),
    ("Noto Color Emoji", "SIL OFL 1.1", "https://github.com/googlefonts/noto-emoji/blob/main/fonts/LICENSE"),
)


def getting_started_html() -> str:
    steps = [
        translate("Help", "<b>Practice first.</b> Settings ▸ Practice mode (Ctrl+Shift+P) adds practice channels "
          "on this computer. Publish to them as often as you like: nothing reaches the public."),
        translate("Help", "<b>Set up the office.</b> Settings ▸ Office profile: the office's name, logo and handle go "
          "on template images; its time zone (WIB, WITA or WIT) is used for every date and time."),
        translate("Help", "<b>Connect the channels.</b> Settings ▸ Accounts (Ctrl+Shift+A): the office's WordPress "
          "site, X, Instagram, Facebook Page, Telegram and others. Passwords stay in the system keyring."),
        translate("Help", "<b>Write once.</b> Type the post in the middle; the counters show each channel's limit "
          "and the previews on the right show how each channel will look."),
        translate("Help", "<b>Images.</b> Add pictures (Ctrl+Shift+I); each channel gets the shape it shows best. "
          "A template (Ctrl+T) puts the office's branding and the post's date on them."),
        translate("Help", "<b>Publish.</b> Ctrl+Enter lists the channels and asks before anything is sent; "
          "a schedule publishes later, at the time shown with its zone."),
    ]
    items = "".join(f"<li style='margin-bottom:6px'>{s}</li>" for s in steps)
    heading = translate("Help", "Getting started with Siaran")
    keys = translate("Help", "F1 lists every keyboard shortcut.")
    return f"<h2>{heading}</h2><ol>{items}</ol><p>{keys}</p>"


def about_html() -> str:
    rows = "".join(f"<tr><td>{name}</td><td>{licence}</td><td><a href='{url}'>{url}</a></td></tr>"
                   for name, licence, url in COMPONENTS)
    purpose = translate("Help", "Write once, publish everywhere: a post composer for public offices.")
    heading = translate("Help", "Libraries and fonts")
    head = "".join(f"<th align=left>{h}</th>" for h in (
        translate("Help", "Component"), translate("Help", "Licence"), translate("Help", "Source")))
    return (f"<h2>Siaran {composer.__version__}</h2><p>{purpose}</p><h3>{heading}</h3>"
            f"<table cellspacing=4><tr>{head}</tr>{rows}</table>")


class HelpPage(QDialog):
    def __init__(self, title: str, html: str, parent: QWidget | None = None, name: str = "helpPage"):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(html)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("Help", "&Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.setWindowModality(Qt.WindowModality.WindowModal)


def getting_started(parent: QWidget) -> HelpPage:
    return HelpPage(translate("Help", "Getting started"), getting_started_html(), parent, "gettingStarted")


def about(parent: QWidget) -> HelpPage:
    return HelpPage(translate("Help", "About Siaran"), about_html(), parent, "aboutSiaran")
