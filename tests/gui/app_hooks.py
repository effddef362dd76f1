"""Hooks the real app runs in a subprocess, started by tests/gui/launch_with_hook.py (used by test_app.py)."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

DRAWN = (960, 67)  # tick and pitch of the note the first run draws


def _say(*words) -> None:
    print(*words, flush=True)


def draw_note(window) -> None:
    """Draw one note with a real mouse click, and report once autosave has written it."""
    window.autosaver.saved.connect(lambda path: _say("AUTOSAVED", path))

    def click():
        editor = window.editor
        vp = editor.viewport
        tick, pitch = DRAWN
        pos = QPoint(round(vp.tick_to_x(tick) + 3), round(vp.row_to_y(vp.lanes.row_of(pitch)) + vp.row_height / 2))
        QTest.mouseClick(editor.canvas, Qt.LeftButton, Qt.NoModifier, pos)
        notes = [[n.start, n.pitch, n.duration, n.velocity] for n in window.document.song.tracks[0].notes]
        _say("EDITED", json.dumps(notes))

    QTimer.singleShot(200, click)


def accept_restore(window) -> None:
    """Press Restore in the recovery question (the newest session is selected), print the melody's notes, quit."""

    def report():
        notes = [[n.start, n.pitch, n.duration, n.velocity] for n in window.document.song.tracks[0].notes]
        _say("RESTORED", json.dumps(notes), "DIRTY" if window.document.is_dirty else "CLEAN")
        window.document.undo_stack.setClean()
        QApplication.exit(0)

    def press_restore():
        dialog = QApplication.activeModalWidget()
        button = dialog.findChild(QPushButton, "restore_button") if dialog is not None else None
        if button is not None:
            poller.stop()
            button.click()

    window.document.song_replaced.connect(lambda: QTimer.singleShot(0, report))
    poller = QTimer(window)
    poller.timeout.connect(press_restore)
    poller.start(50)
    QTimer.singleShot(45000, lambda: (_say("NO OFFER"), QApplication.exit(3)))
    sys.stdout.flush()


def quit_when_ready(window) -> None:
    """Say READY once sound and generation are plugged in, then quit."""

    def ready():
        _say("READY")
        QApplication.exit(0)

    window.features_ready.connect(lambda: QTimer.singleShot(0, ready))
