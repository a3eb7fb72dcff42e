"""The crisis hold on the platforms' own schedulers other than WordPress (which
tests/e2e/test_hold_real_wordpress.py covers on the real thing): Mastodon's scheduled status,
Facebook's scheduled post and YouTube's publishAt, on their practice servers over HTTP on
127.0.0.1. During the hold none of them would go out; after release each is scheduled again
at its own time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from composer.core import i18n, scheduling
from composer.core.governance.hold import Holds
from composer.core.journal import State
from composer.core.post import MediaRef, Post
from composer.core.publish import Engine, Policy, Target
from composer.core.registry import Registry
from composer.core.store import Store
from composer.testing.video_corpus import make_video
from platforms import facebook, mastodon, youtube
from platforms.practice.facebook import FakeFacebook
from platforms.practice.mastodon import FakeMastodon
from platforms.practice.youtube import FakeYouTube


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("SIARAN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SIARAN_LANG", "en")
    i18n.set_language(None)


def _video(tmp_path):
    path = tmp_path / "rapat.mp4"
    make_video(path, width=320, height=240, seconds=1)
    return MediaRef(str(path), kind="video")


@pytest.mark.parametrize("platform,fake_class", [
    (mastodon.PLATFORM, FakeMastodon), (facebook.PLATFORM, FakeFacebook),
    (youtube.PLATFORM, FakeYouTube)], ids=["mastodon", "facebook", "youtube"])
def test_hold_unschedules_and_release_restores_the_time(platform, fake_class, tmp_path):
    with fake_class() as fake:
        store = Store()
        engine = Engine(store, Registry(platforms={platform.id: platform}),
                        sleep=lambda seconds, cancel: None,
                        policy=Policy(read_timeout=1.0, max_attempts=3))
        settings, secrets = fake.practice_account()
        target = Target("desk", platform.id, settings, secrets, adhoc=True)
        when = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
        post = Post(text="Rapat koordinasi siaga banjir di aula kantor.", title="Rapat siaga",
                    schedule=when, media=[_video(tmp_path)] if platform.spec.video_only else [])
        (outcome,) = engine.publish(post, [target])
        assert outcome.state == State.POSTED, outcome.reason
        holds = Holds(store.paths.data)
        try:
            report = holds.hold(engine, "Bencana", "Ani", targets={"desk": target})
            assert report.problems == [] and len(report.done) == 1
            assert scheduling.held(engine.journal.get(post.id, "desk")).kind == "draft"
            if platform is mastodon.PLATFORM:  # on the platform: nothing is scheduled now
                assert fake.scheduled == {}
            report = holds.release(engine, "Budi", targets={"desk": target})
            assert report.problems == [] and len(report.done) == 1
            back = scheduling.held(engine.journal.get(post.id, "desk"))
            assert back.kind == "scheduled" and back.at == when
            if platform is mastodon.PLATFORM:
                [again] = fake.scheduled.values()
                assert again["scheduled_at"].startswith(when.strftime("%Y-%m-%dT%H:%M:%S"))
        finally:
            store.close()
    assert not fake.errors, fake.errors
