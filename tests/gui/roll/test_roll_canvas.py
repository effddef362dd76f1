"""Editing notes on the roll with real mouse and keyboard events, and undoing each edit."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from composer_app.gui.roll.state import Tool
from composer_app.music.song import Note
from tests.gui.roll_helpers import C4, D4, E4, F4, drag, melody, point, redo, undo


def test_click_draws_a_note_of_the_last_length_on_the_grid(editor):
    """A click in empty space with the draw tool adds one note, snapped down to the 1/16 grid."""
    canvas = editor.canvas
    QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, point(editor, 3840 + 250, 67, x_offset=20))
    assert Note(3840 + 240, 67, 240, 100) in melody(editor)
    assert len(melody(editor)) == 5
    undo(editor)
    assert melody(editor) == (C4, D4, E4, F4)
    redo(editor)
    assert Note(3840 + 240, 67, 240, 100) in melody(editor)


def test_drawing_with_a_drag_sets_the_length_and_is_one_undo_step(editor):
    """Dragging right while drawing stretches the new note to the grid line under the mouse."""
    stack = editor.document.undo_stack
    before = stack.count()
    drag(editor.canvas, point(editor, 3840, 67), point(editor, 3840 + 960, 67, x_offset=1), steps=6)
    assert Note(3840, 67, 960, 100) in melody(editor)
    assert stack.count() == before + 1
    assert editor.state.last_length == 960
    undo(editor)
    assert melody(editor) == (C4, D4, E4, F4)


def test_click_selects_and_shift_click_extends(editor):
    """Clicking a note selects it alone; shift-clicking adds (or removes) notes."""
    editor.set_tool(Tool.SELECT)
    canvas = editor.canvas
    QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, point(editor, 0, 60, 40))
    assert editor.state.selection == {C4}
    QTest.mouseClick(canvas, Qt.LeftButton, Qt.ShiftModifier, point(editor, 960, 62, 40))
    assert editor.state.selection == {C4, D4}
    QTest.mouseClick(canvas, Qt.LeftButton, Qt.ShiftModifier, point(editor, 0, 60, 40))
    assert editor.state.selection == {D4}


def test_rubber_band_selects_notes_inside_the_box(editor):
    """Dragging in empty space with the select tool selects every note the box touches."""
    editor.set_tool(Tool.SELECT)
    vp = editor.viewport
    top_left = QPoint(round(vp.tick_to_x(900)), round(vp.row_to_y(vp.lanes.row_of(66))))
    bottom_right = QPoint(round(vp.tick_to_x(2000)), round(vp.row_to_y(vp.lanes.row_of(61))))
    drag(editor.canvas, top_left, bottom_right)
    assert editor.state.selection == {D4, E4}
    assert melody(editor) == (C4, D4, E4, F4)


def test_dragging_a_note_moves_it_on_the_grid_and_undo_restores(editor):
    """Dragging a note moves it by whole grid steps and semitones; the whole drag is one undo step."""
    stack = editor.document.undo_stack
    count = stack.count()
    start = point(editor, 0, 60, 40)
    end = point(editor, 480, 64, 40 + 7)  # 480 ticks right (+ a few px that snap away), two rows... four up
    drag(editor.canvas, start, end, steps=8)
    assert melody(editor)[0] == Note(480, 64, 480, 90) or Note(480, 64, 480, 90) in melody(editor)
    assert C4 not in melody(editor)
    assert stack.count() == count + 1
    assert editor.state.selection == {Note(480, 64, 480, 90)}
    undo(editor)
    assert melody(editor) == (C4, D4, E4, F4)
    assert editor.state.selection == {C4}
    redo(editor)
    assert Note(480, 64, 480, 90) in melody(editor)


def test_alt_drag_copies_the_selection(editor):
    """Holding Alt while dragging leaves the originals and adds moved copies."""
    drag(editor.canvas, point(editor, 960, 62, 40), point(editor, 960 + 3840, 62, 40), modifiers=Qt.AltModifier)
    assert D4 in melody(editor)
    assert Note(960 + 3840, 62, 480, 90) in melody(editor)
    undo(editor)
    assert melody(editor) == (C4, D4, E4, F4)


def test_multi_note_drag_moves_the_whole_selection(editor):
    """Dragging one selected note moves every selected note by the same amount."""
    editor.actions.select_all()
    drag(editor.canvas, point(editor, 960, 62, 40), point(editor, 960 + 960, 62, 40))
    assert melody(editor) == tuple(n.moved(dt=960) for n in (C4, D4, E4, F4))
    undo(editor)
    assert melody(editor) == (C4, D4, E4, F4)


def test_dragging_the_right_edge_resizes_to_the_grid(editor):
    """Dragging a note's right edge changes its length in grid steps."""
    right_edge = point(editor, C4.end, 60, x_offset=-2)
    drag(editor.canvas, right_edge, right_edge + QPoint(round(240 * editor.viewport.px_per_tick), 0))
    assert melody(editor)[0] == Note(0, 60, 720, 90)
    undo(editor)
    assert melody(editor)[0] == C4


def test_dragging_the_left_edge_moves_the_start_and_keeps_the_end(editor):
    """Dragging a note's left edge rightwards shortens it from the front."""
    left_edge = point(editor, D4.start, 62, x_offset=2)
    drag(editor.canvas, left_edge, left_edge + QPoint(round(240 * editor.viewport.px_per_tick), 0))
    assert Note(1200, 62, 240, 90) in melody(editor)
    undo(editor)
    assert D4 in melody(editor)


def test_snap_off_moves_by_exact_ticks(editor):
    """With snap off a drag moves by the mouse's distance, not by grid steps."""
    editor.state.set_snap(False)
    px = 10
    drag(editor.canvas, point(editor, 960, 62, 40), point(editor, 960, 62, 40 + px))
    moved = [n for n in melody(editor) if n.pitch == 62][0]
    assert moved.start == 960 + round(px / editor.viewport.px_per_tick)
    assert moved.start % 240 != 0


def test_snap_on_rounds_a_small_drag_to_the_nearest_line(editor):
    """With snap on, a drag of under half a grid step leaves the note where it was."""
    px = round(100 * editor.viewport.px_per_tick)  # 100 ticks < half of 240
    drag(editor.canvas, point(editor, 960, 62, 40), point(editor, 960, 62, 40 + px + 1))
    assert D4 in melody(editor)


def test_right_click_erases_and_undo_brings_it_back(editor):
    """Right-clicking a note deletes it with any tool."""
    QTest.mouseClick(editor.canvas, Qt.RightButton, Qt.NoModifier, point(editor, 1920, 64, 40))
    assert E4 not in melody(editor)
    undo(editor)
    assert E4 in melody(editor)


def test_eraser_drag_deletes_every_note_it_crosses_as_one_step(editor):
    """Dragging the eraser across two notes removes both in one undoable step."""
    editor.set_tool(Tool.ERASE)
    count = editor.document.undo_stack.count()
    QTest.mousePress(editor.canvas, Qt.LeftButton, Qt.NoModifier, point(editor, 0, 60, 40))
    QTest.mouseMove(editor.canvas, point(editor, 960, 62, 40))
    QTest.mouseRelease(editor.canvas, Qt.LeftButton, Qt.NoModifier, point(editor, 960, 62, 40))
    assert melody(editor) == (E4, F4)
    assert editor.document.undo_stack.count() == count + 1
    undo(editor)
    assert melody(editor) == (C4, D4, E4, F4)


def test_velocity_tool_drag_changes_velocity(editor):
    """Dragging a note upwards with the velocity tool raises its velocity."""
    editor.set_tool(Tool.VELOCITY)
    start = point(editor, 0, 60, 40)
    drag(editor.canvas, start, start - QPoint(0, 20))
    assert melody(editor)[0] == Note(0, 60, 480, 100)
    undo(editor)
    assert melody(editor)[0] == C4


def test_other_tracks_notes_are_not_edited(editor, document):
    """Clicks hit only the current track: the drum track's notes stay as they are."""
    drums = document.song.tracks[1].notes
    editor.actions.select_all()
    QTest.keyClick(editor.canvas, Qt.Key_Delete)
    assert document.song.tracks[1].notes == drums
    assert melody(editor) == ()


def test_drawing_in_a_kit_lane_uses_the_canonical_drum_pitch(editor, document):
    """In the 9-lane kit view a click in the snare lane adds Magenta's snare pitch, 38."""
    document.set_current_track(1)
    editor.action_kit_lanes.setChecked(True)
    vp = editor.viewport
    row = vp.lanes.row_of(38)
    pos = QPoint(round(vp.tick_to_x(1920) + 3), round(vp.row_to_y(row) + vp.row_height / 2))
    QTest.mouseClick(editor.canvas, Qt.LeftButton, Qt.NoModifier, pos)
    assert Note(1920, 38, 240, 100) in document.song.tracks[1].notes
