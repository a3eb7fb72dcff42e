"""Bluesky: graphemes, UTF-8 bytes and facets as @atproto/api's RichText gives them.

tests/data/bluesky-richtext/cases.json was produced by running the official @atproto/api 0.19.19
RichText (graphemeLength, length, detectFacetsWithoutResolution) on Node.js 20 over tricky and
seeded random texts: see tests/data/js-oracle/make_cases.py.
"""

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.text import count, detect_facets
from platforms.bluesky import SPEC as BSKY

CASES = json.loads((Path(__file__).resolve().parent.parent / "data" / "bluesky-richtext"
                    / "cases.json").read_text(encoding="utf-8"))["cases"]


def _plain(facets):
    return [{"byteStart": f.byte_start, "byteEnd": f.byte_end, "type": f.type, "value": f.value}
            for f in facets]


def test_agrees_with_atproto_richtext():
    wrong = []
    for case in CASES:
        result = count(BSKY, case["text"])
        got = (result.graphemes, result.bytes, _plain(result.facets))
        want = (case["graphemes"], case["bytes"], case["facets"])
        if got != want:
            wrong.append((case["text"], got, want))
    assert not wrong, wrong[:3]
    assert len(CASES) > 300


def test_facets_of_an_indonesian_post():
    text = ("Banjir di #Jakarta 🌧️: info di https://bpbd.jakarta.go.id/info. "
            "Hubungi @bpbd.jakarta.go.id atau kunjungi pemkot.go.id!")
    facets = {(f.type, f.value) for f in detect_facets(text)}
    assert facets == {("tag", "Jakarta"), ("link", "https://bpbd.jakarta.go.id/info"),
                      ("mention", "bpbd.jakarta.go.id"), ("link", "https://pemkot.go.id")}
    raw = text.encode()
    for f in detect_facets(text):  # the trailing "." and "!" stay outside the links
        assert raw[f.byte_start:f.byte_end].decode() == text[f.start:f.end]


def test_tags_full_width_and_length_rules():
    assert [f.value for f in detect_facets("＃全角 #" + "a" * 64 + " #" + "b" * 65 + " #2026")] == [
        "全角", "a" * 64]


def test_limits_are_graphemes_and_bytes():
    family = "👨‍👩‍👧‍👦"  # 1 grapheme, 25 bytes
    assert count(BSKY, family * 120).fits  # 3000 bytes exactly
    over = count(BSKY, family * 121)
    assert (over.graphemes, over.bytes, over.fits) == (121, 3025, False)
    assert over.overflow_at == 120 * len(family)  # the grapheme the byte limit cuts into
    long = count(BSKY, "é" * 301)
    assert (long.length, long.fits, long.overflow_at) == (301, False, 300)
    assert count(BSKY, "e\u0301" * 300).fits  # combining accents stay in their grapheme


_ALPHABET = st.sampled_from([
    "a", "Z", " ", "\n", ".", ",", "!", ")", "(", "#", "＃", "@", "$", "-", "/", ":", "é", "e\u0301",
    "日本", "مرحبا", "שלום", "👋🏽", "👨‍👩‍👧‍👦", "🇮🇩", "\u200d", "\ufe0f", "https://", "www.", "go.id",
    ".com", "bsky.social", "example", "ABC", "2026", "\u00a0", "\u3000",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_facet_byte_ranges_slice_the_utf8_text_exactly_at_the_entity(text):
    raw = text.encode("utf-8")
    previous_start = -1
    for f in detect_facets(text):
        piece = raw[f.byte_start:f.byte_end].decode("utf-8")  # never cuts a character
        assert piece == text[f.start:f.end]
        assert f.byte_start >= previous_start
        previous_start = f.byte_start
        if f.type == "mention":
            assert piece == "@" + f.value
        elif f.type == "tag" and piece[0] == "$":  # a cashtag keeps its "$", upper-cased
            assert f.value == "$" + piece[1:].upper()
        elif f.type == "tag":
            assert piece[0] in "#＃" and piece[1:] == f.value
        else:
            assert f.value in (piece, "https://" + piece)
