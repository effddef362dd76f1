"""The chord lane inside the main window: its Delete beats the window's note Delete, and chords survive a save."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from composer_app.music.song import Note

BAR = 3840


def test_delete_in_the_lane_removes_the_chord_not_the_notes(window):
    """With notes selected in the roll and a chord selected in the lane, Delete there removes only the chord."""
    doc, editor = window.document, window.editor
    doc.edit_track(0, doc.song.tracks[0].with_notes([Note(0, 60, 480, 90)]), "note")
    editor.state.set_selection(doc.song.tracks[0].notes)
    editor.chord_lane.edits.set_chord(BAR, "Em")
    lane = editor.chord_lane
    editor.viewport.scroll_to(left_tick=0)
    QTest.mouseClick(lane, Qt.LeftButton, Qt.NoModifier,
                     QPoint(round(editor.viewport.tick_to_x(BAR)) + 6, lane.height() // 2))
    assert lane.selected == BAR and lane.hasFocus()
    QTest.keyClick(lane, Qt.Key_Delete)
    assert doc.song.chords == () and len(doc.song.tracks[0].notes) == 1


def test_typed_chords_and_their_track_come_back_from_the_project_file(window, tmp_path):
    """Chords typed in the lane and the Chords track are saved in the project and read back as they were."""
    editor = window.editor
    for bar, figure in enumerate(("Dm7", "G7", "Cmaj7")):
        editor.chord_lane.edits.set_chord(bar * BAR, figure)
    editor.chord_lane.play_on_track()
    saved = window.document.song
    path = tmp_path / "song.composer"
    assert window.files.save_to(path)
    window.document.new()
    assert window.document.song.chords == ()
    assert window.files.open_path(path, ask=False)
    assert window.document.song.chords == saved.chords
    assert window.document.song.tracks[-1] == saved.tracks[-1]
    assert editor.chord_lane.chord_at_x(editor.viewport.tick_to_x(BAR) + 4) == BAR
