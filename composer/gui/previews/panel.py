"""All channel previews side by side in a scrolling grid.

Typing is the hot path: ``update_text`` refreshes the cards on screen at once and the others from
the event loop right after (one card per turn), so a keystroke never waits for previews nobody
can see. ``flush()`` finishes the pending ones now (tests, screenshots).

Images: each file is decoded once at the size the cards show it (device-pixel-ratio aware) and
kept in an LRU with a byte budget; a file no card shows any more (an image removed, a render
replaced) is released at once.
"""

from __future__ import annotations

import os
from collections import OrderedDict

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.adapters import PlatformSpec
from composer.core.post import Post
from composer.gui.previews.card import CARD_WIDTH, DESKTOP_WIDTH, PreviewCard
from composer.gui.previews.governance import GovernanceScanner
from composer.gui.previews.loader import ImageLoader
from composer.gui.previews.rules import rules_for

SPACING = 16
DEFER_MS = 30
FIRST_SCREENFUL = 2  # rows of cards built at once; the rest follow one per event-loop turn
PIXMAP_BUDGET = 48 * 1024 * 1024  # decoded preview images kept for cards that show them again


def _file_key(path: str) -> tuple[str, float] | None:
    """A file and its modification time: a re-render under the same name is a new image."""
    try:
        return path, os.stat(path).st_mtime
    except OSError:
        return None


class PreviewsPanel(QWidget):
    crop_requested = Signal(str, str)  # channel key, media id

    def __init__(self, registry=None, parent=None):
        super().__init__(parent)
        self.registry = registry
        self.cards: dict[str, PreviewCard] = {}
        self._post: Post | None = None
        self._pending: set[str] = set()
        self._pixmaps: OrderedDict[tuple[str, float], QPixmap] = OrderedDict()  # LRU
        self._waiting: dict[tuple[str, float], set[str]] = {}  # image -> cards waiting for it
        self.loader = ImageLoader(self)
        self.loader.loaded.connect(self._image_loaded)
        self.governance = GovernanceScanner(self)
        self.governance.scanned.connect(self._show_governance)
        self._columns = 0
        self._channels: list[tuple[str, PlatformSpec, dict]] = []
        self._rendered: dict[str, list] = {}
        self._shapes: dict[str, list] = {}
        self._to_build: list[str] = []  # channel keys whose cards are still to be made
        self.desktop = False
        self.setObjectName("previewsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel(self.tr("Previews are approximate: each network may draw posts slightly "
                                   "differently. Click an image to adjust its crop."), self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#8A8F98; padding:4px 8px;")
        header = QHBoxLayout()
        header.addWidget(self.note, 1)
        self.mode_buttons = QButtonGroup(self)
        for i, label in enumerate((self.tr("Phone"), self.tr("Desktop"))):
            button = QToolButton(self)
            button.setText(label)
            button.setCheckable(True)
            button.setChecked(i == 0)
            button.setToolTip(self.tr("How wide the feed is: where long text folds depends on it"))
            self.mode_buttons.addButton(button, i)
            header.addWidget(button)
        self.mode_buttons.idClicked.connect(lambda i: self.set_desktop(i == 1))
        layout.addLayout(header)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Channel previews"))
        self.container = QWidget()
        self.grid = QGridLayout(self.container)
        self.grid.setSpacing(SPACING)
        self.grid.setAlignment(Qt.AlignTop | Qt.AlignHCenter)
        self.scroll_area.setWidget(self.container)
        layout.addWidget(self.scroll_area, 1)
        self.empty = QLabel(self.tr("Choose channels to see how the post will look on each."), self.container)
        self.empty.setStyleSheet("color:#8A8F98; padding:24px;")
        self.grid.addWidget(self.empty, 0, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Off-screen cards wait until typing pauses this long, then update one per event-loop
        # turn, so they never sit between a keystroke and the cards the officer is looking at.
        self._timer.setInterval(DEFER_MS)
        self._timer.timeout.connect(self._update_one_pending)
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _v: self._update_visible_pending())
        # the cards nobody sees yet come a moment apart: images arriving for the cards on screen
        # and keystrokes go between them
        self._build_timer = QTimer(self, singleShot=True, interval=DEFER_MS)
        self._build_timer.timeout.connect(self._build_later)

    # -- channels -----------------------------------------------------------------------------
    def set_channels(self, channels: list[tuple[str, PlatformSpec, dict]], *, rebuild: bool = False) -> None:
        """``channels``: (key, PlatformSpec, account display dict: display_name, handle, avatar).
        A card still showing the same channel is kept (ticking one channel builds one card).
        New cards: the first screenful now, the others one per event-loop turn, so the window
        is usable before the cards nobody can see yet exist (``flush`` builds them all)."""
        self._channels = list(channels)
        keys = {c[0] for c in channels}
        self._rendered = {k: v for k, v in self._rendered.items() if k in keys}
        self._shapes = {k: v for k, v in self._shapes.items() if k in keys}
        old, self.cards, self._to_build = self.cards, {}, []
        for key, spec, account in channels:
            card = old.pop(key, None)
            if card is not None and not rebuild and card.spec is spec and card.account == dict(account or {}):
                self.cards[key] = card
                continue
            if card is not None:
                old[key] = card
            self._to_build.append(key)
        for card in old.values():
            self.grid.removeWidget(card)
            card.hide()  # deleteLater waits for the event loop; never paint a stale card meanwhile
            card.setParent(None)
            card.deleteLater()
        self.empty.setVisible(not channels)
        self._columns = 0
        self._arrange()
        if self.isVisible():  # behind the welcome page or another tab: nothing to see yet
            self._build_first_screenful()
        if self._to_build:
            self._build_timer.start()
        if self._post is not None:
            self.update_text(self._post)

    def _build_first_screenful(self) -> None:
        for _ in range(max(0, FIRST_SCREENFUL * max(1, self._columns) - len(self.cards))):
            self._build_next()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._build_first_screenful()

    def _build_next(self) -> None:
        """Build the next card still missing, in channel order."""
        if not self._to_build:
            return
        key = self._to_build.pop(0)
        index, spec, account = next((i, c[1], c[2]) for i, c in enumerate(self._channels) if c[0] == key)
        card = PreviewCard(key, spec, account, rules_for(spec.id, self.registry, desktop=self.desktop),
                           self.container, width=self.card_width())
        card.setAccessibleName(self.tr("Preview for {channel}").format(channel=spec.name))
        card.tile_clicked.connect(self._on_tile)
        self.cards[key] = card
        columns = max(1, self._columns)
        self.grid.addWidget(card, index // columns, index % columns, Qt.AlignmentFlag.AlignTop)
        if self.container.isVisible():
            card.show()  # (the layout would show it only on the next event-loop turn)
        if key in self._shapes:
            card.set_shapes(self._shapes[key])
        if key in self._rendered:
            self._show_images(key)
        if self._post is not None:
            self._pending.add(key)
            if self._on_screen(card):
                self._update_visible_pending()
            else:
                self._timer.start(DEFER_MS)
            self.governance.ask(self._post, list(self.cards))

    def _build_later(self) -> None:
        self._build_next()
        if self._to_build:
            self._build_timer.start()

    def card_width(self) -> int:
        return DESKTOP_WIDTH if self.desktop else CARD_WIDTH

    def set_desktop(self, desktop: bool) -> None:
        """Phone or desktop feed width; the cards are rebuilt (folds depend on the width)."""
        self.mode_buttons.button(1 if desktop else 0).setChecked(True)
        if desktop != self.desktop:
            self.desktop = desktop
            self.set_channels(self._channels, rebuild=True)

    def _arrange(self) -> None:
        width = self.width() - self.scroll_area.verticalScrollBar().sizeHint().width() - 4
        columns = max(1, (width + SPACING) // (self.card_width() + SPACING))
        if columns == self._columns:
            return
        self._columns = columns
        for i, (key, _spec, _account) in enumerate(self._channels):
            if key in self.cards:
                self.grid.addWidget(self.cards[key], i // columns, i % columns, Qt.AlignmentFlag.AlignTop)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()
        self._update_visible_pending()

    # -- text: the per-keystroke path ------------------------------------------------------------
    def update_text(self, post: Post) -> None:
        self._post = post
        for key, card in self.cards.items():
            if self._on_screen(card):
                card.update_post(post)
                self._pending.discard(key)
            else:
                self._pending.add(key)
        if self._pending:
            self._timer.start(DEFER_MS)
        if self.cards:
            self.governance.ask(post, list(self.cards))

    def _show_governance(self, found: dict) -> None:
        for key, messages in found.items():
            if key in self.cards:
                self.cards[key].set_governance(messages)

    def on_screen_complete(self) -> bool:
        """Every card the officer can see is built and shows all its images (start-up's
        "usable"; a panel behind the welcome page or another tab shows nothing yet)."""
        if self._to_build and self.isVisible():  # the cards still to come lie below the view
            seen = self.scroll_area.verticalScrollBar().value() + self.scroll_area.viewport().height()
            if max((c.geometry().bottom() for c in self.cards.values()), default=0) < seen:
                return False
        return all(card.media.shows_all_images() for card in self.cards.values()
                   if self._on_screen(card))

    def _on_screen(self, card: PreviewCard) -> bool:
        return card.isVisible() and not card.visibleRegion().isEmpty()

    def _update_one_pending(self) -> None:
        if not self._pending or self._post is None:
            return
        key = self._pending.pop()
        if key in self.cards:
            self.cards[key].update_post(self._post)
        if self._pending:
            self._timer.start(0)

    def _update_visible_pending(self) -> None:
        if self._post is None:
            return
        for key in [k for k in self._pending if k in self.cards and self._on_screen(self.cards[k])]:
            self.cards[key].update_post(self._post)
            self._pending.discard(key)

    def flush(self) -> None:
        """Build every card still missing and bring every preview up to date now."""
        while self._to_build:
            self._build_next()
        self._build_timer.stop()
        while self._pending and self._post is not None:
            self._update_one_pending()

    def flush_governance(self) -> None:
        """Run the governance scan asked for now, wait for it and show its answer (tests; the
        window never waits for it)."""
        self.governance.flush()
        QCoreApplication.sendPostedEvents(self.governance)

    # -- images -------------------------------------------------------------------------------
    def set_rendered(self, channel_key: str, images: list) -> None:
        """Show these files (preview proxies or the channel's rendered images) in that card.
        They are decoded on worker threads; the card shows grey tiles until they arrive."""
        if not any(c[0] == channel_key for c in self._channels):
            return
        self._rendered[channel_key] = [str(p) if p else None for p in images]
        if channel_key in self.cards:
            self._show_images(channel_key)
        self._release_unshown()

    def set_shapes(self, channel_key: str, ratios: list[float | None]) -> None:
        """The shape (width/height) each of the card's images will have once rendered, so its
        placeholders take their place before the files arrive."""
        self._shapes[channel_key] = list(ratios)
        if channel_key in self.cards:
            self.cards[channel_key].set_shapes(ratios)

    def image_edge(self) -> int:
        """How many pixels wide a preview image is ever drawn: a card's width on this screen."""
        return round(self.card_width() * self.devicePixelRatioF())

    def _show_images(self, channel_key: str) -> None:
        pixmaps = []
        for path in self._rendered.get(channel_key, []):
            key = _file_key(path) if path else None
            if key is not None and key not in self._pixmaps:
                self._waiting.setdefault(key, set()).add(channel_key)
                self.loader.request(key, self.image_edge())
            elif key is not None:
                self._pixmaps.move_to_end(key)
            pixmaps.append(self._pixmaps.get(key) if key is not None else None)
        self.cards[channel_key].set_pixmaps(pixmaps)

    def _image_loaded(self, key, image: QImage) -> None:
        waiting = self._waiting.pop(key, set())
        if not any(key[0] in self._rendered.get(k, ()) for k in waiting):
            return  # replaced or removed while it was being read
        self._pixmaps[key] = QPixmap.fromImage(image)  # a null pixmap: unreadable, drawn grey
        self._trim()
        for channel_key in waiting:
            if channel_key in self.cards:
                self._show_images(channel_key)

    def pixmap_bytes(self) -> int:
        return sum(p.width() * p.height() * max(1, p.depth() // 8) for p in self._pixmaps.values())

    def _trim(self) -> None:
        """The least recently shown go first once the budget is spent (cards keep their own)."""
        while len(self._pixmaps) > 1 and self.pixmap_bytes() > PIXMAP_BUDGET:
            self._pixmaps.popitem(last=False)

    def _release_unshown(self) -> None:
        shown = {path for paths in self._rendered.values() for path in paths if path}
        for key in [k for k in self._pixmaps if k[0] not in shown]:
            del self._pixmaps[key]

    def wait_for_images(self, msecs: int = 10_000) -> None:
        """Block until every requested image is decoded and shown (tests, screenshots)."""
        self.loader.wait(msecs)
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()

    def _on_tile(self, channel_key: str, index: int) -> None:
        card = self.cards.get(channel_key)
        if card is not None and index < len(card.media_ids):
            self.crop_requested.emit(channel_key, card.media_ids[index])
