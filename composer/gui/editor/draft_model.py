"""The open draft as a Qt object: the one place panels change the Post, so every change is
announced (panels repaint) and autosaved. It holds no rules of its own: the Post model in
composer.core.post decides what following the master and overriding a field mean."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from composer.core.post import Crop, MediaRef, Post

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

    def __init__(self, post: Post | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.post = post or Post()

    # -- whole post ------------------------------------------------------------------------

    def load(self, post: Post) -> None:
        self.post = post
        self.replaced.emit()
        self.changed.emit()

    def _emit(self, signal, *args) -> None:
        signal.emit(*args)
        self.changed.emit()

    # -- master fields ---------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        if text != self.post.text:
            self.post.text = text
            self._emit(self.text_changed)

    def set_title(self, title: str) -> None:
        if title != self.post.title:
            self.post.title = title
            self._emit(self.text_changed)

    # -- channels and their variants -------------------------------------------------------

    def set_channels(self, keys: list[str]) -> None:
        if list(keys) != self.post.channels:
            self.post.channels = list(keys)
            self._emit(self.channels_changed)

    def follows(self, channel: str, name: str = "text") -> bool:
        variant = self.post.variants.get(channel)
        return variant is None or variant.follows(name)

    def override(self, channel: str, name: str, value) -> None:
        variant = self.post.variant(channel)
        if variant.overrides.get(name) != value or variant.follows(name):
            variant.override(name, value)
            self._emit(self.variant_changed, channel)

    def follow_master(self, channel: str, name: str = "text") -> None:
        if not self.follows(channel, name):
            self.post.variant(channel).reset(name)
            self._emit(self.variant_changed, channel)

    def set_crop(self, channel: str, media_id: str, crop: Crop | None) -> None:
        crops = self.post.variant(channel).crops
        if crop is None:
            crops.pop(media_id, None)
        else:
            crops[media_id] = crop
        self._emit(self.variant_changed, channel)

    # -- media -----------------------------------------------------------------------------

    def add_media(self, ref: MediaRef) -> None:
        self.post.media.append(ref)
        self._emit(self.media_changed)

    def update_media(self, media_id: str, **fields) -> None:
        """Set fields of one image (sha256 once stored, alt, focal)."""
        try:
            ref = self.post.media_by_id(media_id)
        except KeyError:
            return  # removed meanwhile (a copy finishing after the officer removed the image)
        for name, value in fields.items():
            setattr(ref, name, value)
        self._emit(self.alt_changed if set(fields) == {"alt"} else self.media_changed)

    def remove_media(self, media_id: str) -> RemovedMedia | None:
        """Remove an image; returns what restore_media needs to put it back (undo)."""
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
        media = self.post.media
        index = next((i for i, m in enumerate(media) if m.id == media_id), None)
        if index is None:
            return
        to_index = max(0, min(len(media) - 1, to_index))
        if to_index != index:
            media.insert(to_index, media.pop(index))
            self._emit(self.media_changed)

    def reorder_media(self, ids: list[str]) -> None:
        by_id = {m.id: m for m in self.post.media}
        order = [by_id[i] for i in ids if i in by_id]
        order += [m for m in self.post.media if m.id not in ids]  # never drop an image
        if [m.id for m in order] != [m.id for m in self.post.media]:
            self.post.media = order
            self._emit(self.media_changed)

    # -- template --------------------------------------------------------------------------

    def set_template(self, name: str | None, fields: dict[str, str]) -> None:
        self.post.template = name or None
        self.post.fields = {str(k): str(v) for k, v in (fields or {}).items()}
        self._emit(self.template_changed)
