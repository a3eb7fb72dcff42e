"""`siaran count`, `split` and `check`, run as a user would: a real process, stdin and exit
codes (one process per test; they start in well under a second)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def siaran(*args, stdin="", home=None):
    env = dict(os.environ, SIARAN_LANG="en", PYTHONPATH=str(ROOT))
    if home is not None:
        env["SIARAN_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "composer", *args], input=stdin.encode(),
                          capture_output=True, env=env, timeout=60, cwd=ROOT)


def lines(result):
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_count_x_and_bluesky(siaran_home):
    stdin = "".join(json.dumps({"text": t}) + "\n" for t in [
        "Halo warga Jakarta 👋🏽", "x" * 281, "Info: pemkot.go.id"])
    result = siaran("count", "--platform", "x", stdin=stdin, home=siaran_home)
    assert result.returncode == 0, result.stderr
    assert lines(result) == [{"length": 21, "limit": 280, "fits": True},
                             {"length": 281, "limit": 280, "fits": False},
                             {"length": 29, "limit": 280, "fits": True}]
    text = "Hai @walikota.bsky.social, lihat #Banjir di https://bpbd.go.id 🌧️"
    result = siaran("count", "--platform", "bluesky", stdin=json.dumps({"text": text}) + "\n",
                    home=siaran_home)
    (answer,) = lines(result)
    raw = text.encode()
    assert (answer["graphemes"], answer["bytes"], answer["limit"]) == (64, len(raw), 300)
    assert [(f["type"], raw[f["byteStart"]:f["byteEnd"]].decode(), f["value"]) for f in answer["facets"]] == [
        ("mention", "@walikota.bsky.social", "walikota.bsky.social"),
        ("tag", "#Banjir", "Banjir"),
        ("link", "https://bpbd.go.id", "https://bpbd.go.id"),
    ]


def test_count_reports_bad_lines_keeps_going_and_exits_2(siaran_home):
    stdin = '{"text": "satu"}\nnot json\n\n{"text": 5}\n{"text": "dua"}\n'
    result = siaran("count", "--platform", "mastodon", stdin=stdin, home=siaran_home)
    assert result.returncode == 2
    out = lines(result)
    assert [o.get("length") for o in out] == [4, None, None, 3]  # blank line skipped
    assert "error" in out[1] and "error" in out[2]
    errors = result.stderr.decode().strip().splitlines()
    assert errors == ['siaran: line 2: not a JSON object with a "text" string',
                      'siaran: line 4: not a JSON object with a "text" string']


def test_a_deeply_nested_line_is_one_error_and_the_others_are_counted(siaran_home):
    """100,000 '[' used to end the whole run in a RecursionError, with no output at all."""
    stdin = '{"text": "satu"}\n' + "[" * 100_000 + '\n{"text": "dua"}\n'
    result = siaran("count", "--platform", "bluesky", stdin=stdin, home=siaran_home)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    out = lines(result)
    assert [o.get("length") for o in out] == [4, None, 3] and "error" in out[1]


def test_count_unknown_platform_is_one_line_exit_2(siaran_home):
    result = siaran("count", "--platform", "myspace", stdin='{"text": "a"}\n', home=siaran_home)
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "myspace" in result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_split_parts_rejoin_and_fit(siaran_home):
    text = "Kalimat pertama cukup panjang untuk tes pemisahan. " * 12
    result = siaran("split", "--platform", "x", stdin=text + "\n", home=siaran_home)
    assert result.returncode == 0, result.stderr
    parts = lines(result)
    assert len(parts) > 1 and all(p["fits"] and p["length"] <= 280 for p in parts)
    assert "".join(p["text"] for p in parts) == text
    assert [(p["part"], p["of"]) for p in parts] == [(i, len(parts)) for i in range(1, len(parts) + 1)]
    numbered = lines(siaran("split", "--platform", "bluesky", "--numbering", stdin=text,
                            home=siaran_home))
    assert numbered[0]["text"].endswith(f"1/{len(numbered)}")
    assert all(p["length"] <= 300 for p in numbered)


def _post(tmp_path, body):
    path = tmp_path / "post.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_check_fits_and_does_not_fit(siaran_home, tmp_path):
    good = _post(tmp_path, 'text = "Halo warga!"\nchannels = ["x", "bluesky", "telegram"]\n')
    result = siaran("check", str(good), home=siaran_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().count("ok") == 3
    long_text = "kata " * 700
    bad = _post(tmp_path, f'text = "{long_text}"\nchannels = ["x", "linkedin"]\n')
    result = siaran("check", str(bad), "--json", home=siaran_home)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    by_channel = {c["channel"]: c for c in report["channels"]}
    assert by_channel["x"]["ok"] and by_channel["x"]["parts"] > 1  # X threads it
    assert not by_channel["linkedin"]["ok"] and by_channel["linkedin"]["overflow_at"] == 3000
    assert report["ok"] is False


def test_check_instagram_needs_an_image_and_hashtags(siaran_home, tmp_path):
    image = tmp_path / "foto.jpg"
    image.write_bytes(b"\xff\xd8\xff\xd9")
    post = _post(tmp_path, 'text = "#a #b #c #d #e #f"\nchannels = ["instagram"]\n'
                           '[[media]]\npath = "foto.jpg"\nalt = "Foto"\n')
    result = siaran("check", str(post), home=siaran_home)
    assert result.returncode == 1
    assert "Too many hashtags for Instagram: 6 (at most 5)" in result.stdout.decode()


def test_check_json_has_coded_findings_and_missing_alt_text_is_a_warning(siaran_home, tmp_path):
    from PIL import Image

    Image.new("RGB", (800, 600), (30, 60, 90)).save(tmp_path / "foto.jpg")
    media = '[[media]]\npath = "foto.jpg"\n'
    body = 'text = "Kerja bakti Minggu pagi"\nchannels = ["x", "telegram", "folder"]\n' + media * 2
    result = siaran("check", str(_post(tmp_path, body)), "--json", home=siaran_home)
    assert result.returncode == 0, result.stderr  # a warning does not stop anything
    report = json.loads(result.stdout)
    assert report["ok"] is True
    for channel in report["channels"]:
        assert channel["ok"] is True
        (alt,) = [f for f in channel["findings"] if f["code"] == "media.alt_missing"]
        assert alt["severity"] == "warn" and alt["params"]["count"] == 2
        assert alt["message"].startswith("2 image(s) without alt text")
        assert {"length", "limit", "unit", "fits", "overflow_at", "parts"} <= set(channel)
    human = siaran("check", str(_post(tmp_path, body)), home=siaran_home).stdout.decode()
    assert human.count("warn: 2 image(s) without alt text") == 3 and "[media.alt_missing]" in human

    # five photos: X refuses the fifth (exit 1), Telegram takes them; YouTube needs a video
    body = 'text = "Foto kegiatan"\nchannels = ["x", "telegram", "youtube"]\n' + media * 5
    result = siaran("check", str(_post(tmp_path, body)), "--json", home=siaran_home)
    assert result.returncode == 1
    by_channel = {c["channel"]: c for c in json.loads(result.stdout)["channels"]}
    assert not by_channel["x"]["ok"] and by_channel["telegram"]["ok"]
    (block,) = [f for f in by_channel["x"]["findings"] if f["severity"] == "block"]
    assert block == {"code": "media.too_many", "severity": "block",
                     "message": "X takes at most 4 images; this post has 5",
                     "params": {"count": 5, "limit": 4}}
    codes = {f["code"] for f in by_channel["youtube"]["findings"] if f["severity"] == "block"}
    assert codes == {"video.required", "media.not_accepted"}


def test_check_blocks_a_future_schedule_where_the_platform_cannot_hold_it(siaran_home, tmp_path):
    # (a working day: New Year's Day would add the holiday's tone hint, gov.date.hint)
    body = ('text = "Pengumuman"\nchannels = ["bluesky", "mastodon"]\n'
            'schedule = 2099-01-05T08:00:00+07:00\n')
    result = siaran("check", str(_post(tmp_path, body)), "--json", home=siaran_home)
    assert result.returncode == 1
    by_channel = {c["channel"]: c for c in json.loads(result.stdout)["channels"]}
    assert [f["code"] for f in by_channel["bluesky"]["findings"]] == ["schedule.unsupported"]
    assert by_channel["mastodon"]["ok"] and by_channel["mastodon"]["findings"] == []


@pytest.mark.parametrize("body,reason", [
    ('text = "unterminated\n', "not valid TOML"),
    ('text = "a"\nchannels = ["x", "friendster"]\n', "Unknown channel 'friendster'"),
    ('text = "a"\nchannels = ["x"]\n[[media]]\npath = "hilang.jpg"\n', "Image not found"),
])
def test_check_unusable_input_exits_2_with_one_line(siaran_home, tmp_path, body, reason):
    result = siaran("check", str(_post(tmp_path, body)), home=siaran_home)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert reason in err and err.count("\n") == 1 and "Traceback" not in err
    assert result.stdout == b""


def test_check_missing_file_exits_2(siaran_home, tmp_path):
    result = siaran("check", str(tmp_path / "nope.toml"), home=siaran_home)
    assert result.returncode == 2 and "No such post file" in result.stderr.decode()


def test_messages_in_indonesian(siaran_home, tmp_path):
    post = _post(tmp_path, 'text = "a"\nchannels = ["x"]\n[[media]]\npath = "hilang.jpg"\n')
    result = siaran("--lang", "id", "check", str(post), home=siaran_home)
    assert result.returncode == 2 and "Gambar tidak ditemukan" in result.stderr.decode()


def test_count_keeps_a_lone_surrogate_escaped(siaran_home):
    result = siaran("count", "--platform", "bluesky", stdin='{"text": "a\\ud800 #tag"}\n',
                    home=siaran_home)
    assert result.returncode == 0, result.stderr
    (answer,) = lines(result)
    assert answer["graphemes"] == 7 and answer["facets"][0]["value"] == "tag"
