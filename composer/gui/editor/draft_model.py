"""The open draft as a Qt object: the one place panels change the Post, so every change is
announced (panels repaint), autosaved, and can be undone. It holds no rules of its own: the Post
model in composer.core.post decides what following the master and overriding a field mean.

Undo: one QUndoStack per draft (``undo``; cleared when another draft is loaded). Each change an
officer makes is a command named for the Edit menu ("crop for Instagram"); typing is grouped a
word at a time (composer.gui.editor.undo)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from composer.core.post import Crop, MediaRef, Post
from composer.gui.editor.undo import Change, TextChange

UNDO_STEPS = 1000  # words, crops, ticks ...: a working day's worth; older steps are let go

# what restore_media needs to undo a removal: the image, its place, its crops and alt texts
# by channel
RemovedMedia = tuple[MediaRef, int, dict[str, Crop], dict[str, str]]


class DraftModel(QObject):
    text_changed = Signal()  # master text or title
    media_changed = Signal()  # images added, removed, reordered, focal point: pixels change
    alt_changed = Signal()  # an image's alt text only: nothing to render again
    channels_changed = Signal()  # the chosen channels
    variant_changed = Signal(str)  # one channel's overrides or crops
    template_changed = Signal()
    replaced = Signal()  # a different post was loaded
    changed = Signal()  # any of the above: autosave listens here
    text_restored = Signal(str, int)  # an undo/redo changed "title", "text" or a channel's text;
    #                                   where the cursor goes

    def __init__(self, post: Post | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.post = post or Post()
        self.undo = QUndoStack(self)
        self.undo.setUndoLimit(UNDO_STEPS)
        # how the Edit menu names a channel ("crop for Instagram"); the window knows the names
        self.channel_name: Callable[[str], str] = lambda key: key

    # -- whole post ------------------------------------------------------------------------

    def load(self, post: Post) -> None:
        self.post = post
        self.undo.clear()  # one stack per draft
        self.replaced.emit()
        self.changed.emit()

    def _record(self, what: str, before, after, apply: Callable[[object], None]) -> None:
        """Do a change as an undoable command: ``apply(after)`` now, ``apply(before)`` on undo."""
        self.undo.push(Change(what, before, after, apply))

    def _emit(self, signal, *args) -> None:
        signal.emit(*args)
        self.changed.emit()

    # -- master fields ---------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        if text != self.post.text:
            self.undo.push(TextChange(self.tr("typing"), "text", self.post.text, text, self._put_text))

    def set_title(self, title: str) -> None:
        if title != self.post.title:
            self.undo.push(TextChange(self.tr("title"), "title", self.post.title, title, self._put_text))

    def _put_text(self, field: str, value: str, cursor: int | None) -> None:
        """A text command applies its value (``cursor`` is None on the first do: the text is on
        screen already, the officer just typed it)."""
        if field == "text":
            if value == self.post.text:
                return
            self.post.text = value
            self._emit(self.text_changed)
        elif field == "title":
            if value == self.post.title:
                return
            self.post.title = value
            self._emit(self.text_changed)
        else:  # a channel's own text
            if self.post.variant(field).overrides.get("text") == value:
                return
            self.post.variant(field).override("text", value)
            self._emit(self.variant_changed, field)
        if cursor is not None:
            self.text_restored.emit(field, cursor)

    def set_tags(self, tags: list[str]) -> None:
        if list(tags) != self.post.tags:
            self.post.tags = list(tags)
            self._emit(self.text_changed)

    def set_links(self, links: list[str]) -> None:
        if list(links) != self.post.links:
            self.post.links = list(links)
            self._emit(self.text_changed)

    # -- channels and their variants -------------------------------------------------------

    def set_channels(self, keys: list[str], *, record: bool = True) -> None:
        """``record=False``: a choice the app makes itself (the folder for a first post)."""
        if list(keys) == self.post.channels:
            return
        if not record:
            self._put_channels(list(keys))
            return
        self._record(self.tr("channel choice"), list(self.post.channels), list(keys), self._put_channels)

    def _put_channels(self, keys) -> None:
        self.post.channels = list(keys)
        self._emit(self.channels_changed)

    def follows(self, channel: str, name: str = "text") -> bool:
        variant = self.post.variants.get(channel)
        return variant is None or variant.follows(name)

    def override(self, channel: str, name: str, value) -> None:
        variant = self.post.variant(channel)
        if not (variant.overrides.get(name) != value or variant.follows(name)):
            return
        if name == "text" and variant.follows(name):  # the first edit: the channel leaves the master
            before = self._overrides(channel)
            variant.override(name, value)
            after = self._overrides(channel)
            self.undo.push(Change(self.tr("text for {channel}").format(channel=self.channel_name(channel)),
                                  before, after, partial(self._put_overrides, channel),
                                  done=True))
            self._emit(self.variant_changed, channel)
        elif name == "text":  # typing on: grouped a word at a time
            self.undo.push(TextChange(self.tr("text for {channel}").format(channel=self.channel_name(channel)),
                                      channel, variant.overrides.get("text", ""), value, self._put_text))
        else:
            self._record(self.tr("{field} for {channel}").format(field=name, channel=self.channel_name(channel)),
                         self._overrides(channel), {**self._overrides(channel), name: value},
                         partial(self._put_overrides, channel))

    def follow_master(self, channel: str, name: str = "text") -> None:
        if not self.follows(channel, name):
            before = self._overrides(channel)
            after = {k: v for k, v in before.items() if k != name}
            self._record(self.tr("Follow master for {channel}").format(channel=self.channel_name(channel)),
                         before, after, partial(self._put_overrides, channel))

    def _overrides(self, channel: str) -> dict:
        return copy.deepcopy(self.post.variant(channel).overrides)

    def _put_overrides(self, channel: str, overrides) -> None:
        variant = self.post.variant(channel)
        for name in list(variant.overrides):
            if name not in overrides:
                variant.reset(name)
        for name, value in overrides.items():
            variant.override(name, copy.deepcopy(value))
        self._emit(self.variant_changed, channel)

    def option(self, channel: str, name: str) -> str:
        variant = self.post.variants.get(channel)
        return variant.options.get(name, "") if variant is not None else ""

    def set_option(self, channel: str, name: str, value: str) -> None:
        """A channel's declared option ("" goes back to the channel's default)."""
        if self.option(channel, name) == value:
            return
        options = self.post.variant(channel).options
        if value:
            options[name] = value
        else:
            options.pop(name, None)
        self._emit(self.variant_changed, channel)

    def set_crop(self, channel: str, media_id: str, crop: Crop | None) -> None:
        before = self.post.variant(channel).crops.get(media_id)
        if before == crop:
            return
        self._record(self.tr("crop for {channel}").format(channel=self.channel_name(channel)), before, crop,
                     partial(self._put_crop, channel, media_id))

    def _put_crop(self, channel: str, media_id: str, crop: Crop | None) -> None:
        crops = self.post.variant(channel).crops
        if crop is None:
            crops.pop(media_id, None)
        else:
            crops[media_id] = crop
        self._emit(self.variant_changed, channel)

    # -- media -----------------------------------------------------------------------------

    def add_media(self, ref: MediaRef) -> None:
        self.undo.push(Change(self.tr("add image"), None, None, lambda _v: None,
                              redo=lambda: self._put_added(ref), undo=lambda: self._put_removed(ref.id)))

    def _put_added(self, ref: MediaRef) -> None:
        if all(m.id != ref.id for m in self.post.media):
            self.post.media.append(ref)
            self._emit(self.media_changed)

    def _put_removed(self, media_id: str) -> None:
        self.post.media = [m for m in self.post.media if m.id != media_id]
        self._emit(self.media_changed)

    def set_alt(self, media_id: str, alt: str) -> None:
        ref = self._find(media_id)
        if ref is not None and ref.alt != alt:
            self.undo.push(TextChange(self.tr("alt text"), "alt:" + media_id, ref.alt, alt,
                                      lambda _f, v, c: self._put_media(media_id, "alt", v, c)))

    def set_focal(self, media_id: str, focal) -> None:
        ref = self._find(media_id)
        focal = None if focal is None else tuple(focal)
        if ref is not None and ref.focal != focal:
            self._record(self.tr("focal point"), ref.focal, focal,
                         lambda v: self._put_media(media_id, "focal", v, None))

    def set_fit(self, media_id: str, fit: str) -> None:
        """Crop ("") or keep the whole picture ("pad", "blur") on every channel."""
        ref = self._find(media_id)
        if ref is not None and ref.fit != fit:
            self._record(self.tr("whole picture"), ref.fit, fit,
                         lambda v: self._put_media(media_id, "fit", v, None))

    def set_captions(self, media_id: str, captions: str | None) -> None:
        """Attach, replace (a path) or remove (None) a video's captions file; undoable. Without
        captions nothing can be burned in, so removing them clears that too (undo brings both
        back)."""
        ref = self._find(media_id)
        if ref is None or ref.captions == captions:
            return
        before = (ref.captions, ref.burn_captions)
        after = (captions, ref.burn_captions and captions is not None)

        def apply(value) -> None:
            found = self._find(media_id)
            if found is not None:
                found.captions, found.burn_captions = value
                self._emit(self.media_changed)

        self._record(self.tr("captions"), before, after, apply)

    def _put_media(self, media_id: str, name: str, value, cursor: int | None) -> None:
        ref = self._find(media_id)
        if ref is not None and getattr(ref, name) != value:
            setattr(ref, name, value)
            self._emit(self.alt_changed if name == "alt" else self.media_changed)  # alt: no pixel
            if cursor is not None:
                self.text_restored.emit("alt:" + media_id, cursor)

    def _find(self, media_id: str) -> MediaRef | None:
        return next((m for m in self.post.media if m.id == media_id), None)

    def update_media(self, media_id: str, **fields) -> None:
        """Set fields of one image the app learns itself (sha256 once stored); not undoable."""
        try:
            ref = self.post.media_by_id(media_id)
        except KeyError:
            return  # removed meanwhile (a copy finishing after the officer removed the image)
        for name, value in fields.items():
            setattr(ref, name, value)
        self._emit(self.alt_changed if set(fields) == {"alt"} else self.media_changed)

    def remove_media(self, media_id: str) -> None:
        """Remove an image (undo puts it back with its crops and alt texts)."""
        if self._find(media_id) is None:
            return
        removed: list[RemovedMedia] = []

        def redo() -> None:
            taken = self._take_media(media_id)
            if taken is not None:
                removed[:] = [taken]

        def undo() -> None:
            if removed:
                self.restore_media(removed.pop())

        self.undo.push(Change(self.tr("remove image"), None, None, lambda _v: None, redo=redo, undo=undo))

    def _take_media(self, media_id: str) -> RemovedMedia | None:
        index = next((i for i, m in enumerate(self.post.media) if m.id == media_id), None)
        if index is None:
            return None
        ref = self.post.media.pop(index)
        crops: dict[str, Crop] = {}
        alts: dict[str, str] = {}
        for channel, variant in self.post.variants.items():
            if media_id in variant.crops:
                crops[channel] = variant.crops.pop(media_id)
            if media_id in variant.alt:
                alts[channel] = variant.alt.pop(media_id)
        self._emit(self.media_changed)
        return ref, index, crops, alts

    def restore_media(self, removed: RemovedMedia) -> None:
        ref, index, crops, alts = removed
        self.post.media.insert(min(index, len(self.post.media)), ref)
        for channel, crop in crops.items():
            self.post.variant(channel).crops[ref.id] = crop
        for channel, alt in alts.items():
            self.post.variant(channel).alt[ref.id] = alt
        self._emit(self.media_changed)

    def move_media(self, media_id: str, to_index: int) -> None:
        ids = [m.id for m in self.post.media]
        if media_id not in ids:
            return
        ids.remove(media_id)
        ids.insert(max(0, min(len(ids), to_index)), media_id)
        self.reorder_media(ids)

    def reorder_media(self, ids: list[str]) -> None:
        before = [m.id for m in self.post.media]
        after = [i for i in ids if i in before] + [i for i in before if i not in ids]  # never drop one
        if after != before:
            self._record(self.tr("image order"), before, after, self._put_order)

    def _put_order(self, ids) -> None:
        by_id = {m.id: m for m in self.post.media}
        order = [by_id[i] for i in ids if i in by_id]
        order += [m for m in self.post.media if m.id not in ids]
        self.post.media = order
        self._emit(self.media_changed)

    # -- template --------------------------------------------------------------------------

    def set_template(self, name: str | None, fields: dict[str, str]) -> None:
        after = (name or None, {str(k): str(v) for k, v in (fields or {}).items()})
        before = (self.post.template, dict(self.post.fields))
        if after != before:
            self._record(self.tr("template"), before, after, self._put_template)

    def _put_template(self, value) -> None:
        self.post.template, fields = value
        self.post.fields = dict(fields)
        self._emit(self.template_changed)
