"""Hostile post files: every command answers with one line (never a traceback), never hangs, and
never writes outside Siaran's data folder and the --out folder the officer named."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.core import post as pm

TIMEOUT = 60  # seconds a command may take on a loaded machine before it counts as a hang


def _image(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (640, 480), (30, 120, 200)).save(path, quality=85)
    return path


def _corpus(folder: Path) -> dict[str, str]:
    """name -> TOML text. Each is a real officer's post bent one way."""
    photo = _image(folder / "foto.jpg")
    fifo = folder / "pipe.jpg"
    os.mkfifo(fifo)
    link = folder / "link.jpg"
    link.symlink_to("/etc/passwd")
    loop = folder / "loop.jpg"
    loop.symlink_to(loop)
    base = 'text = "Upacara HUT RI pukul 07.00 WIB #HUTRI"\n'
    media = f'[[media]]\npath = "{photo}"\nalt = "Peserta upacara"\n'
    deep = "x = " + "[" * 5000 + "]" * 5000 + "\n"
    return {
        "valid": 'id = "a1b2c3"\nchannels = ["x", "mastodon"]\n' + base + media,
        "id-traversal": 'id = "../../outside"\n' + base + media,
        "id-absolute": 'id = "/"\n' + base + media,
        "id-number": "id = 5\n" + base,
        "media-id-traversal": base + f'[[media]]\nid = "../../m"\npath = "{photo}"\n',
        "sha256-number": base + f'[[media]]\npath = "{photo}"\nsha256 = 5\n',
        "nul-in-path": base + '[[media]]\npath = "foto\\u0000.jpg"\n',
        "long-path": base + f'[[media]]\npath = "{"a" * 100_000}.jpg"\n',
        "long-name": base + f'[[media]]\npath = "{folder}/{"b" * 300}.jpg"\n',
        "device-image": base + '[[media]]\npath = "/dev/zero"\n',
        "fifo-image": base + f'[[media]]\npath = "{fifo}"\n',
        "symlink-image": base + f'[[media]]\npath = "{link}"\n',
        "symlink-loop": base + f'[[media]]\npath = "{loop}"\n',
        "folder-image": base + f'[[media]]\npath = "{folder}"\n',
        "device-template": base + 'template = "/dev/zero"\n' + media,
        "fifo-template": base + f'template = "{fifo}"\n' + media,
        "deep-nesting": deep,
        "deep-inline-table": "x = " + "{a = " * 2000 + "1" + "}" * 2000 + "\n",
        "schedule-overflow": base + "schedule = 9999-12-31T23:59:59-23:59\n",
        "schedule-ancient": base + "schedule = 0001-01-01T00:00:00+00:00\n",
        "schedule-naive": base + "schedule = 2026-08-17T07:00:00\n",
        "schedule-number": base + "schedule = 17\n",
        "huge-title-template": base + f'title = "{"T" * 10_000_000}"\ntemplate = "news-card"\n'
                              + media,
        "text-number": "text = 3\n",
        "media-not-table": base + "media = [1, 2]\n",
        "variants-not-table": base + "[variants]\nx = 5\n",
        "variant-traversal": base + '[variants."../../x"]\ntext = "hi"\n',
        "channel-traversal": base + 'channels = ["../../x", "/"]\n',
        "focal-strings": base + f'[[media]]\npath = "{photo}"\nfocal = ["a", "b"]\n',
        "crop-garbage": 'id = "c0"\n' + base + f'[[media]]\nid = "m1"\npath = "{photo}"\n'
                        + '[variants.x]\ncrops = { m1 = ["a", 2, {}, 9e999] }\n',
        "fields-table": base + "[fields]\noffice = { nested = 1 }\n",
        "binary": "\x00\x01\x02garbage\xff",
        "empty": "",
        "brackets": "[" * 100_000,
        "unknown-version": "siaran = 99\n" + base,
        "video-device": base + '[[media]]\npath = "/dev/zero"\nkind = "video"\n',
    }


def _run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[list[str], int | None, str]:
    try:
        done = subprocess.run([sys.executable, "-m", "composer", *args], cwd=cwd, env=env,
                              capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return args, None, "hang"
    return args, done.returncode, done.stderr.decode("utf-8", "replace")


@pytest.mark.slow
def test_hostile_post_files_get_one_line_never_a_traceback_or_a_stray_file(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    posts = _corpus(corpus_dir)
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    env = {**os.environ, "SIARAN_HOME": str(home), "SIARAN_LANG": "en"}
    root_before = set(os.listdir("/"))
    jobs = []
    for name, text in posts.items():
        path = corpus_dir / f"{name}.toml"
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        out = tmp_path / "out" / name
        jobs += [["check", str(path)],
                 ["render", str(path), "--out", str(out / "render")],
                 ["publish", str(path), "--to", "folder", "--out", str(out / "folder")]]
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda a: _run(a, env, cwd), jobs))

    problems = []
    for args, code, stderr in results:
        if code is None:
            problems.append(f"{args[:2]}: hung for {TIMEOUT} s")
        elif "Traceback" in stderr or "unexpected error" in stderr or code not in (0, 1, 2):
            problems.append(f"{args[:2]}: exit {code}: {stderr[-300:]}")
        elif code != 0 and len(stderr.strip().splitlines()) > 12:
            problems.append(f"{args[:2]}: not a short answer: {stderr[:300]}")
    assert not problems, "\n".join(problems)
    # the valid post still works, so the refusals above are not a blanket "no"
    valid = {tuple(a[:1]): c for a, c, _ in results if a[1].endswith("valid.toml")}
    assert valid == {("check",): 0, ("render",): 0, ("publish",): 0}, valid
    # nothing written anywhere but the data folder and the --out folders
    stray = [p for p in tmp_path.rglob("*") if p.is_file()
             and not any(p.is_relative_to(tmp_path / d) for d in ("home", "out", "corpus"))]
    assert not stray, stray
    assert set(os.listdir("/")) == root_before
    assert not (tmp_path.parent / "outside").exists()


# -- the parser on its own: any TOML-shaped data is a Post or one PostFileError ----------------

_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                     st.text(max_size=30), st.dates(min_value=date(1, 1, 1)),
                     st.datetimes(min_value=datetime(1, 1, 1)), st.times().map(time.isoformat))
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
_keys = st.sampled_from(["siaran", "id", "title", "text", "tags", "links", "channels",
                         "schedule", "template", "fields", "media", "variants"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_keys, _values, max_size=8),
       st.lists(st.dictionaries(st.sampled_from(["path", "alt", "id", "sha256", "focal", "kind"]),
                                _values, max_size=6), max_size=3))
def test_any_post_data_is_a_post_or_one_clear_error(data, media):
    if media:
        data = {**data, "media": media}
    try:
        post = pm.from_dict(data)
    except pm.PostFileError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert pm.ID_PATTERN.fullmatch(post.id)
    assert all(pm.ID_PATTERN.fullmatch(m.id) for m in post.media)
