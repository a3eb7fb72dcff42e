"""The template editor: pick a branded template, fill its placeholders, move and resize its
unlocked layers, and see it at every shape side by side before using it.

``edit(post, photo_path=None)`` opens the editor for a post (its first image is the photo unless
another path, e.g. the preview proxy, is given). ``template_chosen(name, fields)`` says which
template the post should use and with which placeholder values; the editor does not change the
post itself. Renders run on the background task runner (composer.gui.tasks), never on the GUI
thread; a newer edit makes older renders' results be dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.i18n import UserError
from composer.core.i18n import _ as core_tr
from composer.core.post import Post
from composer.core.templates import (
    Template,
    list_templates,
    load_template,
    save_template,
    template_fields,
)
from composer.gui.tasks import TaskRunner
from composer.gui.templates import rendering
from composer.gui.templates.canvas import TemplateCanvas

STANDARD_FIELDS = ("title", "date", "handle", "office")
THUMB_HEIGHT = 120
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def template_shortcuts() -> list[tuple[str, str]]:
    """The template editor's keys (what, keys): bound by the editor, listed by F1."""
    shapes = f"Ctrl+1 … Ctrl+{len(rendering.ASPECTS)}"
    return [(QCoreApplication.translate("TemplateEditor", "Save as new template…"), SAVE_KEY),
            (QCoreApplication.translate("TemplateEditor", "Use this template"), USE_KEY),
            (QCoreApplication.translate("TemplateEditor", "Show a shape large"), shapes),
            (QCoreApplication.translate("TemplateEditor", "Nudge the selected layer"), "← ↑ → ↓")]


SAVE_KEY, USE_KEY = "Ctrl+Shift+S", "Ctrl+Return"


class TemplateEditor(QWidget):
    template_chosen = Signal(str, dict)  # template name, placeholder values

    def __init__(self, parent=None, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.runner = runner or TaskRunner(self)
        self.post: Post | None = None
        self.photo_path: str | None = None
        self.focal: tuple[float, float] | None = None
        self.template: Template | None = None
        self.modified = False
        self.aspect = 0  # index into rendering.ASPECTS shown large
        self.fields: dict[str, QLineEdit] = {}
        self.defaults: dict[str, str] = {}
        self._generation = 0
        self._pending = 0
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(120)
        self._render_timer.timeout.connect(self.render_now)
        self._build()

    # -- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        self.picker = QComboBox(self)
        self.picker.setAccessibleName(self.tr("Template"))
        self.picker.activated.connect(lambda i: self.choose(self.picker.itemData(i)))
        self.form = QFormLayout()
        self.layers = QListWidget(self)
        self.layers.setAccessibleName(self.tr("Layers"))
        self.layers.setMaximumHeight(190)
        self.layers.currentItemChanged.connect(self._on_layer_item)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save as new template…"), self)
        self.save_button.clicked.connect(self._ask_save_as)
        self.use_button = QPushButton(self.tr("Use this template"), self)
        self.use_button.setDefault(True)
        self.use_button.clicked.connect(self.use)
        self.busy = QLabel(self)
        self.busy.setStyleSheet("color:#6B7280;")

        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("Template:"), self))
        side.addWidget(self.picker)
        fields_title = QLabel(self.tr("Placeholders"), self)
        fields_title.setStyleSheet("font-weight:bold; margin-top:8px;")
        side.addWidget(fields_title)
        side.addLayout(self.form)
        layers_title = QLabel(self.tr("Layers (🔒 locked ones stay put)"), self)
        layers_title.setStyleSheet("font-weight:bold; margin-top:8px;")
        side.addWidget(layers_title)
        side.addWidget(self.layers)
        side.addWidget(self.status)
        side.addStretch(1)
        side_box = QWidget(self)
        side_box.setLayout(side)
        # the fields and layers scroll; the two buttons below them stay in sight on any screen
        side_scroll = QScrollArea(self)
        side_scroll.setWidget(side_box)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_column = QVBoxLayout()
        side_column.addWidget(side_scroll, 1)
        side_column.addWidget(self.save_button)
        side_column.addWidget(self.use_button)
        side_holder = QWidget(self)
        side_holder.setLayout(side_column)
        side_holder.setFixedWidth(310)

        self.canvas = TemplateCanvas(self)
        self.canvas.setAccessibleName(self.tr("Template canvas"))
        self.canvas.selected.connect(self._on_canvas_selected)
        self.canvas.edited.connect(self._on_edited)
        self.canvas.settled.connect(self.schedule_render)
        self.canvas.refused.connect(self._on_refused)

        self.thumbs: list[QToolButton] = []
        strip_box = QWidget(self)
        strip = QHBoxLayout(strip_box)
        strip.setContentsMargins(0, 0, 0, 0)
        strip.setSpacing(10)
        for i, (label, _size) in enumerate(rendering.ASPECTS):
            button = QToolButton(self)
            button.setText(label)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setAccessibleName(self.tr("Show {shape} large").format(shape=label))
            button.clicked.connect(lambda _c=False, i=i: self.show_aspect(i))
            strip.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
            self.thumbs.append(button)
        strip.addStretch(1)
        # every shape side by side, scrolled sideways when the dialog is narrower than the row
        self.strip = QScrollArea(self)
        self.strip.setObjectName("shapeStrip")
        self.strip.setWidget(strip_box)
        self.strip.setWidgetResizable(True)
        self.strip.setFrameShape(QFrame.Shape.NoFrame)
        self.strip.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip.setFixedHeight(THUMB_HEIGHT + 2 * self.fontMetrics().height() + 12
                                  + self.strip.horizontalScrollBar().sizeHint().height())
        self.thumbs[0].setChecked(True)
        self._add_shortcuts()

        centre = QVBoxLayout()
        centre.addWidget(self.canvas, 1)
        every = QLabel(self.tr("Every shape, side by side (click one to edit it large):"), self)
        every.setStyleSheet("font-weight:bold;")
        heading = QHBoxLayout()
        heading.addWidget(every, 1)
        heading.addWidget(self.busy)
        centre.addLayout(heading)
        centre.addWidget(self.strip)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(side_holder)
        row.addLayout(centre, 1)

    def _add_shortcuts(self) -> None:
        keys: list[tuple[str, Callable[..., object], QAbstractButton]] = [
            (SAVE_KEY, self._ask_save_as, self.save_button),
            (USE_KEY, self.use, self.use_button)]
        keys += [(f"Ctrl+{i + 1}", lambda _checked=False, i=i: self.show_aspect(i), button) for i, button in enumerate(self.thumbs)]
        for sequence, slot, button in keys:
            action = QAction(self)
            action.setShortcut(QKeySequence(sequence))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            button.setToolTip(f"{button.toolTip() or button.text()} ({QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)})")

    # -- opening ------------------------------------------------------------------------------
    def edit(self, post: Post, photo_path=None) -> None:
        self.post = post
        first = next((m for m in post.media if m.kind == "image"), None)
        self.photo_path = str(photo_path) if photo_path else (first.path if first else None)
        self.focal = first.focal if first else None
        self.reload_list(post.template)

    def reload_list(self, select: str | None = None) -> None:
        self.picker.clear()
        for name in list_templates():
            try:
                title = load_template(name).title or name
            except UserError as exc:
                self._say(str(exc), error=True)
                continue
            self.picker.addItem(core_tr(title), name)  # bundled titles are in templates.id.json
        index = max(0, self.picker.findData(select)) if select else 0
        if self.picker.count():
            self.picker.setCurrentIndex(index)
            self.choose(self.picker.itemData(index))

    def choose(self, name: str) -> None:
        try:
            self.template = load_template(name).copy()
        except UserError as exc:
            self._say(str(exc), error=True)
            return
        self.modified = False
        index = self.picker.findData(name)
        if index >= 0:
            self.picker.setCurrentIndex(index)
        self._fill_form(self.template)
        self._fill_layers(self.template)
        self.canvas.set_template(self.template, rendering.ASPECTS[self.aspect][1])
        self._say("")
        self.render_now()

    def _fill_form(self, template: Template) -> None:
        old = {k: e.text() for k, e in self.fields.items()}
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        found: list[str] = []
        for layer in template.layers:
            if layer.type == "text":
                found += [m for m in PLACEHOLDER.findall(layer.text) if m not in found]
        names = [n for n in STANDARD_FIELDS if n in found] + [n for n in found if n not in STANDARD_FIELDS]
        # What the post itself says (its date, the office's name) shows greyed as a placeholder;
        # only what the officer types is kept, so a later schedule still changes the date.
        values = template_fields(self.post) if self.post is not None else {}
        self.defaults = values
        typed = self.post.fields if self.post is not None else {}
        labels = {"title": self.tr("Title"), "date": self.tr("Date"), "handle": self.tr("Handle"),
                  "office": self.tr("Office"), "quote": self.tr("Quote"), "label": self.tr("Label")}
        images = sum(1 for m in self.post.media if m.kind == "image") if self.post is not None else 0
        rows = [(n, labels.get(n, n), values.get(n, "")) for n in names]
        if "title" in names:  # one title for all images, or one per image
            rows += [(f"title.{i}", self.tr("Title, image {n}").format(n=i), self.tr("as above"))
                     for i in range(2, images + 1)]
        for name, label, hint in rows:
            edit = QLineEdit(old.get(name, typed.get(name, "")), self)
            edit.setCursorPosition(0)
            edit.setPlaceholderText(hint or (self.tr("no date: add one, or schedule the post")
                                             if name == "date" else "{" + name + "}"))
            edit.setAccessibleName(label)
            edit.textChanged.connect(self.schedule_render)
            self.form.addRow(label + ":", edit)
            self.fields[name] = edit

    def _fill_layers(self, template: Template) -> None:
        self.layers.blockSignals(True)
        self.layers.clear()
        for layer in reversed(template.layers):  # topmost first, like drawing programs
            item = QListWidgetItem(("🔒 " if layer.locked else "") + f"{self.layer_name(layer.id)}  ·  "
                                   f"{self.layer_kind(layer.type)}")
            item.setData(Qt.ItemDataRole.UserRole, layer.id)
            self.layers.addItem(item)
        self.layers.blockSignals(False)

    def layer_name(self, layer_id: str) -> str:
        """A layer as the officer reads it (the bundled templates' layer names; others as named)."""
        names = {"title": self.tr("Title"), "date": self.tr("Date"), "handle": self.tr("Handle"),
                 "office": self.tr("Office"), "quote": self.tr("Quote"), "label": self.tr("Label"),
                 "photo": self.tr("Photo"), "logo": self.tr("Logo"), "header": self.tr("Header"),
                 "band": self.tr("Band"), "accent": self.tr("Accent"), "meta": self.tr("Details"),
                 "shade": self.tr("Shade"), "mark": self.tr("Quotation mark"), "who": self.tr("Speaker")}
        return names.get(layer_id, layer_id)

    def layer_kind(self, kind: str) -> str:
        kinds = {"text": self.tr("text"), "photo": self.tr("photo"), "logo": self.tr("logo"),
                 "rect": self.tr("shape")}
        return kinds.get(kind, kind)

    # -- edits --------------------------------------------------------------------------------
    def typed(self) -> dict[str, str]:
        """The fields the officer typed (kept on the post)."""
        return {name: edit.text() for name, edit in self.fields.items() if edit.text().strip()}

    def values(self) -> dict[str, str]:
        """What the large canvas shows: the post's own values with the typed ones on top."""
        values = dict(self.defaults)
        values.update({k: v for k, v in self.typed().items() if "." not in k})
        return values

    def _on_layer_item(self, item, _previous=None) -> None:
        if item is not None:
            self.canvas.current = item.data(Qt.ItemDataRole.UserRole)
            self.canvas.update()

    def _on_canvas_selected(self, layer_id: str) -> None:
        for i in range(self.layers.count()):
            if self.layers.item(i).data(Qt.ItemDataRole.UserRole) == layer_id:
                self.layers.blockSignals(True)
                self.layers.setCurrentRow(i)
                self.layers.blockSignals(False)
        self._say("")

    def _on_edited(self) -> None:
        self.modified = True

    def _on_refused(self, layer_id: str) -> None:
        self._say(self.tr("The layer '{layer}' is locked: it keeps its place in every shape.")
                  .format(layer=layer_id), error=True)

    def show_aspect(self, index: int) -> None:
        self.aspect = index
        self.thumbs[index].setChecked(True)
        if self.template is not None:
            self.canvas.set_template(self.template, rendering.ASPECTS[index][1])
            self.render_now()

    # -- rendering (off the GUI thread) -------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.schedule_render()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._render_timer.stop()

    def schedule_render(self, *_args) -> None:
        self._render_timer.start()

    def render_now(self) -> None:
        self._render_timer.stop()
        if self.template is None or not self.isVisible():
            return  # a hidden editor renders nothing; showEvent catches up
        self._generation += 1
        generation = self._generation
        data, folder, values = self.template.to_dict(), self.template.folder, self.values()
        jobs = [(i, rendering.scaled(size, THUMB_HEIGHT)) for i, (_l, size) in enumerate(rendering.ASPECTS)]
        big = self.canvas.canvas_rect()
        jobs.append((-1, rendering.scaled(rendering.ASPECTS[self.aspect][1], max(200, int(big.height())))))
        self._pending = len(jobs)
        self.busy.setText(self.tr("Rendering…"))
        for target, size in jobs:
            task = self.runner.submit(rendering.render, data, folder, size, self.photo_path, self.focal,
                                      values, name="template preview")
            task.finished.connect(lambda result, t=target, g=generation: self._rendered(g, t, result))
            task.failed.connect(lambda message, g=generation: self._render_failed(g, message))

    def _rendered(self, generation: int, target: int, result) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return  # an older edit's picture, or the editor is gone (a shared runner outlives it)
        raw, w, h, problem = result
        self._pending -= 1
        if self._pending <= 0:
            self.busy.setText("")
        if problem:
            self._say(self.tr("The photo cannot be shown: {reason}").format(reason=problem), error=True)
        if not w:
            return
        image = QImage(raw, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
        if target == -1:
            self.canvas.set_image(image)
        else:
            button = self.thumbs[target]
            button.setIcon(QPixmap.fromImage(image))
            button.setIconSize(image.size())

    def _render_failed(self, generation: int, message: str) -> None:
        if generation == self._generation and shiboken6.isValid(self):
            self._pending -= 1
            self.busy.setText("")
            self._say(message, error=True)

    # -- saving and choosing ------------------------------------------------------------------
    def save_as(self, name: str) -> bool:
        """Save the current template (with its moved layers) under a new name."""
        name = name.strip()
        if not name:
            self._say(self.tr("Give the new template a name."), error=True)
            return False
        if name in list_templates():
            self._say(self.tr("A template called '{name}' already exists.").format(name=name), error=True)
            return False
        assert self.template is not None  # the button and shortcut act on the shown template
        copy = self.template.copy(name)
        copy.title = name
        try:
            save_template(copy)
        except UserError as exc:
            self._say(str(exc), error=True)
            return False
        self.reload_list(name)
        self._say(self.tr("Saved as '{name}'.").format(name=name))
        return True

    def _ask_save_as(self) -> bool:
        name, ok = QInputDialog.getText(self, self.tr("Save as new template"), self.tr("Name:"),
                                        text=f"{self.template.name}-2" if self.template else "")
        return bool(ok) and self.save_as(name)

    def use(self) -> None:
        if self.template is None:
            return
        if self.modified and not self._ask_save_as():
            self._say(self.tr("Save your changes as a new template to use them."), error=True)
            return
        self.template_chosen.emit(self.template.name, self.typed())

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color:#B3261E;" if error else "color:#1B5E20;")
        self.status.setText(text)
