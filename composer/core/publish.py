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
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import random
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from composer.core import adapters as A
from composer.core.accounts import Accounts
from composer.core.i18n import UserError, _
from composer.core.journal import Entry, Journal, State
from composer.core.outcome import Outcome, Policy, Target, reason_for
from composer.core.outgoing import NotPublishable, RenderOnce, build, idempotency_key
from composer.core.post import Post
from composer.core.store import Store

log = logging.getLogger("siaran.publish")

ProgressFn = Callable[[str, str, float | None], None]  # (account, step, fraction)
SleepFn = Callable[[float, threading.Event], None]


def _real_sleep(seconds: float, cancel: threading.Event) -> None:
    cancel.wait(seconds)


# Rows never sent again: published, deleted, or sent by hand and confirmed (WhatsApp).
_DONE = (State.POSTED, State.DELETED, State.MANUAL)

# The officer looked and the post is not on the platform: send without looking again.
CONFIRMED_ABSENT = "ConfirmedAbsent"


class SignInRefused(UserError):
    """The platform said these credentials are wrong (not merely unreachable)."""


class Engine:
    def __init__(self, store: Store, registry, secrets=None, *, accounts: Accounts | None = None,
                 policy: Policy | None = None, sleep: SleepFn = _real_sleep,
                 rng: random.Random | None = None, transport_factory=None,
                 cache_dir: Path | None = None, media_file=None):
        self.store = store
        self.registry = registry
        self.accounts = accounts or Accounts(store, secrets, registry=registry)
        self.journal = Journal(store)
        self.policy = policy or Policy()
        self.sleep = sleep
        self.rng = rng or random.Random()
        self._rng_lock = threading.Lock()
        self.transport_factory = transport_factory  # tests: an httpx transport per client
        self.cache_dir = cache_dir or store.paths.cache / "outgoing"
        self.media_file = media_file or getattr(store, "media_file", None)
        self._ssl = None
        self._running: set[tuple[str, str]] = set()  # (post, account) being published now
        self.locks_dir = store.paths.data / "locks"

    # -- public API ---------------------------------------------------------------------------

    def publish(self, post: Post, accounts: list[str | Target], progress: ProgressFn | None = None,
                cancel: threading.Event | None = None) -> list[Outcome]:
        """Publish ``post`` to every account at once; returns one Outcome per account."""
        targets = list({t.account: t for t in map(self.target, reversed(accounts))}.values())
        targets.reverse()  # each account once, in the order asked
        specs = {t.platform: self.registry.get(t.platform).spec for t in targets
                 if t.platform in self.registry}
        render = RenderOnce(self.cache_dir / post.id, self.media_file, specs.values())
        jobs = [(post.id, t, lambda t=t: self._prepare(post, t, render)) for t in targets]
        return self._run_all(jobs, progress, cancel or threading.Event())

    def resume(self, post_id: str | None = None, progress: ProgressFn | None = None,
               cancel: threading.Event | None = None,
               targets: Mapping[str, Target] | None = None) -> list[Outcome]:
        """Finish what a crash, a cancel or a fault left unfinished; never repeat a success.
        ``targets`` supplies ad-hoc channels (with their secrets) by account name."""
        jobs, skipped = [], []
        for entry in self.journal.unfinished(post_id):
            try:
                target = (targets or {}).get(entry.account) or self._target_of(entry)
            except UserError as exc:  # the account is gone: say so, keep the row for later
                skipped.append(Outcome(entry.account, entry.platform, entry.state, str(exc),
                                       error="NoAccount", attempts=entry.attempts))
                continue
            jobs.append((entry.post_id, target, lambda e=entry: (e, True)))
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
        if adapter is None or not platform.spec.can(A.Capability.DELETE):
            raise UserError(_("{channel} does not let Siaran delete posts; delete it there: {url}",
                              channel=platform.spec.name, url=entry.url or entry.remote_id))
        cancel = threading.Event()
        with self.session(target or self._target_of(entry), entry, cancel=cancel) as ctx:
            for attempt in range(1, self.policy.max_attempts + 1):
                try:
                    adapter.delete(ctx, entry.result)
                except (A.Transient, A.Unknown, A.RateLimited) as exc:
                    if attempt == self.policy.max_attempts:
                        raise UserError(reason_for(exc, platform.spec, attempt)) from None
                    self.sleep(self._wait_for(exc, attempt), cancel)
                    continue
                except A.AdapterError as exc:
                    raise UserError(reason_for(exc, platform.spec, attempt)) from None
                break
        return Outcome.of(self.journal.record(entry.id, State.DELETED, detail="unpublished"))

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
    def session(self, account: str | Target, entry: Entry | None = None, progress=None,
                cancel: threading.Event | None = None):
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

    def _prepare(self, post: Post, target: Target, render: RenderOnce) -> tuple[Entry, bool]:
        """Build the outgoing post and write (or find) its journal row; no request yet.
        Returns the row and whether to go on publishing it."""
        platform = self.registry.get(target.platform)
        spec = platform.spec
        try:
            outgoing = build(post, target.account, spec, out_dir=self.cache_dir / post.id,
                             limit=_int(target.settings.get("text_limit")), render=render,
                             adapter=platform.make_adapter())
        except UserError as exc:  # refused before any request: journalled, never sent
            stub = A.OutgoingPost(post.id, post.text,
                                  idempotency_key=idempotency_key(post.id, target.account))
            entry = self.journal.begin(stub, target.account, spec.id)
            if entry.state in _DONE:
                return entry, False
            kind = "NotPublishable" if isinstance(exc, NotPublishable) else "MediaInvalid"
            return self.journal.record(entry.id, State.FAILED, reason=str(exc), error=kind), False
        entry = self.journal.begin(outgoing, target.account, spec.id)
        if entry.state in _DONE:
            return entry, False
        # New content for a new attempt, unless an earlier send is still unaccounted for: that
        # one must be looked up as it was sent.
        in_doubt = entry.state == State.UNKNOWN or (
            entry.state in (State.PENDING, State.MEDIA_UPLOADED) and entry.attempts > 0)
        if not in_doubt and entry.outgoing() != outgoing:
            self.journal.replace_snapshot(entry.id, outgoing)
        if target.adhoc:  # no account row to find it by later: a resume reads it from here
            self.journal.save_checkpoint(entry.id, {"target_settings": dict(target.settings)})
        return self.journal.by_id(entry.id), True

    def _run_one(self, post_id: str, target: Target, prepare: Callable[[], tuple[Entry, bool]],
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
    def _process_lock(self, post_id: str, account: str):
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

    def _run_one_exclusively(self, target: Target, prepare, progress, cancel) -> Outcome:
        entry, go_on = prepare()
        if not go_on:
            return Outcome.of(entry)
        platform = self.registry.get(entry.platform)
        spec = platform.spec
        adapter = platform.make_adapter()
        if adapter is None:
            return Outcome.of(self.journal.record(
                entry.id, State.FAILED, error="Rejected",
                reason=_("Siaran cannot publish to {channel} yet", channel=spec.name)))
        outgoing = entry.outgoing()
        if any(not Path(m.path).exists() for m in outgoing.media):
            return Outcome.of(self.journal.record(
                entry.id, State.FAILED, error="Rejected",
                reason=_("The prepared images are gone; publish the post again")))
        with self._client() as client:
            ctx = self._context(client, target, entry, spec, progress, cancel)
            return Outcome.of(self._attempts(adapter, ctx, entry, outgoing, spec, progress, cancel))

    def _attempts(self, adapter, ctx, entry: Entry, outgoing, spec, progress, cancel) -> Entry:
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

    def _look(self, adapter, ctx, outgoing) -> tuple[bool, A.PublishResult | None]:
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

    def _fail(self, entry: Entry, exc: Exception, spec, attempts: int, *, gave_up=False) -> Entry:
        reason = reason_for(exc, spec, attempts, gave_up=gave_up)
        return self.journal.record(entry.id, State.FAILED, reason=reason,
                                   error=type(exc).__name__, detail=getattr(exc, "reason", ""))

    def _cancelled(self, entry: Entry) -> Entry:
        return self.journal.record(entry.id, State.CANCELLED, error="Cancelled",
                                   reason=_("Cancelled before it was published"))

    def _unresolved(self, entry: Entry, spec) -> Entry:
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

    def _run_all(self, jobs, progress: ProgressFn | None, cancel: threading.Event) -> list[Outcome]:
        progress = progress or (lambda account, step, fraction: None)
        results: list[Outcome | None] = [None] * len(jobs)

        def work(i, post_id, target, prepare):
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

    def _client(self):
        import httpx

        p = self.policy
        timeout = httpx.Timeout(connect=p.connect_timeout, read=p.read_timeout,
                                write=p.write_timeout, pool=p.connect_timeout)
        kwargs: dict[str, Any] = {"timeout": timeout, "follow_redirects": False,
                                  "verify": self._ssl_context()}
        if self.transport_factory is not None:
            kwargs["transport"] = self.transport_factory()
        return httpx.Client(**kwargs)

    def _ssl_context(self):
        """One TLS context for every client: building one costs ~0.1 s (the CA bundle), and a
        context is safe to share between threads."""
        with self._rng_lock:
            if self._ssl is None:
                import httpx

                self._ssl = httpx.create_ssl_context()  # what httpx.Client would build
            return self._ssl

    def _context(self, client, target: Target, entry: Entry | None, spec, progress, cancel):
        _redact(target.secrets.values())
        account = target.account
        entry_id = entry.id if entry else None
        checkpoint = {k: v for k, v in (entry.checkpoint if entry else {}).items()
                      if k != "target_settings"}
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


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _redact(values) -> None:
    """Register secrets with the log redactor, so no log line ever shows them (ad-hoc targets'
    secrets never passed through SecretStore, which registers the others)."""
    from composer.core.logs import redact

    for value in values:
        if value:
            redact(value)

