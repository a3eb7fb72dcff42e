"""The rule book and the engine agree, on generated posts across every built-in channel.

For any post (texts short, long, with emoji, URLs, hashtags, mentions and characters platforms
refuse; 0-12 real photos with alt text missing, ordinary or over a limit; a video or not; titles
empty, long or with "<"; tags, links; schedules past, near or far; per-channel variants that
override the text or title, or switch the channel off), on every channel of the real registry:

- a channel the rule book calls ok is never refused by ``outgoing.build`` (NotPublishable), which
  is the last step before any request;
- a channel with a ``block`` finding is always refused, with that finding's message.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from composer.core import checks
from composer.core.outgoing import NotPublishable, RenderOnce, build
from composer.core.post import MediaRef, Post
from composer.core.registry import default_registry
from composer.testing.video_corpus import make_video

REGISTRY = default_registry()
PLATFORMS = [REGISTRY.get(i) for i in sorted(REGISTRY.ids())]
IDS = [p.id for p in PLATFORMS]

# Photos of several shapes (small, so rendering stays quick), made once with Pillow.
SHAPES = [(320, 240), (240, 320), (300, 300), (480, 250), (200, 500), (640, 360)]

WORDS = ["Halo warga", "layanan", "KTP", "Sabtu 09.00 WIB", "🇮🇩", "👩🏽‍⚕️", "💉", "é",
         "https://pemkot.go.id/info/vaksin", "pemkot.go.id", "https://t.co/x", "#Layanan",
         "#Vaksin", "@humas", "@dinkes.bsky.social", "<b>", "a>b", "\ufeff", "\n", "kata"]
ALTS = ["", "   ", "Petugas melayani warga", "a" * 1001, "b" * 1501, "c" * 2001]
TITLES = ["", "   ", "Pengumuman", "Rapat <penting>", "t" * 101, "Judul " * 10]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("media")
    photos = []
    for i in range(12):
        path = folder / f"foto{i}.jpg"
        Image.new("RGB", SHAPES[i % len(SHAPES)], (20 * i, 90, 160)).save(path, quality=80)
        photos.append(str(path))
    video = folder / "kegiatan.mp4"
    make_video(video, width=320, height=240, seconds=1)
    return photos, str(video)


texts = st.builds(
    lambda words, times: (" ".join(words) + " ") * times,
    st.lists(st.sampled_from(WORDS), max_size=30),
    st.one_of(st.just(1), st.integers(1, 3), st.sampled_from([20, 60, 150])),
).map(str.strip)

schedules = st.sampled_from([None, -timedelta(days=2), timedelta(hours=3), timedelta(days=3),
                             timedelta(days=45)])


@st.composite
def posts(draw, files):
    photos, video = files
    n = draw(st.integers(0, 12))
    media = [MediaRef(photos[i], alt=draw(st.sampled_from(ALTS))) for i in range(n)]
    if draw(st.booleans()):
        media.insert(draw(st.integers(0, n)), MediaRef(video, alt="video", kind="video"))
    when = draw(schedules)
    post = Post(
        text=draw(texts),
        title=draw(st.sampled_from(TITLES)),
        media=media,
        tags=draw(st.lists(st.sampled_from(["vaksin", "layanan publik", "#kesehatan", "x" * 120]),
                           max_size=6)),
        links=draw(st.lists(st.sampled_from(["https://pemkot.go.id", "https://dinkes.go.id/a"]),
                            max_size=2)),
        schedule=None if when is None else datetime.now(UTC) + when,
    )
    for channel in draw(st.lists(st.sampled_from(IDS), max_size=4, unique=True)):
        variant = post.variant(channel)
        change = draw(st.sampled_from(["text", "title", "off", "alt"]))
        if change == "text":
            variant.override("text", draw(texts))
        elif change == "title":
            variant.override("title", draw(st.sampled_from(TITLES)))
        elif change == "off":
            variant.enabled = False
        elif media:
            variant.alt[media[0].id] = draw(st.sampled_from(ALTS))
    return post


def test_every_builtin_channel_is_covered():
    assert {"x", "bluesky", "mastodon", "facebook", "instagram", "threads", "linkedin",
            "telegram", "youtube", "whatsapp", "wordpress", "folder"} <= set(IDS)


@settings(max_examples=35, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_the_engine_refuses_exactly_what_the_rule_book_blocks(files, tmp_path, data):
    post = data.draw(posts(files))
    out = tmp_path / post.id
    render = RenderOnce(out / "render", specs=[p.spec for p in PLATFORMS])
    for platform in PLATFORMS:
        adapter = platform.make_adapter()
        verdict = checks.check(post, platform.id, platform.spec, adapter=adapter)
        try:
            build(post, platform.id, platform.spec, out_dir=out, render=render, adapter=adapter)
        except NotPublishable as exc:
            assert not verdict.ok, (
                f"{platform.id}: the rule book said ok, the engine refused: {exc}")
            assert str(exc) == verdict.blocks[0].message
        else:
            assert verdict.ok, (
                f"{platform.id}: the engine sent what the rule book blocks: "
                f"{[f.code for f in verdict.blocks]}")
