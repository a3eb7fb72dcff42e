"""The one composition root: composer.core.services builds the core for the CLI and the app."""

import ast
import subprocess
import sys
import threading
from pathlib import Path

from composer.core.services import Services

ROOT = Path(__file__).resolve().parents[2]
# Building one of these is the composition root's job; anywhere else it is a second root
BUILDERS = {"Store", "Engine", "Accounts", "SecretStore", "Journal", "default_registry", "discover"}


def constructions(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else \
                node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if name in BUILDERS:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}()")
    return found


def test_the_cli_and_the_app_build_the_core_only_through_services():
    files = sorted((ROOT / "composer" / "commands").rglob("*.py")) + sorted((ROOT / "composer" / "gui").rglob("*.py"))
    found = [c for f in files for c in constructions(f)]
    assert found == []


def test_importing_the_root_builds_nothing():
    """Start-up: the app imports it before its window shows; the store, plugins, keyring and
    engine must load on first use only."""
    code = ("import sys; import composer.core.services as s; s.Services(); "
            "heavy = [m for m in ('composer.core.store', 'composer.core.registry', "
            "'composer.core.secrets', 'composer.core.publish', 'keyring', 'httpx', 'sqlite3') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_each_service_is_built_once_even_when_threads_ask_together():
    services = Services()
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(services.accounts)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(a) for a in seen}) == 1
    assert services.engine.accounts is services.accounts
    assert services.accounts.store is services.store is services.journal.store
    services.close()


def test_provide_swaps_a_piece_and_rebuilds_what_was_built_on_it():
    from composer.core.registry import Registry

    services = Services()
    old_accounts, old_engine = services.accounts, services.engine
    empty = Registry()
    services.provide(registry=empty)
    assert services.registry is empty
    assert services.accounts is not old_accounts and services.engine is not old_engine
    assert services.engine.registry is empty
    services.close()


def test_a_moved_aside_database_is_told_once_when_the_store_opens(siaran_home):
    from composer.core.paths import app_paths

    app_paths().ensure().database.write_bytes(b"not a database " * 300)
    told = []
    services = Services(on_store_notice=told.append)
    assert told == []  # nothing opened yet
    services.list_drafts()
    services.list_drafts()
    assert len(told) == 1 and "moved to" in told[0]
    services.close()


def test_the_draft_queries_reopen_the_last_draft_else_the_newest(siaran_home):
    from composer.core.post import Post

    services = Services()
    older, newer = Post(text="lama"), Post(text="baru")
    services.store.save_draft(older)
    services.store.save_draft(newer)
    assert services.reopen_draft(older.id).id == older.id
    assert services.reopen_draft("hilang").id == newer.id  # deleted: the newest instead
    assert [d.id for d in services.list_drafts()][:2] == [newer.id, older.id]
    services.close()
