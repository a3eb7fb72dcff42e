"""The desktop app: ``python -m composer.gui.app`` or ``siaran-gui``.

The core services come from the one composition root, composer.core.services (as the CLI's do).
Start-up shows the window first: only Qt and the GUI's own modules load before it appears; the
services are built on first use, off the GUI thread (the Store right after the window shows, to
reopen the draft; the registry to load the channels; keyring and httpx only when an account or a
publish needs them). Language: the system's by default, the setting in gui.json overrides it.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from composer.gui.import_hook import restore_python_import

restore_python_import()  # PySide6's import hook: every later import would pay for it

from composer.core.services import Services  # noqa: E402 - after the hook is taken back
from composer.gui.settings import GuiSettings  # noqa: E402

log = logging.getLogger("siaran.gui")

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("en", "id")


def choose_language(settings: GuiSettings) -> str:
    if settings.language in LANGUAGES:
        return settings.language
    from composer.core.i18n import system_language

    return system_language()


class Translations:
    """Installs every ``siaran_*_<lang>.qm`` (the shell's, the previews' ...) and Qt's own."""

    def __init__(self, app: QCoreApplication):
        self.app = app
        self.installed: list[QTranslator] = []

    def remove(self) -> None:
        for translator in self.installed:
            self.app.removeTranslator(translator)
        self.installed = []

    def install(self, lang: str) -> None:
        self.remove()
        from composer.core import i18n

        i18n.set_language(lang)
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English))
        # English is the source language; its .qm files hold only plural forms ("1 image")
        files = sorted(TRANSLATIONS.glob(f"siaran_*_{lang}.qm"))
        if lang != "en":  # Qt's own dialogs (buttons of message boxes, file dialogs, menus of
            # text fields): ours where PySide6 ships none (Indonesian), else Qt's
            ours = TRANSLATIONS / f"qtbase_{lang}.qm"
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            files.append(ours if ours.exists() else Path(qt_dir) / f"qtbase_{lang}.qm")
        for path in files:
            translator = QTranslator(self.app)
            if path.exists() and translator.load(str(path)):
                self.app.installTranslator(translator)
                self.installed.append(translator)


def prepare(_ctx, services: Services, last_draft: str | None = None) -> None:
    """Start-up work off the GUI thread: the log file, the store (to reopen the draft), the
    registry (every channel plugin) and the modules the window needs once the channels are there
    (only modules: every widget is made on the GUI thread). Nothing else: Python runs one thread
    at a time, so whatever runs here delays the channel list; the rest waits for
    MainWindow.settled.
    The previews' modules only when they will show: a draft to reopen with text or images, or
    an office with accounts (else the welcome page covers them). A draft with images: the image
    engine too, while the window is still being painted (Qt's own work, which leaves the
    interpreter free), not after it."""
    try:  # first: what start-up logs goes to the file too
        services.setup_logging()
    except OSError:  # a read-only home must not stop the app; the log then stays on stderr
        log.exception("logging could not be set up")
    services.store  # noqa: B018 - built now, used by the draft's reopening
    draft = services.reopen_draft(last_draft)
    services.registry  # noqa: B018 - built now, used by the channel list
    if (draft is not None and (draft.text or draft.media)) or services.list_accounts():
        import composer.gui.previews  # noqa: F401
    if draft is not None and any(m.kind == "image" for m in draft.media):
        import composer.core.media  # noqa: F401 - the proxies and the previews' renders


# How long a thread may run Python before another may take over (Python's default: 5 ms). The
# GUI thread shares the interpreter with image, render and publish workers; after any call into
# Qt it may wait up to this long to run again, so a keystroke's repaint could wait a few times
# that. 1 ms keeps it within a frame while images render, at a small cost in switching.
# https://docs.python.org/3/library/sys.html#sys.setswitchinterval
SWITCH_INTERVAL_S = 0.001


class Shell(QObject):
    """Owns the services, the open draft and the main window; rebuilds the window when the
    language changes (every label is built through tr() again; the draft stays as it is)."""

    def __init__(self, app: QApplication, services: Services | None = None):
        super().__init__()
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.app = app
        self.services = services or Services()
        self.services.paths.ensure()
        self.settings = GuiSettings.load(self.services.paths.config)
        from composer.gui import dialog_size

        dialog_size.remember_in(self.settings)
        self.translations = Translations(app)
        self.language = choose_language(self.settings)
        self.translations.install(self.language)
        if self.settings.color_scheme and not os.environ.get("SIARAN_COLOR_SCHEME"):
            apply_color_scheme(app, self.settings.color_scheme)
        # the desktop switched between light and dark: icons are redrawn in the new text colour
        self._applying = False
        app.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        from composer.gui.editor.draft_model import DraftModel
        from composer.gui.tasks import TaskRunner

        self.runner = TaskRunner(self)
        from composer.gui.accounts.practice_switch import PracticeSwitch

        self.practice = PracticeSwitch(self.services, self.runner, self)
        if self.settings.practice:  # it was on when the app last closed
            self.practice.set_on(True)
        self._model_class = DraftModel
        self.model = DraftModel()
        from composer.gui.queue.scheduler import AppScheduler

        # Sends due posts while the app runs (the tray may keep it running without a window)
        self.scheduler = AppScheduler(self.services, self.runner, parent=self)
        self.tray = None  # built with the first window (it needs the translations)
        self.window = None
        self.errors = None  # the excepthook, installed with the first window
        self.restored = False  # the last draft is reopened once per run, not per window
        self.open_file: str | None = None  # a post file or review package to open (siaran-gui FILE)

    def start(self):
        from composer.gui.errors import ErrorReporter

        self.errors = ErrorReporter(lambda: self.window.notices if self.window is not None else None, self)
        self.errors.install()
        self.window = self._build_window()
        self.window.show()
        # While Qt lays out and paints the window (C++, without the interpreter's lock), a
        # worker opens the store, loads the channel plugins and, when they will show, the
        # previews' modules: the draft and the channels are on screen in the first frames after
        # it shows. Started before the window was built, it only took turns with the GUI
        # thread's imports (Python runs one thread at a time), and each hand-over cost a little.
        self.runner.submit(prepare, self.services, self.settings.last_draft, name="prepare")
        when_exposed(self.window, self._after_first_show)
        return self.window

    def _after_first_show(self) -> None:
        """Start-up work that waits until the window is on screen."""
        if self.app.windowIcon().isNull():  # after the first paint: start-up stays as quick
            self.app.setWindowIcon(app_icon())
        restore, self.restored = not self.restored, True
        if self.window is not None:
            if self.open_file:  # the file asked for is the draft, not the last one
                path, self.open_file = self.open_file, None
                self.window.after_show(restore=False)
                self.window.post_file.open_path(path)
            else:
                self.window.after_show(restore=restore)
            # due posts are sent once start-up has settled, not while the window is being filled
            self.window.settled.connect(self.scheduler.start)
            self.window.settled.connect(_collect_from_now_on)
        else:
            self.scheduler.start()
            _collect_from_now_on()

    def shutdown(self) -> None:
        """After the window closed: let workers finish (they report to objects about to go),
        then release the database and the translators."""
        self.scheduler.stop()
        self.runner.cancel_all()
        self.runner.pool.waitForDone(10_000)
        self.runner.image_pool.waitForDone(10_000)
        if self.errors is not None:
            self.errors.uninstall()
        self.practice.stop_now()
        self.services.close()
        self.translations.remove()
        self.app.styleHints().colorSchemeChanged.disconnect(self._system_scheme_changed)

    def _build_window(self):
        from composer.gui.main_window import MainWindow

        window = MainWindow(self.services, self.model, self.runner, self.settings, self.practice)
        window.language_requested.connect(self.set_language)
        window.color_scheme_requested.connect(self.set_color_scheme)
        if self.tray is None:
            from composer.gui.queue.tray import Tray

            self.tray = Tray(self)
            self.tray.open_requested.connect(self.show_window)
            self.tray.quit_requested.connect(self.quit)
        self.tray.retranslate()
        self.app.setQuitOnLastWindowClosed(not self.settings.keep_in_tray)
        if self.settings.keep_in_tray:
            self.tray.show()
        window.queue.attach(self.scheduler, self.tray)
        return window

    def set_color_scheme(self, scheme: str | None) -> None:
        """``None`` follows the system again. The window is rebuilt so its icons are drawn in
        the new text colour."""
        self.settings.color_scheme = scheme
        self.settings.save()
        self._applying = True  # our own change: rebuilt once, below, not again by the signal
        try:
            apply_color_scheme(self.app, scheme)
        finally:
            self._applying = False
        self._rebuild()

    def show_window(self) -> None:
        """The tray's Open: the window again, in front."""
        if self.window is not None:
            self.window.show()
            self.window.raise_()
            self.window.activateWindow()

    def quit(self) -> None:
        """The tray's Quit: close the window the normal way (the draft is saved), then leave."""
        if self.window is not None:
            self.window.quitting = True
            self.window.close()
        self.app.quit()

    def set_language(self, code: str | None) -> None:
        """``None`` follows the system again. The window is rebuilt in the new language."""
        self.settings.language = code
        self.settings.save()
        lang = choose_language(self.settings)
        if lang == self.language:
            return
        self.language = lang
        self.translations.install(lang)
        self._rebuild()

    def _system_scheme_changed(self, *_args) -> None:
        if self.window is not None and not self.settings.color_scheme and not self._applying:
            self._rebuild()

    def _rebuild(self) -> None:
        """A new window over the same draft (every label through tr() again, icons redrawn)."""
        old = self.window
        if old is not None:
            old.save_layout()
            old.detach()
            self.model = self._model_class(old.model.post)
        window = self.window = self._build_window()
        if old is not None:
            window.setGeometry(old.geometry())
            old.close()
            old.deleteLater()
        window.show()
        window.after_show(restore=False)


class _ExposeWatch(QObject):
    """Calls back once the window is really on screen (its first Expose event)."""

    def __init__(self, window, callback, *, at_once: bool = False):
        super().__init__(window)
        self.callback, self.at_once = callback, at_once
        window.windowHandle().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Expose and obj.isExposed():
            obj.removeEventFilter(self)
            if self.at_once:
                self.callback()
            else:
                QTimer.singleShot(0, self.callback)  # after this paint, not inside it
            self.deleteLater()
        return False


def when_exposed(window, callback) -> None:
    """Start-up work (reopening the draft, loading channels) waits until the window shows."""
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        QTimer.singleShot(0, callback)
    elif handle is not None:
        _ExposeWatch(window, callback)
    else:
        QTimer.singleShot(0, callback)


def make_application(argv: list[str] | None = None) -> QApplication:
    running = QApplication.instance()  # typed as QCoreApplication; ours is a QApplication
    app = running if isinstance(running, QApplication) else QApplication(
        argv if argv is not None else sys.argv)
    app.setApplicationName("Siaran")
    app.setApplicationDisplayName("Siaran")
    app.setOrganizationName("Siaran")
    app.setDesktopFileName("siaran")
    # The desktop's light or dark scheme comes through Qt's platform theme by itself; an
    # explicit choice (SIARAN_COLOR_SCHEME=dark|light, or the Appearance setting) overrides it.
    scheme = os.environ.get("SIARAN_COLOR_SCHEME", "").lower()
    if scheme in ("dark", "light"):
        apply_color_scheme(app, scheme)
    return app


def app_icon():
    """Siaran's icon at every size drawn from its SVG (tools/render_app_icon.py); bitmaps, so
    no SVG plugin loads for it."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = Path(__file__).resolve().parent.parent / "resources" / "icons"
    for png in sorted(folder.glob("siaran-*.png")):
        icon.addFile(str(png))
    return icon


_default_style: tuple[str, QPalette] | None = None  # (style name, palette) before a forced dark


def apply_color_scheme(app: QApplication, scheme: str | None) -> None:
    """``"light"``, ``"dark"`` or None (follow the system). Asked of the platform theme first;
    where it cannot switch (a bare X server, no desktop theme) a dark palette is set here, and
    taken back when the choice changes."""
    global _default_style
    wanted = {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}.get(scheme or "",
                                                                            Qt.ColorScheme.Unknown)
    if _default_style is not None:  # undo our own palette before asking again
        name, palette = _default_style
        app.setStyle(name)
        app.setPalette(palette)
        _default_style = None
    if wanted == Qt.ColorScheme.Unknown:
        app.styleHints().unsetColorScheme()
    else:
        app.styleHints().setColorScheme(wanted)
    if wanted == Qt.ColorScheme.Dark and app.palette().window().color().lightness() > 128:
        _default_style = (app.style().name(), app.palette())
        app.setStyle("Fusion")
        app.setPalette(dark_palette())


def is_dark(app: QApplication) -> bool:
    """What the officer sees: a dark window background, whatever made it so."""
    return app.palette().window().color().lightness() < 128


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a", QPalette.ColorRole.AlternateBase: "#26272b",
        QPalette.ColorRole.ToolTipBase: "#303134", QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#2a2b2f",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.Highlight: "#3b82c4",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Mid: "#7a7f85", QPalette.ColorRole.Dark: "#5f6368",
        QPalette.ColorRole.Light: "#3c4043", QPalette.ColorRole.Midlight: "#303134",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7378"))
    return p


def _report_when_shown(window) -> None:
    """For bench/startup.py: print the moment the window is exposed, then leave at once."""
    def report():
        print("shown", flush=True)
        os._exit(0)

    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        report()
    _ExposeWatch(window, report, at_once=True)


def is_usable(window) -> bool:
    """The officer can work: the channels are listed, the reopened draft is in the editor, and
    every preview on screen shows its images (bench/startup.py waits for this; call it once the
    draft's reopening is over). Behind the welcome page of a first start, there are none."""
    if not window.channels.catalog:
        return False
    if window.previews is None:  # built when its tab shows: the welcome page covers it
        return not window.previews_holder.isVisible()
    post = window.model.post
    media = window.media
    if window.editor.text_edit.toPlainText() != post.text or media.pending:
        return False
    if any(m.id not in window.renders.proxies for m in post.media) or window.renders.busy:
        return False
    return window.previews.on_screen_complete()


def _report_when_usable(shell) -> None:
    """For bench/startup.py: print the moment the window is usable, then leave at once."""
    started = time.perf_counter()
    timer = QTimer(shell, interval=5)
    restored = []
    shell.window.drafts.restored.connect(lambda: restored.append(True))

    def check():
        if restored and shell.window is not None and is_usable(shell.window):
            print(f"usable {time.perf_counter() - started:.3f}", flush=True)
            os._exit(0)

    timer.timeout.connect(check)
    timer.start()


def _quit_on_signals(shell) -> None:
    """SIGTERM (a logout, a service manager) and Ctrl+C close the window the normal way, so the
    draft is saved. Python runs signal handlers only between bytecodes, hence the idle timer."""
    import signal

    def close(*_):
        if shell.window is not None:
            shell.window.close()
        shell.app.quit()

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, close)
    timer = QTimer(shell, interval=250)
    timer.timeout.connect(lambda: None)
    timer.start()


def post_file_argument(app: QCoreApplication) -> str | None:
    """``siaran-gui FILE``: the post file to open (Qt's own options are gone by now)."""
    files = [a for a in app.arguments()[1:] if not a.startswith("-")]
    return files[0] if files else None


COLLECTOR_OFF_AT_MOST_MS = 30_000


def _collect_from_now_on() -> None:
    """What start-up made lives as long as the app: the garbage collector's full passes (20+ ms,
    a dropped frame while typing) need not walk it again and again (``gc.freeze``). Until then
    the collector stays off (``main``): it ran ~70 times while the window was built (~10 ms of
    start-up) over objects that all live on."""
    gc.freeze()
    gc.enable()


def main(argv: list[str] | None = None) -> int:
    gc.disable()  # until the window has settled: _collect_from_now_on
    app = make_application(argv)
    shell = Shell(app)
    shell.open_file = post_file_argument(app)
    window = shell.start()
    # a window that is never exposed never settles: the collector comes back all the same
    QTimer.singleShot(COLLECTOR_OFF_AT_MOST_MS, shell, _collect_from_now_on)
    _quit_on_signals(shell)
    if os.environ.get("SIARAN_EXIT_WHEN_SHOWN"):
        _report_when_shown(window)
    if os.environ.get("SIARAN_EXIT_WHEN_USABLE"):
        _report_when_usable(shell)
    code = app.exec()
    shell.shutdown()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
