"""An error nobody caught, in a Qt slot or in a plain thread: the officer reads one plain line
(status bar and a message box, never a traceback), the log file keeps the whole traceback."""

import threading

import pytest
from PySide6.QtWidgets import QPushButton
from shell_kit import start_shell, stop_shell

from composer.core.i18n import UserError

# pytest-qt would catch the slot's exception itself; these tests are about the app's own hook
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def shell(qtbot):
    s = start_shell(qtbot)
    yield s
    stop_shell(qtbot, s)


def log_text(shell) -> str:
    path = shell.services.paths.logs / "siaran.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def press_broken_button(window, error: Exception) -> None:
    def broken():
        raise error

    button = QPushButton("rusak", window)
    button.clicked.connect(broken)
    button.click()


def test_an_error_in_a_slot_is_one_line_for_the_officer_and_a_traceback_in_the_log(qtbot, shell):
    w = shell.window
    press_broken_button(w, ValueError("kolom tanggal kosong"))
    qtbot.waitUntil(lambda: "kolom tanggal kosong" in w.statusBar().currentMessage(), timeout=3000)
    line = w.statusBar().currentMessage()
    assert "\n" not in line and "Traceback" not in line and "ValueError" in line
    box = w.notices.error_box
    assert box.isVisible() and box.text() == line
    assert "Traceback" not in box.text()
    logged = log_text(shell)
    assert "Traceback" in logged and "kolom tanggal kosong" in logged
    box.close()


def test_a_user_error_in_a_slot_shows_its_own_message(qtbot, shell):
    w = shell.window
    press_broken_button(w, UserError("Akun tidak ditemukan"))
    qtbot.waitUntil(lambda: w.statusBar().currentMessage() == "Akun tidak ditemukan", timeout=3000)
    assert w.notices.error_box.text() == "Akun tidak ditemukan"
    w.notices.error_box.close()


def test_an_error_in_a_plain_thread_reaches_the_window_on_the_gui_thread(qtbot, shell):
    w = shell.window

    def work():
        raise RuntimeError("sambungan putus di utas lain")

    thread = threading.Thread(target=work, name="pengunggah")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: "sambungan putus" in w.statusBar().currentMessage(), timeout=3000)
    assert "\n" not in w.statusBar().currentMessage()
    assert "thread pengunggah failed" in log_text(shell)
    w.notices.error_box.close()


def test_the_hooks_are_given_back_when_the_app_shuts_down(qtbot):
    import sys

    before = (sys.excepthook, threading.excepthook)
    s = start_shell(qtbot)
    assert sys.excepthook == s.errors.excepthook
    stop_shell(qtbot, s)
    assert (sys.excepthook, threading.excepthook) == before
