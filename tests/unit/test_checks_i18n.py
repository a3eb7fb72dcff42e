"""Every message the rule book (and `siaran check`) shows the officer has its Indonesian
translation, with the same placeholders."""

import ast
import re
from pathlib import Path

import pytest

from composer.core.i18n import _catalog

ROOT = Path(__file__).resolve().parents[2]
FILES = [*sorted((ROOT / "composer/core/checks").glob("*.py")), ROOT / "composer/commands/check.py"]


def messages():
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                yield path.name, node.args[0].value


@pytest.mark.parametrize("where,message", sorted(set(messages())))
def test_translated_with_the_same_placeholders(where, message):
    catalog = _catalog("id")
    assert message in catalog, f"{where}: no Indonesian for {message!r}"
    fields = lambda s: sorted(set(re.findall(r"{(\w+)}", s)))  # noqa: E731
    assert fields(catalog[message]) == fields(message)
