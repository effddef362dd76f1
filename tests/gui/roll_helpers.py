"""Helpers for driving the roll with real mouse events (where a tick and pitch are on screen), and the sample melody."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from composer_app.music.song import Note


def point(editor, tick: float, pitch: int, x_offset: float = 3.0) -> QPoint:
    """The canvas point just right of tick, in the middle of pitch's row."""
    vp = editor.viewport
    row = vp.lanes.row_of(pitch)
    return QPoint(round(vp.tick_to_x(tick) + x_offset), round(vp.row_to_y(row) + vp.row_height / 2))


def move(widget, pos: QPoint, modifiers=Qt.NoModifier, buttons=Qt.LeftButton) -> None:
    """A mouse move with a button held and modifiers (QTest.mouseMove cannot carry modifiers)."""
    global_pos = QPointF(widget.mapToGlobal(pos))
    event = QMouseEvent(QMouseEvent.MouseMove, QPointF(pos), global_pos, Qt.NoButton, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag(widget, start: QPoint, end: QPoint, modifiers=Qt.NoModifier, button=Qt.LeftButton, steps: int = 4) -> None:
    """Press at start, move there in steps, release at end."""
    QTest.mousePress(widget, button, modifiers, start)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        if modifiers == Qt.NoModifier and button == Qt.LeftButton:
            QTest.mouseMove(widget, p)
        else:
            move(widget, p, modifiers, button)
    QTest.mouseRelease(widget, button, modifiers, end)


# The sample song's melody (see conftest.sample_song): C D E F, one per beat.
C4, D4, E4, F4 = (Note(i * 960, p, 480, 90) for i, p in enumerate((60, 62, 64, 65)))


def melody(editor) -> tuple[Note, ...]:
    """The melody track's notes as the document has them now."""
    return editor.document.song.tracks[0].notes


def undo(editor):
    """One step back in the editor's document."""
    editor.document.undo_stack.undo()


def redo(editor):
    """One step forward in the editor's document."""
    editor.document.undo_stack.redo()
