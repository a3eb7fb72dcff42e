"""Bluesky: graphemes, UTF-8 bytes and facets as @atproto/api's RichText gives them.

tests/data/bluesky-richtext/cases.json holds what the official @atproto/api RichText
(graphemeLength, length, detectFacetsWithoutResolution) answers for tricky, seeded random, long
tag and cashtag texts; its "versions" names the release. tools/regen_oracle.sh asks again.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core.text import count, detect_facets
from platforms.bluesky import SPEC as BSKY

ROOT = Path(__file__).resolve().parents[2]
ORACLE = json.loads((ROOT / "tests" / "data" / "bluesky-richtext" / "cases.json")
                    .read_text(encoding="utf-8"))
CASES = ORACLE["cases"]


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
    assert len(CASES) > 450


def test_the_oracle_is_the_current_release_and_covers_long_tags_and_cashtags():
    assert ORACLE["versions"]["@atproto/api"] == "0.21.0"
    tags = [f["value"] for c in CASES for f in c["facets"] if f["type"] == "tag"]
    units = [len(t.encode("utf-16-le")) // 2 for t in tags if not t.startswith("$")]
    assert sum(u > 64 for u in units) >= 20  # tags only 0.21 accepts (graphemes <= 64)
    assert sum(t.startswith("$") for t in tags) >= 15


def test_siaran_count_answers_as_the_oracle_on_every_case(siaran_home):
    stdin = "".join(json.dumps({"text": c["text"]}) + "\n" for c in CASES)
    result = subprocess.run([sys.executable, "-m", "composer", "count", "--platform", "bluesky"],
                            input=stdin.encode(), capture_output=True, timeout=120, cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    got = [(a["graphemes"], a["bytes"], a["facets"]) for a in answers]
    assert got == [(c["graphemes"], c["bytes"], c["facets"]) for c in CASES]


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


def test_a_long_tag_is_measured_in_graphemes_since_atproto_api_0_21():
    # 33 emoji: 66 UTF-16 units (no tag before 0.21) but 33 graphemes; 65 are too many.
    text = "#" + "😀" * 33 + " #" + "👋🏽" * 64 + " #" + "🇮🇩" * 65 + " #" + "e\u0301" * 64 + "!"
    assert [len(f.value) for f in detect_facets(text)] == [33, 128, 128]
    family = "👨‍👩‍👧‍👦"  # the ZWJ inside ends the tag at its first person
    assert [f.value for f in detect_facets(f"#{family * 3} #a{family}")] == ["👨", "a👨"]


def test_cashtags_are_tags_with_their_dollar_upper_cased():
    text = "$bbca ($TLKM), $GOTO! US$5 $1 $TOOLONG $A1 https://x.com/$AAPL #$ASII"
    assert [(f.value, text[f.start:f.end]) for f in detect_facets(text)] == [
        ("$BBCA", "$bbca"), ("$TLKM", "$TLKM"), ("$GOTO", "$GOTO"), ("$A1", "$A1"),
        ("https://x.com/$AAPL", "https://x.com/$AAPL"), ("$ASII", "#$ASII")]


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
