"""Tags and links under the master text: typed as the officer types them ("#banjir, Sleman";
addresses separated by spaces), read by the core (composer.core.post_fields), so the window
and the post files mean the same thing. A link that is not an address is said under the field
and not taken."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from composer.core.i18n import UserError
from composer.core.post_fields import links_text, parse_links, parse_tags, tags_text


class PostDetails(QWidget):
    tags_edited = Signal(list)
    links_edited = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("postDetails")
        self.tags = QLineEdit(self)
        self.tags.setObjectName("tagsEdit")
        self.links = QLineEdit(self)
        self.links.setObjectName("linksEdit")
        self.links_error = QLabel(self)
        self.links_error.setObjectName("linksError")
        self.links_error.setStyleSheet("color: #b00020")
        self.links_error.setWordWrap(True)
        self.links_error.hide()
        self.tags_label, self.links_label = QLabel(self), QLabel(self)
        self.tags_label.setBuddy(self.tags)
        self.links_label.setBuddy(self.links)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        form.addRow(self.tags_label, self.tags)
        form.addRow(self.links_label, self.links)
        form.addRow("", self.links_error)
        self.tags.textEdited.connect(lambda text: self.tags_edited.emit(parse_tags(text)))
        self.links.textEdited.connect(self._links_typed)
        self.retranslate()

    def retranslate(self) -> None:
        self.tags_label.setText(self.tr("Ta&gs:"))
        self.links_label.setText(self.tr("Lin&ks:"))
        self.tags.setPlaceholderText(self.tr("banjir, Sleman (commas or spaces; # optional)"))
        self.links.setPlaceholderText(self.tr("https://… (the first is the link card)"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.links.setAccessibleName(self.tr("Links"))

    def _links_typed(self, text: str) -> None:
        try:
            links = parse_links(text)
        except UserError as exc:
            self.links_error.setText(str(exc))
            self.links_error.show()
            return
        self.links_error.hide()
        self.links_edited.emit(links)

    def set_content(self, tags: list[str], links: list[str]) -> None:
        """Show a loaded post without echoing it back as an edit (what is being typed stays)."""
        if parse_tags(self.tags.text()) != list(tags):
            self.tags.setText(tags_text(tags))
        try:
            typed = parse_links(self.links.text())
        except UserError:
            typed = None
        if typed != list(links):
            self.links.setText(links_text(links).replace("\n", " "))
            self.links_error.hide()
