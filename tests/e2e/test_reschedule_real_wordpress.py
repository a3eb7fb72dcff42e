"""Native scheduling on the real WordPress of tests/peers: a post published with a time ahead
is WordPress's own ``future`` post at that date; the engine's reschedule changes WordPress's
date; unscheduling makes it a draft; scheduling again makes it ``future`` at the new time. The
same post id throughout, one journal event per change. Skips, with the reason printed, only
when the peer is not up."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import real_peers

from composer.core import i18n
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
        auth=auth, timeout=10).json()
    store.close()


def wp_date(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def test_reschedule_moves_wordpress_own_date_and_unschedule_makes_a_draft(desk):
    engine, target, on_wordpress = desk
    now = datetime.now(UTC).replace(microsecond=0)
    first, moved, last = now + timedelta(days=2), now + timedelta(days=5), now + timedelta(days=9)
    post = Post(text=f"Penjadwalan ulang {os.getpid()} {now:%H%M%S}: rapat koordinasi siaga.",
                title=f"Jadwal ulang {now:%H%M%S}", schedule=first)
    (outcome,) = engine.publish(post, [target])
    assert outcome.state == State.POSTED, outcome.reason
    wp_id = outcome.remote_id
    try:
        found = on_wordpress(wp_id)
        assert found["status"] == "future" and found["date_gmt"] == wp_date(first)

        assert engine.reschedule(post.id, "portal", moved, target=target).remote_id == wp_id
        found = on_wordpress(wp_id)
        assert found["status"] == "future" and found["date_gmt"] == wp_date(moved)

        engine.reschedule(post.id, "portal", None, target=target)
        assert on_wordpress(wp_id)["status"] == "draft"

        engine.reschedule(post.id, "portal", last, target=target)
        found = on_wordpress(wp_id)
        assert found["status"] == "future" and found["date_gmt"] == wp_date(last)

        events = [e.detail for e in engine.journal.events(engine.journal.get(post.id,
                                                                              "portal").id)]
        assert [d for d in events if d.startswith(("rescheduled", "unscheduled"))] == [
            f"rescheduled to {moved:%Y-%m-%dT%H:%M:%SZ} ({wp_id})",
            f"unscheduled, held as draft ({wp_id})",
            f"rescheduled to {last:%Y-%m-%dT%H:%M:%SZ} ({wp_id})"]
    finally:
        engine.unpublish(post.id, "portal", target=target)  # to the trash, as an editor would
