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


def _fresh(widget, backdrop):
    """The widget painted with its backdrop drawn anew (the reference a patched backdrop must equal)."""
    backdrop.invalidate()
    return _image(widget)


def test_a_drag_redraws_only_the_notes_it_lifts_and_puts_down(editor):
    """Lifting a note into a drag, moving it, dropping it and undoing patch the cached backdrops of the roll and
    the velocity lane; every frame equals one painted from scratch."""
    canvas, lane = editor.canvas, editor.velocity_lane
    editor.set_tool(Tool.SELECT)
    editor.state.set_loop(0, 1920, True)  # dashed loop edges run through the patched parts
    views = [(canvas, canvas._painter.backdrop), (lane, lane.backdrop)]
    start, end = point(editor, 960, 62, 40), point(editor, 2400, 64, 40)
    for widget, _b in views:
        _image(widget)
    counts = [(b.redraws, b.patches) for _w, b in views]
    QTest.mousePress(canvas, Qt.LeftButton, Qt.NoModifier, start)
    frames = []
    for k in range(1, 4):
        QTest.mouseMove(canvas, start + (end - start) * k / 3)
        frames.append([_image(w) for w, _b in views])
    QTest.mouseRelease(canvas, Qt.LeftButton, Qt.NoModifier, end)
    frames.append([_image(w) for w, _b in views])
    editor.document.undo_stack.undo()
    frames.append([_image(w) for w, _b in views])
    assert Note(960, 62, 480, 90) in melody(editor)
    for (redraws, patches), (_w, b) in zip(counts, views):
        assert b.redraws == redraws and b.patches == patches + 3  # lift, drop, undo
    # The same states painted from scratch: the last frame (after undo) and the drop, redone.
    assert [_fresh(w, b) for w, b in views] == frames[-1]
    editor.document.undo_stack.redo()
    editor.state.clear_selection()  # the dropped note is then drawn by the backdrop alone
    dropped = [_image(w) for w, _b in views]
    assert [_fresh(w, b) for w, b in views] == dropped


def test_a_patched_frame_mid_drag_equals_a_fresh_one(editor):
    """While a note is lifted out, the backdrop without it equals one drawn from scratch without it."""
    canvas = editor.canvas
    editor.set_tool(Tool.SELECT)
    _image(canvas), _image(editor.velocity_lane)
    start = point(editor, 1920, 64, 40)
    QTest.mousePress(canvas, Qt.LeftButton, Qt.NoModifier, start)
    QTest.mouseMove(canvas, start + (point(editor, 3840, 60, 40) - start))
    patched = _image(canvas), _image(editor.velocity_lane)
    assert (_fresh(canvas, canvas._painter.backdrop), _fresh(editor.velocity_lane, editor.velocity_lane.backdrop)) \
        == patched
    QTest.mouseRelease(canvas, Qt.LeftButton, Qt.NoModifier, start)


def test_a_zoom_gesture_stretches_the_backdrop_and_settling_redraws_it(editor, qtbot):
    """While zooming, frames stretch the cached backdrop (no redraw per frame); when the gesture settles the
    backdrop is drawn afresh at the new zoom and equals a fresh paint."""
    canvas, vp = editor.canvas, editor.viewport
    backdrop = canvas._painter.backdrop
    _image(canvas)
    redraws = backdrop.redraws
    before = _image(canvas)
    vp.zoom_x(1.1)
    assert vp.is_zooming()
    stretched = _image(canvas)
    assert backdrop.redraws == redraws and stretched != before
    qtbot.waitUntil(lambda: not vp.is_zooming(), timeout=3000)
    settled = _image(canvas)
    assert backdrop.redraws == redraws + 1 and settled == _fresh(canvas, backdrop)


def test_a_big_selection_is_a_cached_layer_that_draws_what_a_direct_paint_draws(editor):
    """Past LAYER_ABOVE selected notes the selection is copied from a layer between frames; the frames equal ones
    painted directly, after a small scroll too."""
    from composer_app.gui.roll import canvas_painter

    canvas, vp = editor.canvas, editor.viewport
    notes = [Note(i * 60, 55 + i % 24, 50, 90) for i in range(1500)]
    editor.document.edit_track(0, editor.document.song.tracks[0].with_notes(notes), "many notes")
    editor.actions.select_all()
    layer = canvas._painter.selection_layer
    layered = _image(canvas)
    redraws = layer.redraws
    assert redraws >= 1 and _image(canvas) == layered and layer.redraws == redraws
    vp.scroll_to(left_tick=vp.left_tick + round(8 / vp.px_per_tick))
    scrolled = _image(canvas)
    assert layer.redraws == redraws
    old, canvas_painter.LAYER_ABOVE = canvas_painter.LAYER_ABOVE, 10**9  # painted directly
    try:
        assert _image(canvas) == scrolled
    finally:
        canvas_painter.LAYER_ABOVE = old
