"""The window's part of `composer-app --selftest`: open the real main window, generate in it, load the translations."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

WINDOW_TIMEOUT_S = 30.0
GENERATE_TIMEOUT_S = 120.0


class WindowChecks:
    """Each check returns a line's detail or raises; `process_age()` dates the first paint from the process start."""

    def __init__(self, process_age: Callable[[], float | None], screenshot: Path | None = None):
        self.process_age = process_age
        self.screenshot = screenshot
        self.window = None

    # -- the window --------------------------------------------------------------------------------------------
    def open_window(self) -> str:
        from composer_app.gui.shell.app import _AfterFirstPaint, application, attach_features, create_window

        if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
            from PySide6.QtCore import qInstallMessageHandler

            # The offscreen platform warns that it ignores size hints once per dock and dialog: not a finding.
            qInstallMessageHandler(lambda _mode, _ctx, text: None if "propagateSizeHints" in text
                                   else print(text, file=sys.stderr))
        app = application()
        window = create_window([])
        self.window = window
        loop = QEventLoop()
        painted: list[float | None] = []
        _AfterFirstPaint(window, lambda: (painted.append(self.process_age()), loop.quit()))
        QTimer.singleShot(int(WINDOW_TIMEOUT_S * 1000), loop.quit)
        loop.exec()
        if not painted:
            raise RuntimeError(f"the window was not painted within {WINDOW_TIMEOUT_S:.0f} s")
        attach_features(window)
        app.processEvents()
        missing = [name for name in ("generation", "training") if getattr(window, name, None) is None]
        if missing:
            raise RuntimeError(f"the {' and '.join(missing)} panel did not open (status bar: "
                               f"{window.statusBar().currentMessage()!r})")
        sound = "not attached"
        player = getattr(window.audio, "player", None)
        if player is not None:  # no output device (CI, a server) is no failure: rendering is checked below
            sound = "on" if player.wait_until_prepared() else f"off: {player.unavailable_reason}"
        age = painted[0]
        when = f"{age:.2f} s after the process started" if age is not None else "(no start time on this system)"
        return f"shown and painted {when}, platform {app.platformName()}; panels ready, sound {sound}"

    def generate_in_window(self) -> str:
        window = self.window
        if window is None or window.generation is None:
            raise RuntimeError("no window to generate in (see the window check)")
        window.open_demo(ask=False)
        gen = window.generation
        gen.panel.set_model("attention_rnn")
        started = time.perf_counter()
        gen.panel.generate_button.click()
        loop = QEventLoop()
        deadline = started + GENERATE_TIMEOUT_S

        def poll() -> None:
            if gen.strip.sets or time.perf_counter() > deadline:
                loop.quit()
            else:
                QTimer.singleShot(50, poll)

        QTimer.singleShot(50, poll)
        loop.exec()
        if not gen.strip.sets:
            raise RuntimeError(f"no result within {GENERATE_TIMEOUT_S:.0f} s (status bar: "
                               f"{window.statusBar().currentMessage()!r})")
        count = len(gen.strip.sets[-1].candidates)
        shot = ""
        if self.screenshot is not None:
            QTimer.singleShot(300, loop.quit)  # let the candidates' cards paint
            loop.exec()
            if not window.grab().save(str(self.screenshot)):
                raise RuntimeError(f"could not save the screenshot to {self.screenshot}")
            shot = f"; screenshot saved to {self.screenshot}"
        return (f"the demo song's melody continued by attention_rnn, {count} candidates in "
                f"{time.perf_counter() - started:.1f} s{shot}")

    def translations(self) -> str:
        from PySide6.QtCore import QTranslator
        from PySide6.QtGui import QFontDatabase

        from composer_app.gui.shell.language import JAPANESE_FONT, TRANSLATIONS

        translator = QTranslator()
        if not translator.load("composer_ja", str(TRANSLATIONS)) or translator.isEmpty():
            raise RuntimeError(f"composer_ja.qm is missing or empty in {TRANSLATIONS}")
        if QFontDatabase.addApplicationFont(str(JAPANESE_FONT)) < 0:
            raise RuntimeError(f"the Japanese font {JAPANESE_FONT} did not load")
        return f"Japanese translation and the {JAPANESE_FONT.name} font load"

    def close(self) -> None:
        """Stop the generation workers and leave nothing to save, so the process ends quietly."""
        window = self.window
        if window is not None and getattr(window, "generation", None) is not None:
            window.generation.shutdown()
            window.document.undo_stack.setClean()
