"""The per-keystroke path: a change to the draft re-counts the chosen channels' text (through
composer.core.text) and hands the result to every view that shows it: the counter chips, the
master editor's overflow mark, the per-channel text panel, and the previews' text. Nothing here
touches an image; image renders go through media/renders.py in the background."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal

from composer.gui.editor.channels import ChannelInfo
from composer.gui.editor.counting import ChannelCount, count_channel, utf16_offset

log = logging.getLogger("siaran.gui.live")


def overflow_message(channels: list[ChannelInfo], counts: dict[str, ChannelCount]) -> str:
    over = [c.label for c in channels if not counts[c.key].fits]
    if not over:
        return ""
    return QCoreApplication.translate("Live", "Too long for {channels}: the marked text does not fit.").format(
        channels=", ".join(over))


def _warm_up(previews: bool) -> None:
    try:
        from composer.core.text import warm_up
        warm_up()
        if previews:  # still behind the welcome page: its modules are ready when it shows
            import composer.gui.previews  # noqa: F401
    except Exception:  # only a head start: counting still compiles them when it needs them
        log.exception("warm-up failed")


class LiveUpdater(QObject):
    counted = Signal(dict)  # key -> ChannelCount, after every update

    def __init__(self, model, editor, counters, channel_text, parent=None):
        super().__init__(parent)
        self.model, self.editor, self.counters, self.channel_text = model, editor, counters, channel_text
        self.previews = None  # set when the previews panel exists
        self.channels: list[ChannelInfo] = []
        self.counts: dict[str, ChannelCount] = {}
        for signal in (model.text_changed, model.media_changed, model.alt_changed,
                       model.template_changed, model.replaced):
            signal.connect(self.update)
        model.variant_changed.connect(lambda _key: self.update())

    def warm_up(self, previews: bool = False) -> None:
        """The text engine compiles its big URL and emoji patterns on first use (~100 ms): the
        window asks for this off the GUI thread once start-up has settled, instead of in the
        middle of the first link the officer types (counting still compiles them if needed
        sooner). ``previews``: the previews' modules too, not loaded yet."""
        threading.Thread(target=_warm_up, args=(previews,), name="warm-up", daemon=True).start()

    def set_channels(self, channels: list[ChannelInfo]) -> None:
        self.channels = list(channels)
        self.counters.set_channels(self.channels)
        self.channel_text.set_channels(self.channels)
        if self.previews is not None:
            try:
                self.previews.set_channels([(c.key, c.spec, dict(c.display)) for c in self.channels])
            except Exception:  # a preview bug must not stop composing; the log has it
                log.exception("previews.set_channels failed")
        self.update()

    def update(self) -> None:
        post = self.model.post
        self.counts = {c.key: count_channel(post, c) for c in self.channels}
        self.counters.update_counts(self.counts)
        self._mark_master()
        self.channel_text.update_counts(self.counts)
        if self.previews is not None:
            try:
                self.previews.update_text(post)
            except Exception:
                log.exception("previews.update_text failed")
        self.counted.emit(self.counts)

    def _mark_master(self) -> None:
        """Mark the earliest overflow among the channels that follow the master text."""
        text = self.model.post.text
        starts = [at for c in self.channels
                  if self.model.follows(c.key, "text") and (at := self.counts[c.key].overflow_at) is not None
                  and not self.counts[c.key].parts]  # a channel that splits into a thread fits
        following = [c for c in self.channels if self.model.follows(c.key, "text")]
        message = overflow_message([c for c in following if not self.counts[c.key].parts],
                                   self.counts)
        start = utf16_offset(text, min(starts)) if starts else None
        self.editor.show_overflow(start, message)
