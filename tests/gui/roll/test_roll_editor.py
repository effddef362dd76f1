"""The editor's public API (playhead, loop, overlay), zoom and scroll, and drum lanes."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from composer_app.music.song import Note


def wheel(widget, dy: int, modifiers=Qt.NoModifier, pos=QPoint(200, 100)):
    event = QWheelEvent(QPointF(pos), QPointF(widget.mapToGlobal(pos)), QPoint(), QPoint(0, dy), Qt.NoButton,
                        modifiers, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_set_playhead_moves_it_and_follows_when_asked(editor):
    """set_playhead updates the playhead; with follow on, the view pages to keep it in sight."""
    editor.set_playhead(3840 * 10)
    assert editor.playhead == 3840 * 10
    left, right = editor.viewport.visible_ticks()
    assert left <= 3840 * 10 <= right
    editor.action_follow.setChecked(False)
    editor.set_playhead(0)
    assert editor.viewport.left_tick > 0


def test_loop_region_is_none_until_looping_is_on(editor, qtbot):
    """loop_region reads None while looping is off and (start, end) when on."""
    assert editor.loop_region is None
    with qtbot.waitSignal(editor.loop_region_changed) as blocker:
        editor.state.set_loop(0, 3840)
    assert blocker.args == [(0, 3840)]
    assert editor.loop_region == (0, 3840)
    editor.action_loop.setChecked(False)
    assert editor.loop_region is None


def test_overlay_shows_notes_that_are_not_in_the_song(editor):
    """set_overlay keeps candidate notes apart from the song; clear_overlay removes them."""
    before = editor.document.song
    editor.set_overlay([Note(0, 72, 480)], "#ff00ff")
    assert editor.state.overlay == {None: (Note(0, 72, 480),)}
    editor.canvas.repaint()
    editor.set_overlay({1: [Note(0, 36, 120)]})
    assert 1 in editor.state.overlay
    editor.clear_overlay()
    assert editor.state.overlay == {}
    assert editor.document.song is before


def test_wheel_scrolls_and_ctrl_wheel_zooms(editor):
    """Wheel scrolls rows, Shift+wheel scrolls time, Ctrl+wheel zooms time."""
    vp = editor.viewport
    top = vp.top_row
    wheel(editor.canvas, -120)
    assert vp.top_row > top
    left = vp.left_tick
    wheel(editor.canvas, -120, Qt.ShiftModifier)
    assert vp.left_tick > left
    zoom = vp.px_per_tick
    wheel(editor.canvas, 120, Qt.ControlModifier)
    assert vp.px_per_tick > zoom
    rows = vp.row_height
    wheel(editor.canvas, 120, Qt.ControlModifier | Qt.ShiftModifier)
    assert vp.row_height > rows


def test_zoom_fit_shows_the_whole_song(editor):
    """Fit puts the whole song in view across and the notes' pitches down."""
    editor.zoom_fit()
    left, right = editor.viewport.visible_ticks()
    assert left == 0 and right >= 3840 * 8
    first, last = editor.viewport.visible_rows()
    lanes = editor.viewport.lanes
    assert first <= lanes.row_of(65) and lanes.row_of(60) <= last


def test_drum_track_shows_drum_names_and_the_nine_lane_kit(editor, document):
    """A drum track labels rows with GM drum names; the kit option shows Magenta's nine lanes."""
    document.set_current_track(1)
    assert editor.keyboard.drum_names
    assert editor.viewport.lanes.label(editor.viewport.lanes.row_of(38)) == "Acoustic Snare"
    editor.action_kit_lanes.setChecked(True)
    assert editor.viewport.lanes.rows == 9
    assert editor.viewport.lanes.label(8) == "Kick"
    editor.keyboard.repaint()
    editor.canvas.repaint()
    document.set_current_track(0)
    assert editor.viewport.lanes.rows == 128
    assert not editor.keyboard.drum_names


def test_keyboard_click_asks_for_a_preview(editor, qtbot):
    """Clicking a key asks the audio side to sound that pitch."""
    vp = editor.viewport
    y = round(vp.row_to_y(vp.lanes.row_of(60)) + vp.row_height / 2)
    from PySide6.QtTest import QTest

    with qtbot.waitSignal(editor.note_preview_requested) as blocker:
        QTest.mouseClick(editor.keyboard, Qt.LeftButton, Qt.NoModifier, QPoint(10, y))
    assert blocker.args[0] == 60


def test_changing_track_clears_the_selection(editor, document):
    """The selection belongs to the current track, so switching tracks clears it."""
    editor.actions.select_all()
    assert editor.state.selection
    document.set_current_track(1)
    assert not editor.state.selection


def test_a_track_whose_notes_are_out_of_view_is_scrolled_to_when_chosen(editor, document):
    """The drum track (kick and snare, far below the melody's rows) comes into view when chosen; the time shown stays;
    choosing the melody again, whose notes are then out of view too, brings them back."""
    vp = editor.viewport
    vp.scroll_to(left_tick=960)
    first, last = vp.visible_rows()
    assert not first <= vp.lanes.row_of(36) <= last  # the fixture shows C3..C6
    document.set_current_track(1)
    first, last = vp.visible_rows()
    assert first <= vp.lanes.row_of(36) <= last and first <= vp.lanes.row_of(38) <= last
    assert vp.left_tick == 960
    document.set_current_track(0)
    first, last = vp.visible_rows()
    assert any(first <= vp.lanes.row_of(p) <= last for p in (60, 62, 64, 65))
