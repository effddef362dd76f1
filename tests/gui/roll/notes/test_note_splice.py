"""A small edit as a splice: derived indexes, rects and positions equal those built from scratch."""

from __future__ import annotations

import random

import pytest

from composer_app.gui.roll.lanes import chromatic_lanes
from composer_app.gui.roll.notes import edits
from composer_app.gui.roll.notes.index import NoteIndex, index_for, splice_between
from composer_app.gui.roll.notes.rects import NoteRects
from composer_app.gui.roll.notes.splice import Splice, between
from composer_app.music.song import Note, Track


def _track(rng: random.Random, count: int) -> Track:
    notes = [Note(rng.randrange(0, 40) * 60, rng.randrange(58, 66), rng.choice((60, 120, 960)), rng.randrange(1, 128))
             for _ in range(count)]
    return Track("t", notes=notes + notes[:3])  # a few exact duplicates, which edits remove every copy of


def _edit(rng: random.Random, track: Track) -> tuple[Track, set[Note], list[Note]]:
    removed = set(rng.sample(track.notes, rng.randrange(0, 5)))
    added = [Note(rng.randrange(0, 40) * 60, rng.randrange(58, 66), 120, rng.randrange(1, 128))
             for _ in range(rng.randrange(0, 5))]
    added += rng.sample(track.notes, 1)  # a copy of a note that is already there
    kept = [n for n in track.notes if n not in removed]
    return Track("t", notes=kept + added), removed, added


@pytest.mark.parametrize("seed", range(40))
def test_the_splice_of_an_edit_turns_the_old_notes_into_the_new(seed):
    """apply() rebuilds the new list, moved() maps survivors to their new places, reverse() undoes it."""
    rng = random.Random(seed)
    old = _track(rng, 60)
    new, removed, added = _edit(rng, old)
    splice = between(old.notes, new.notes, removed, added)
    assert splice.apply(old.notes, lambda p: new.notes[p]) == list(new.notes)
    assert splice.reverse.apply(new.notes, lambda p: old.notes[p]) == list(old.notes)
    dead, moved = splice.moved(list(range(len(old.notes))))
    assert [n for k, n in enumerate(old.notes) if k not in dead] == [new.notes[p] for p in moved]
    assert [old.notes[k] for k in dead] == [n for n in old.notes if n in removed]
    some = sorted(rng.sample(range(len(old.notes)), 20))  # a group's positions: a sorted part of the track
    dead, moved = splice.moved(some)
    assert [old.notes[p] for k, p in enumerate(some) if k not in dead] == [new.notes[p] for p in moved]
    assert [old.notes[some[k]] for k in dead] == [old.notes[p] for p in some if old.notes[p] in removed]


def test_a_splice_is_refused_when_the_lists_do_not_match_the_edit():
    """A claimed edit that does not explain the new list gives no splice (the views then rebuild)."""
    a, b, c = Note(0, 60, 10), Note(10, 60, 10), Note(20, 60, 10)
    assert between((a, b), (a, c), {b}, [b]) is None
    assert between((a, b), (a,), set(), []) is None
    assert between((a, b), (a, c), {b}, [c]) == Splice((1,), (1,))


@pytest.mark.parametrize("seed", range(20))
def test_a_derived_index_and_its_rects_equal_fresh_ones(seed):
    """An edit made by the roll's edit functions derives the index and rects; both equal those built anew."""
    rng = random.Random(seed)
    lanes = chromatic_lanes()
    old = _track(rng, 80)
    parent = index_for(old)
    parent.rows_for(lanes), parent.shades(4)
    old_rects = NoteRects(parent, 0.25, 9, lanes, parent.shades(4), 4)
    chosen = rng.sample(old.notes, 3)
    new, selection = edits.move_notes(old, chosen, rng.randrange(-3, 4) * 60, rng.randrange(-2, 3), lanes)
    child = index_for(new)
    assert child.lineage is not None and splice_between(parent, child) is child.lineage[1]
    fresh = NoteIndex(new)
    for name in ("notes", "starts", "ends", "pitches", "velocities"):
        assert list(getattr(child, name)) == list(getattr(fresh, name)), name
    assert child.rows_for(lanes) == fresh.rows_for(lanes) and child.shades(4) == fresh.shades(4)
    assert child.max_duration >= fresh.max_duration
    derived = NoteRects.derived(old_rects, child, child.lineage[1], child.shades(4))
    built = NoteRects(fresh, 0.25, 9, lanes, fresh.shades(4), 4)
    assert [[(p, s, r.getRect()) for p, s, r in zip(g.positions, g.starts, g.rects)] for g in derived.groups] == \
        [[(p, s, r.getRect()) for p, s, r in zip(g.positions, g.starts, g.rects)] for g in built.groups]
    assert [r and r.getRect() for r in derived.rect_at] == [r and r.getRect() for r in built.rect_at]
    back = NoteRects.derived(derived, parent, splice_between(child, parent), parent.shades(4))  # an undo
    assert [[r.getRect() for r in g.rects] for g in back.groups] == [[r.getRect() for r in g.rects]
                                                                     for g in old_rects.groups]


def test_a_large_edit_is_rebuilt_not_spliced():
    """Past the splice limit the new track's index is built from scratch (no lineage)."""
    old = Track("t", notes=[Note(i * 10, 60, 5) for i in range(600)])
    index_for(old)
    new, _ = edits.move_notes(old, old.notes[:300], 5, 0, chromatic_lanes())
    assert index_for(new).lineage is None
