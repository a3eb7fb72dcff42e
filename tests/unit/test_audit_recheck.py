"""`siaran audit recheck`: each published post is looked up on its platform (a practice
Bluesky): one deleted there is reported missing, one intact still there; a post the platform
cannot answer for (sent by hand) says "cannot check". The journal is left as it was."""

from __future__ import annotations

import json

from composer import cli
from composer.core.adapters import OutgoingPost
from composer.core.journal import State
from composer.core.post import Post
from composer.core.secrets import SecretStore
from composer.core.services import Services


def test_recheck_finds_a_post_deleted_on_the_platform(siaran_home, in_memory_keyring,
                                                      practice_server, capsys):
    server = practice_server("bluesky")
    svc = Services(secrets=SecretStore(in_memory_keyring))
    settings, secrets = server.practice_account()
    svc.accounts.add("kanwil", "bluesky", settings, secrets, practice=True)
    kept, gone = Post(text="Layanan paspor buka Sabtu"), Post(text="Jadwal vaksinasi berubah")
    for post in (kept, gone):
        (outcome,) = svc.engine.publish(post, ["kanwil"])
        assert outcome.ok, outcome.reason
    deleted = svc.journal.get(gone.id, "kanwil").remote_id.rsplit("/", 1)[-1]
    (account,) = [a for a in server.accounts.values() if a.handle == settings["handle"]]
    account.records.pop(deleted)  # deleted on the platform, behind Siaran's back
    entry = svc.journal.begin(OutgoingPost("wa1", "Info banjir", idempotency_key="wa1-grup"),
                              "grup", "whatsapp")
    svc.journal.record(entry.id, State.MANUAL)
    before = {e.id: (e.state, e.checkpoint) for e in svc.journal.history(limit=50)}
    svc.close()

    assert cli.main(["audit", "recheck", "--json"]) == 1  # something is gone
    found = {(r["post"], r["account"]): r for r in json.loads(capsys.readouterr().out)}
    assert found[(kept.id, "kanwil")]["verdict"] == "present"
    assert found[(gone.id, "kanwil")]["verdict"] == "missing"
    assert found[("wa1", "grup")]["verdict"] == "cannot check"
    assert found[("wa1", "grup")]["reason"] == "sent by hand"
    assert len(found) == 3

    assert cli.main(["--lang", "id", "audit", "recheck"]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3 and "Traceback" not in "".join(lines)
    assert any(gone.id in line and "hilang" in line for line in lines)

    svc = Services(secrets=SecretStore(in_memory_keyring))
    after = {e.id: (e.state, e.checkpoint) for e in svc.journal.history(limit=50)}
    assert after == before  # a recheck changes nothing in the journal
    assert any(e["action"] == "rechecked" for e in svc.audit.entries())
    svc.close()
