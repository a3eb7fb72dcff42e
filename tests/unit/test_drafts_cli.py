"""`siaran drafts`: the window's drafts list from the terminal, on the same core service:
drafts apart from published posts, duplicate as new, archive and restore, and a post in the
history is never deleted (one translated line)."""

from __future__ import annotations

import json

import pytest

from composer import cli
from composer.core.adapters import OutgoingPost, PublishResult
from composer.core.post import Post
from composer.core.services import Services


@pytest.fixture
def posts(siaran_home):
    svc = Services()
    draft, published = Post(text="Draf rapat koordinasi"), Post(text="Posko banjir dibuka")
    svc.store.save_draft(draft)
    svc.store.save_draft(published)
    entry = svc.journal.begin(OutgoingPost(published.id, published.text, idempotency_key="k"),
                              "portal", "wordpress")
    svc.journal.posted(entry.id, PublishResult("1", "https://portal.test/1"))
    svc.close()
    return draft.id, published.id


def listed(capsys, *args):
    assert cli.main(["drafts", *args, "--json"]) == 0
    return [row["id"] for row in json.loads(capsys.readouterr().out)]


def test_shelves_duplicate_archive_delete(posts, capsys):
    draft, published = posts
    assert listed(capsys) == [draft]
    assert listed(capsys, "--shelf", "published") == [published]

    assert cli.main(["drafts", "delete", published]) == 2
    err = capsys.readouterr().err
    assert "archive it instead" in err and len(err.strip().splitlines()) == 1
    assert listed(capsys, "--shelf", "published") == [published]

    assert cli.main(["drafts", "duplicate", published]) == 0
    copy = capsys.readouterr().out.split()[-1]
    assert set(listed(capsys)) == {draft, copy}  # the copy never went out: a draft

    assert cli.main(["drafts", "archive", draft]) == 0
    assert capsys.readouterr().out.strip() == f"Archived {draft}"
    assert listed(capsys, "--shelf", "archived") == [draft] and draft not in listed(capsys)
    assert cli.main(["drafts", "restore", draft]) == 0
    capsys.readouterr()
    assert draft in listed(capsys)
    assert cli.main(["drafts", "delete", draft]) == 0
    capsys.readouterr()
    assert cli.main(["drafts", "delete", draft]) == 2
    assert "There is no draft" in capsys.readouterr().err
    assert draft not in listed(capsys)


def test_in_indonesian(posts, capsys):
    draft, _published = posts
    assert cli.main(["--lang", "id", "drafts", "archive", draft]) == 0
    assert "diarsipkan" in capsys.readouterr().out
