"""The shortcuts that keep long texts linear give exactly the answers of the plain way."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.core.registry import default_registry
from composer.core.text import counting, units
from composer.core.text.split import TooManyParts, split_parts

PIECES = ["a", "b ", "Halo ", "warga. ", "\n", "\r\n", "#Info ", "@kanwil ", "https://contoh.go.id/a ",
          "é", "e\u0301", "🌊", "👨\u200d💻", "🇮🇩", "1\ufe0f\u20e3", "\u0600" "1", "क्ष", "😀🏽", "  "]
texts = st.lists(st.sampled_from(PIECES), max_size=400).map("".join)


def _plain_count(text: str) -> int:
    return len(units.grapheme_starts(text))


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example])
@given(texts, st.integers(min_value=0, max_value=600))
def test_window_segmentation_counts_like_the_whole_text(text, pad):
    text = "x" * pad + text  # past the short-text path too
    assert units.grapheme_count(text) == _plain_count(text)
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
