"""Starting the app: the QApplication, the main window, files from the command line and the restore offer.

`COMPOSER_APP_HOOK=path/to/file.py:function` calls function(window) once the window is shown; tests and
benchmarks use it to drive the real app in a subprocess.
"""

from __future__ import annotations

import importlib.util
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from composer_app import APP_NAME, __version__

from . import qt_compat  # noqa: F401  (first: it repairs Signal.emit on PySide6 6.12.0)
from .main_window import MainWindow

HOOK_ENV = "COMPOSER_APP_HOOK"


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


def _run_hook(window: MainWindow) -> None:
    spec = os.environ.get(HOOK_ENV)
    if not spec:
        return
    path, _, name = spec.rpartition(":")
    module_spec = importlib.util.spec_from_file_location("composer_app_hook", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    getattr(module, name)(window)


def run(files: list[str]) -> int:
    """Open the app (with files, if given) and run it until the window closes; returns the exit status."""
    app = application()
    window = create_window(files)
    _run_hook(window)
    if not files:
        # After the first paint, so the window is already up when the question appears.
        QTimer.singleShot(0, window.offer_recovery)
    return app.exec()
