"""The queue of scheduled posts against practice servers: WordPress holds a post natively
(its own `future` post, moved and cancelled there), Bluesky's post waits in Siaran's queue and
run-due sends it once at its time; a post whose time passed long ago waits as missed; a failing
send backs off a bounded number of times, then is failed with its reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from composer.core.accounts import Accounts
from composer.core.i18n import UserError
from composer.core.outcome import Policy
from composer.core.post import Post
from composer.core.publish import Engine
from composer.core.queue import BACK_OFF, Queue
from composer.core.registry import Registry
from composer.core.secrets import SecretStore
from composer.core.store import Store
from platforms import bluesky, wordpress
from platforms.practice.bluesky import BlueskyFake
from platforms.practice.wordpress import WordPressFake


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 24, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def desk(siaran_home, in_memory_keyring, practice_server):
    wp, bsky = practice_server(WordPressFake), practice_server(BlueskyFake)
    store = Store()
    registry = Registry(platforms={"wordpress": wordpress.PLATFORM, "bluesky": bluesky.PLATFORM})
    accounts = Accounts(store, SecretStore(), registry=registry)
    for name, server, platform in (("portal", wp, "wordpress"), ("kanwil", bsky, "bluesky")):
        settings, secrets = server.practice_account()
        accounts.add(name, platform, settings, secrets, practice=True)
    engine = Engine(store, registry, accounts=accounts, sleep=lambda s, c: None,
                    policy=Policy(read_timeout=2, connect_timeout=2, max_attempts=2))
    clock = Clock()
    queue = Queue(engine, clock=clock)
    yield queue, clock, wp, bsky
    store.close()


def bsky_posts(server: BlueskyFake) -> list[str]:
    return [r["value"]["text"] for a in server.accounts.values() for r in a.records.values()
            if r["value"].get("$type") == "app.bsky.feed.post"]


def test_wordpress_holds_it_natively_and_bluesky_gets_it_from_run_due_once(desk):
    queue, clock, wp, bsky = desk
    real_now = datetime.now(UTC).replace(microsecond=0)
    clock.now = real_now  # WordPress's own clock decides `future`: stay on the real time
    when = real_now + timedelta(hours=2)
    post = Post(text="Rapat koordinasi siaga banjir pukul 09.00", title="Rapat siaga")
    items = {i.account: i for i in queue.schedule(post, ["portal", "kanwil"], when)}
    assert items["portal"].mode == "native" and items["kanwil"].mode == "local"
    (held,) = wp.posts.values()
    assert held["status"] == "future"
    assert bsky_posts(bsky) == []

    assert queue.run_due() == []  # not yet
    clock.now = when + timedelta(seconds=20)
    sent = queue.run_due()
    assert [(s.account, s.state) for s in sent] == [("kanwil", "published")]
    assert queue.run_due() == []  # never twice
    assert bsky_posts(bsky) == [post.text]
    states = {i.account: i.state for i in queue.items()}
    assert states == {"portal": "published", "kanwil": "published"}
    with pytest.raises(UserError, match="already went out"):
        queue.unschedule(post.id, "kanwil")  # the record of what went out stays


def test_moving_and_cancelling_change_wordpress_own_schedule(desk):
    queue, clock, wp, _bsky = desk
    clock.now = datetime.now(UTC).replace(microsecond=0)
    post = Post(text="Pengumuman libur", title="Libur")
    queue.schedule(post, ["portal"], clock.now + timedelta(days=1))
    (wp_id,) = wp.posts
    later = clock.now + timedelta(days=3)
    queue.reschedule(post.id, None, later)
    assert wp.posts[wp_id]["status"] == "future"
    assert wp.posts[wp_id]["date_gmt"] == later.strftime("%Y-%m-%dT%H:%M:%S")
    assert queue.unschedule(post.id) == ["portal"]
    assert wp.posts[wp_id]["status"] == "draft"
    assert queue.items() == []
    queue.schedule(post, ["portal"], later)  # scheduled again: the same WordPress post
    assert list(wp.posts) == [wp_id] and wp.posts[wp_id]["status"] == "future"


def test_a_post_whose_time_passed_long_ago_waits_as_missed_and_is_not_sent(desk):
    queue, clock, _wp, bsky = desk
    post = Post(text="Sosialisasi pajak daerah")
    queue.schedule(post, ["kanwil"], clock.now + timedelta(hours=1))
    clock.now += timedelta(hours=1, minutes=30)  # the machine was off
    (missed,) = queue.run_due()
    assert missed.state == "missed"
    assert queue.run_due() == []
    assert bsky_posts(bsky) == []
    assert queue.item(post.id, "kanwil").state == "missed"
    (sent,) = queue.send_now(post.id)  # the officer's choice
    assert sent.state == "published" and bsky_posts(bsky) == [post.text]


def test_within_the_tolerance_it_still_goes_out(desk):
    queue, clock, _wp, bsky = desk
    post = Post(text="Apel pagi")
    queue.schedule(post, ["kanwil"], clock.now + timedelta(hours=1))
    clock.now += timedelta(hours=1, minutes=14)
    assert [s.state for s in queue.run_due()] == ["published"]
    assert bsky_posts(bsky) == [post.text]


def test_a_failing_send_backs_off_then_fails_with_its_reason(desk):
    queue, clock, _wp, bsky = desk
    post = Post(text="Pemadaman listrik terjadwal")
    queue.schedule(post, ["kanwil"], clock.now + timedelta(minutes=5))
    bsky.faults.add("status", route="POST /xrpc/com.atproto.repo.createRecord", times=None,
                    code=503)
    clock.now += timedelta(minutes=5)
    states = []
    for wait in (*BACK_OFF, timedelta(0)):
        states += [s.state for s in queue.run_due()]
        assert queue.run_due() == []  # before its next try: nothing
        clock.now += wait
    assert states == ["scheduled", "scheduled", "failed"]
    item = queue.item(post.id, "kanwil")
    assert item.state == "failed" and item.reason and item.tries == 3
    clock.now += timedelta(days=1)
    assert queue.run_due() == []  # never retried endlessly
    assert bsky_posts(bsky) == []


def test_refusals_are_one_line_and_change_nothing(desk):
    queue, clock, _wp, _bsky = desk
    with pytest.raises(UserError, match="minute"):
        queue.schedule(Post(text="x"), ["kanwil"], clock.now)
    with pytest.raises(UserError, match="Nothing to publish"):
        queue.schedule(Post(text=""), ["kanwil"], clock.now + timedelta(hours=1))
    with pytest.raises(UserError, match="not in the queue"):
        queue.unschedule("nope")
    assert queue.items() == []


def test_due_within_the_hour_is_marked(desk):
    queue, clock, _wp, _bsky = desk
    soon, later = Post(text="Segera"), Post(text="Nanti")
    queue.schedule(soon, ["kanwil"], clock.now + timedelta(minutes=40))
    queue.schedule(later, ["kanwil"], clock.now + timedelta(hours=3))
    assert {i.post_id: i.soon for i in queue.items()} == {soon.id: True, later.id: False}


def test_a_refused_hand_over_leaves_nothing_in_the_queue(desk):
    queue, clock, wp, _bsky = desk
    clock.now = datetime.now(UTC).replace(microsecond=0)
    wp.faults.add("status", route="POST /wp-json/wp/v2/posts", times=None, code=403)
    with pytest.raises(UserError, match="did not take the scheduled post"):
        queue.schedule(Post(text="Pengumuman", title="P"), ["portal"],
                       clock.now + timedelta(days=1))
    assert queue.items() == []


def test_a_hand_over_cut_short_is_settled_by_the_journal(desk):
    queue, clock, wp, _bsky = desk
    clock.now = datetime.now(UTC).replace(microsecond=0)
    held, lost = Post(text="Diterima", title="A"), Post(text="Terputus", title="B")
    queue.schedule(held, ["portal"], clock.now + timedelta(days=1))
    for post in (held, lost):  # as a process that died between the two writes leaves them
        queue._write((post.id, "portal", "wordpress", "2030-01-01T00:00:00Z", "native",
                      post.title, "{}"), "sending")
    clock.now += timedelta(minutes=11)
    queue.run_due()
    assert queue.item(held.id, "portal").state == "scheduled"
    assert queue.item(lost.id, "portal").state == "failed"
    assert "interrupted" in queue.item(lost.id, "portal").reason


def test_a_held_post_changed_and_scheduled_again_is_edited_on_wordpress(desk):
    queue, clock, wp, _bsky = desk
    clock.now = datetime.now(UTC).replace(microsecond=0)
    post = Post(text="Rapat pukul 09.00 di aula", title="Rapat")
    queue.schedule(post, ["portal"], clock.now + timedelta(days=1))
    (wp_id,) = wp.posts
    edited = queue.post(post.id)  # opened from the queue and corrected
    edited.text = "Rapat pukul 10.00 di ruang Bupati"
    later = clock.now + timedelta(days=2)
    queue.schedule(edited, ["portal"], later)
    assert list(wp.posts) == [wp_id]  # the same WordPress post, edited
    held = wp.posts[wp_id]
    assert "10.00 di ruang Bupati" in held["content"]["raw"] and held["status"] == "future"
    assert held["date_gmt"] == later.strftime("%Y-%m-%dT%H:%M:%S")
    assert queue.post(post.id).text == edited.text
