"""The adapter contract kit: every adapter, built-in or a third party's, runs these tests against
its practice server, through the real publish engine (journal, retries, look-ups).

Use it by subclassing in a test module::

    from composer.testing.contract import AdapterContract

    class TestMastodonContract(AdapterContract):
        create_route = "POST /api/v1/statuses"   # the request that creates the post
        upload_route = "POST /api/v2/media"      # a media upload (None: the platform has none)

        @pytest.fixture
        def platform(self):
            return platforms.mastodon.PLATFORM

        @pytest.fixture
        def fake_server(self, practice_server):
            return practice_server(FakeMastodon)

``account_settings`` and ``account_secrets`` default to the fake's ``practice_account()``. The
fixtures come from Siaran's pytest plugin (``composer.testing.plugin``), loaded by itself
wherever Siaran is installed.

The kit counts posts on the fake with ``fake_server.published_texts()`` (the texts of the posts
the fake holds now, one per post; thread replies excluded). Override the ``published`` fixture
if your fake says it differently. ``fake_server`` may be None for a channel without HTTP (the
folder); the fault tests then skip.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from composer.core.adapters import Capability, Platform
from composer.core.journal import State
from composer.core.outcome import Outcome, Policy, Target
from composer.core.post import MediaRef, Post
from composer.core.publish import Engine
from composer.core.registry import Registry
from composer.core.store import Store
from composer.testing.engine import Sleeps

# The fake hangs this long on a "timeout" fault; the kit's engine waits READ_TIMEOUT.
HANG_SECONDS = 3.0
READ_TIMEOUT = 0.8


@dataclass
class Harness:
    engine: Engine
    target: Target
    platform: Platform
    fake: object
    published: Callable[[], list[str]]
    folder: Path
    sleeps: Sleeps = field(default_factory=Sleeps)

    def post(self, text: str | None = None, images: int = 0) -> Post:
        marker = uuid.uuid4().hex[:10]
        post = Post(text=text if text is not None else f"Siaran contract {marker}: kantor buka.")
        post.fields["marker"] = marker
        for i in range(images):
            post.media.append(MediaRef(str(self.image(i)), alt=f"Foto {i + 1} kantor {marker}"))
        return post

    def image(self, i: int) -> Path:
        from PIL import Image

        path = self.folder / f"photo-{i}.jpg"
        if not path.exists():
            im = Image.linear_gradient("L").resize((1200, 800)).convert("RGB")
            im.paste((30 * i % 255, 120, 200), (100, 100, 500, 400))
            im.save(path, "JPEG", quality=85)
        return path

    def publish(self, post: Post) -> Outcome:
        (outcome,) = self.engine.publish(post, [self.target])
        return outcome

    def copies(self, post: Post) -> int:
        """How many posts on the fake carry this post's marker."""
        marker = post.fields["marker"]
        return sum(marker in text for text in self.published())

    def requests(self) -> int:
        return len(getattr(self.fake, "requests", ()))


class AdapterContract:
    """Base class of an adapter's contract tests (not collected itself: no ``Test`` prefix)."""

    create_route: str | None = None
    upload_route: str | None = None
    # The adapter refreshes an expired access token by itself (Bluesky): the post goes out.
    refreshes_tokens: bool = False
    rate_limit_wait: float = 3.0

    # -- fixtures the kit provides ----------------------------------------------------------------

    @pytest.fixture(autouse=True)
    def _contract_home(self, siaran_home):
        """Every contract test gets its own Siaran home, English messages (the plugin's)."""

    @pytest.fixture
    def account_settings(self, fake_server):
        """The practice account's settings; override for an account of your own."""
        return fake_server.practice_account()[0]

    @pytest.fixture
    def account_secrets(self, fake_server):
        return fake_server.practice_account()[1]

    @pytest.fixture
    def published(self, fake_server) -> Callable[[], list[str]]:
        for name in ("published_texts", "posted_texts"):
            if hasattr(fake_server, name):
                return getattr(fake_server, name)
        pytest.fail("the fake needs published_texts() (see composer/testing/contract.py)")

    @pytest.fixture
    def contract(self, platform, fake_server, account_settings, account_secrets, published,
                 tmp_path):
        store = Store()
        sleeps = Sleeps()
        engine = Engine(store, Registry(platforms={platform.id: platform}), sleep=sleeps,
                        policy=Policy(read_timeout=READ_TIMEOUT, connect_timeout=2.0,
                                      max_attempts=4))
        target = Target("contract", platform.id, dict(account_settings), dict(account_secrets),
                        adhoc=True)
        folder = tmp_path / "contract-images"
        folder.mkdir()
        harness = Harness(engine, target, platform, fake_server, published, folder, sleeps)
        yield harness
        store.close()
        assert not getattr(fake_server, "errors", None), "the fake crashed: " + "\n".join(
            getattr(fake_server, "errors", []))

    def _needs_fake(self, contract, route: str | None = "create"):
        if contract.fake is None:
            pytest.skip("no practice server (a channel without HTTP)")
        if route == "create" and not self.create_route:
            pytest.skip("create_route is not set")

    # -- the contract -----------------------------------------------------------------------

    def test_declares_a_publishing_adapter(self, platform):
        assert isinstance(platform, Platform) and platform.spec.can(Capability.PUBLISH)
        adapter = platform.make_adapter()
        for name in ("publish", "find_existing", "delete", "verify"):
            assert callable(getattr(adapter, name, None)), name

    def test_publish_text(self, contract):
        post = contract.post()
        outcome = contract.publish(post)
        assert outcome.state == State.POSTED, outcome.reason
        assert outcome.remote_id
        assert outcome.url is None or outcome.url.startswith(("http://", "https://", "file:"))
        assert contract.copies(post) == 1

    def test_publish_with_images_and_alt(self, contract, platform):
        if platform.spec.max_images < 1:
            pytest.skip("the channel takes no images")
        post = contract.post(images=min(2, platform.spec.max_images))
        outcome = contract.publish(post)
        assert outcome.state == State.POSTED, outcome.reason
        assert contract.copies(post) == 1
        snapshot = contract.engine.journal.get(post.id, "contract").snapshot
        assert [m["alt"] for m in snapshot["media"]] == [m.alt for m in post.media]

    def test_over_limit_text_is_refused_before_any_request(self, contract, platform):
        spec = platform.spec
        if spec.text_limit is None or spec.supports_threads:
            pytest.skip("no limit, or a long text becomes a thread")
        before = contract.requests()
        post = contract.post(text="kata " * (spec.text_limit // 4 + 10))
        outcome = contract.publish(post)
        assert outcome.state == State.FAILED and outcome.error == "NotPublishable"
        assert "too long" in outcome.reason
        assert contract.requests() == before

    def test_rate_limit_is_waited_out_then_published_once(self, contract):
        self._needs_fake(contract)
        contract.fake.faults.add("rate_limit", route=self.create_route,
                                 retry_after=self.rate_limit_wait)
        post = contract.post()
        outcome = contract.publish(post)
        assert outcome.state == State.POSTED, outcome.reason
        assert contract.copies(post) == 1
        assert any(self.rate_limit_wait - 1.5 <= s <= self.rate_limit_wait + 1.5
                   for s in contract.sleeps), contract.sleeps

    @pytest.mark.parametrize("code", [500, 502, 503])
    def test_server_errors_are_retried(self, contract, code):
        self._needs_fake(contract)
        contract.fake.faults.add("status", route=self.create_route, code=code)
        post = contract.post()
        outcome = contract.publish(post)
        assert outcome.state == State.POSTED, outcome.reason
        assert contract.copies(post) == 1 and outcome.attempts == 2

    @pytest.mark.parametrize("after_work", [False, True], ids=["lost-request", "lost-answer"])
    def test_timeout_never_duplicates(self, contract, after_work):
        self._needs_fake(contract)
        contract.fake.faults.add("timeout", route=self.create_route, after_work=after_work,
                                 seconds=HANG_SECONDS)
        post = contract.post()
        outcome = contract.publish(post)
        assert outcome.state == State.POSTED, outcome.reason
        assert contract.copies(post) == 1

    def test_reset_mid_upload_is_retried(self, contract, platform):
        self._needs_fake(contract, route=None)
        if not self.upload_route or platform.spec.max_images < 1:
            pytest.skip("the platform has no media upload")
        contract.fake.faults.add("reset", route=self.upload_route)
        post = contract.post(images=1)
        outcome = contract.publish(post)
        assert outcome.state == State.POSTED, outcome.reason
        assert contract.copies(post) == 1
        assert any(r.fault == "reset" for r in contract.fake.requests)

    def test_duplicate_fails_with_a_reason(self, contract):
        self._needs_fake(contract)
        contract.fake.faults.add("duplicate", route=self.create_route)
        post = contract.post()
        outcome = contract.publish(post)
        assert outcome.state == State.FAILED and outcome.reason
        assert contract.copies(post) == 0

    def test_expired_token(self, contract):
        self._needs_fake(contract)
        contract.fake.faults.add("expired_token", route=self.create_route)
        post = contract.post()
        outcome = contract.publish(post)
        if self.refreshes_tokens:
            assert outcome.state == State.POSTED, outcome.reason
            assert contract.copies(post) == 1
        else:
            assert outcome.state == State.FAILED and "Sign in again" in outcome.reason
            assert contract.copies(post) == 0

    def test_500_after_success_posts_exactly_once(self, contract):
        self._needs_fake(contract)
        contract.fake.faults.add("success_then_500", route=self.create_route)
        post = contract.post()
        outcome = contract.publish(post)
        assert outcome.state == State.POSTED, outcome.reason
        assert contract.copies(post) == 1

    def test_find_existing_is_none_for_a_post_never_sent(self, contract, platform):
        from composer.core.outgoing import build

        post = contract.post()
        outgoing = build(post, "contract", platform.spec, out_dir=contract.folder / "out")
        entry = contract.engine.journal.begin(outgoing, "contract", platform.id)
        with contract.engine.session(contract.target, entry) as ctx:
            assert platform.make_adapter().find_existing(ctx, outgoing) is None

    def test_verify_names_the_account(self, contract, platform):
        if not platform.spec.can(Capability.VERIFY):
            pytest.skip("the platform cannot tell whose account it is")
        info = contract.engine.verify(contract.target)
        assert info.display_name or info.handle

    def test_unpublish(self, contract, platform):
        if not platform.spec.can(Capability.DELETE):
            pytest.skip("the platform does not let Siaran delete")
        post = contract.post()
        assert contract.publish(post).state == State.POSTED
        assert contract.engine.unpublish(post.id, "contract",
                                         target=contract.target).state == State.DELETED
        assert contract.copies(post) == 0

    def test_delete_is_idempotent(self, contract, platform):
        """Deleting what is already gone succeeds: a retried delete may find it gone."""
        if not platform.spec.can(Capability.DELETE):
            pytest.skip("the platform does not let Siaran delete")
        post = contract.post()
        assert contract.publish(post).state == State.POSTED
        entry = contract.engine.journal.get(post.id, "contract")
        with contract.engine.session(contract.target, entry) as ctx:
            adapter = platform.make_adapter()
            adapter.delete(ctx, entry.result)
            adapter.delete(ctx, entry.result)
        assert contract.copies(post) == 0

    # -- native scheduling (adapters that are Schedulable) ------------------------------------
    #
    # The fake lets time pass with ``advance(seconds)`` (releasing what is due, as the platform
    # does) and lists what readers can see now with ``live_texts()``.

    def _clocked_fake(self, contract, platform):
        from composer.core.adapters import Schedulable

        if not platform.spec.can(Capability.SCHEDULE) \
                or not isinstance(platform.make_adapter(), Schedulable):
            pytest.skip("the platform does not hold posts for later")
        for name in ("advance", "live_texts"):
            if not callable(getattr(contract.fake, name, None)):
                pytest.fail(f"a schedulable adapter's fake needs {name}() "
                            "(see composer/testing/contract.py)")
        return contract.fake

    def _live(self, fake, post) -> int:
        return sum(post.fields["marker"] in text for text in fake.live_texts())

    def test_schedule_reschedule_unschedule_reschedule(self, contract, platform):
        """The post never goes live while it is off the schedule, goes live once at its last
        time, and each change is journalled once with the platform's own id."""
        from datetime import UTC, datetime, timedelta

        from composer.core.scheduling import Held, held

        fake = self._clocked_fake(contract, platform)
        engine, hour = contract.engine, timedelta(hours=1)
        start = datetime.now(UTC).replace(microsecond=0)
        post = contract.post()
        post.schedule = start + hour
        outcome = contract.publish(post)
        assert outcome.state == State.POSTED, outcome.reason
        assert self._live(fake, post) == 0  # held by the platform, not out yet

        later = start + 24 * hour
        moved = engine.reschedule(post.id, "contract", later, target=contract.target)
        assert moved.state == State.POSTED
        entry = engine.journal.get(post.id, "contract")
        assert held(entry) == Held("scheduled", later)
        fake.advance(2 * 3600)  # past the first time: it was moved, nothing goes out
        assert self._live(fake, post) == 0

        before = contract.requests()
        again = engine.reschedule(post.id, "contract", later, target=contract.target)
        assert again.remote_id == moved.remote_id and contract.requests() == before

        off = engine.reschedule(post.id, "contract", None, target=contract.target)
        assert off.state == State.POSTED
        assert held(engine.journal.get(post.id, "contract")) == Held("draft")
        fake.advance(2 * 86400)  # past the moved time too: still nothing
        assert self._live(fake, post) == 0

        last = start + 72 * hour
        back = engine.reschedule(post.id, "contract", last, target=contract.target)
        assert back.state == State.POSTED and back.remote_id
        assert self._live(fake, post) == 0
        fake.advance(86400)  # past the last time: out, exactly once
        assert self._live(fake, post) == 1
        assert contract.copies(post) == 1

        events = [e.detail for e in engine.journal.events(entry.id)]
        assert sum(d.startswith("rescheduled to") for d in events) == 2, events
        assert sum(d.startswith("unscheduled") for d in events) == 1, events
        assert events[-1].endswith(f"({back.remote_id})")

    def test_reschedule_refuses_a_post_that_went_out(self, contract, platform):
        from datetime import UTC, datetime, timedelta

        from composer.core import scheduling
        from composer.core.adapters import AdapterError

        fake = self._clocked_fake(contract, platform)
        start = datetime.now(UTC).replace(microsecond=0)
        post = contract.post()
        post.schedule = start + timedelta(hours=1)
        assert contract.publish(post).state == State.POSTED
        fake.advance(2 * 3600)
        assert self._live(fake, post) == 1
        before = contract.requests()
        with pytest.raises(scheduling.CannotReschedule, match="already went out"):
            scheduling.reschedule(contract.engine, post.id, "contract",
                                  start + timedelta(days=2), target=contract.target,
                                  now=start + timedelta(hours=2))
        assert contract.requests() == before  # refused from the journal, no request
        # The adapter, asked anyway (the journal may be behind), reads the platform and refuses.
        entry = contract.engine.journal.get(post.id, "contract")
        with contract.engine.session(contract.target, entry) as ctx, \
                pytest.raises(AdapterError):
            platform.make_adapter().reschedule(
                ctx, entry.result, scheduling.iso_utc(start + timedelta(days=2)))
        assert self._live(fake, post) == 1

    def test_reschedule_survives_a_lost_answer(self, contract, platform):
        """The platform moved the post but the answer was lost: the change is on record as
        pending, calling again finishes it, and it is journalled once."""
        from datetime import UTC, datetime, timedelta

        from composer.core.i18n import UserError
        from composer.core.scheduling import PENDING_KEY, Held, held

        fake = self._clocked_fake(contract, platform)
        start = datetime.now(UTC).replace(microsecond=0)
        post = contract.post()
        post.schedule = start + timedelta(hours=1)
        assert contract.publish(post).state == State.POSTED
        for method in ("PUT", "POST", "DELETE"):  # whichever the platform changes with
            fake.faults.add("timeout", route=f"{method} .", after_work=True,
                            seconds=HANG_SECONDS, times=None)
        try:  # the engine asks again; it may find the change made, or give up for now
            contract.engine.reschedule(post.id, "contract", None, target=contract.target)
        except UserError:
            entry = contract.engine.journal.get(post.id, "contract")
            assert PENDING_KEY in entry.checkpoint
            assert held(entry) == Held("scheduled", post.schedule)
        assert any(kind == "timeout" for kind, *_ in fake.faults.fired)
        fake.faults.clear()
        contract.engine.reschedule(post.id, "contract", None, target=contract.target)
        entry = contract.engine.journal.get(post.id, "contract")
        assert held(entry) == Held("draft") and PENDING_KEY not in entry.checkpoint
        events = [e.detail for e in contract.engine.journal.events(entry.id)]
        assert sum(d.startswith("unscheduled") for d in events) == 1, events
        fake.advance(3 * 3600)
        assert self._live(fake, post) == 0
