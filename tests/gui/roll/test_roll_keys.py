"""The roll's keyboard shortcuts, pressed on the widget: moving, transposing, deleting, duplicating,
quantizing, the clipboard, grids and tools, each undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.roll.grid import GRIDS
from composer_app.gui.roll.state import Tool
from composer_app.music.song import Note
from tests.gui.roll_helpers import C4, D4, E4, F4, melody, undo


def test_arrow_keys_move_the_selection(editor):
    """Right moves by the grid, Shift+Right by a bar, Up a semitone, Shift+Up an octave; each undoable."""
    editor.state.set_selection({C4})
    canvas = editor.canvas
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key_Right)
    assert Note(240, 60, 480, 90) in melody(editor)
    QTest.keyClick(canvas, Qt.Key_Right, Qt.ShiftModifier)
    assert Note(240 + 3840, 60, 480, 90) in melody(editor)
    QTest.keyClick(canvas, Qt.Key_Up)
    QTest.keyClick(canvas, Qt.Key_Up, Qt.ShiftModifier)
    assert Note(240 + 3840, 73, 480, 90) in melody(editor)
    assert editor.state.selection == {Note(240 + 3840, 73, 480, 90)}
    for _ in range(4):
        undo(editor)
    assert melody(editor) == (C4, D4, E4, F4)


def test_delete_key_removes_the_selection(editor):
    """Delete removes the selected notes; undo restores them and their selection."""
    editor.state.set_selection({D4, E4})
    QTest.keyClick(editor.canvas, Qt.Key_Delete)
    assert melody(editor) == (C4, F4)
    undo(editor)
    assert melody(editor) == (C4, D4, E4, F4)
    assert editor.state.selection == {D4, E4}


def test_ctrl_d_duplicates_after_the_selection(editor):
    """Ctrl+D copies the selection to just after itself (its length rounded up to the grid)."""
    editor.state.set_selection({C4, D4})
    QTest.keyClick(editor.canvas, Qt.Key_D, Qt.ControlModifier)
    assert Note(1440, 60, 480, 90) in melody(editor)
    assert Note(2400, 62, 480, 90) in melody(editor)
    assert len(melody(editor)) == 6
    undo(editor)
    assert len(melody(editor)) == 4


def test_q_quantizes_to_the_grid(editor, document):
    """Q snaps off-grid notes to the current grid."""
    track = document.song.tracks[0]
    document.edit_track(0, track.with_notes([Note(130, 60, 500, 90)]), "off grid")
    editor.state.set_grid(GRIDS[1])  # 1/8 = 480 ticks
    QTest.keyClick(editor.canvas, Qt.Key_Q)
    assert melody(editor) == (Note(0, 60, 480, 90),)
    undo(editor)
    assert melody(editor) == (Note(130, 60, 500, 90),)


def test_number_keys_pick_the_grid_and_zero_toggles_snap(editor):
    """Keys 1-8 pick 1/4 .. 1/32T; 0 switches snapping off and on."""
    QTest.keyClick(editor.canvas, Qt.Key_1)
    assert editor.state.grid.label == "1/4"
    QTest.keyClick(editor.canvas, Qt.Key_6)
    assert editor.state.grid.label == "1/8T"
    assert editor.grid_combo.currentText() == "1/8T"
    QTest.keyClick(editor.canvas, Qt.Key_0)
    assert not editor.state.snap
    assert editor.grid_combo.currentText() == "Off"


def test_space_asks_to_play(editor, qtbot):
    """Space in the roll emits play_toggle_requested for the transport to handle."""
    with qtbot.waitSignal(editor.play_toggle_requested, timeout=500):
        QTest.keyClick(editor.canvas, Qt.Key_Space)


def test_copy_and_paste_at_the_playhead(editor):
    """Ctrl+C copies the selection; Ctrl+V pastes it at the playhead, selected."""
    editor.state.set_selection({C4, D4})
    QTest.keyClick(editor.canvas, Qt.Key_C, Qt.ControlModifier)
    editor.set_playhead(7680)
    QTest.keyClick(editor.canvas, Qt.Key_V, Qt.ControlModifier)
    pasted = {Note(7680, 60, 480, 90), Note(7680 + 960, 62, 480, 90)}
    assert pasted <= set(melody(editor))
    assert editor.state.selection == pasted
    undo(editor)
    assert melody(editor) == (C4, D4, E4, F4)


def test_cut_removes_and_paste_brings_back(editor):
    """Ctrl+X removes the selection; pasting at its old place restores the song."""
    editor.state.set_selection({E4})
    QTest.keyClick(editor.canvas, Qt.Key_X, Qt.ControlModifier)
    assert E4 not in melody(editor)
    editor.set_playhead(E4.start)
    QTest.keyClick(editor.canvas, Qt.Key_V, Qt.ControlModifier)
    assert melody(editor) == (C4, D4, E4, F4)


def test_up_arrow_in_the_kit_moves_a_hit_to_the_next_lane(editor, document):
    """With kit lanes, Up moves the selected kick to the snare lane (pitch 38)."""
    document.set_current_track(1)
    editor.action_kit_lanes.setChecked(True)
    kick = Note(0, 36, 120, 110)
    editor.state.set_selection({kick})
    QTest.keyClick(editor.canvas, Qt.Key_Up)
    assert Note(0, 38, 120, 110) in document.song.tracks[1].notes
    assert kick not in document.song.tracks[1].notes


def test_tool_keys_switch_tools(editor):
    """B, V, E and G pick the draw, select, erase and velocity tools; the tool bar follows."""
    for key, tool in ((Qt.Key_V, Tool.SELECT), (Qt.Key_E, Tool.ERASE), (Qt.Key_G, Tool.VELOCITY),
                      (Qt.Key_B, Tool.DRAW)):
        QTest.keyClick(editor.canvas, key)
        assert editor.state.tool == tool
        assert editor.tool_actions[tool].isChecked()
