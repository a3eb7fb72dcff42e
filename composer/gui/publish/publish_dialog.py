"""The publish dialog. First page: what goes where and what the checks found; it is also the
confirmation (nothing is sent before "Publish" is pressed). Second page: per-channel progress,
then each result: a link, or the reason in plain words; "Retry failed" and "Cancel".

Publishing is the core Engine's job (journal first, exactly once, retries); it runs through the
task runner, so the window stays responsive and Cancel reaches the engine's cancel event."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from composer.core.adapters import Severity
from composer.core.i18n import UserError
from composer.core.journal import State
from composer.core.outcome import Outcome
from composer.gui.dialog_size import fit
from composer.gui.publish import corrections
from composer.gui.publish.findings import ChannelPlan, grouped, plan
from composer.gui.publish.manual_row import ManualRow, confirm_job, is_manual, prepare_share
from composer.gui.publish.progress_rows import PlanRow, ProgressRow

# The journal's error kind for a channel refused before any request (outgoing.build).
REFUSED_BEFORE_SENDING = "NotPublishable"


def publish_job(ctx, services, post, targets: list, by_hand: tuple = (), correction=None):
    """Runs on a worker: the Engine publishes to every target at once; channels sent by hand
    (WhatsApp) are only prepared, for the officer to send and confirm. Returns the outcomes
    (a failed one too when a by-hand variant cannot be made) and the prepared shares."""
    def progress(account: str, step: str, fraction) -> None:
        ctx.progress(step, fraction, account=account)

    prepared, outcomes = [], []
    for account in by_hand:
        try:
            prepared.append(prepare_share(services.engine, post, account))
        except UserError as exc:  # text too long for the channel: said on its row
            platform = services.engine.target(account).platform
            outcomes.append(Outcome(account, platform, State.FAILED, reason=str(exc)))
    if targets:
        outcomes += services.engine.publish(post, targets, progress=progress, cancel=ctx.cancel_event,
                                            correction=correction)
    return outcomes, prepared


def schedule_job(ctx, services, post, accounts: list[str], when):
    """Runs on a worker: each account into the queue at ``when`` (the platform holds it where
    it can, Siaran sends it otherwise), as `siaran schedule`. Returns, per account, the queued
    item or the one line why not."""
    results = {}
    for account in accounts:
        try:
            (results[account],) = services.queue.schedule(post, [account], when)
        except UserError as exc:
            results[account] = str(exc)
    return results


def target_for(services, channel):
    """The engine's target: an account's name, or the ad-hoc folder target."""
    if channel.account is not None:
        return channel.account
    from composer.core.outcome import Target

    root = services.folder_root()
    return Target("folder", "folder", {"path": root} if root else {}, adhoc=True)


class PublishDialog(QDialog):
    published = Signal()  # a publish run finished (whatever the outcomes)

    def __init__(self, services, runner, post, channels, proxies=None, parent=None, *, settings=None,
                 correction=None):
        """``correction``: what the first Publish asks the engine for per account (History's
        "Publish again" of a deleted post: {account: "as_new"})."""
        super().__init__(parent)
        self.preset_correction = correction
        self.services, self.runner, self.post = services, runner, post
        # The time is the field's: the checks look at the post as it goes out now or at its
        # time (Siaran sends it itself where the platform cannot hold it)
        self.zone = services.office().zone
        held_for = post.schedule
        post.schedule = None
        from composer.gui.queue.schedule_field import ScheduleField

        self.schedule = ScheduleField(self.zone, held_for, parent=self)
        self.schedule.changed.connect(self._update_buttons)
        self.setObjectName("publishDialog")
        self.setWindowTitle(self.tr("Publish"))
        fit(self, "publish", 760, 520)
        self.plans: list[ChannelPlan] = plan(post, channels)
        self.plan_rows: dict[str, PlanRow] = {}
        self.rows: dict[str, ProgressRow] = {}
        self.manual_rows: dict[str, ManualRow] = {}  # the rows sent by hand, also in rows
        self.task = None
        self.confirm_task = None
        self.outcomes: dict[str, Outcome] = {}
        # The GUI settings remember who last confirmed a by-hand post (None: nobody is remembered)
        self.settings = settings

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._summary_page())
        self.pages.addWidget(self._progress_page())

        self.publish_button = QPushButton(self)
        self.publish_button.setObjectName("confirmPublish")
        self.publish_button.setDefault(True)
        self.retry_button = QPushButton(self.tr("&Retry failed"), self)
        self.retry_button.setObjectName("retryFailed")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelPublish")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closePublish")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.retry_button, self.cancel_button, self.close_button, self.publish_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        self.publish_button.clicked.connect(lambda: self.start(correction=self.preset_correction))
        self.retry_button.clicked.connect(self.retry_failed)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self,
                  lambda: self.start(correction=self.preset_correction))
        self._update_buttons()

    # -- page 1: what goes where ---------------------------------------------------------

    def _summary_page(self) -> QWidget:
        page = QWidget(self)
        col = QVBoxLayout(page)
        self.heading = QLabel(page)
        self.heading.setObjectName("publishHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        col.addWidget(self.heading)
        col.addWidget(self.schedule)
        if not self.plans:
            col.addWidget(QLabel(self.tr("No channel is chosen. Tick channels on the left first."), page))
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        body = QWidget()
        rows = QVBoxLayout(body)
        for p in self.plans:
            row = PlanRow(p, body)
            row.toggled.connect(self._update_buttons)
            self.plan_rows[self._account_of(p)] = row
            rows.addWidget(row)
        rows.addWidget(self._findings_box(body))
        rows.addStretch(1)
        scroll.setWidget(body)
        col.addWidget(scroll, 1)
        note = QLabel(page)
        note.setObjectName("publishNote")
        note.setWordWrap(True)
        if any(not p.publishable for p in self.plans):
            note.setText(self.tr("Channels marked ✗ are not published: the reason is under each. "
                                 "The others go out."))
        col.addWidget(note)
        return page

    def _findings_box(self, parent: QWidget) -> QWidget:
        """What the checks found on the channels that go out, one line per finding however
        many channels share it."""
        box = QWidget(parent)
        box.setObjectName("groupedFindings")
        lines = QVBoxLayout(box)
        lines.setContentsMargins(4, 8, 4, 0)
        for line in grouped(self.plans):
            colour = "#b26a00" if line.severity == Severity.WARN else "#5f6368"
            mark = "!" if line.severity == Severity.WARN else "i"
            label = QLabel(f"<span style='color:{colour}'>{mark} {html.escape(line.text)}</span>", box)
            label.setObjectName("findingLine")
            label.setWordWrap(True)
            label.setToolTip(", ".join(line.channels))
            label.setAccessibleName(line.text)
            lines.addWidget(label)
        box.setVisible(lines.count() > 0)
        return box

    # -- page 2: progress and results ----------------------------------------------------

    def _progress_page(self) -> QWidget:
        page = QWidget(self)
        col = QVBoxLayout(page)
        self.progress_heading = QLabel(page)
        self.progress_heading.setObjectName("progressHeading")
        font = self.progress_heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.progress_heading.setFont(font)
        col.addWidget(self.progress_heading)
        for p in self.plans:
            if p.publishable:
                row: ProgressRow
                if is_manual(p.channel):
                    row = manual = ManualRow(
                        p.channel, self._account_of(p),
                        self.settings.manual_sender if self.settings is not None else "", page)
                    manual.confirm_requested.connect(self.confirm_manual)
                    self.manual_rows[self._account_of(p)] = manual
                else:
                    row = ProgressRow(p.channel, page)
                self.rows[self._account_of(p)] = row
                col.addWidget(row)
        self.corrections = corrections.CorrectionsPanel(
            {self._account_of(p): p.channel.label for p in self.plans}, page)
        self.corrections.apply_requested.connect(lambda chosen: self.start(list(chosen), chosen))
        col.addWidget(self.corrections)
        col.addStretch(1)
        return page

    def _account_of(self, p: ChannelPlan) -> str:
        return p.channel.account or p.channel.key

    # -- running -------------------------------------------------------------------------

    def start(self, accounts: list[str] | None = None, correction: dict | None = None) -> None:
        if self.task is not None and not self.task.is_done:
            return
        chosen = [p for p in self.chosen_plans()
                  if accounts is None or self._account_of(p) in accounts]
        if not chosen:
            return
        if accounts is None:  # the first run: rows only for what goes out
            for account, row in self.rows.items():
                row.setVisible(any(self._account_of(p) == account for p in chosen))
        self.pages.setCurrentIndex(1)
        when = self.schedule.value()
        if when is not None and accounts is None:
            self._start_schedule(chosen, when)
            return
        self.progress_heading.setText(self.tr("Publishing…"))
        targets = [target_for(self.services, p.channel) for p in chosen if not is_manual(p.channel)]
        by_hand = tuple(self._account_of(p) for p in chosen if is_manual(p.channel))
        for p in chosen:
            self.rows[self._account_of(p)].set_waiting()
        self.task = self.runner.submit(publish_job, self.services, self.post, targets, by_hand,
                                       correction, name="publish")
        self.task.progressed.connect(self._progress)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(lambda: self._failed(self.tr("Cancelled")))
        self._update_buttons()

    def _start_schedule(self, chosen: list[ChannelPlan], when) -> None:
        from composer.core.office import format_datetime

        self.progress_heading.setText(self.tr("Scheduling for {time}…").format(
            time=format_datetime(when, zone=self.zone)))
        accounts = []
        for p in chosen:
            row = self.rows[self._account_of(p)]
            if p.channel.account is None or is_manual(p.channel):
                row.set_error(self.tr("Sent by hand or without an account: it cannot be "
                                      "scheduled; publish it at its time"))
                continue
            row.set_waiting()
            accounts.append(p.channel.account)
        self.task = self.runner.submit(schedule_job, self.services, self.post, accounts, when,
                                       name="schedule")
        self.task.finished.connect(lambda results: self._scheduled(results, when))
        self.task.failed.connect(self._failed)
        self._update_buttons()

    def _scheduled(self, results: dict, when) -> None:
        from composer.core.office import format_datetime

        shown = format_datetime(when, zone=self.zone)
        ok = 0
        for account, result in results.items():
            row = self.rows[account]
            if isinstance(result, str):
                row.set_error("✗ " + result)
                continue
            ok += 1
            row.finished = True
            row.bar.setRange(0, 100)
            row.bar.setValue(100)
            how = (self.tr("held by {channel} until then").format(channel=result.channel)
                   if result.mode == "native" else self.tr("Siaran sends it then"))
            row.status.setText("<span style='color:#2e7d32'>✓</span> " + html.escape(
                self.tr("Scheduled for {time}, {how}").format(time=shown, how=how)))
        self.progress_heading.setText(self.tr("Scheduled to %n channel(s) for {time}.", "", ok)
                                      .format(time=shown))
        self.scheduled_results = results
        self._update_buttons()
        self.published.emit()

    def _progress(self, step: str, fraction, data: dict) -> None:
        row = self.rows.get(data.get("account", ""))
        if row is not None:
            row.set_step(step, fraction)

    def _finished(self, result) -> None:
        outcomes, prepared = result or ((), ())
        for outcome in outcomes:
            self.outcomes[outcome.account] = outcome
            row = self.rows.get(outcome.account)
            if row is not None:
                row.set_outcome(outcome)
        self.corrections.offer(outcomes)
        for share in prepared:
            self.outcomes.pop(share.account, None)  # waits for the officer, not failed
            self.manual_rows[share.account].set_prepared(share)
            if share.sent is not None:  # confirmed before (the journal says by whom)
                self.outcomes[share.account] = share.sent
                self.manual_rows[share.account].set_confirmed(share.sent, "")
        self._update_heading()
        self._update_buttons()
        self.published.emit()

    def _update_heading(self) -> None:
        ok = sum(1 for o in self.outcomes.values() if o.ok)
        failed = len(self.outcomes) - ok
        by_hand = sum(1 for r in self.rows.values() if isinstance(r, ManualRow) and r.awaiting)
        if failed:
            text = self.tr("Published to {ok}; {failed} did not go out.").format(ok=ok, failed=failed)
            if by_hand:
                text += " " + self.tr("%n channel(s) to send by hand.", "", by_hand)
        elif by_hand:
            text = self.tr("Ready: %n channel(s) to send by hand.", "", by_hand)
        else:
            text = self.tr("Published everywhere.")
        self.progress_heading.setText(corrections.heading(self, self.outcomes.values(), text))

    # -- channels sent by hand (WhatsApp) ----------------------------------------------------

    def confirm_manual(self, account: str, name: str) -> None:
        """The officer sent it: the journal records it (off the GUI thread), once."""
        row = self.manual_rows[account]
        if row.prepared is None:  # the row asks only once it is prepared
            return
        task = self.runner.submit(confirm_job, self.services, row.prepared.share, name,
                                  name="confirm-manual")
        task.finished.connect(lambda outcome: self._confirmed(row, outcome, name))
        task.failed.connect(row.confirm_failed)
        self.confirm_task = task

    def _confirmed(self, row, outcome, name: str) -> None:
        self.outcomes[row.account] = outcome
        row.set_confirmed(outcome, name)
        if self.settings is not None and self.settings.manual_sender != name:
            self.settings.manual_sender = name  # offered next time: the officer at this desk
            self.settings.save()
        self._update_heading()
        self._update_buttons()
        self.published.emit()  # the history shows it

    def _failed(self, message: str) -> None:
        for row in self.rows.values():
            if not row.finished:
                row.set_error(message)
        self.progress_heading.setText(message)
        self._update_buttons()
        self.published.emit()

    def chosen_plans(self) -> list[ChannelPlan]:
        """The ticked channels (a channel the rule book blocks cannot be ticked)."""
        return [p for p in self.plans if self.plan_rows[self._account_of(p)].chosen]

    def failed_accounts(self) -> list[str]:
        """What a retry could still send: not what was refused before any request (the rule
        book's block, or an image the renderer refused), which fails the same way again, nor a
        channel changed since published, which waits for the officer's choice."""
        return [name for name, o in self.outcomes.items()
                if not o.ok and o.error != REFUSED_BEFORE_SENDING and o.state != State.CHANGED]

    def retry_failed(self) -> None:
        failed = self.failed_accounts()
        if failed:
            self.start(failed)

    def cancel(self) -> None:
        if self.task is not None and not self.task.is_done:
            self.task.cancel()
            self.progress_heading.setText(self.tr("Cancelling… (what is already posted stays posted)"))
        else:
            self.reject()

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.is_done

    def _update_buttons(self) -> None:
        on_summary = self.pages.currentIndex() == 0
        count = len(self.chosen_plans())
        if self.schedule.scheduled:
            self.heading.setText(self.tr("Schedule to %n channel(s)?", "", count))
            self.publish_button.setText(self.tr("&Schedule to %n channel(s)", "", count))
        else:
            self.heading.setText(self.tr("Publish to %n channel(s)?", "", count))
            self.publish_button.setText(self.tr("&Publish to %n channel(s)", "", count))
        self.publish_button.setVisible(on_summary)
        self.publish_button.setEnabled(count > 0)
        self.cancel_button.setVisible(on_summary or self.running)
        self.retry_button.setVisible(not on_summary and not self.running and bool(self.failed_accounts()))
        self.close_button.setVisible(not on_summary and not self.running)

    def reject(self) -> None:
        if self.running:  # closing mid-publish would hide what happens; cancel first
            self.cancel()
            return
        super().reject()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.running:
            self.cancel()
            return
        super().keyPressEvent(event)
