"""Thread splitting: every part fits, nothing is lost, and no URL, mention, hashtag or grapheme
is cut. Contract: "".join(part.body) == text; the marker (numbering) follows each body."""

from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.text import count, entities, split, split_parts
from composer.core.text.units import grapheme_starts
from platforms import bluesky, mastodon, threads, x

THREAD_CHANNELS = [x.SPEC, bluesky.SPEC, mastodon.SPEC, threads.SPEC]

WORDS = st.sampled_from([
    "Pemerintah", "kota", "mengumumkan", "jadwal", "vaksinasi.", "Warga", "diminta", "datang!",
    "https://pemkot.go.id/vaksin?tanggal=2026-12-01", "pemkot.go.id", "#VaksinAman", "@dinkes",
    "@humas@mastodon.social", "@dinkes.bsky.social", "👨‍👩‍👧‍👦", "👋🏽", "🇮🇩", "日本語の文章。",
    "مرحبا", "שלום", "e\u0301", "Rp10.000", "?", "…", "\n\n", "x" * 40,
])
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "  "])


@st.composite
def posts(draw):
    words = draw(st.lists(WORDS, min_size=30, max_size=150))
    seps = draw(st.lists(SEPARATORS, min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True)).strip()


def _assert_valid_split(spec, text, parts, limit=None):
    assert "".join(p.body for p in parts) == text  # rejoins to the original
    boundaries = set(grapheme_starts(text)) | {len(text)}
    protected = [(e.start, e.end) for e in entities(text)]
    pos = 0
    for part in parts:
        assert count(spec, part.text, limit=limit).fits, (spec.id, part.text)
        pos += len(part.body)
        assert pos in boundaries  # never inside a grapheme
        if pos < len(text):
            assert not any(a < pos < b for a, b in protected if b - a < 100), (pos, text)


@settings(max_examples=25, deadline=None)
@given(posts(), st.booleans(), st.sampled_from([None, 70, 120]))
def test_parts_fit_their_channel_and_rejoin_to_the_original(text, numbering, limit):
    for spec in THREAD_CHANNELS:
        parts = split_parts(spec, text, numbering=numbering, limit=limit)
        _assert_valid_split(spec, text, parts, limit)
        if numbering and len(parts) > 1:
            n = len(parts)
            assert [p.marker.strip() for p in parts] == [f"{i}/{n}" for i in range(1, n + 1)]
        else:
            assert all(p.marker == "" for p in parts)


def test_short_text_is_one_part():
    assert split(x.SPEC, "Halo warga!") == ["Halo warga!"]
    assert split(x.SPEC, "") == [""]


def test_prefers_sentence_then_word_boundaries():
    sentence = "Kalimat ini cukup panjang untuk mengisi sebagian besar ruang yang ada. "
    text = sentence * 8
    parts = split_parts(x.SPEC, text)
    assert all(p.body.endswith(". ") for p in parts[:-1])
    words = " ".join(["kata"] * 200)
    parts = split_parts(x.SPEC, words)
    assert all(p.body.endswith(" ") and len(p.body) > 270 for p in parts[:-1])


def test_numbering_counts_toward_the_limit():
    parts = split(x.SPEC, "a" * 1000, numbering=True)
    assert parts[0].endswith(" 1/4") and parts[-1].endswith(" 4/4")
    assert all(count(x.SPEC, p).length <= 280 for p in parts)
    assert max(count(x.SPEC, p).length for p in parts) == 280


def test_a_url_is_never_cut_on_x_and_mastodon():
    url = "https://jakarta.go.id/" + "p" * 600
    text = "Baca " + url + " " + "kata " * 100
    for spec in (x.SPEC, mastodon.SPEC):
        parts = split_parts(spec, text)
        assert any(url in p.body for p in parts)
        _assert_valid_split(spec, text, parts)


def test_an_unbreakable_token_longer_than_the_limit_still_fits():
    url = "https://example.com/" + "a" * 700  # Bluesky counts URLs at full length
    parts = split_parts(bluesky.SPEC, "Lihat " + url + " ya")
    assert "".join(p.body for p in parts) == "Lihat " + url + " ya"
    assert all(count(bluesky.SPEC, p.text).fits for p in parts)
    emoji = split_parts(x.SPEC, "👨‍👩‍👧‍👦" * 200, numbering=True)
    assert all(count(x.SPEC, p.text).fits for p in emoji)
    assert all(len(p.body) % len("👨‍👩‍👧‍👦") == 0 for p in emoji)  # whole families only


def test_mastodon_instance_limit():
    text = "kata " * 300
    assert len(split(mastodon.SPEC, text)) == 3
    assert split(mastodon.SPEC, text, limit=5000) == [text]


def test_chinese_and_japanese_sentences_end_without_a_space():
    poem = "故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。" * 6  # 2 per CJK char
    parts = split_parts(x.SPEC, poem)
    assert "".join(p.body for p in parts) == poem
    assert all(p.body.endswith("。") for p in parts)
    assert all(count(x.SPEC, p.text).fits for p in parts)
