"""The shortcuts that keep long texts linear give exactly the answers of the plain way."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.core.registry import default_registry
from composer.core.text import counting, twitter, units
from composer.core.text.split import TooManyParts, split_parts

PIECES = ["a", "b ", "Halo ", "warga. ", "\n", "\r\n", "#Info ", "@kanwil ", "https://contoh.go.id/a ",
          "é", "e\u0301", "🌊", "👨\u200d💻", "🇮🇩", "1\ufe0f\u20e3", "\u0600" "1", "क्ष", "😀🏽", "  "]
texts = st.lists(st.sampled_from(PIECES), max_size=400).map("".join)


def _plain_count(text: str) -> int:
    return len(units._segment(text))  # the segmenter over the whole text, no window


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example])
@given(texts, st.integers(min_value=0, max_value=600))
def test_window_segmentation_counts_like_the_whole_text(text, pad):
    text = "x" * pad + text  # past the short-text path too
    assert units.grapheme_count(text) == _plain_count(text)
    assert units.grapheme_starts(text) == list(units._segment(text))
    for limit in (1, 7, 300):
        starts = units.grapheme_starts(text)
        assert units.index_over_graphemes(text, limit) == (
            starts[limit] if len(starts) > limit else None)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example])
@given(texts, st.sampled_from(["x", "bluesky", "mastodon", "threads"]),
       st.integers(min_value=1, max_value=6))
def test_a_bounded_split_is_the_split_or_a_refusal(text, channel, max_parts):
    spec = default_registry().get(channel).spec
    text = text * 8
    whole = split_parts(spec, text, limit=60)
    try:
        bounded = split_parts(spec, text, limit=60, max_parts=max_parts)
    except TooManyParts:
        assert len(whole) > max_parts
    else:
        assert bounded == whole


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example])
@given(texts)
def test_threads_length_from_windows_matches_every_grapheme(text):
    text = "y" * 600 + text
    starts = units.grapheme_starts(text)
    ends = [*starts[1:], len(text)]
    expected = len(text) + sum(
        units.utf8_len(text[a:b]) - (b - a)
        for k, (a, b) in enumerate(zip(starts, ends, strict=True))
        if k in counting._emoji_graphemes(text, starts))
    assert counting._threads_length(text) == expected


def _overflow_char_by_char(w: twitter.Weighed, limit: int) -> int | None:
    """parseTweet's walk: every plain character weighed on its own."""
    if w.total <= limit * twitter.SCALE:
        return None
    running = 0
    for a, b, weight in w.pieces:
        for i in ([a] if weight >= 0 else range(a, b)):
            running += weight if weight >= 0 else twitter.char_weight(w.normal[i])
            if running > limit * twitter.SCALE:
                return w.original_index(i)
    return None


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example])
@given(st.lists(st.sampled_from([*PIECES, "漢字", "ทดสอบ ", "© ", "#️⃣", "2024 "]), max_size=200)
       .map("".join), st.sampled_from([0, 1, 10, 140, 280, 1000]))
def test_x_overflow_lands_where_weighing_each_character_does(text, limit):
    w = twitter.weigh(text)
    assert twitter.overflow_index(w, limit) == _overflow_char_by_char(w, limit)


# Where an emoji match could begin before the start pattern was narrowed to keycap bases that a
# keycap mark follows: every # * and digit.
_EVERY_CANDIDATE = re.compile(r"[^\x00-\x22\x24-\x29\x2b-\x2f\x3a-\x7f]")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "#", "*", "9 ", "\ufe0f", "\u20e3", "1\ufe0f\u20e3", "#\u20e3", "🌊",
                                 "👨\u200d💻", "🇮🇩", "©", "®\ufe0f", "☺", "a", " "]), max_size=60)
       .map("".join))
def test_emoji_found_when_only_keycap_bases_are_tried_are_the_same(text):
    narrowed = twitter._emoji_spans(text)
    saved = twitter._EMOJI_START
    twitter._EMOJI_START = _EVERY_CANDIDATE
    try:
        assert twitter._emoji_spans(text) == narrowed
    finally:
        twitter._EMOJI_START = saved
