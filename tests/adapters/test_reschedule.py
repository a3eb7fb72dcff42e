"""Rescheduling and unscheduling posts the platform holds, through the real engine and journal,
against each platform's practice server over HTTP on 127.0.0.1: what each platform ends up
holding (WordPress's own date and status, Mastodon's scheduled status, Facebook's scheduled
time, YouTube's publishAt and privacy), the platforms' own refusals, and the engine's refusals
in the officer's language. The full schedule → reschedule → unschedule → reschedule cycle runs
for every schedulable adapter in the contract kit (composer/testing/contract.py)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from composer.core import i18n, scheduling
from composer.core.i18n import UserError
from composer.core.journal import State
from composer.core.post import MediaRef, Post
from composer.core.publish import Engine, Policy, Target
from composer.core.registry import Registry
from composer.core.store import Store
from composer.testing.video_corpus import sized_clip
from platforms import facebook, folder, mastodon, wordpress, youtube
from platforms.practice.facebook import FakeFacebook
from platforms.practice.mastodon import FakeMastodon
from platforms.practice.wordpress import WordPressFake
from platforms.practice.youtube import FakeYouTube

HOUR = timedelta(hours=1)


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("SIARAN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SIARAN_LANG", "en")
    i18n.set_language(None)


class Desk:
    """An engine with one ad-hoc account on a practice server."""

    def __init__(self, platform, fake, tmp_path: Path):
        self.store = Store()
        self.engine = Engine(self.store, Registry(platforms={platform.id: platform}),
                             sleep=lambda seconds, cancel: None,
                             policy=Policy(read_timeout=1.0, max_attempts=3))
        settings, secrets = fake.practice_account() if fake else ({"path": str(tmp_path)}, {})
        self.target = Target("desk", platform.id, settings, secrets, adhoc=True)
        self.fake = fake
        self.tmp_path = tmp_path

    def publish(self, text: str, when: datetime | None, **kw) -> Post:
        post = Post(text=text, schedule=when, **kw)
        (outcome,) = self.engine.publish(post, [self.target])
        assert outcome.state == State.POSTED, outcome.reason
        return post

    def reschedule(self, post: Post, when: datetime | None):
        return self.engine.reschedule(post.id, "desk", when, target=self.target)

    def entry(self, post: Post):
        return self.engine.journal.get(post.id, "desk")


def soon(hours: float = 1.0) -> datetime:
    return datetime.now(UTC).replace(microsecond=0) + hours * HOUR


@pytest.fixture
def wp(tmp_path):
    with WordPressFake() as fake:
        desk = Desk(wordpress.PLATFORM, fake, tmp_path)
        yield desk
        desk.store.close()
    assert not fake.errors, fake.errors


@pytest.fixture
def masto(tmp_path):
    with FakeMastodon() as fake:
        desk = Desk(mastodon.PLATFORM, fake, tmp_path)
        yield desk
        desk.store.close()
    assert not fake.errors, fake.errors


@pytest.fixture
def fb(tmp_path):
    with FakeFacebook() as fake:
        desk = Desk(facebook.PLATFORM, fake, tmp_path)
        yield desk
        desk.store.close()
    assert not fake.errors, fake.errors


@pytest.fixture
def yt(tmp_path):
    with FakeYouTube() as fake:
        desk = Desk(youtube.PLATFORM, fake, tmp_path)
        yield desk
        desk.store.close()
    assert not fake.errors, fake.errors


# -- WordPress ------------------------------------------------------------------------------------


def test_wordpress_moves_its_own_date_and_unschedules_to_a_draft(wp):
    post = wp.publish("Rapat koordinasi banjir di aula kantor.", soon(2))
    wp_id = int(wp.entry(post).remote_id)
    assert wp.fake.posts[wp_id]["status"] == "future"

    later = soon(30)
    wp.reschedule(post, later)
    held = wp.fake.posts[wp_id]
    assert held["status"] == "future"
    assert held["date_gmt"] == later.replace(tzinfo=None).isoformat()

    wp.reschedule(post, None)
    assert wp.fake.posts[wp_id]["status"] == "draft"
    wp.fake.advance(40 * 3600)  # past both times: a draft never goes out
    assert wp.fake.posts[wp_id]["status"] == "draft"
    assert wp.entry(post).remote_id == str(wp_id)  # WordPress keeps its id throughout


def test_wordpress_refuses_a_time_it_would_publish_at_once(wp):
    post = wp.publish("Pengumuman libur sekolah.", soon(2))
    before = len(wp.fake.requests)
    with pytest.raises(UserError, match="at least 2 minutes ahead"):
        wp.reschedule(post, datetime.now(UTC) + timedelta(seconds=50))
    # one look at the post, no change sent
    assert [r.method for r in wp.fake.requests[before:]] == ["GET"]
    assert wp.fake.posts[int(wp.entry(post).remote_id)]["status"] == "future"


# -- Mastodon -------------------------------------------------------------------------------------


def test_mastodon_moves_the_scheduled_status_in_place(masto):
    post = masto.publish("Jadwal vaksinasi keliling pekan ini.", soon(1))
    first = masto.entry(post).remote_id
    later = soon(5)
    outcome = masto.reschedule(post, later)
    assert outcome.remote_id == first  # PUT keeps the scheduled status
    assert masto.fake.scheduled[first]["scheduled_at"].startswith(
        later.strftime("%Y-%m-%dT%H:%M:%S"))
    assert masto.fake.requests_to("PUT", rf"/api/v1/scheduled_statuses/{first}$")


def test_mastodon_unschedule_deletes_and_a_reschedule_posts_it_again_with_its_image(
        masto, tmp_path):
    from PIL import Image

    image = tmp_path / "peta.jpg"
    Image.new("RGB", (800, 600), (20, 90, 160)).save(image)
    post = masto.publish("Peta jalur evakuasi.", soon(1),
                         media=[MediaRef(str(image), alt="Peta jalur evakuasi")])
    first = masto.entry(post).remote_id
    media = masto.fake.scheduled[first]["params"]["media_ids"]

    masto.reschedule(post, None)
    assert masto.fake.scheduled == {}  # Mastodon has no draft: nothing is held
    masto.fake.advance(2 * 3600)
    assert masto.fake.live_texts() == []

    outcome = masto.reschedule(post, soon(26))
    assert outcome.remote_id != first  # a new scheduled status, with the platform's new id
    again = masto.fake.scheduled[outcome.remote_id]
    assert again["params"]["text"] == "Peta jalur evakuasi."
    assert again["params"]["media_ids"] == media
    assert masto.entry(post).remote_id == outcome.remote_id


def test_mastodon_refuses_a_new_time_under_five_minutes(masto):
    post = masto.publish("Pemeliharaan jaringan air.", soon(1))
    before = len(masto.fake.requests)
    with pytest.raises(UserError, match="at least 5 minutes ahead"):
        masto.reschedule(post, datetime.now(UTC) + timedelta(minutes=3))
    assert len(masto.fake.requests) == before


def test_practice_mastodon_keeps_the_five_minute_rule_on_put(masto):
    post = masto.publish("Uji aturan lima menit.", soon(1))
    status_id = masto.entry(post).remote_id
    near = (datetime.now(UTC) + timedelta(minutes=2)).isoformat().replace("+00:00", "Z")
    answer = httpx.put(f"{masto.fake.url}/api/v1/scheduled_statuses/{status_id}",
                       json={"scheduled_at": near},
                       headers={"Authorization": "Bearer practice-mastodon-token"})
    assert answer.status_code == 422 and "must be in the future" in answer.json()["error"]
    gone = httpx.put(f"{masto.fake.url}/api/v1/scheduled_statuses/1", json={},
                     headers={"Authorization": "Bearer practice-mastodon-token"})
    assert gone.status_code == 404 and gone.json() == {"error": "Record not found"}


# -- Facebook -------------------------------------------------------------------------------------


def test_facebook_moves_the_scheduled_time_and_unschedules_to_an_unpublished_post(fb):
    post = fb.publish("Layanan SIM keliling hari Sabtu.", soon(1))
    post_id = fb.entry(post).remote_id
    later = soon(48)
    fb.reschedule(post, later)
    assert fb.fake.posts[post_id]["scheduled_publish_time"] == int(later.timestamp())

    fb.reschedule(post, None)
    held = fb.fake.posts[post_id]
    assert held["is_published"] is False and "scheduled_publish_time" not in held
    page = f"{fb.fake.url}/v25.0/{fb.fake.page_id}"
    auth = {"Authorization": f"Bearer {fb.fake.page_token}"}
    assert httpx.get(page + "/scheduled_posts", headers=auth).json()["data"] == []
    fb.fake.advance(3 * 86400)
    assert httpx.get(page + "/feed", headers=auth).json()["data"] == []  # never on the Page


def test_facebook_refuses_a_time_outside_its_window(fb):
    post = fb.publish("Pasar murah di alun-alun.", soon(1))
    with pytest.raises(UserError, match="at least 10 minutes ahead"):
        fb.reschedule(post, datetime.now(UTC) + timedelta(minutes=5))
    with pytest.raises(UserError, match="at most 30 days ahead"):
        fb.reschedule(post, soon(31 * 24))
    # and the practice page itself refuses such a time, in Graph's words
    near = int((datetime.now(UTC) + timedelta(minutes=3)).timestamp())
    answer = httpx.post(f"{fb.fake.url}/v25.0/{fb.entry(post).remote_id}",
                        data={"scheduled_publish_time": str(near)},
                        headers={"Authorization": f"Bearer {fb.fake.page_token}"})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == 100


# -- YouTube --------------------------------------------------------------------------------------


def test_youtube_clears_publish_at_and_keeps_the_video_private(yt, tmp_path):
    clip = tmp_path / "clip.mp4"
    sized_clip(clip, 300_016)  # more than one 256 KiB chunk
    post = yt.publish("Sosialisasi pajak kendaraan.", soon(1), title="Sosialisasi pajak",
                      media=[MediaRef(str(clip), kind="video")])
    video_id = yt.entry(post).remote_id
    later = soon(12)
    yt.reschedule(post, later)
    status = yt.fake.videos[video_id]["status"]
    assert status["privacyStatus"] == "private"
    assert status["publishAt"] == later.strftime("%Y-%m-%dT%H:%M:%S.000Z")

    yt.reschedule(post, None)
    status = yt.fake.videos[video_id]["status"]
    assert status == {**status, "privacyStatus": "private"} and "publishAt" not in status
    yt.fake.advance(24 * 3600)
    assert yt.fake.live_texts() == []  # still private: never published


# -- the engine's refusals ------------------------------------------------------------------------


def test_a_channel_without_native_scheduling_is_refused_plainly(tmp_path, monkeypatch):
    desk = Desk(folder.PLATFORM, None, tmp_path)
    post = desk.publish("Arsip pengumuman.", soon(1))
    monkeypatch.setenv("SIARAN_LANG", "id")
    i18n.set_language(None)
    with pytest.raises(scheduling.CannotReschedule) as refused:
        desk.reschedule(post, soon(3))
    name = folder.PLATFORM.spec.name
    assert str(refused.value) == (f"{name} tidak bisa memindahkan postingan terjadwal; ubah "
                                  f"langsung di {name}")
    desk.store.close()


def test_refusals_before_any_request(wp):
    now_post = wp.publish("Diterbitkan langsung.", None)
    held = wp.publish("Dijadwalkan.", soon(2))
    before = len(wp.fake.requests)
    with pytest.raises(scheduling.CannotReschedule, match="published at once"):
        wp.reschedule(now_post, soon(3))
    with pytest.raises(scheduling.CannotReschedule, match="time zone"):
        wp.reschedule(held, datetime(2030, 1, 1, 9, 0))
    with pytest.raises(scheduling.CannotReschedule, match="in the future"):
        wp.reschedule(held, datetime.now(UTC) - HOUR)
    with pytest.raises(scheduling.CannotReschedule, match="not handed"):
        wp.engine.reschedule("no-such-post", "desk", soon(3), target=wp.target)
    assert len(wp.fake.requests) == before


def test_every_scheduling_message_has_an_indonesian_translation():
    catalog = i18n._catalog("id")
    sources = [Path(m.__file__) for m in (scheduling, wordpress, mastodon, facebook, youtube)]
    found = set()
    for source in sources:
        text = source.read_text("utf-8")
        for match in re.finditer(r'_\(((?:\s*"(?:[^"\\]|\\.)*")+)', text):
            found.add("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1))))
    missing = sorted(m for m in found if m not in catalog)
    assert not missing, missing
