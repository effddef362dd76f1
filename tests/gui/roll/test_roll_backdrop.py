"""The roll keeps up with big tracks: a drag previews without editing, and scrolling blits a cached backdrop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.roll.state import Tool
from composer_app.music.song import Note
from tests.gui.roll_helpers import C4, D4, E4, F4, melody, point


def test_a_drag_shows_its_notes_and_edits_the_track_once_on_release(editor):
    """Mid-drag the track is unchanged and the preview holds the moved note; release makes one undo step."""
    stack = editor.document.undo_stack
    count = stack.count()
    canvas = editor.canvas
    start, end = point(editor, 0, 60, 40), point(editor, 960, 60, 40)
    QTest.mousePress(canvas, Qt.LeftButton, Qt.NoModifier, start)
    for k in range(1, 5):
        QTest.mouseMove(canvas, start + (end - start) * k / 4)
    assert melody(editor) == (C4, D4, E4, F4) and stack.count() == count
    assert editor.state.preview == ((Note(960, 60, 480, 90),), False)
    QTest.mouseRelease(canvas, Qt.LeftButton, Qt.NoModifier, end)
    assert editor.state.preview is None and Note(960, 60, 480, 90) in melody(editor)
    assert stack.count() == count + 1


def _image(canvas):
    return canvas.grab().toImage()


def test_the_cached_backdrop_draws_what_a_fresh_paint_draws(editor):
    """A frame from the backdrop equals one painted from scratch, after a scroll and with a selection."""
    canvas, vp = editor.canvas, editor.viewport
    backdrop = canvas._painter.backdrop
    editor.set_tool(Tool.SELECT)
    QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, point(editor, 960, 62, 40))
    vp.scroll_to(left_tick=round(10 / vp.px_per_tick))  # 10 px right: inside the region drawn beyond the view
    cached = _image(canvas)
    redraws = backdrop.redraws
    assert _image(canvas) == cached and backdrop.redraws == redraws  # a second frame only copies
    backdrop.invalidate()
    assert _image(canvas) == cached and backdrop.redraws == redraws + 1


def test_an_edit_redraws_the_backdrop_and_a_selection_does_not(editor):
    """Changing the track shows at once; selecting notes is drawn over the backdrop without redrawing it."""
    canvas = editor.canvas
    backdrop = canvas._painter.backdrop
    _image(canvas)
    redraws = backdrop.redraws
    editor.state.set_selection({D4, E4})
    selected = _image(canvas)
    assert backdrop.redraws == redraws
    editor.document.edit_track(0, editor.document.song.tracks[0].with_notes((C4, D4, E4)), "remove F4")
    assert _image(canvas) != selected and backdrop.redraws == redraws + 1
