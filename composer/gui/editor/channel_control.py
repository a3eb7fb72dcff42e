"""The channels the open draft goes to: load the catalog (accounts, practice accounts, the folder,
preview-only platforms) off the GUI thread, keep the picker and the post's channels in step, and
say which channels are chosen to whoever shows them (counters, previews, renders)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, Signal

from composer.gui.editor.channels import ChannelInfo, build_catalog


def load_catalog(ctx, services) -> tuple[object, list[ChannelInfo]]:
    registry = services.registry  # imports every platform plugin: off the GUI thread
    office = services.office()  # previews show the office's name and handle until accounts do
    return registry, build_catalog(registry, services.list_accounts(),
                                   office.short_name or office.name, office.handle)


class ChannelsController(QObject):
    catalog_loaded = Signal(object)  # the registry, each time the catalog is (re)loaded
    channels_changed = Signal(list)  # the chosen ChannelInfos

    def __init__(self, parent: QObject, model, services, runner, picker, notices):
        super().__init__(parent)
        self.model, self.services, self.runner, self.picker = model, services, runner, picker
        self.notices = notices
        self.catalog: dict[str, ChannelInfo] = {}
        self.registry = None
        self._tick_practice = False  # practice mode just came on: tick its channels once listed
        picker.selection_changed.connect(self.picked)
        model.replaced.connect(self._post_replaced)
        model.channels_changed.connect(self._show_chosen)

    def reload(self) -> None:
        task = self.runner.submit(load_catalog, self.services, name="channels")
        task.finished.connect(self._catalog_ready)
        task.failed.connect(self.notices.error)

    def _catalog_ready(self, result) -> None:
        self.registry, catalog = result
        self.catalog = {c.key: c for c in catalog}
        self.catalog_loaded.emit(self.registry)
        if self._tick_practice:
            self._tick_practice = False
            self._choose_practice()
        chosen = [k for k in self.model.post.channels if k in self.catalog]
        first = not chosen and not self.model.post.channels and "folder" in self.catalog
        if first:
            chosen = ["folder"]  # a first post goes to the folder until channels are chosen
        self.picker.set_catalog(catalog, chosen)
        if first:  # after the picker shows it: _show_chosen has nothing to do, the window lists once
            self.model.set_channels(chosen, record=False)
        self.channels_changed.emit([self.catalog[k] for k in chosen])
        # Everything built so far lives as long as the window: keep it out of the garbage
        # collector's full passes, which otherwise land on a keystroke now and then (~80 ms)
        gc.freeze()

    def practice_started(self) -> None:
        """Practice mode came on: once its channels are listed, tick them (see _choose_practice)."""
        self._tick_practice = True

    def _choose_practice(self) -> None:
        """Tick the practice channel of each network the draft goes to (its accounts and
        preview-only networks); a draft that goes nowhere but the folder gets every practice
        channel. Practice channels the draft already had stay ticked."""
        practice = {c.spec.id: c.key for c in self.catalog.values() if c.kind == "practice"}
        chosen = list(self.model.post.channels)
        networks = [self.catalog[k].spec.id for k in chosen if k in self.catalog and k != "folder"]
        wanted = [practice[n] for n in networks if n in practice] or list(practice.values())
        keys = chosen + [k for k in wanted if k not in chosen]
        if keys != chosen:
            self.model.set_channels(keys, record=False)

    def chosen(self) -> list[ChannelInfo]:
        return [self.catalog[k] for k in self.model.post.channels if k in self.catalog]

    def picked(self, keys: list[str]) -> None:
        # channels the catalog does not show now (practice ones while practice mode is off)
        # stay in the draft: the officer did not untick them
        hidden = [k for k in self.model.post.channels if k not in self.catalog]
        self.model.set_channels(list(keys) + hidden)
        self.channels_changed.emit(self.chosen())

    def _show_chosen(self) -> None:
        """The draft's channels changed from elsewhere (an undo): tick them in the picker."""
        chosen = set(self.model.post.channels)
        if set(self.picker.checked()) == chosen & set(self.catalog):
            return
        self.picker.tree.blockSignals(True)
        for key in self.catalog:
            self.picker.set_checked(key, key in chosen)
        self.picker.tree.blockSignals(False)
        self.channels_changed.emit(self.chosen())

    def _post_replaced(self) -> None:
        """Another draft is open (new, opened, reopened): the picker shows its channels."""
        if self.catalog:
            self.picker.set_catalog(list(self.catalog.values()), self.model.post.channels)
            self.channels_changed.emit(self.chosen())
