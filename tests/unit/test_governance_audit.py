"""The audit trail is a hash chain: `siaran audit verify` finds an edited, a deleted and a
reordered entry, and a removed tail; export writes one month as CSV in the office's zone."""

from __future__ import annotations

import csv
import io
import json

from composer import cli
from composer.core.governance.audit import AuditTrail


def trail_with(tmp_path, n=4) -> AuditTrail:
    trail = AuditTrail(tmp_path / "audit.jsonl", actor="ani")
    for i in range(n):
        trail.record("published", post=f"p{i}", results=[{"account": "x", "id": str(i)}])
    return trail


def lines(trail):
    return trail.path.read_text().splitlines()


def rewrite(trail, new_lines):
    trail.path.write_text("\n".join(new_lines) + "\n")


def test_a_whole_trail_verifies(tmp_path):
    assert trail_with(tmp_path).verify() == []


def test_an_edited_entry_is_found(tmp_path):
    trail = trail_with(tmp_path)
    entries = lines(trail)
    edited = json.loads(entries[1])
    edited["details"]["post"] = "other"
    entries[1] = json.dumps(edited)
    rewrite(trail, entries)
    assert [p.line for p in trail.verify()] == [2]


def test_a_deleted_entry_is_found(tmp_path):
    trail = trail_with(tmp_path)
    entries = lines(trail)
    del entries[1]
    rewrite(trail, entries)
    problems = trail.verify()
    assert problems and "removed" in problems[0].reason


def test_a_reordered_entry_is_found(tmp_path):
    trail = trail_with(tmp_path)
    entries = lines(trail)
    entries[1], entries[2] = entries[2], entries[1]
    rewrite(trail, entries)
    assert trail.verify()


def test_a_removed_last_entry_is_found(tmp_path):
    trail = trail_with(tmp_path)
    rewrite(trail, lines(trail)[:-1])
    assert trail.verify()


def test_a_rehashed_forgery_still_breaks_the_chain(tmp_path):
    """Someone who edits an entry and recomputes its hash breaks the next entry's link."""
    from composer.core.governance.audit import _hash

    trail = trail_with(tmp_path)
    entries = [json.loads(line) for line in lines(trail)]
    entries[1]["details"]["post"] = "other"
    body = {k: entries[1][k] for k in ("seq", "at", "action", "actor", "details")}
    entries[1]["hash"] = _hash(entries[1]["prev"], body)
    rewrite(trail, [json.dumps(e) for e in entries])
    assert [p.line for p in trail.verify()] == [3]


def test_the_cli_verifies_and_exports(siaran_home, capsys):
    trail = AuditTrail(siaran_home / "data" / "audit.jsonl")
    trail.record("hold", reason="Bencana")
    trail.record("release")
    assert cli.main(["audit", "verify"]) == 0
    assert "2 entries" in capsys.readouterr().out
    month = json.loads(lines(trail)[0])["at"][:7]
    assert cli.main(["audit", "export", "--month", month]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:3] == ["seq", "time", "action"]
    assert [r[2] for r in rows[1:]] == ["hold", "release"] and rows[1][1].endswith("WIB")
    pdf = siaran_home / "audit.pdf"
    assert cli.main(["audit", "export", "--month", month, "--pdf", str(pdf)]) == 0
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "hold" in text and "release" in text and "Bencana" in text and "whole" in text
    rewrite(trail, lines(trail)[::-1])
    assert cli.main(["audit", "verify"]) == 1
    assert "audit trail:" in capsys.readouterr().out
    assert cli.main(["audit", "export", "--month", "2026-13"]) == 2


def test_a_new_draft_is_recorded_once(siaran_home):
    from composer.core.post import Post
    from composer.core.services import Services

    services = Services()
    post = Post(text="Rapat koordinasi")
    services.store.autosave(post)
    post.text += " pukul 09.00 WIB"
    services.store.autosave(post)
    drafted = [e for e in services.audit.entries() if e["action"] == "drafted"]
    assert [e["details"]["post"] for e in drafted] == [post.id]
    services.close()


def test_a_crash_between_the_entry_and_its_head_is_not_tampering(tmp_path):
    trail = trail_with(tmp_path, 3)
    head = trail.head.read_text()
    trail.record("published", post="p3")
    trail.head.write_text(head)  # the process died before the head was updated
    assert trail.verify() == []
    trail.record("release")
    assert trail.verify() == [] and [e["seq"] for e in trail.entries()] == [1, 2, 3, 4, 5]
