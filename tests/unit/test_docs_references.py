"""Comments and the README cite the project's own docs (docs/platforms.md §3 ...): every cited
file and section exists, and nothing points at fact sheets outside the repository."""

import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CITED = re.compile(r"docs/(platforms|previews|peers|environment)\.md( §(\d+)(?:[-–](\d+))?)?")
OUTSIDE = re.compile(r"shared/(?:platforms|PEERS|ENVIRONMENT|DESIGN)|\b(?:FACTS|PREVIEWS)\.md")
SKIP = {".venv", "node_modules", "state", "__pycache__", ".git", "data"}


def _sources() -> Iterator[Path]:
    yield ROOT / "README.md"
    for top in ("composer", "platforms", "scripts", "tools", "tests", "docs", "bench"):
        for path in (ROOT / top).rglob("*"):
            if path.is_file() and not SKIP & set(path.relative_to(ROOT).parts) and path.suffix in {
                    ".py", ".md", ".sh", ".mjs", ".js", ".toml", ""}:
                yield path


def _sections(name: str) -> set[int]:
    text = (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8")
    return {int(n) for n in re.findall(r"^## (\d+)\. ", text, re.M)}


def test_every_cited_section_exists_and_nothing_points_outside() -> None:
    sections = {name: _sections(name) for name in ("platforms", "previews", "peers", "environment")}
    missing, outside = [], []
    for path in _sources():
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(ROOT)
        if path.name != "test_docs_references.py":
            outside += [f"{where}: {m.group()}" for m in OUTSIDE.finditer(text)]
        for m in CITED.finditer(text):
            first, last = m.group(3), m.group(4) or m.group(3)
            if first and not all(n in sections[m.group(1)] for n in range(int(first), int(last) + 1)):
                missing.append(f"{where}: {m.group()}")
    assert not outside, outside
    assert not missing, missing


def test_each_channel_has_its_section_of_facts_with_sources() -> None:
    text = (ROOT / "docs" / "platforms.md").read_text(encoding="utf-8")
    for n, name in enumerate(["X", "Mastodon", "Bluesky", "Threads", "Facebook Page", "Instagram",
                              "LinkedIn", "Telegram", "WhatsApp", "YouTube", "WordPress"], 1):
        body = text.split(f"\n## {n}. {name}\n", 1)[1].split("\n## ", 1)[0]
        assert "Sources:" in body and "https://" in body, name
