"""Every message the publishing code shows the officer has its Indonesian translation, with the
same placeholders."""

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = ["composer/core/publish.py", "composer/core/outcome.py", "composer/core/outgoing.py",
         "composer/core/corrections.py",
         "composer/core/accounts.py",
         *(f"composer/commands/{n}.py" for n in
           ("publish", "accounts", "history", "unpublish", "resume", "practice"))]
# Every *.id.json catalogue, merged as the app merges them at run time: a message may live in the
# catalogue of the feature it belongs to (accounts, corrections, history...).
CATALOG = {k: v for path in sorted((ROOT / "composer/resources/translations").glob("*.id.json"))
           for k, v in json.loads(path.read_text("utf-8")).items()}


def messages():
    for name in FILES:
        for node in ast.walk(ast.parse((ROOT / name).read_text("utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                yield name, node.args[0].value


@pytest.mark.parametrize("where,message", sorted(set(messages())))
def test_translated_with_the_same_placeholders(where, message):
    assert message in CATALOG, f"{where}: no Indonesian for {message!r}"
    fields = lambda s: sorted(re.findall(r"{(\w+)}", s))  # noqa: E731
    assert fields(CATALOG[message]) == fields(message)


def test_reasons_reach_the_officer_in_indonesian(monkeypatch):
    from composer.core import i18n
    from composer.core.adapters import AuthExpired
    from composer.core.outcome import reason_for
    from platforms.practice import echo

    monkeypatch.setenv("SIARAN_LANG", "id")
    i18n.set_language(None)
    reason = reason_for(AuthExpired("x"), echo.SPEC, 1)
    assert reason == "Masuk lagi: Echo tidak lagi menerima data masuk yang tersimpan"
