"""Slow work runs in a thread while the window keeps handling events; results and errors come back to the caller."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer

from composer_app.errors import ComposerError
from composer_app.gui.shell.busy import run_busy


def test_the_event_loop_runs_while_the_work_does(qapp):
    """Timer ticks arrive during the work, which runs on another thread, and its result is returned."""
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    main = threading.get_ident()

    def work():
        time.sleep(0.3)
        return threading.get_ident()

    try:
        worker = run_busy(None, "Reading…", work)
    finally:
        timer.stop()
    assert worker != main and len(ticks) >= 5


def test_an_error_in_the_work_is_raised_to_the_caller(qapp):
    """A ComposerError from the work reaches the caller unchanged, as a direct call would raise it."""
    def work():
        raise ComposerError("the score is damaged")

    with pytest.raises(ComposerError, match="the score is damaged"):
        run_busy(None, "Reading…", work)
