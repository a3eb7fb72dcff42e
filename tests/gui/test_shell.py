"""The shell around the panels: the task runner, a responsive GUI thread during a slow render
and a slow publish, the crop and template editors wired to the draft, and the accounts screen."""

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from shell_kit import Ticker, make_image, running_shell, tick, type_unicode, wait_idle

from composer.core.i18n import UserError
from composer.gui.tasks import TaskRunner


@pytest.fixture
def shell(qtbot):
    yield from running_shell(qtbot)


# -- the task runner --------------------------------------------------------------------------


def test_runner_delivers_progress_results_and_errors_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    gui = QApplication.instance().thread()
    seen = []

    def work(ctx, n):
        for i in range(n):
            ctx.progress("step", (i + 1) / n, i=i)
        return n * 2

    task = runner.submit(work, 3)
    task.progressed.connect(lambda step, f, data: seen.append((QThread.currentThread() is gui, f)))
    with qtbot.waitSignal(task.finished, timeout=5000) as got:
        pass
    assert got.args == [6]
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert all(on_gui for on_gui, _ in seen) and seen[-1][1] == 1.0

    def refuse(ctx):
        raise UserError("Berkas tidak dapat dibaca")

    def crash(ctx):
        raise ValueError("boom")

    for fn, expected in ((refuse, "Berkas tidak dapat dibaca"), (crash, "Unexpected error: ValueError: boom")):
        task = runner.submit(fn)
        with qtbot.waitSignal(task.failed, timeout=5000) as got:
            pass
        assert got.args == [expected]


def test_runner_cancel_reaches_the_task(qtbot):
    runner = TaskRunner()
    started = threading.Event()

    def wait_for_cancel(ctx):
        started.set()
        ctx.cancel_event.wait(10)
        return None

    task = runner.submit(wait_for_cancel)
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.cancel()
    assert runner.wait(5000)


# -- responsiveness ---------------------------------------------------------------------------


def test_gui_thread_stays_responsive_during_a_slow_render(qtbot, shell, tmp_path, monkeypatch):
    from composer.core import media

    real = media.render_variant
    calls = []

    def slow(*args, **kwargs):
        calls.append(1)
        time.sleep(2.0)  # a big photo on a slow machine
        return real(*args, **kwargs)

    monkeypatch.setattr(media, "render_variant", slow)
    w = shell.window
    tick(w.picker, "instagram")
    w.media.add_files([make_image(tmp_path / "besar.jpg", size=(2400, 1600))])
    qtbot.waitUntil(lambda: bool(calls), timeout=10_000)
    type_unicode(w.editor.text_edit, "Tetap bisa mengetik 😊")  # typing goes on meanwhile
    assert w.model.post.text == "Tetap bisa mengetik 😊"
    assert shell.runner.busy  # the render is still running
    ticker = Ticker()
    wait_idle(qtbot, shell, timeout=20_000)
    ticker.stop()
    # a blocked GUI thread would show one gap as long as the slow work (2 s); a busy machine
    # (parallel test runs) stretches gaps a little, never that much
    assert ticker.ticks >= 15 and ticker.longest < 0.75, (ticker.ticks, ticker.longest)
    out = shell.services.render_dir / w.model.post.id / "instagram"
    assert any(out.iterdir())  # the render did land for the previews


def test_gui_thread_stays_responsive_during_a_slow_publish(qtbot, shell, monkeypatch):
    import platforms.folder as folder

    real = folder.FolderAdapter.publish

    def slow_publish(self, ctx, post):
        time.sleep(2.0)  # a slow network
        return real(self, ctx, post)

    monkeypatch.setattr(folder.FolderAdapter, "publish", slow_publish)
    w = shell.window
    type_unicode(w.editor.text_edit, "Uji publikasi lambat")
    w.publishing.publish()
    dialog = w.publishing.publish_dialog
    dialog.publish_button.click()
    ticker = Ticker()
    qtbot.waitUntil(lambda: dialog.task.is_done, timeout=20_000)
    ticker.stop()
    assert dialog.outcomes["folder"].ok
    assert ticker.ticks >= 20 and ticker.longest < 0.75, (ticker.ticks, ticker.longest)
    dialog.close_button.click()


# -- crop and template editors ----------------------------------------------------------------


def test_crop_from_a_preview_lands_in_the_draft(qtbot, shell, tmp_path):
    w = shell.window
    tick(w.picker, "instagram")
    w.media.add_files([make_image(tmp_path / "upacara.jpg", size=(1600, 900))])
    qtbot.waitUntil(lambda: len(w.model.post.media) == 1 and bool(w.media.proxies), timeout=10_000)
    media_id = w.model.post.media[0].id
    w.previews.crop_requested.emit("instagram", media_id)  # what clicking the card's image does
    editor = w.images.crop_editor
    assert editor is not None and editor.isVisible()
    editor.set_preset(0)
    crop = w.model.post.variants["instagram"].crops[media_id]
    assert 0 < crop.w <= 1 and 0 < crop.h <= 1
    editor.set_focal(0.2, 0.3)
    assert w.model.post.media[0].focal == (0.2, 0.3)
    qtbot.waitUntil(lambda: not w.autosaver.dirty and w.autosaver.state == "saved", timeout=5000)
    stored = shell.services.store.load_draft(w.model.post.id)
    assert stored.variants["instagram"].crops[media_id] == crop
    assert stored.media[0].focal == (0.2, 0.3)
    editor.window().close()
    wait_idle(qtbot, shell)


def test_apply_a_template(qtbot, shell, tmp_path):
    from composer.core.templates import list_templates

    names = list_templates()
    if not names:
        pytest.skip("no built-in template is installed")
    w = shell.window
    tick(w.picker, "instagram")
    w.media.add_files([make_image(tmp_path / "kegiatan.jpg", size=(1600, 1200))])
    qtbot.waitUntil(lambda: bool(w.media.proxies), timeout=10_000)
    w.actions_by_name["template"].trigger()
    editor = w.images.template_editor
    assert editor is not None and editor.isVisible()
    editor.choose(names[0])
    editor.use()
    assert w.model.post.template == names[0]
    assert not editor.window().isVisible()
    qtbot.waitUntil(lambda: not w.autosaver.dirty and w.autosaver.state == "saved", timeout=5000)
    assert shell.services.store.load_draft(w.model.post.id).template == names[0]
    wait_idle(qtbot, shell, timeout=20_000)


# -- accounts ---------------------------------------------------------------------------------


def open_accounts(qtbot, w):
    from composer.gui.accounts.accounts_dialog import AccountsDialog

    dialog = AccountsDialog(w.services, w.runner, w)
    dialog.accounts_changed.connect(w.channels.reload)
    qtbot.waitUntil(lambda: dialog.registry is not None, timeout=5000)
    return dialog


def test_add_and_remove_an_account_secrets_go_to_the_keyring(qtbot, shell):
    from composer.testing.keyring import memory_keyring
    from platforms.practice.telegram import FakeTelegram

    w = shell.window
    with memory_keyring() as ring, FakeTelegram() as fake:
        settings, secrets = fake.practice_account()
        dialog = open_accounts(qtbot, w)
        assert dialog.channels.topLevelItemCount() >= 12  # every channel found is listed
        dialog.add_account()
        form = dialog.form
        form.platform.setCurrentIndex(form.platform.findData("telegram"))
        form.name.setText("humas-tg")
        form.inputs["chat_id"].setText(settings["chat_id"])
        form.inputs["api_url"].setText(settings["api_url"])
        form.inputs["bot_token"].setText(secrets["bot_token"])
        assert form.inputs["bot_token"].echoMode() == form.inputs["bot_token"].EchoMode.Password
        form.buttons.accepted.emit()
        qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
        account = shell.services.accounts.get("humas-tg")
        assert account.settings["chat_id"] == settings["chat_id"]
        assert account.display_name  # the channel's title, asked of Telegram before saving
        assert secrets["bot_token"] in ring.items.values()
        rows = shell.services.store.query("SELECT settings FROM accounts")
        assert secrets["bot_token"] not in str([tuple(r) for r in rows])
        qtbot.waitUntil(lambda: "humas-tg" in w.channels.catalog, timeout=5000)
        assert w.channels.catalog["humas-tg"].kind == "account"
        shell.services.accounts.remove("humas-tg")
        assert secrets["bot_token"] not in ring.items.values()
        dialog.close()
    wait_idle(qtbot, shell)


def test_no_keyring_gives_a_plain_message_and_stores_nothing(qtbot, shell):
    from keyring.backends import fail

    from composer.core.secrets import SecretStore
    from platforms.practice.telegram import FakeTelegram

    w = shell.window
    shell.services.provide(secrets=SecretStore(backend=fail.Keyring()))
    dialog = open_accounts(qtbot, w)
    dialog.add_account()
    form = dialog.form
    form.platform.setCurrentIndex(form.platform.findData("telegram"))
    form.name.setText("tg")
    with FakeTelegram() as fake:  # Telegram accepts the token; the keyring then refuses it
        settings, secrets = fake.practice_account()
        for field in ("chat_id", "api_url"):
            form.inputs[field].setText(settings[field])
        form.inputs["bot_token"].setText(secrets["bot_token"])
        form.buttons.accepted.emit()
        qtbot.waitUntil(lambda: "keyring" in form.error.text(), timeout=10_000)
    assert "\n" not in form.error.text() and "Traceback" not in form.error.text()
    assert form.isVisible()
    assert shell.services.store.query("SELECT * FROM accounts") == []
    form.reject()
    dialog.close()
    wait_idle(qtbot, shell)


def test_accounts_screen_lists_a_plugin_that_failed_to_load(qtbot, shell):
    from importlib.metadata import EntryPoint

    from composer.core.registry import GROUP, discover

    broken = discover([EntryPoint("sosmed-baru", "sosmed_tidak_ada:PLATFORM", GROUP)])
    registry = shell.services.registry
    registry_with_broken = type(registry)(dict(registry.platforms), list(broken.broken))
    shell.services.provide(registry=registry_with_broken)
    dialog = open_accounts(qtbot, shell.window)
    rows = [dialog.channels.topLevelItem(i) for i in range(dialog.channels.topLevelItemCount())]
    failed = [r for r in rows if r.text(0) == "sosmed-baru"]
    assert failed and "failed to load" in failed[0].text(1)
    assert "sosmed_tidak_ada" in failed[0].text(1)
    assert len(rows) == len(registry.platforms) + 1  # the app still lists every good channel
    dialog.close()


def test_new_draft_keeps_the_old_one_and_open_draft_brings_it_back(qtbot, shell, monkeypatch):
    w = shell.window
    type_unicode(w.editor.text_edit, "Draf pertama")
    first = w.model.post.id
    w.actions_by_name["new"].trigger()  # Ctrl+N: the first is saved on the way
    assert w.model.post.id != first and w.editor.text_edit.toPlainText() == ""
    assert shell.services.store.load_draft(first).text == "Draf pertama"
    type_unicode(w.editor.text_edit, "Draf kedua")
    w.actions_by_name["open"].trigger()  # Ctrl+O: the list and the draft load off the GUI thread
    dialog = w.drafts.drafts_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    offered = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    dialog.list.setCurrentRow(next(i for i, t in enumerate(offered) if t.startswith("Draf pertama")))
    dialog.buttons["open"].click()
    qtbot.waitUntil(lambda: w.model.post.id == first, timeout=5000)
    assert any(i.startswith("Draf kedua") for i in offered)  # saved before the list was read
    assert w.editor.text_edit.toPlainText() == "Draf pertama"
    wait_idle(qtbot, shell)


def test_a_crop_made_on_an_accounts_preview_is_the_networks_and_reaches_the_render(
        qtbot, shell, tmp_path):
    from PIL import Image

    from composer.core.post import Crop
    from composer.testing.keyring import memory_keyring

    w = shell.window
    with memory_keyring():
        shell.services.accounts.add("humas-x", "x", {"client_id": "app"}, {"access_token": "t"})
        w.channels.reload()
        qtbot.waitUntil(lambda: "humas-x" in w.channels.catalog, timeout=5000)
        tick(w.picker, "humas-x")
        w.media.add_files([make_image(tmp_path / "lebar.jpg", size=(1600, 900))])
        qtbot.waitUntil(lambda: len(w.model.post.media) == 1, timeout=10_000)
        wait_idle(qtbot, shell, timeout=20_000)
        media_id = w.model.post.media[0].id
        w.previews.crop_requested.emit("humas-x", media_id)  # clicking the account's preview
        editor = w.images.crop_editor
        assert editor.key == "x"  # kept for the network, as the publish engine renders it
        w.model.set_crop(editor.key, media_id, Crop(0.2, 0.0, 0.5625, 1.0))  # a square
        editor.window().accept()  # Done (Cancel would put the crop back)
        out = shell.services.render_dir / w.model.post.id / "humas-x"

        def square_rendered():
            files = [p for p in out.iterdir() if p.suffix in (".jpg", ".png", ".webp")] \
                if out.exists() else []  # not the renderer's half-written .part files
            if not files:
                return False
            try:
                with Image.open(max(files, key=lambda p: p.stat().st_mtime)) as im:
                    return abs(im.width / im.height - 1.0) < 0.02
            except OSError:  # replaced by a newer render meanwhile
                return False

        qtbot.waitUntil(square_rendered, timeout=20_000)
    wait_idle(qtbot, shell)
