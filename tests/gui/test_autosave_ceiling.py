"""A steady typist is saved at least once a second: the debounce never outlasts the ceiling."""

import time

import pytest
from shell_kit import running_shell, type_unicode


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


def test_steady_typing_is_saved_every_second(qtbot, shell):
    w = shell.window
    saves: list[float] = []
    w.autosaver.saved.connect(lambda _post_id: saves.append(time.monotonic()))
    start = time.monotonic()
    typed = 0
    while time.monotonic() - start < 4.0:  # a key every 300 ms: the 600 ms debounce never fires
        type_unicode(w.editor.text_edit, "a")
        typed += 1
        qtbot.wait(300)
    stopped = time.monotonic()
    # Saves came while the typing went on, never more than a second apart (plus a little for
    # the save itself on a loaded machine).
    during = [t for t in saves if t <= stopped]
    assert len(during) >= 3, saves
    gaps = [b - a for a, b in zip([start, *during], during, strict=False)]
    assert max(gaps) < 1.4, gaps
    qtbot.waitUntil(lambda: not w.autosaver.dirty and w.autosaver.state == "saved", timeout=3000)
