"""Writes the expected values of the official JavaScript libraries for tricky texts.

Not part of the test run (it needs Node.js and npm). To regenerate, outside the repository:
    mkdir /tmp/atproto-check && cd /tmp/atproto-check
    npm install @atproto/api@0.19.19 twitter-text@3.1.0
    cp <repo>/tests/data/js-oracle/oracle.js . && python <repo>/tests/data/js-oracle/make_cases.py
It writes tests/data/bluesky-richtext/cases.json (graphemeLength, UTF-8 length and
detectFacets of @atproto/api RichText) and tests/data/twitter-text/js-cases.json (weightedLength
and validRangeEnd of twitter-text parseTweet with the default v3 configuration).
"""

import json
import random
import subprocess
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
ORACLE = Path("/tmp/atproto-check/oracle.js")

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


def main():
    texts = TRICKY + random_texts()
    lines = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    result = subprocess.run(["node", str(ORACLE)], input=lines, capture_output=True, text=True,
                            check=True, cwd=ORACLE.parent)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    bsky = [{"text": t, "graphemes": a["graphemes"], "bytes": a["bytes"], "facets": a["facets"]}
            for t, a in zip(texts, answers, strict=True)]
    x = [{"text": t, "weightedLength": a["weightedLength"], "validRangeEnd": a["validRangeEnd"]}
         for t, a in zip(texts, answers, strict=True)]
    note = "Expected values produced by the official JavaScript library; see tests/data/js-oracle/make_cases.py"
    (DATA / "bluesky-richtext" / "cases.json").write_text(json.dumps(
        {"produced_by": "@atproto/api 0.19.19 RichText (Node.js 20, ICU 78.2)", "note": note,
         "cases": bsky}, indent=1) + "\n")
    (DATA / "twitter-text" / "js-cases.json").write_text(json.dumps(
        {"produced_by": "twitter-text 3.1.0 parseTweet, default config (v3)", "note": note,
         "cases": x}, indent=1) + "\n")
    print(len(texts), "cases written")


if __name__ == "__main__":
    main()
