"""The track list: picking, adding, removing, reordering and changing tracks, each undoable."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.song.track_list import TrackList
from composer_app.music.song import DRUM_CHANNEL


@pytest.fixture
def tracks(qtbot, document):
    widget = TrackList(document)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def names(document):
    return [t.name for t in document.song.tracks]


def test_rows_show_name_instrument_and_picking_a_row_sets_the_current_track(tracks, document):
    """Each track has a row; choosing one makes it the track the roll edits."""
    assert tracks.list.count() == 2
    assert tracks.row_widget(1).instrument.currentText() == "Drum kit"
    assert tracks.row_widget(0).instrument.currentText() == "1 Acoustic Grand Piano"
    tracks.list.setCurrentRow(1)
    assert document.current_track == 1


def test_add_remove_and_undo(tracks, document):
    """Adding a track selects it; removing it and undoing both restore the list exactly."""
    tracks.add_track()
    assert names(document) == ["Melody", "Drums", "Track 3"]
    assert document.current_track == 2
    assert document.song.tracks[2].channel not in (0, DRUM_CHANNEL)
    tracks.remove_current()
    assert names(document) == ["Melody", "Drums"]
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert names(document) == ["Melody", "Drums"]
    tracks.add_track(drums=True)
    assert document.song.tracks[2].is_drum


def test_reorder_moves_track_and_its_look(tracks, document):
    """Moving a track down swaps it with the next, colour and all."""
    colors = [look.color for look in document.looks]
    QTest.mouseClick(tracks.down_button, Qt.LeftButton)
    assert names(document) == ["Drums", "Melody"]
    assert [look.color for look in document.looks] == colors[::-1]
    assert document.current_track == 1
    document.undo_stack.undo()
    assert names(document) == ["Melody", "Drums"]


def test_rename_and_change_instrument(tracks, document):
    """Editing the name and picking an instrument change the track through commands."""
    row = tracks.row_widget(0)
    row.start_rename()  # the name is plain text until a double-click or F2
    row.name_edit.setText("Lead")
    row.name_edit.editingFinished.emit()
    assert names(document)[0] == "Lead"
    tracks.row_widget(0).instrument.setCurrentIndex(41)  # program 40, Violin
    assert document.song.tracks[0].program == 40
    tracks.row_widget(0).instrument.setCurrentIndex(0)
    assert document.song.tracks[0].is_drum and document.song.tracks[0].channel == DRUM_CHANNEL
    for _ in range(3):
        document.undo_stack.undo()
    assert names(document)[0] == "Melody" and document.song.tracks[0].program == 0


def test_mute_and_solo_buttons(tracks, document):
    """M and S toggle the track's mute and solo, which decide what is audible."""
    QTest.mouseClick(tracks.row_widget(1).mute, Qt.LeftButton)
    assert document.looks[1].muted
    assert document.audible_tracks() == [0]
    QTest.mouseClick(tracks.row_widget(1).solo, Qt.LeftButton)
    assert document.audible_tracks() == [1]


def test_the_last_track_cannot_be_removed(tracks, document):
    """A song keeps at least one track."""
    tracks.remove_current()
    assert len(document.song.tracks) == 1
    tracks.remove_current()
    assert len(document.song.tracks) == 1


def _row_points(row):
    """Points on a row: its name, its colour swatch, and the empty space right of the name."""
    from PySide6.QtCore import QPoint

    name = row.name_edit.geometry()
    swatch = row.color_button
    return {"name": (row, name.center()), "colour": (swatch, swatch.rect().center()),
            "space": (row, QPoint(name.left() + 2, row.height() - 2))}


@pytest.mark.parametrize("where", ["name", "colour", "space"])
def test_a_click_anywhere_on_a_row_selects_its_track(tracks, document, where):
    """Clicking the drum track's name, its colour or the space around them makes it the edited track."""
    assert document.current_track == 0
    widget, point = _row_points(tracks.row_widget(1))[where]
    QTest.mouseClick(widget, Qt.LeftButton, Qt.NoModifier, point)
    assert document.current_track == 1
    assert tracks.list.currentRow() == 1
    assert not tracks.row_widget(1).editing  # a single click never starts a rename


def test_the_name_edits_on_double_click_or_f2(tracks, document):
    """A double-click on the name, or F2 in the list, opens the name for editing; Return renames the track."""
    row = tracks.row_widget(1)
    widget, point = _row_points(row)["name"]
    QTest.mouseDClick(widget, Qt.LeftButton, Qt.NoModifier, point)
    assert row.editing and document.current_track == 1
    row.name_edit.setText("Kit")
    QTest.keyClick(row.name_edit, Qt.Key_Return)
    assert names(document)[1] == "Kit"
    document.set_current_track(0)
    tracks.list.setFocus()
    QTest.keyClick(tracks.list, Qt.Key_F2)
    assert tracks.row_widget(0).editing


def test_the_selected_track_is_marked_in_the_list_and_the_roll(qtbot, window):
    """The edited track's row carries the accent bar and a bold name, and the roll names the track it shows."""
    window.document.set_current_track(1)
    rows = [window.track_list.row_widget(i) for i in range(2)]
    assert "transparent" not in rows[1].marker.styleSheet() and "transparent" in rows[0].marker.styleSheet()
    assert rows[1].name_edit.font().bold() and not rows[0].name_edit.font().bold()
    assert "Drums" in window.editor.track_label.text()
    window.document.set_current_track(0)
    assert "Melody" in window.editor.track_label.text()
