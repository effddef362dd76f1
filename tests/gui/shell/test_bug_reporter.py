"""The window's excepthook: a bug escaping a slot is logged and shown once; a user's error is shown as one."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QWidget

from composer_app.errors import ComposerError
from composer_app.gui.shell import dialogs
from composer_app.gui.shell.app import BugReporter


@pytest.fixture
def reporter(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    window = QWidget()
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(dialogs, "show_bug", lambda parent, summary, log: shown.append(("bug", summary, log)))
    monkeypatch.setattr(dialogs, "show_user_error", lambda parent, title, exc: shown.append(("user", str(exc))))
    BugReporter(window)
    return shown


def _raise(exc: Exception):
    try:
        raise exc
    except Exception as caught:
        return type(caught), caught, caught.__traceback__


def test_a_bug_is_logged_and_shown_once(qtbot, reporter, tmp_path):
    """The same bug twice gives one dialog naming it, and a log file holding its traceback."""
    for _ in range(2):
        sys.excepthook(*_raise(IndexError("list index out of range")))
    qtbot.waitUntil(lambda: len(reporter) == 1)
    qtbot.wait(20)
    (kind, summary, log), = reporter
    assert kind == "bug" and summary == "IndexError: list index out of range"
    assert log.parent == tmp_path / "composer-app" / "logs" and "Traceback" in log.read_text()


def test_an_uncaught_user_error_is_shown_as_the_users_to_fix(qtbot, reporter, tmp_path):
    """A ComposerError that reached the hook is not called a bug and writes no log."""
    sys.excepthook(*_raise(ComposerError("the primer file is empty")))
    qtbot.waitUntil(lambda: len(reporter) == 1)
    assert reporter == [("user", "the primer file is empty")]
    assert not (tmp_path / "composer-app").exists()
