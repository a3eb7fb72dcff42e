"""The app tells the officer when a damaged database had to be moved aside on start-up."""

from shell_kit import start_shell, stop_shell, wait_idle

from composer.core.paths import app_paths


def test_a_moved_aside_database_is_announced_in_a_message_box(qtbot):
    paths = app_paths().ensure()
    paths.database.write_bytes(b"not a database " * 300)
    shell = start_shell(qtbot)
    try:
        wait_idle(qtbot, shell)
        qtbot.waitUntil(lambda: shell.window.drafts.store_notice_box is not None)
        box = shell.window.drafts.store_notice_box
        assert box.isVisible()
        assert "damaged" in box.text() and "moved to" in box.text()
    finally:
        stop_shell(qtbot, shell)
