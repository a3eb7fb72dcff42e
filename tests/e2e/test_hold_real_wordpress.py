"""The crisis hold against the real WordPress of tests/peers: a post WordPress holds as
``future`` is a draft during the hold and ``future`` again at the very same time after release;
nothing is published during the hold (the engine's gate, which the local queue's run-due goes
through too, refuses). Skips, with the reason printed, only when the peer is not up."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import real_peers

from composer.core import i18n
from composer.core.governance.hold import Holds, OnHold
from composer.core.journal import State
from composer.core.post import Post
from composer.core.publish import Engine, Policy, Target
from composer.core.registry import Registry
from composer.core.store import Store
from platforms import wordpress

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def wp_env() -> dict[str, str]:
    return real_peers.wordpress()


@pytest.fixture
def desk(wp_env, tmp_path, monkeypatch):
    monkeypatch.setenv("SIARAN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SIARAN_LANG", "en")
    i18n.set_language(None)
    password = wp_env.get("WP_APP_PASSWORD") or wp_env.get("WP_APP_PASS") or ""
    store = Store()
    engine = Engine(store, Registry(platforms={"wordpress": wordpress.PLATFORM}),
                    policy=Policy(max_attempts=3), sleep=lambda seconds, cancel: None)
    target = Target("portal", "wordpress", {"url": wp_env["WP_URL"], "user": wp_env["WP_USER"]},
                    {"app_password": password}, adhoc=True)
    auth = (wp_env["WP_USER"], password)
    yield engine, target, lambda post_id: httpx.get(
        f"{wp_env['WP_URL']}/wp-json/wp/v2/posts/{post_id}", params={"context": "edit"},
        auth=auth, timeout=10).json(), Holds(store.paths.data)
    store.close()


def test_hold_makes_the_future_post_a_draft_and_release_restores_its_time(desk):
    engine, target, on_wordpress, holds = desk
    now = datetime.now(UTC).replace(microsecond=0)
    when = now + timedelta(days=3)
    post = Post(text=f"Penahanan krisis {os.getpid()} {now:%H%M%S}: jadwal pelayanan.",
                title=f"Tahan {now:%H%M%S}", schedule=when)
    (outcome,) = engine.publish(post, [target])
    assert outcome.state == State.POSTED, outcome.reason
    wp_id = outcome.remote_id
    try:
        before = on_wordpress(wp_id)
        assert before["status"] == "future"

        report = holds.hold(engine, "Bencana banjir", "Ani", targets={"portal": target})
        assert report.problems == [] and len(report.done) == 1
        assert on_wordpress(wp_id)["status"] == "draft"

        other = Post(text=f"Tidak boleh terbit selama penahanan {now:%H%M%S}")
        with pytest.raises(OnHold, match="Bencana banjir"):
            engine.publish(other, [target])
        assert engine.journal.get(other.id, "portal") is None  # nothing was even prepared

        report = holds.release(engine, "Budi", targets={"portal": target})
        assert report.problems == [] and len(report.done) == 1
        after = on_wordpress(wp_id)
        assert after["status"] == "future" and after["date_gmt"] == before["date_gmt"]
        assert not holds.active
        trail = [e["action"] for e in engine.audit.entries()]
        assert trail[-2:] == ["hold", "release"] and engine.audit.verify() == []
    finally:
        engine.unpublish(post.id, "portal", target=target)
