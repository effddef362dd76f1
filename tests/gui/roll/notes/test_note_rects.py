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


def test_cutting_out_a_small_or_a_large_selection_leaves_the_same_groups():
    """A click's selection is cut out by slices, a big one by a pass; both leave exactly the unselected notes."""
    import random

    from composer_app.gui.roll.notes import rects as rects_module

    rng = random.Random(5)
    notes = [Note(rng.randrange(0, 9600), rng.randrange(48, 72), 120, rng.randrange(1, 128)) for _ in range(400)]
    index = NoteIndex(Track("t", notes=notes))
    rects = NoteRects(index, 0.1, 10, chromatic_lanes(), index.shades(4), 4)
    for size in (1, 5, 60):
        chosen = set(rng.sample(range(len(index)), size))
        sliced = rects.without(chosen)
        expected = [[p for p in g.positions if p not in chosen] for g in rects.groups]
        assert [g.positions for g in sliced] == expected
        assert [[r.getRect() for r in g.rects] for g in sliced] == [
            [rects.rect_at[p].getRect() for p in ps] for ps in expected]
        old_few, rects_module.FEW = rects_module.FEW, 0  # the pass over every note
        try:
            assert [g.positions for g in rects.without(chosen)] == expected
        finally:
            rects_module.FEW = old_few
