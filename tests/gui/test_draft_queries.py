"""Draft queries (reopening the last draft at start-up, the Open draft list, loading the chosen
draft) run off the GUI thread: with a slow store the window keeps painting and taking keys."""

import time

import pytest
from shell_kit import Ticker, start_shell, stop_shell, type_unicode, wait_idle

from composer.core.post import Post
from composer.core.services import Services
from composer.core.store import Store

SLOW = 1.5  # seconds per query: a network home folder, a big database on a busy disk


@pytest.fixture
def slow_store(monkeypatch):
    """Every draft query of every Store waits SLOW seconds first."""
    for name in ("list_drafts", "load_draft", "latest_draft"):
        real = getattr(Store, name)

        def slow(self, *args, _real=real, **kwargs):
            time.sleep(SLOW)
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(Store, name, slow)


def test_the_last_draft_reopens_without_freezing_the_window(qtbot, slow_store):
    saved = Post(text="Draf kemarin yang belum terbit", channels=["folder"])
    Services().store.save_draft(saved)
    from composer.gui.app import Shell, make_application

    shell = Shell(make_application([]))
    w = shell.start()
    try:
        qtbot.waitExposed(w)
        ticker = Ticker()  # from the moment the window is on screen and the reopening starts
        qtbot.waitUntil(lambda: bool(w.channels.catalog), timeout=int(SLOW * 6 * 1000))
        ticker.stop()
        assert w.model.post.id == saved.id
        assert w.editor.text_edit.toPlainText() == "Draf kemarin yang belum terbit"
        # the slow reopening never held the GUI thread (a blocked thread shows one long gap)
        assert ticker.longest < SLOW * 0.6, ticker.longest
    finally:
        stop_shell(qtbot, shell)


def test_open_draft_lists_and_loads_off_the_gui_thread(qtbot, slow_store, monkeypatch):
    shell = start_shell(qtbot)
    try:
        w = shell.window
        type_unicode(w.editor.text_edit, "Draf pertama")
        first = w.model.post.id
        w.actions_by_name["new"].trigger()
        ticker = Ticker()
        started = time.monotonic()
        w.actions_by_name["open"].trigger()  # Ctrl+O
        assert time.monotonic() - started < SLOW / 2  # the action returns at once
        type_unicode(w.editor.text_edit, "masih bisa mengetik")  # while the list loads
        assert w.model.post.text == "masih bisa mengetik"
        dialog = w.drafts.drafts_dialog
        qtbot.waitUntil(lambda: dialog.loaded, timeout=int(SLOW * 4 * 1000))
        offered = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        row = next(i for i, t in enumerate(offered) if t.startswith("Draf pertama"))
        dialog.list.setCurrentRow(row)
        dialog.buttons["open"].click()
        qtbot.waitUntil(lambda: w.model.post.id == first, timeout=int(SLOW * 4 * 1000))
        ticker.stop()
        assert w.editor.text_edit.toPlainText() == "Draf pertama"
        assert ticker.longest < SLOW * 0.6, ticker.longest
        wait_idle(qtbot, shell)
    finally:
        stop_shell(qtbot, shell)
