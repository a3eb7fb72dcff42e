"""Every message the core, the CLI and the plugins give a person has its Indonesian entry: a
new `_("...")` without one would reach an Indonesian officer in English."""

import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _catalog() -> dict[str, str]:
    catalog: dict[str, str] = {}
    for path in sorted((ROOT / "composer" / "resources" / "translations").glob("*.id.json")):
        catalog.update(json.loads(path.read_text(encoding="utf-8")))
    return catalog


def _messages():
    sources = [*(ROOT / "composer").rglob("*.py"), *(ROOT / "platforms").rglob("*.py")]
    for path in sources:
        if "gui" in path.relative_to(ROOT).parts:  # the GUI translates with Qt's .ts files
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                yield node.args[0].value, f"{path.relative_to(ROOT)}:{node.lineno}"


def test_every_core_message_has_an_indonesian_entry():
    catalog = _catalog()
    missing = sorted({f"{where}: {message!r}" for message, where in _messages()
                      if message not in catalog})
    assert not missing, "no Indonesian for:\n" + "\n".join(missing)


def test_indonesian_entries_keep_their_placeholders():
    import string

    def names(text):
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    wrong = [k for k, v in _catalog().items() if names(k) != names(v)]
    assert not wrong, wrong
