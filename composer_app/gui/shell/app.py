"""Starting the app: the QApplication, the main window, files from the command line and the restore offer.

The window is painted first; then the features beside the editor (sound through `attach_audio`, then the
generation panel) are plugged in, so their heavier imports never delay the first frame. `window.features_ready`
says when that is done.

Nothing named by the environment or by a file is ever run as code: tests and benchmarks that drive the real app
pass a Python callable to `run(files, on_window=...)` from their own launcher (tests/gui/launch_with_hook.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from composer_app import APP_NAME, __version__
from composer_app.gui.shell import qt_compat  # noqa: F401  (first: it repairs Signal.emit on PySide6 6.12.0)
from composer_app.gui.shell.i18n import tr
from composer_app.gui.shell.main_window import MainWindow


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def create_window(files: list[str]) -> MainWindow:
    """A shown main window with the first file opened and any others imported."""
    window = MainWindow()
    window.show()
    if files:
        window.files.open_path(files[0], ask=False)
        for extra in files[1:]:
            window.files.import_path(extra)
    return window


def attach_features(window: MainWindow) -> None:
    """Plug in what lives beside the editor: sound, then the generation panel and candidates strip."""
    try:
        from composer_app.gui.audio.session import attach_audio

        window.audio = attach_audio(window)
    except Exception as exc:  # sound is optional: the editor must open even where audio cannot start
        window.audio = None
        window.show_status(tr("Sound is off: {0}").format(exc))
    try:
        from composer_app.gui.generation.session import attach_generation

        auditioner = getattr(window.audio, "auditioner", None) if window.audio is not None else None
        window.generation = attach_generation(window, auditioner=auditioner)
        if getattr(window, "generate_pending", False):  # Ctrl+G was pressed before the panel was here
            window.generate_pending = False
            window.generation.panel.generate_button.click()
    except Exception as exc:  # the editor stays usable even if the models cannot be offered
        window.generation = None
        window.show_status(tr("Generation is unavailable: {0}").format(exc))
    try:
        from composer_app.gui.training.session import attach_training

        window.training = attach_training(window)
    except Exception as exc:  # the editor and generation stay usable without the Training panel
        window.training = None
        window.show_status(tr("Training is unavailable: {0}").format(exc))
    try:
        from composer_app.gui.midi.session import attach_midi

        window.midi = attach_midi(window)
    except Exception as exc:  # no MIDI must never cost the user the editor
        window.midi = None
        window.show_status(tr("MIDI is unavailable: {0}").format(exc))
    window.features_ready.emit()


class _AfterFirstPaint(QObject):
    """Calls back once the roll has been painted for the first time."""

    def __init__(self, window: MainWindow, callback):
        super().__init__(window)
        self._callback = callback
        window.editor.canvas.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


class BugReporter:
    """sys.excepthook for the window: an exception that escapes a slot is logged and shown, and the app runs on.

    A ComposerError that no handler caught is still the user's to fix, so it is shown as one; anything else is a
    bug. One dialog at a time, once per distinct problem, so a bug in a paint handler cannot flood the screen.
    """

    def __init__(self, window: MainWindow):
        self.window = window
        self.previous = sys.excepthook
        self.seen: set[str] = set()
        sys.excepthook = self

    def __call__(self, kind, exc, tb) -> None:
        from composer_app.errors import ComposerError, bug_summary, log_bug
        from composer_app.gui.shell import dialogs

        if not isinstance(exc, Exception):  # KeyboardInterrupt and friends keep their usual meaning
            self.previous(kind, exc, tb)
            return
        if isinstance(exc, ComposerError):
            show = lambda: dialogs.show_user_error(self.window, APP_NAME, exc)  # noqa: E731
            key = exc.summary
        else:
            log = log_bug(exc, "an error in the app's window")
            print(f"Composer: a bug: {bug_summary(exc)}; details in {log}", file=sys.stderr)
            show = lambda: dialogs.show_bug(self.window, bug_summary(exc), log)  # noqa: E731
            key = bug_summary(exc)
        if key in self.seen:
            return
        self.seen.add(key)
        QTimer.singleShot(0, show)  # outside the handler that failed


def run(files: list[str], on_window: Callable[[MainWindow], None] | None = None) -> int:
    """Open the app (with files, if given) and run it until the window closes; returns the exit status.

    `on_window(window)`, for tests and benchmarks, is called once the window is shown, before the event loop.
    """
    app = application()
    window = create_window(files)
    BugReporter(window)

    def after_first_paint() -> None:
        attach_features(window)
        restored = not files and window.offer_recovery()  # the window is already up when the question appears
        if not files and not restored and window.settings.is_first_start():
            window.open_demo(ask=False)  # a first-time user starts from music and the three steps, not an empty roll
        window.settings.mark_first_start_done()

    _AfterFirstPaint(window, after_first_paint)
    if on_window is not None:
        on_window(window)
    return app.exec()
