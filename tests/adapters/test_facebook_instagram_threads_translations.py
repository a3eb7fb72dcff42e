"""Every message the Meta adapters and the media host show the officer has its Indonesian
translation, and their practice servers register for practice mode by themselves."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from composer.core import adapters as A
from composer.core import i18n
from platforms import graph

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["platforms/graph.py", "platforms/facebook.py", "platforms/instagram.py",
           "platforms/threads.py", "platforms/containers.py", "platforms/mediahost/__init__.py",
           "platforms/mediahost/wordpress.py", "platforms/mediahost/s3.py"]


def messages() -> set[str]:
    found = {message for _kind, message in graph._SUBCODES.values()}
    for name in SOURCES:
        for node in ast.walk(ast.parse((ROOT / name).read_text())):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def test_every_message_has_an_indonesian_translation():
    catalog = json.loads((ROOT / "composer/resources/translations/meta.id.json").read_text())
    missing = sorted(messages() - set(catalog))
    assert not missing, missing
    for english, indonesian in catalog.items():  # same placeholders, so format() never fails
        assert set(re.findall(r"{(\w+)}", english)) == set(re.findall(r"{(\w+)}", indonesian)), \
            english


def test_the_officer_reads_refusals_in_indonesian(monkeypatch, tmp_path):
    from platforms.instagram import InstagramAdapter

    monkeypatch.setenv("SIARAN_LANG", "id")
    i18n.set_language(None)
    try:
        with pytest.raises(A.Rejected) as refused:
            InstagramAdapter().check(A.OutgoingPost("p", "teks"))
        assert str(refused.value) == "Instagram memerlukan setidaknya satu gambar; tidak ada " \
            "yang dikirim"
    finally:
        i18n.set_language(None)


def test_practice_servers_register_themselves():
    from platforms.practice import broken_fakes, fakes

    found = fakes()
    assert {"facebook", "instagram", "threads"} <= set(found), broken_fakes()
    for platform in ("facebook", "instagram", "threads"):
        with found[platform]() as fake:
            settings, secrets = fake.practice_account()
            assert settings and secrets
