"""A channel's own title and options, above its text in "Text per channel".

The title field shows for channels that send a title (the portal, YouTube: the spec's
``unsent_parts``); empty, the channel follows the master title. The options are drawn from the
channel's declaration alone (PlatformSpec.options: a choice, a flag or a text), never per
platform: a plugin that declares an option gets its field here with no change to the window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from composer.core.i18n import _


class ChannelDetails(QWidget):
    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.setObjectName("channelDetails")
        self.model = model
        self.key: str | None = None
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setVerticalSpacing(4)
        self.title: QLineEdit | None = None
        self.fields: dict[str, QWidget] = {}
        self._spec = None

    def show_channel(self, key: str | None, spec) -> None:
        """Rebuild for another channel; refresh the values for the same one."""
        if key == self.key and spec is self._spec:
            self._fill()
            return
        self.key, self._spec = key, spec
        while self.form.rowCount():
            self.form.removeRow(0)
        self.title, self.fields = None, {}
        if key is None or spec is None:
            self.hide()
            return
        if "title" not in spec.unsent_parts:
            self.title = QLineEdit(self)
            self.title.setObjectName("channelTitle")
            self.title.textEdited.connect(self._title_edited)
            self.title.setAccessibleName(self.tr("Title for {channel}").format(channel=spec.name))
            self.form.addRow(self.tr("Title:"), self.title)
        for option in spec.options:
            field = self._field(option)
            field.setObjectName(f"option_{option.name}")
            field.setAccessibleName(_(option.label))
            if option.help:
                field.setToolTip(_(option.help))
            self.fields[option.name] = field
            self.form.addRow("" if option.kind == "flag" else _(option.label) + ":", field)
        self.setVisible(self.form.rowCount() > 0)
        self._fill()

    def _field(self, option) -> QWidget:
        name = option.name
        if option.kind == "flag":
            box = QCheckBox(_(option.label), self)
            box.toggled.connect(lambda on: self._set(name, "true" if on else ""))
            return box
        if option.kind == "choice":
            combo = QComboBox(self)
            combo.addItem(self.tr("(the channel's default)"), "")
            for value, label in option.choices:
                combo.addItem(_(label), value)
            combo.activated.connect(lambda _i: self._set(name, combo.currentData() or ""))
            return combo
        line = QLineEdit(self)
        line.textEdited.connect(lambda text: self._set(name, text.strip()))
        return line

    def _fill(self) -> None:
        key = self.key
        if key is None:
            return
        if self.title is not None:
            follows = self.model.follows(key, "title")
            own = "" if follows else self.model.post.resolve(key).title
            if self.title.text() != own:
                self.title.setText(own)
            self.title.setPlaceholderText(self.model.post.title or self.tr("Same as the master title"))
        for name, field in self.fields.items():
            value = self.model.option(key, name)
            if isinstance(field, QCheckBox):
                field.blockSignals(True)
                field.setChecked(value == "true")
                field.blockSignals(False)
            elif isinstance(field, QComboBox):
                field.setCurrentIndex(max(0, field.findData(value)))
            elif isinstance(field, QLineEdit) and field.text().strip() != value:
                field.setText(value)

    def _title_edited(self, text: str) -> None:
        if self.key is None:
            return
        if text.strip():
            self.model.override(self.key, "title", text)
        else:
            self.model.follow_master(self.key, "title")

    def _set(self, name: str, value: str) -> None:
        if self.key is not None:
            self.model.set_option(self.key, name, value)
