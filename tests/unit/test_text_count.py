"""Each channel counted its own way (docs/platforms.md), and the overflow mark."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.adapters import Counting
from composer.core.text import count
from composer.core.text.units import grapheme_count, utf8_len, utf16_len
from platforms import (
    facebook,
    instagram,
    linkedin,
    mastodon,
    telegram,
    threads,
    whatsapp,
    wordpress,
    x,
    youtube,
)

MASTO = mastodon.SPEC


def test_mastodon_counts_graphemes_urls_as_23_and_remote_mentions_without_domain():
    assert count(MASTO, "👨‍👩‍👧‍👦 halo").length == 6
    assert count(MASTO, "https://jakarta.go.id/" + "a" * 100).length == 23
    assert count(MASTO, "pemkot.go.id").length == 12  # without a scheme it counts as typed
    assert count(MASTO, "cc @humas@mastodon.social").length == len("cc @humas")
    assert count(MASTO, "cc @humas").length == 9
    assert count(MASTO, "@humas@mastodon.social@").length == 23  # not a mention: counts in full
    assert count(MASTO, "https://x.go.id/@humas@mastodon.social").length == 23  # inside a URL


def test_mastodon_limit_comes_from_the_instance():
    text = "a" * 600
    assert (count(MASTO, text).limit, count(MASTO, text).fits) == (500, False)
    big = count(MASTO, text, limit=5000)  # e.g. configuration.statuses.max_characters
    assert (big.limit, big.fits, big.overflow_at) == (5000, True, None)
    assert count(MASTO, "x" * 470 + " https://example.com/a").length == 494


def test_mastodon_overflow_inside_text_after_a_url():
    text = "https://example.com/" + "p" * 50 + " " + "y" * 480
    result = count(MASTO, text)
    assert result.length == 23 + 1 + 480
    assert result.overflow_at == len(text) - 4  # 23 + 1 + 476 = 500


def test_telegram_counts_utf16_and_captions_are_shorter():
    tg = telegram.SPEC
    text = "😀" * 600  # 1200 UTF-16 units
    assert count(tg, text).fits
    caption = count(tg, text, with_media=True)
    assert (caption.limit, caption.length, caption.fits) == (1024, 1200, False)
    assert caption.overflow_at == 512  # the 513th emoji starts at unit 1024
    assert count(whatsapp.SPEC, "a" * 1025, with_media=True).fits is False


def test_threads_counts_emoji_as_their_utf8_bytes_and_caps_links():
    th = threads.SPEC
    assert count(th, "Halo 👋🏽").length == 5 + 8
    assert count(th, "日本").length == 2
    links = " ".join(f"https://example.com/{i}" for i in range(6))
    assert count(th, links).problems
    assert not count(th, " ".join(f"https://example.com/{i}" for i in range(5))).problems


def test_instagram_hashtag_limit_is_a_problem_in_the_users_language():
    ig = instagram.SPEC
    five = "Pantai " + " ".join(f"#tag{i}" for i in range(5))
    assert count(ig, five).problems == ()
    six = count(ig, five + " #lagi")
    assert six.fits and len(six.problems) == 1 and "6" in six.problems[0]
    from composer.core.i18n import set_language

    set_language("id")
    try:
        assert "tagar" in count(ig, five + " #lagi").problems[0].lower()
    finally:
        set_language(None)


def test_youtube_description_in_bytes_without_angle_brackets():
    yt = youtube.SPEC
    assert count(yt, "é" * 2500).fits  # 5000 bytes
    over = count(yt, "é" * 2501)
    assert (over.unit, over.length, over.fits, over.overflow_at) == ("bytes", 5002, False, 2500)
    assert count(yt, "a <b> c").problems


def test_linkedin_facebook_wordpress():
    assert count(linkedin.SPEC, "a" * 3001).fits is False
    assert count(facebook.SPEC, "a" * 63_206).fits
    unlimited = count(wordpress.SPEC, "a" * 100_000)
    assert (unlimited.fits, unlimited.limit, unlimited.overflow_at) == (True, None, None)


def test_text_count_is_frozen_and_complete():
    result = count(x.SPEC, "Halo")
    assert (result.length, result.limit, result.fits, result.unit) == (4, 280, True, "weighted")
    try:
        result.length = 3
    except AttributeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("TextCount must be frozen")


_TEXT = st.lists(st.sampled_from(["a", " ", "é", "e\u0301", "日", "😀", "👨‍👩‍👧‍👦", "🇮🇩", "\n", "مر"]),
                 min_size=0, max_size=60).map("".join)


@settings(max_examples=120, deadline=None)
@given(_TEXT, st.integers(min_value=1, max_value=40))
def test_overflow_is_exact_for_every_unit(text, limit):
    for counting, measure in ((Counting.UTF16, utf16_len), (Counting.BYTES, utf8_len),
                              (Counting.GRAPHEMES, grapheme_count), (Counting.CODEPOINTS, len)):
        spec = replace(telegram.SPEC, counting=counting, caption_limit=None)
        result = count(spec, text, limit=limit)
        assert result.length == measure(text)
        if result.fits:
            assert result.overflow_at is None and measure(text) <= limit
            continue
        i = result.overflow_at
        assert measure(text[:i]) <= limit  # everything before the mark fits
        if counting == Counting.GRAPHEMES:
            assert grapheme_count(text[:i]) == limit
        else:
            assert measure(text[:i + 1]) > limit  # and the marked character does not
