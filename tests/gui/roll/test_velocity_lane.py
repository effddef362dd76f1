"""The velocity lane: a stroke across stems paints velocities, as one undo step."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.gui.roll_helpers import drag


def test_a_horizontal_stroke_sets_every_crossed_note(editor, document):
    """Dragging across the lane at the top sets every crossed note to full velocity."""
    lane = editor.velocity_lane
    x0 = round(editor.viewport.tick_to_x(0))
    x1 = round(editor.viewport.tick_to_x(2000))
    count = document.undo_stack.count()
    drag(lane, QPoint(x0, 2), QPoint(x1, 2), steps=6)
    velocities = [n.velocity for n in document.song.tracks[0].notes]
    assert velocities == [127, 127, 127, 90]
    assert document.undo_stack.count() == count + 1
    document.undo_stack.undo()
    assert [n.velocity for n in document.song.tracks[0].notes] == [90] * 4


def test_only_selected_notes_are_painted_when_there_is_a_selection(editor, document):
    """With notes selected, a stroke changes those notes only, and keeps them selected."""
    notes = document.song.tracks[0].notes
    editor.state.set_selection({notes[1]})
    lane = editor.velocity_lane
    y = lane.height() - 8
    drag(lane, QPoint(0, y), QPoint(round(editor.viewport.tick_to_x(3000)), y))
    after = document.song.tracks[0].notes
    assert after[0].velocity == 90 and after[2].velocity == 90
    assert after[1].velocity < 20
    assert editor.state.selection == {after[1]}


def test_click_sets_one_stem(editor, document):
    """A click on a stem sets that note's velocity to the clicked height."""
    lane = editor.velocity_lane
    x = round(editor.viewport.tick_to_x(960)) + 1
    QTest.mouseClick(lane, Qt.LeftButton, Qt.NoModifier, QPoint(x, lane.height() // 2))
    assert 55 <= document.song.tracks[0].notes[1].velocity <= 72


def test_stems_without_some_notes_are_the_others_in_order():
    """Cutting the selected stems out leaves every other stem, in start order."""
    from composer_app.gui.roll.notes.index import NoteIndex
    from composer_app.gui.roll.velocity_lane import _Stems
    from composer_app.music.song import Note, Track

    index = NoteIndex(Track("t", notes=[Note(i * 60, 60 + i % 5, 60, 1 + i) for i in range(50)]))
    stems = _Stems(index, range(len(index)), 0.1, lambda v: 100 - v / 2)
    chosen = [0, 7, 8, 49]
    rest = stems.without(chosen)
    others = [i for i in range(len(index)) if i not in chosen]
    assert rest.starts == [index.starts[i] for i in others]
    assert [r.getRect() for r in rest.lines] == [stems.lines[i].getRect() for i in others]
    assert [r.getRect() for r in rest.heads] == [stems.heads[i].getRect() for i in others]
