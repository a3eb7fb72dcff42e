"""Writes the expected values of the official JavaScript libraries for tricky texts.

Run through tools/regen_oracle.sh, which installs the pinned libraries into a temporary
folder and passes its oracle.mjs here; not part of the test run. It writes
tests/data/bluesky-richtext/cases.json (graphemeLength, UTF-8 length and
detectFacetsWithoutResolution of @atproto/api RichText) and tests/data/twitter-text/js-cases.json
(weightedLength and validRangeEnd of twitter-text parseTweet with the default v3 configuration),
each with the versions that answered.
"""

import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"

TRICKY = [
    "",
    "Selamat pagi warga Kota Bandung! Pelayanan KTP buka pukul 08.00 WIB.",
    "Info lengkap: https://jakarta.go.id/berita/2026/11/banjir?id=42&lang=id",
    "Kunjungi pemkot.go.id atau www.kominfo.go.id/layanan sekarang.",
    "Daftar di bit.ly/daftar-ktp (gratis).",
    "Lihat (https://example.com/path_(x)) dan https://example.com/a).",
    "Tautan di akhir kalimat https://example.com/a. Lalu lagi https://example.com/b!",
    "EXAMPLE.COM dan HTTPS://EXAMPLE.COM/A tidak sama dengan example.com",
    "Halo @walikota.bsky.social dan @dinas-kominfo.bsky.social!",
    "cc @bob @alice.test @user@mastodon.social @x.y @UPPER.BSKY.SOCIAL",
    "email: humas@pemkot.go.id bukan mention",
    "#GotongRoyong #Indonesia2045 #2026 #café #日本語 ＃全角タグ",
    "#" + "a" * 64 + " #" + "b" * 65,
    "Tag di akhir: #JakartaBersih. Dan #Banjir! Juga #Siaga1?",
    "#️⃣ bukan tag, 1️⃣ juga bukan",
    "Harga $BBCA naik, $bbri juga; $TOOLONG tidak.",
    "👋🏽 Halo! 👨‍👩‍👧‍👦 keluarga, 🏳️‍🌈, 🇮🇩, ❤️, ✌🏿, 🧑🏽‍💻, 🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "👩🏾‍🤝‍👨🏻 🫱🏼‍🫲🏿 🧔🏻‍♂️ 👁️‍🗨️ 🐻‍❄️ 😶‍🌫️",
    "故人西辞黄鹤楼，烟花三月下扬州。日本語のテキスト。한국어 텍스트.",
    "مرحبا بالعالم https://example.com/عربي و @user.bsky.social",
    "שלום עולם #שלום example.co.il",
    "\u2066\u202ahttp://foobar.پاکستان/\u202c\u2069",
    "Baris satu\r\nBaris dua\nBaris tiga\u2028empat",
    "e\u0301 A\u030a \ufb2c ﬁ Ω",
    "क्षि नमस्ते ไทย",
    "ȧ̇ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \U0010ffff \ufeff \u00ad \u200b",
    "(@paren.bsky.social) (example.com) (#notatag",
    "x" * 275 + " https://example.com",
    "مرحباbsky.app dan 日本語example.com/path",  # ASCII domain glued to other scripts
    "y.app\u00e9\u05e9\u05dc\u05d5\u05dda.com/ x",  # the URL text parseTweet steps over is shorter
    "bsky.app\u017f apps.app\u212a İnfo.com",  # letters Python's IGNORECASE folds to ASCII
    "https://http://org https://[::1]%20 HTTPS://EXAMPLE.COM",
    "© ® ™ ❤ ❤️ ↔️ 👩🏾‍🤝‍👨🏻 🫱🏼‍🫲🏿 🧑🏽‍💻",  # text-presentation and newer emoji
    "\u094d\u0924 M\u09cd\u0915 क्त्र a\u1ade",  # graphemes where libraries disagree
    "t.co/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG https://t.co/abc/def",
    "😷" * 141,
]

PIECES = ["a", " ", "\n", ".", "#", "@", "(", ")", "Halo", "warga", "example.com", "https://a.co/x",
          "@a.bsky.social", "#Tag", "😀", "👋🏽", "👨‍👩‍👧‍👦", "🇮🇩", "❤️", "日本", "مرحبا", "שלום", "é",
          "e\u0301", "\u200d", "\ufe0f", "1⃣", "$ABC", "＃"]


# @atproto/api 0.21 measures a tag over 64 UTF-16 units in graphemes (at most 64): tags on both
# sides of that line, in every way a grapheme can take more than one UTF-16 unit.
FAMILY = "👨‍👩‍👧‍👦"
SCOTLAND = "🏴󠁧󠁢󠁳󠁣󠁴󠁿"  # one grapheme of 7 astral code points (28 bytes)
LONG_TAGS = [
    "#" + "a" * 63 + "!!! #" + "a" * 64 + "... #" + "a" * 65 + "?",
    "#" + "😀" * 32 + " #" + "😀" * 33 + " #" + "😀" * 64 + " #" + "😀" * 65,
    "#" + "👋🏽" * 16 + " #" + "👋🏽" * 17 + " #" + "👋🏽" * 64 + " #" + "👋🏽" * 65,
    "#" + "🇮🇩" * 16 + " #" + "🇮🇩" * 17 + " #" + "🇮🇩" * 64 + " #" + "🇮🇩" * 65,
    "#" + "e\u0301" * 32 + " #" + "e\u0301" * 33 + " #" + "e\u0301" * 64 + " #" + "e\u0301" * 65,
    "#" + "é" * 64 + " #" + "é" * 65 + " #" + "日本" * 32 + " #" + "日本語" * 22,
    "#" + FAMILY * 3 + " #a" + FAMILY * 20 + " #🧑🏽‍💻 #🏳️‍🌈",  # a ZWJ ends a tag
    "#" + SCOTLAND * 20 + " #" + SCOTLAND * 64 + " #" + SCOTLAND * 65,  # 560, 1792 bytes
    "#a" + "\u0301" * 200 + " #" + ("a" + "\u0301" * 20) * 64,  # one grapheme, many units
    "#" + "क्षि" * 17 + " #" + "क्षि" * 64 + " #" + "क्षि" * 65 + " #" + "\u1100\u1161" * 40,
    "#" + "😀" * 40 + "!" + "😀" * 30 + " #" + "2026" * 20 + "😀" * 30,
    "#" + "❤️" * 33 + " #️" + "❤️" * 33 + " ＃" + "😀" * 33 + "。",
    "Banjir #" + "Jakarta" * 9 + "😀" * 2 + " dan #JakartaBersih" + "🌧️" * 60,
    "\U0001f1ae\U0001f7da #\u094d\u0924" * 3 + " #" + "M\u09cd\u0915" * 40,  # where \\X and ICU differ
]
# Cashtags: "$" then a letter and up to four letters or digits, after the start, a space or "(",
# before a space, the end or closing punctuation; the tag value is upper-cased with its "$".
CASHTAGS = [
    "$AAPL $aapl $Msft $1 $A1 $A $ABCDE $ABCDEF $TOOLONGTICKER $",
    "US$5 5$ $5 $$AAPL ($BBCA) ($BBCA, $TLKM.) $GOTO! $ASII? $BBRI; $BMRI: $UNVR's $ANTM’s",
    "$BBCA\"quote\" $BBCA-W $BBCA_ $BBCA/ $BBCA.JK $BBCA# $BBCA😀 $BBCA\u00a0x $BBCA\u3000x",
    "https://example.com/$AAPL example.com?q=$AAPL https://x.com/search?q=%24AAPL $AAPL",
    "#$AAPL #AAPL $#AAPL @$AAPL $AAPL@x.com mail$AAPL",
    "Harga\n$BBCA\r\n$TLKM\u2028$ASII\t$GOTO naik",
    "$ÄPFEL $ΑΒΓ $ＡＡＰＬ $AAPL\u0301 $ǅ",
    "$aapl" * 3 + " $abcd $abcde $abcdef",
]
TAG_PIECES = ["a", "Z", "9", "é", "e\u0301", "😀", "👋🏽", "🇮🇩", FAMILY, SCOTLAND, "日本", "क्षि",
              "\u0301", "\ufe0f", "!", ".", "_", "-", "’", "$", "#"]


def tag_texts(n=120, seed=20261206):
    """Tags from 30 to 80 pieces long, so many land on either side of 64 units and graphemes."""
    rng = random.Random(seed)
    return ["#" + "".join(rng.choice(TAG_PIECES) for _ in range(rng.randint(30, 80)))
            + rng.choice(["", " ", "!", ". x", " #b"]) for _ in range(n)]


def random_texts(n=300, seed=20261128):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 20)):
            if rng.random() < 0.25:
                c = rng.randint(0x20, 0x2FFFF)
                parts.append(chr(c) if not 0xD800 <= c < 0xE000 else "?")
            else:
                parts.append(rng.choice(PIECES))
        out.append("".join(parts))
    return out


def ask(oracle, *args, stdin=""):
    result = subprocess.run(["node", str(oracle), *args], input=stdin, capture_output=True,
                            text=True, cwd=oracle.parent)
    if result.returncode:
        sys.exit(result.stderr)
    return [json.loads(line) for line in result.stdout.splitlines()]


def compare_tlds(tlds):
    """The Python port reads a copy of the tlds package: say when the installed one differs."""
    sys.path.insert(0, str(ROOT))
    from composer.core.text._bluesky_tlds import TLDS

    added, removed = set(tlds) - TLDS, TLDS - set(tlds)
    if added or removed:
        print(f"tlds differs from composer/core/text/_bluesky_tlds.py: {len(added)} new, "
              f"{len(removed)} gone; regenerate that module from the package's index.json")


def write(path, produced_by, versions, cases):
    note = "Expected values produced by the official JavaScript library; see tools/regen_oracle.sh"
    path.write_text(json.dumps({"produced_by": produced_by, "versions": versions, "note": note,
                                "cases": cases}, indent=1) + "\n",
                    encoding="utf-8")


def main():
    oracle = Path(sys.argv[1]).resolve()
    about = ask(oracle, "--about")[0]
    v = about["versions"]
    compare_tlds(about["tlds"])
    texts = TRICKY + random_texts() + LONG_TAGS + CASHTAGS + tag_texts()
    answers = ask(oracle, stdin="".join(json.dumps({"text": t}) + "\n" for t in texts))
    bsky = [{"text": t, "graphemes": a["graphemes"], "bytes": a["bytes"], "facets": a["facets"]}
            for t, a in zip(texts, answers, strict=True)]
    x = [{"text": t, "weightedLength": a["weightedLength"], "validRangeEnd": a["validRangeEnd"]}
         for t, a in zip(texts, answers, strict=True)]
    runtime = f"Node.js {v['node'][1:]}, ICU {v['icu']}"
    write(DATA / "bluesky-richtext" / "cases.json",
          f"@atproto/api {v['@atproto/api']} RichText ({runtime})",
          {k: v[k] for k in ("@atproto/api", "tlds", "node", "icu", "unicode")}, bsky)
    write(DATA / "twitter-text" / "js-cases.json",
          f"twitter-text {v['twitter-text']} parseTweet, default config (v3)",
          {k: v[k] for k in ("twitter-text", "node")}, x)
    print(len(texts), "cases written with", ", ".join(f"{k} {v[k]}" for k in v))


if __name__ == "__main__":
    main()
