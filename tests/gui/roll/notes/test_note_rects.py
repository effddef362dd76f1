"""Cached note rectangles: content pixels, groups, time slices and the selection subset."""

from composer_app.gui.roll.lanes import chromatic_lanes
from composer_app.gui.roll.notes.index import NoteIndex
from composer_app.gui.roll.notes.rects import MIN_NOTE_PX, NoteRects
from composer_app.music.song import Note, Track

INDEX = NoteIndex(Track("t", notes=(Note(0, 60, 960, 20), Note(960, 62, 10, 120), Note(7680, 64, 480, 120))))


def test_rects_are_in_content_pixels_with_a_minimum_width():
    """x from tick 0, y from row 0; very short notes keep a visible width."""
    rects = NoteRects(INDEX, 0.1, 10, chromatic_lanes(), None, 1)
    first, second, _ = rects.groups[0].rects
    assert (first.x(), first.y(), first.width(), first.height()) == (0, (127 - 60) * 10, 96, 10)
    assert second.width() == MIN_NOTE_PX


def test_groups_follow_keys_and_slice_by_time():
    """Notes go to the group their key names; between() slices by start, allowing for long notes."""
    rects = NoteRects(INDEX, 0.1, 10, chromatic_lanes(), INDEX.shades(2), 2)
    assert [len(g.rects) for g in rects.groups] == [1, 2]
    loud = rects.groups[1]
    assert loud.rects[loud.between(7000, 8000, rects.max_duration)] == [loud.rects[1]]


def test_subset_and_without_split_the_selection_out():
    """The selected notes form their own group and leave the others."""
    rects = NoteRects(INDEX, 0.1, 10, chromatic_lanes(), None, 1)
    selected = rects.subset([1], INDEX.starts)
    assert selected.positions == [1]
    assert rects.without({1})[0].positions == [0, 2]
