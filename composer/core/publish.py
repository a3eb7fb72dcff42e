"""The publish engine: one post to many accounts, each exactly once.

For every (post, account) the journal gets a row before any request. Each account runs in its
own thread with its own ``httpx.Client``; the adapter's typed error decides what comes next:

==================  =========================================================================
AuthExpired         failed, "sign in again"
RateLimited         wait what the platform asked (capped, cancellable), then retry
Transient           back off with jitter, retry (bounded)
Unknown / crash     state unknown: ``find_existing`` first, retry only if the post is not there
Duplicate           failed (after a look-up when an earlier attempt may have posted it)
Rejected            failed with the platform's reason
MediaInvalid        failed with the platform's reason
==================  =========================================================================

A crash between "request sent" and "answer recorded" leaves the row with ``attempts > 0`` and
not posted; a resume (or a new publish of the same post) therefore looks before it sends. Time
is injectable (``sleep``) so tests run faults without real waiting.

A post already out is never sent again on its own: unchanged, the outcome is "already
published" (``State.ALREADY``); changed, it is "changed since published" (``State.CHANGED``)
with the choices the channel allows (composer.core.corrections), until the officer passes
``correction={account: "update" | "replace" | "as_new"}``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import random
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.core import adapters as A
from composer.core import corrections as C
from composer.core.accounts import Accounts, Secrets
from composer.core.governance.audit import AuditTrail
from composer.core.i18n import UserError, _
from composer.core.journal import FINDINGS_KEY, Entry, Journal, State, snapshot_of
from composer.core.outcome import Outcome, Policy, Target, reason_for
from composer.core.outgoing import NotPublishable, RenderOnce, build_checked, idempotency_key
from composer.core.post import MediaRef, Post
from composer.core.registry import Registry
from composer.core.store import Store

if TYPE_CHECKING:  # httpx is imported when the first client is built, not with the engine
    import ssl

    import httpx

    from composer.core.checks import ChannelCheck

log = logging.getLogger("siaran.publish")

ProgressFn = Callable[[str, str, float | None], None]  # (account, step, fraction)
SleepFn = Callable[[float, threading.Event], None]
# One account's share of a publish: (post id, where to, what to send or the answer already known).
Job = tuple[str, Target, Callable[[], Entry | Outcome]]


def _real_sleep(seconds: float, cancel: threading.Event) -> None:
    cancel.wait(seconds)


# Rows never sent again: published, deleted, or sent by hand and confirmed (WhatsApp).
_DONE = (State.POSTED, State.DELETED, State.MANUAL)

# Rows a publish (or resume) goes on sending.
UNFINISHED_STATES = (State.PENDING, State.MEDIA_UPLOADED, State.UNKNOWN, State.CANCELLED,
                     State.FAILED)

# The officer looked and the post is not on the platform: send without looking again.
CONFIRMED_ABSENT = "ConfirmedAbsent"


class SignInRefused(UserError):
    """The platform said these credentials are wrong (not merely unreachable)."""


class Engine:
    def __init__(self, store: Store, registry: Registry, secrets: Secrets | None = None, *,
                 accounts: Accounts | None = None, policy: Policy | None = None,
                 sleep: SleepFn = _real_sleep, rng: random.Random | None = None,
                 transport_factory: Callable[[], httpx.BaseTransport] | None = None,
                 cache_dir: Path | None = None,
                 media_file: Callable[[MediaRef], Path] | None = None,
                 gate: Callable[[Post, list[tuple[str, str]]], None] | None = None,
                 audit: AuditTrail | None = None):
        self.store = store
        self.registry = registry
        # Without secrets (tests, ad-hoc channels that bring their own) only a named account's
        # secrets are missing, and asking for them fails as it always did.
        self.accounts = accounts or Accounts(store, secrets,  # type: ignore[arg-type]
                                             registry=registry)
        self.journal = Journal(store)
        self.policy = policy or Policy()
        self.sleep = sleep
        self.rng = rng or random.Random()
        self._rng_lock = threading.Lock()
        self.transport_factory = transport_factory  # tests: an httpx transport per client
        self.cache_dir = cache_dir or store.paths.cache / "outgoing"
        self.media_file = media_file or getattr(store, "media_file", None)
        self._ssl: ssl.SSLContext | None = None
        self._running: set[tuple[str, str]] = set()  # (post, account) being published now
        self.locks_dir = store.paths.data / "locks"
        # Governance (docs/governance.md): before anything is sent, the office's approval
        # policy and any crisis hold are asked; raising refuses the whole publish
        self.gate = gate or self._default_gate()
        from composer.core.governance.hold import Holds

        self.hold_gate: Callable[[], None] = Holds(store.paths.data).gate
        self.audit = audit or AuditTrail(store.paths.data / "audit.jsonl")

    # -- public API ---------------------------------------------------------------------------

    def publish(self, post: Post, accounts: list[str | Target], progress: ProgressFn | None = None,
                cancel: threading.Event | None = None,
                correction: Mapping[str, str] | None = None) -> list[Outcome]:
        """Publish ``post`` to every account at once; returns one Outcome per account.

        ``correction`` maps an account to the officer's choice for a post that changed since
        it was published there ("update", "replace" or "as_new"); without one such an account
        is sent nothing and its outcome lists the choices."""
        targets = list({t.account: t for t in map(self.target, reversed(accounts))}.values())
        targets.reverse()  # each account once, in the order asked
        self.gate(post, [(t.account, t.platform) for t in targets])
        specs = {t.platform: self.registry.get(t.platform).spec for t in targets
                 if t.platform in self.registry}
        cancel = cancel or threading.Event()
        render = RenderOnce(self.cache_dir / post.id, self.media_file, specs.values(),
                            cancelled=cancel.is_set,
                            progress=self._shaping(targets, specs, progress))
        chosen = dict(correction or {})
        jobs: list[Job] = [
            (post.id, t, functools.partial(self._prepare, post, t, render, chosen.get(t.account)))
            for t in targets]
        outcomes = self._run_all(jobs, progress, cancel)
        self._record(post.id, outcomes)
        return outcomes

    def _record(self, post_id: str, outcomes: list[Outcome]) -> None:
        """Into the audit trail: what went out where, with the platforms' ids."""
        sent = [o for o in outcomes if o.sent or o.action]
        if not sent:
            return
        self.audit.record("updated" if any(o.action for o in sent) else "published",
                          post=post_id, results=[
                              {"account": o.account, "platform": o.platform,
                               "state": str(o.state), "id": o.remote_id, "url": o.url,
                               "action": o.action} for o in sent])

    def _default_gate(self) -> Callable[[Post, list[tuple[str, str]]], None]:
        from composer.core.governance.approvals import engine_gate
        from composer.core.governance.hold import Holds

        paths = self.store.paths
        holds = Holds(paths.data)
        approved = engine_gate(paths.config, paths.data, self.registry, self.accounts.find,
                               self.media_file, hold_started=holds.last_started)

        def gate(post: Post, targets: list[tuple[str, str]]) -> None:
            holds.gate()  # a crisis hold stops everything, approved or not
            approved(post, targets)
        return gate

    @staticmethod
    def _shaping(targets: list[Target], specs: Mapping[str, A.PlatformSpec],
                 progress: ProgressFn | None) -> Callable[[float], None] | None:
        """The video's one shaping pass, reported on every account that takes the video (step
        "video"), so each channel says how far its file is before its upload starts."""
        accounts = [t.account for t in targets
                    if t.platform in specs and specs[t.platform].video is not None]
        if progress is None or not accounts:
            return None
        report = progress

        def shaping(fraction: float) -> None:
            for account in accounts:
                report(account, "video", fraction)
        return shaping

    def resume(self, post_id: str | None = None, progress: ProgressFn | None = None,
               cancel: threading.Event | None = None,
               targets: Mapping[str, Target] | None = None) -> list[Outcome]:
        """Finish what a crash, a cancel or a fault left unfinished; never repeat a success.
        ``targets`` supplies ad-hoc channels (with their secrets) by account name."""
        self.hold_gate()  # a crisis hold stops the unfinished sends too
        jobs: list[Job] = []
        skipped: list[Outcome] = []
        for entry in self.journal.unfinished(post_id):
            try:
                target = (targets or {}).get(entry.account) or self._target_of(entry)
            except UserError as exc:  # the account is gone: say so, keep the row for later
                skipped.append(Outcome(entry.account, entry.platform, entry.state, str(exc),
                                       error="NoAccount", attempts=entry.attempts))
                continue
            jobs.append((entry.post_id, target, _as_journalled(entry)))
        return skipped + self._run_all(jobs, progress, cancel or threading.Event())

    def unpublish(self, post_id: str, account: str, *, target: Target | None = None) -> Outcome:
        """Delete the post from the platform where it allows; ``target`` supplies the secrets
        of an ad-hoc channel (accounts come from the keyring)."""
        entry = self.journal.get(post_id, account)
        if entry is None or entry.state != State.POSTED:
            raise UserError(_("The post {post} was not published to '{account}'",
                              post=post_id, account=account))
        platform = self.registry.get(entry.platform)
        adapter = platform.make_adapter()
        published = entry.result  # a published row always has one
        if adapter is None or published is None or not self.can_unpublish(entry):
            raise UserError(_("{channel} does not let Siaran delete posts; delete it there: {url}",
                              channel=platform.spec.name, url=entry.url or entry.remote_id))
        cancel = threading.Event()
        with self.session(target or self._target_of(entry), entry, cancel=cancel) as ctx:
            for attempt in range(1, self.policy.max_attempts + 1):
                try:
                    adapter.delete(ctx, published)
                except (A.Transient, A.Unknown, A.RateLimited) as exc:
                    if attempt == self.policy.max_attempts:
                        raise UserError(reason_for(exc, platform.spec, attempt)) from None
                    self.sleep(self._wait_for(exc, attempt), cancel)
                    continue
                except A.AdapterError as exc:
                    raise UserError(reason_for(exc, platform.spec, attempt)) from None
                break
        outcome = Outcome.of(self.journal.unpublished(entry.id))
        self.audit.record("unpublished", post=post_id, account=account, id=entry.remote_id)
        return outcome

    def can_unpublish(self, entry: Entry) -> bool:
        """Can Siaran delete this row's post (History's menu asks the same as the CLI)?"""
        if entry.state != State.POSTED or entry.platform not in self.registry:
            return False
        platform = self.registry.get(entry.platform)
        return platform.adapter is not None and platform.spec.can(A.Capability.DELETE)

    def reschedule(self, post_id: str, account: str, when: datetime | None, *,
                   target: Target | None = None) -> Outcome:
        """Move a post the platform holds for later to ``when``, or take it off the schedule
        (``when`` None: it does not go out). See composer.core.scheduling."""
        from composer.core import scheduling

        return scheduling.reschedule(self, post_id, account, when, target=target)

    def settle(self, post_id: str, account: str, *, exists: bool, url: str | None = None) -> Outcome:
        """The officer looked on the platform after an unanswered send: the post is there
        (recorded as published, with its address if given), or it is not (the next resume
        sends it without looking again)."""
        entry = self.journal.get(post_id, account)
        if entry is None or entry.state in (State.POSTED, State.DELETED):
            raise UserError(_("Nothing to settle for '{account}' on post {post}",
                              account=account, post=post_id))
        if exists:
            result = A.PublishResult(url or "confirmed-by-officer", url)
            return Outcome.of(self.journal.posted(entry.id, result, detail="confirmed by officer"))
        return Outcome.of(self.journal.record(
            entry.id, State.FAILED, error=CONFIRMED_ABSENT, detail="confirmed missing by officer",
            reason=_("Not on {channel}; resume to publish it", channel=self.registry.get(
                entry.platform).spec.name)))

    def verify(self, account: str | Target) -> A.AccountInfo:
        """Whose account is this? Asks the platform (a wrong password shows here, not at the
        first publish); raises UserError with the officer's reason."""
        target = self.target(account)
        platform = self.registry.get(target.platform)
        adapter = platform.make_adapter()
        if adapter is None or not platform.spec.can(A.Capability.VERIFY):
            raise UserError(_("{channel} cannot check an account", channel=platform.spec.name))
        with self.session(target) as ctx:
            try:
                return adapter.verify(ctx)
            except (A.AuthExpired, A.Rejected) as exc:
                detail = f" ({exc.reason})" if exc.reason else ""
                raise SignInRefused(_("{channel} did not accept these credentials{detail}; check "
                                      "them and try again", channel=platform.spec.name,
                                      detail=detail)) from None
            except A.AdapterError as exc:
                raise UserError(reason_for(exc, platform.spec, 1)) from None

    @contextlib.contextmanager
    def session(self, account: str | Target, entry: Entry | None = None,
                progress: ProgressFn | None = None,
                cancel: threading.Event | None = None) -> Iterator[A.PublishContext]:
        """An adapter context (its own httpx client) for one account, outside a publish."""
        target = self.target(account)
        spec = self.registry.get(target.platform).spec
        with self._client() as client:
            yield self._context(client, target, entry, spec, progress,
                                cancel or threading.Event())

    def target(self, ref: str | Target) -> Target:
        if isinstance(ref, Target):
            return ref
        account = self.accounts.get(ref)
        return Target(account.name, account.platform, dict(account.settings),
                      self.accounts.secrets_of(account.name))

    # -- one account ----------------------------------------------------------------------------

    def _prepare(self, post: Post, target: Target, render: RenderOnce,
                 choice: str | None = None) -> Entry | Outcome:
        """Build the outgoing post and write (or find) its journal row; no request yet.
        Returns the row to go on publishing, or the Outcome when there is nothing to send."""
        platform = self.registry.get(target.platform)
        spec = platform.spec
        try:
            outgoing, verdict = build_checked(
                post, target.account, spec, out_dir=self.cache_dir / post.id,
                limit=_int(target.settings.get("text_limit")), render=render,
                adapter=platform.make_adapter())
        except UserError as exc:  # refused before any request: journalled, never sent
            stub = A.OutgoingPost(post.id, post.text,
                                  idempotency_key=idempotency_key(post.id, target.account))
            entry = self.journal.begin(stub, target.account, spec.id)
            kind = "NotPublishable" if isinstance(exc, NotPublishable) else "MediaInvalid"
            if entry.state in _DONE or entry.correcting:  # what is out stays as it is
                return Outcome(entry.account, entry.platform, State.FAILED, str(exc),
                               entry.remote_id, entry.url, kind, entry.attempts)
            return Outcome.of(self.journal.record(entry.id, State.FAILED, reason=str(exc),
                                                  error=kind))
        entry = self.journal.begin(outgoing, target.account, spec.id)
        # The row's key is the one its current version was sent with (a replaced or re-posted
        # version has its own, see corrections.version_key).
        outgoing = replace(outgoing, idempotency_key=entry.idempotency_key)
        if entry.correcting:
            # A correction journalled but not answered (a crash, a cancel): finish it as it was
            # chosen. An update may as well carry the newest text; it is idempotent.
            if choice == C.Choice.UPDATE and entry.correction.get("action") == C.Choice.UPDATE:
                entry = self.journal.start_correction(entry.id, choice, outgoing)
            return self._with_settings(entry, target)
        if entry.state in (State.POSTED, State.MANUAL):
            return self._published_again(platform, entry, outgoing, choice, target)
        if entry.state == State.DELETED and choice == C.Choice.AS_NEW:
            # Publish again after an unpublish: a new version with its own key; the deleted one
            # stays in the history (composer.core.history)
            entry = self.journal.start_correction(entry.id, C.Choice.AS_NEW, outgoing)
            return self._with_settings(entry, target, verdict)
        if entry.state in _DONE:
            return Outcome.of(entry)
        # New content for a new attempt, unless an earlier send is still unaccounted for: that
        # one must be looked up as it was sent.
        in_doubt = entry.state == State.UNKNOWN or (
            entry.state in (State.PENDING, State.MEDIA_UPLOADED) and entry.attempts > 0)
        if not in_doubt and entry.outgoing() != outgoing:
            self.journal.replace_snapshot(entry.id, outgoing)
        return self._with_settings(self.journal.by_id(entry.id), target,
                                   None if in_doubt else verdict)

    def _with_settings(self, entry: Entry, target: Target,
                       verdict: ChannelCheck | None = None) -> Entry:
        saved: dict[str, Any] = {}
        if target.adhoc:  # no account row to find it by later: a resume reads it from here
            saved["target_settings"] = dict(target.settings)
        if verdict is not None:  # what the rule book said as it went out: the monthly report
            saved[FINDINGS_KEY] = len(verdict.findings)
        if saved:
            self.journal.save_checkpoint(entry.id, saved)
        return self.journal.by_id(entry.id)

    def _published_again(self, platform: A.Platform, entry: Entry, outgoing: A.OutgoingPost,
                         choice: str | None, target: Target) -> Entry | Outcome:
        """A post that is out already: unchanged, say so; changed, wait for the officer's
        choice, or journal it and go on."""
        changed = C.changed_parts(entry.snapshot, snapshot_of(outgoing), platform.spec)
        if not changed:  # what would go out is what is out there
            return Outcome(entry.account, entry.platform, State.ALREADY,
                           _("already published"), entry.remote_id, entry.url,
                           attempts=entry.attempts)
        allowed = C.choices(platform, changed)
        if entry.state == State.MANUAL:  # sent by hand: only by hand again
            allowed = (C.Choice.AS_NEW,)
        if choice is None:
            return Outcome(entry.account, entry.platform, State.CHANGED,
                           C.changed_message(platform, allowed, changed), entry.remote_id,
                           entry.url, attempts=entry.attempts,
                           choices=tuple(c.value for c in allowed))
        if choice not in allowed:
            why = (C.cannot_update(platform, changed) if choice == C.Choice.UPDATE else
                   _("{channel} does not let Siaran delete posts", channel=platform.spec.name))
            return Outcome(entry.account, entry.platform, State.CHANGED,
                           f"{why}; {C.changed_message(platform, allowed, changed)}",
                           entry.remote_id, entry.url, error="NotAllowed",
                           attempts=entry.attempts, choices=tuple(c.value for c in allowed))
        entry = self.journal.start_correction(entry.id, choice, outgoing)
        return self._with_settings(entry, target)

    def _run_one(self, post_id: str, target: Target, prepare: Callable[[], Entry | Outcome],
                 progress: ProgressFn, cancel: threading.Event) -> Outcome:
        key = (post_id, target.account)
        busy = Outcome(target.account, target.platform, State.PENDING, _("Already being published"))
        with self._rng_lock:
            if key in self._running:  # a second click while the first still runs
                return busy
            self._running.add(key)
        try:
            with self._process_lock(post_id, target.account) as mine:
                if not mine:  # another Siaran process (the app, a `siaran resume`) has it
                    return busy
                return self._run_one_exclusively(target, prepare, progress, cancel)
        finally:
            with self._rng_lock:
                self._running.discard(key)

    @contextlib.contextmanager
    def _process_lock(self, post_id: str, account: str) -> Iterator[bool]:
        """An OS file lock per (post, account): the system releases it when its process dies,
        so a crashed publisher never blocks a resume."""
        from filelock import FileLock, Timeout

        name = hashlib.sha256(f"{post_id}/{account}".encode()).hexdigest()[:24]
        self.locks_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(self.locks_dir / f"{name}.lock", timeout=0)
        try:
            lock.acquire()
        except Timeout:
            yield False
            return
        try:
            yield True
        finally:
            lock.release()

    def _run_one_exclusively(self, target: Target, prepare: Callable[[], Entry | Outcome],
                             progress: ProgressFn, cancel: threading.Event) -> Outcome:
        prepared = prepare()
        if isinstance(prepared, Outcome):
            return prepared
        entry: Entry = prepared
        if not entry.correction and entry.state not in UNFINISHED_STATES:
            return Outcome.of(entry)  # a resume found it done meanwhile
        action = str(entry.correction.get("action", ""))
        outcome = self._run_entry(target, entry, progress, cancel)
        if action and outcome.state == State.POSTED:
            outcome = replace(outcome, action=action)
        return outcome

    def _run_entry(self, target: Target, entry: Entry, progress: ProgressFn,
                   cancel: threading.Event) -> Outcome:
        platform = self.registry.get(entry.platform)
        spec = platform.spec
        adapter = platform.make_adapter()
        if adapter is None:
            return Outcome.of(self.journal.record(
                entry.id, State.FAILED, error="Rejected",
                reason=_("Siaran cannot publish to {channel} yet", channel=spec.name)))
        correcting = entry.correcting
        outgoing = self.journal.correction_post(entry) if correcting else entry.outgoing()
        if any(not Path(m.path).exists() for m in outgoing.media):
            if correcting:
                return self._correction_failed(entry, _(
                    "The prepared images are gone; publish the post again"), "Rejected")
            return Outcome.of(self.journal.record(
                entry.id, State.FAILED, error="Rejected",
                reason=_("The prepared images are gone; publish the post again")))
        with self._client() as client:
            ctx = self._context(client, target, entry, spec, progress, cancel)
            if entry.correction.get("action") == C.Choice.UPDATE:
                return self._update(adapter, ctx, entry, outgoing, spec, progress, cancel)
            if entry.correction.get("phase") == "delete":
                moved = self._delete_for_replace(adapter, ctx, entry, spec, progress, cancel)
                if isinstance(moved, Outcome):
                    return moved
                entry, outgoing = moved, moved.outgoing()
                ctx = self._context(client, target, entry, spec, progress, cancel)
            return Outcome.of(self._attempts(adapter, ctx, entry, outgoing, spec, progress, cancel))

    # -- corrections ----------------------------------------------------------------------------

    def _update(self, adapter: A.Adapter, ctx: A.PublishContext, entry: Entry,
                new: A.OutgoingPost, spec: A.PlatformSpec, progress: ProgressFn,
                cancel: threading.Event) -> Outcome:
        """Edit the published post in place. The intent is journalled already; an update that
        got no answer is simply sent again (an edit to the same content is idempotent)."""
        if not isinstance(adapter, A.Editable) or entry.result is None:
            return self._correction_failed(
                self.journal.abandon_correction(entry.id, "not editable"),
                _("{channel} cannot edit a published post", channel=spec.name), "Rejected")
        last: Exception = A.Transient("")
        for attempt in range(1, self.policy.max_attempts + 1):
            if cancel.is_set():
                return self._correction_failed(entry, _("Cancelled before it was updated"),
                                               "Cancelled")
            progress(entry.account, "updating", 0.0)
            self.journal.note(entry.id, f"update attempt {attempt}")
            try:
                result = adapter.update(ctx, entry.result, new)
            except A.Cancelled:
                return self._correction_failed(entry, _("Cancelled before it was updated"),
                                               "Cancelled")
            except (A.RateLimited, A.Transient) as exc:
                last = exc
                wait = self._wait_for(exc, attempt)
                if isinstance(exc, A.RateLimited) and wait > self.policy.max_rate_wait:
                    break
                self.journal.note(entry.id, f"{type(exc).__name__}: retry in {wait:.1f}s")
                self._pause(exc, attempt, cancel, wait)
                continue
            except A.AuthExpired as exc:  # kept under way: a resume after signing in finishes it
                return self._correction_failed(entry, reason_for(exc, spec, attempt),
                                               type(exc).__name__)
            except (A.Rejected, A.MediaInvalid, A.Duplicate) as exc:
                reason = reason_for(exc, spec, attempt)
                return self._correction_failed(
                    self.journal.abandon_correction(entry.id, reason), reason, type(exc).__name__)
            except Exception as exc:  # no answer: the edit may have landed; sending it again is safe
                if not isinstance(exc, A.Unknown):
                    log.exception("adapter %s raised an untyped error on update", spec.id)
                last = exc if isinstance(exc, A.AdapterError) else A.Unknown(type(exc).__name__)
                self.journal.note(entry.id, f"update: no answer ({type(exc).__name__})")
                self._pause(last, attempt, cancel)
                continue
            progress(entry.account, "posted", 1.0)
            return Outcome.of(self.journal.updated(entry.id, result))
        return self._correction_failed(
            entry, reason_for(last, spec, self.policy.max_attempts, gave_up=True),
            type(last).__name__)

    def _delete_for_replace(self, adapter: A.Adapter, ctx: A.PublishContext, entry: Entry,
                            spec: A.PlatformSpec, progress: ProgressFn,
                            cancel: threading.Event) -> Entry | Outcome:
        """A replace's first half: delete the old post (retried; deleting what is already gone
        succeeds), then the row moves to the new version."""
        published = entry.result
        if published is None:  # nothing on record to delete: publish the new version at once
            return self.journal.deleted_for_replace(entry.id)
        last: Exception = A.Transient("")
        for attempt in range(1, self.policy.max_attempts + 1):
            if cancel.is_set():
                return self._correction_failed(entry, _("Cancelled before it was replaced"),
                                               "Cancelled")
            progress(entry.account, "deleting", 0.0)
            self.journal.note(entry.id, f"replace: delete attempt {attempt}")
            try:
                adapter.delete(ctx, published)
            except A.Cancelled:
                return self._correction_failed(entry, _("Cancelled before it was replaced"),
                                               "Cancelled")
            except A.AuthExpired as exc:
                return self._correction_failed(entry, reason_for(exc, spec, attempt),
                                               type(exc).__name__)
            except (A.Rejected, A.MediaInvalid, A.Duplicate) as exc:
                reason = reason_for(exc, spec, attempt)
                return self._correction_failed(
                    self.journal.abandon_correction(entry.id, reason), reason, type(exc).__name__)
            except Exception as exc:  # Transient, RateLimited, Unknown: deleting again is safe
                last = exc if isinstance(exc, A.AdapterError) else A.Unknown(type(exc).__name__)
                self.journal.note(entry.id, f"replace: delete failed ({type(exc).__name__})")
                self._pause(last, attempt, cancel)
                continue
            return self.journal.deleted_for_replace(entry.id)
        return self._correction_failed(
            entry, reason_for(last, spec, self.policy.max_attempts, gave_up=True),
            type(last).__name__)

    def _correction_failed(self, entry: Entry, reason: str, error: str) -> Outcome:
        """A correction that did not go through: the row is untouched (the old version is what
        is out); the outcome says why. A retryable one stays under way for a resume."""
        return Outcome(entry.account, entry.platform, State.FAILED, reason, entry.remote_id,
                       entry.url, error, entry.attempts)

    def _attempts(self, adapter: A.Adapter, ctx: A.PublishContext, entry: Entry,
                  outgoing: A.OutgoingPost, spec: A.PlatformSpec, progress: ProgressFn,
                  cancel: threading.Event) -> Entry:
        # Anything sent before (this run or a crashed one) may have landed: look first, unless
        # the officer has looked on the platform and found it missing.
        must_look = entry.attempts > 0 and entry.error != CONFIRMED_ABSENT
        last: Exception = A.Transient("")
        attempts = self.policy.max_attempts
        for attempt in range(1, attempts + 1):
            if cancel.is_set():
                return self._cancelled(entry)
            if must_look:
                progress(entry.account, "checking", None)
                try:
                    found = adapter.find_existing(ctx, outgoing)
                except A.AuthExpired as exc:
                    return self._fail(entry, exc, spec, attempt)
                except (A.AdapterError, OSError) as exc:
                    last = exc
                    self.journal.note(entry.id, f"look-up failed: {type(exc).__name__}")
                    self._pause(exc, attempt, cancel)
                    continue
                except NotImplementedError:
                    return self._unresolved(entry, spec)
                if found is not None:
                    progress(entry.account, "posted", 1.0)
                    return self.journal.posted(entry.id, found, detail="found after no answer")
                must_look = False
            progress(entry.account, "posting", 0.0)
            state = entry.state if entry.state in (State.PENDING, State.MEDIA_UPLOADED) \
                else State.PENDING
            entry = self.journal.record(entry.id, state, detail=f"attempt {attempt}", attempt=True)
            try:
                result = adapter.publish(ctx, outgoing)
            except A.Cancelled:
                return self._cancelled(entry)
            except (A.RateLimited, A.Transient) as exc:
                last = exc
                wait = self._wait_for(exc, attempt)
                if isinstance(exc, A.RateLimited) and wait > self.policy.max_rate_wait:
                    return self._fail(entry, exc, spec, attempt)
                self.journal.note(entry.id, f"{type(exc).__name__}: retry in {wait:.1f}s")
                progress(entry.account, "waiting", None)
                self._pause(exc, attempt, cancel, wait)
                continue
            except A.Duplicate as exc:
                # An earlier attempt of ours may be what the platform sees as the original.
                if entry.attempts > 1:
                    looked, found = self._look(adapter, ctx, outgoing)
                    if found is not None:
                        return self.journal.posted(entry.id, found, detail="found after duplicate")
                return self._fail(entry, exc, spec, attempt)
            except (A.AuthExpired, A.Rejected, A.MediaInvalid) as exc:
                return self._fail(entry, exc, spec, attempt)
            except Exception as exc:  # Unknown, or an adapter bug mid-request: it may have posted
                if not isinstance(exc, A.Unknown):
                    log.exception("adapter %s raised an untyped error", spec.id)
                last = exc if isinstance(exc, A.AdapterError) else A.Unknown(type(exc).__name__)
                entry = self.journal.record(entry.id, State.UNKNOWN, error="Unknown",
                                            detail=f"no answer: {type(exc).__name__}")
                progress(entry.account, "unknown", None)
                must_look = True
                self._pause(last, attempt, cancel)
                continue
            progress(entry.account, "posted", 1.0)
            return self.journal.posted(entry.id, result)
        if must_look:  # the last attempt had no answer: one more look before giving up
            looked, found = self._look(adapter, ctx, outgoing)
            if found is not None:
                return self.journal.posted(entry.id, found, detail="found after no answer")
            if not looked:
                return self._unresolved(entry, spec)
        return self._fail(entry, last, spec, attempts, gave_up=True)

    def _look(self, adapter: A.Adapter, ctx: A.PublishContext,
              outgoing: A.OutgoingPost) -> tuple[bool, A.PublishResult | None]:
        """(could look, what was found)."""
        try:
            return True, adapter.find_existing(ctx, outgoing)
        except Exception:
            return False, None

    def _pause(self, exc: Exception, attempt: int, cancel: threading.Event,
               wait: float | None = None) -> None:
        if attempt < self.policy.max_attempts:  # no point waiting after the last attempt
            self.sleep(self._wait_for(exc, attempt) if wait is None else wait, cancel)

    # -- outcomes -------------------------------------------------------------------------------

    def _fail(self, entry: Entry, exc: Exception, spec: A.PlatformSpec, attempts: int, *,
              gave_up: bool = False) -> Entry:
        reason = reason_for(exc, spec, attempts, gave_up=gave_up)
        return self.journal.record(entry.id, State.FAILED, reason=reason,
                                   error=type(exc).__name__, detail=getattr(exc, "reason", ""))

    def _cancelled(self, entry: Entry) -> Entry:
        return self.journal.record(entry.id, State.CANCELLED, error="Cancelled",
                                   reason=_("Cancelled before it was published"))

    def _unresolved(self, entry: Entry, spec: A.PlatformSpec) -> Entry:
        return self.journal.record(entry.id, State.UNKNOWN, error="Unknown", reason=_(
            "Sent, but {channel} did not answer and Siaran could not check; look on {channel} "
            "before publishing again", channel=spec.name))

    def _wait_for(self, exc: Exception, attempt: int) -> float:
        with self._rng_lock:
            backoff = self.policy.backoff(attempt, self.rng)
        if isinstance(exc, A.RateLimited) and exc.retry_after is not None:
            return max(0.0, float(exc.retry_after))
        return backoff

    # -- plumbing -------------------------------------------------------------------------------

    def _run_all(self, jobs: list[Job], progress: ProgressFn | None,
                 cancel: threading.Event) -> list[Outcome]:
        progress = progress or (lambda account, step, fraction: None)
        results: list[Outcome | None] = [None] * len(jobs)

        def work(i: int, post_id: str, target: Target,
                 prepare: Callable[[], Entry | Outcome]) -> None:
            try:
                results[i] = self._run_one(post_id, target, prepare, progress, cancel)
            except UserError as exc:
                results[i] = Outcome(target.account, target.platform, State.FAILED, str(exc))
            except Exception as exc:  # never lose an account silently
                log.exception("publishing to %s failed unexpectedly", target.account)
                results[i] = Outcome(target.account, target.platform, State.FAILED,
                                     _("Unexpected error: {error}", error=type(exc).__name__))

        threads = [threading.Thread(target=work, args=(i, *job), name=f"publish-{job[1].account}")
                   for i, job in enumerate(jobs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return [r for r in results if r is not None]

    def _client(self) -> httpx.Client:
        import httpx

        p = self.policy
        timeout = httpx.Timeout(connect=p.connect_timeout, read=p.read_timeout,
                                write=p.write_timeout, pool=p.connect_timeout)
        kwargs: dict[str, Any] = {"timeout": timeout, "follow_redirects": False,
                                  "verify": self._ssl_context()}
        if self.transport_factory is not None:
            kwargs["transport"] = self.transport_factory()
        return httpx.Client(**kwargs)

    def _ssl_context(self) -> ssl.SSLContext:
        """One TLS context for every client: building one costs ~0.1 s (the CA bundle), and a
        context is safe to share between threads."""
        with self._rng_lock:
            if self._ssl is None:
                import httpx

                self._ssl = httpx.create_ssl_context()  # what httpx.Client would build
            return self._ssl

    def _context(self, client: httpx.Client, target: Target, entry: Entry | None,
                 spec: A.PlatformSpec, progress: ProgressFn | None,
                 cancel: threading.Event) -> A.PublishContext:
        _redact(target.secrets.values())
        account = target.account
        entry_id = entry.id if entry else None
        checkpoint = {k: v for k, v in (entry.checkpoint if entry else {}).items()
                      if k not in ("target_settings", FINDINGS_KEY)}
        has_media = bool(entry and entry.snapshot.get("media"))

        def save_checkpoint(data: dict[str, Any]) -> None:
            checkpoint.update(data)
            if entry_id is None:  # verify: nothing to journal
                return
            self.journal.save_checkpoint(entry_id, data)
            if has_media and any(k.startswith("media") for k in data):
                current = self.journal.by_id(entry_id)
                if current.state == State.PENDING:
                    self.journal.record(entry_id, State.MEDIA_UPLOADED, detail="media uploaded")

        def update_secrets(values: Mapping[str, str]) -> None:
            _redact(values.values())
            if not target.adhoc:
                self.accounts.update_secrets(account, values)

        def adapter_progress(step: str, fraction: float | None = None, **data: Any) -> None:
            if progress:
                progress(account, step, fraction)

        return A.PublishContext(
            client=client, account={"account": account, **target.settings},
            secrets=dict(target.secrets),
            log=logging.getLogger(f"siaran.adapter.{spec.id}"), progress=adapter_progress,
            cancel_event=cancel, checkpoint=checkpoint, save_checkpoint=save_checkpoint,
            update_secrets=update_secrets)

    def _target_of(self, entry: Entry) -> Target:
        settings = entry.checkpoint.get("target_settings")
        if settings is not None:
            return Target(entry.account, entry.platform, dict(settings), {}, adhoc=True)
        return self.target(entry.account)


def _as_journalled(entry: Entry) -> Callable[[], Entry]:
    """A resume's preparation: the row as the journal has it (built and recorded already)."""
    return lambda: entry


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _redact(values: Iterable[str]) -> None:
    """Register secrets with the log redactor, so no log line ever shows them (ad-hoc targets'
    secrets never passed through SecretStore, which registers the others)."""
    from composer.core.logs import redact

    for value in values:
        if value:
            redact(value)

