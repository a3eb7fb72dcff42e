"""The queue in the window: the Queue tab (Ctrl+4), the setting that keeps the scheduler running
in the tray when the window is closed, and the notices of what went out. The scheduler and the
tray belong to the shell (they outlive a window rebuilt in another language); this controller
attaches to them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from composer.gui.actions import make_action


class QueueController(QObject):
    open_post = Signal(object)  # a Post opened from the queue

    def __init__(self, window: QMainWindow, services, runner, settings, show_tab):
        super().__init__(window)
        self.window, self.services, self.runner, self.settings = window, services, runner, settings
        self.panel = None  # built the first time its tab opens
        self.scheduler = None
        self.tray = None
        self.actions = {
            "queue": make_action(window, "showQueue", self.tr("&Queue and calendar"), ["Ctrl+4"],
                                 show_tab),
            "keep_in_tray": make_action(
                window, "keepInTray",
                self.tr("Keep sending scheduled posts from the &tray when the window is closed"),
                ["Ctrl+Shift+B"], self._keep_in_tray_toggled),
        }
        keep = self.actions["keep_in_tray"]
        keep.setCheckable(True)
        keep.setChecked(settings.keep_in_tray)

    def attach(self, scheduler, tray) -> None:
        self.scheduler, self.tray = scheduler, tray
        scheduler.ran.connect(self.ran)

    def panel_for(self, holder):
        if self.panel is None:
            from composer.gui.queue.queue_panel import QueuePanel

            self.panel = QueuePanel(self.services, self.runner, holder)
            self.panel.open_requested.connect(self.open_post)
            holder.layout().addWidget(self.panel)
        return self.panel

    def refresh(self) -> None:
        if self.panel is not None:
            self.panel.refresh()

    def _keep_in_tray_toggled(self) -> None:
        on = self.actions["keep_in_tray"].isChecked()
        self.settings.keep_in_tray = on
        self.settings.save()
        QApplication.setQuitOnLastWindowClosed(not on)
        if on and self.tray is not None:
            self.tray.show()

    # -- telling the officer -------------------------------------------------------------------

    def ran(self, sent: list) -> None:
        """A run of the scheduler: refresh the queue; say what happened when not in front."""
        if self.panel is not None and self.panel.isVisible():
            self.panel.refresh()  # times pass: due, due within the hour, missed
        told = [s for s in sent if s.state in ("published", "failed", "missed")]
        if not told:
            return
        went = [f"{s.account} ({s.title})" for s in told if s.state == "published"]
        not_sent = [f"{s.account}: {s.reason}" for s in told if s.state != "published"]
        self.tell(self.tr("Siaran: scheduled posts"), went, not_sent)

    def publish_ended(self, outcomes) -> None:
        """The publish dialog's run ended (its outcomes by account)."""
        went = [o.account for o in outcomes if o.ok]
        not_sent = [f"{o.account}: {o.reason or o.state}" for o in outcomes if not o.ok]
        self.tell(self.tr("Siaran: publishing finished"), went, not_sent)

    def in_front(self) -> bool:
        """Is one of Siaran's windows the active one (the officer sees what happened)?"""
        return QApplication.activeWindow() is not None

    def tell(self, title: str, went: list[str], not_sent: list[str]) -> None:
        if self.tray is None or self.in_front():
            return  # the officer is looking at the window: it says so itself
        lines = []
        if went:
            lines.append(self.tr("Went out: {names}").format(names=", ".join(went)))
        if not_sent:
            lines.append(self.tr("Did not go out: {names}").format(names="; ".join(not_sent)))
        if lines:
            self.tray.notify(title, "\n".join(lines), problem=bool(not_sent))
