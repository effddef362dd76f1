"""Finding notes in view and under the mouse with bisection."""

from composer_app.gui.roll.lanes import chromatic_lanes
from composer_app.gui.roll.notes.index import NoteIndex, index_for
from composer_app.music.song import Note, Track

NOTES = (Note(0, 60, 3840), Note(960, 62, 240), Note(1920, 64, 240), Note(7680, 65, 240))
TRACK = Track("t", notes=NOTES)


def test_in_box_finds_long_notes_that_started_earlier():
    """A note that started before the box but still sounds in it is found."""
    index = NoteIndex(TRACK)
    assert index.in_box(1000, 2000, {60, 64}) == [0, 2]


def test_at_returns_the_note_under_a_tick_and_pitch():
    """at() finds the sounding note at a tick on given pitches, or None."""
    index = NoteIndex(TRACK)
    assert index.at(1000, {62}) == NOTES[1]
    assert index.at(1300, {62}) is None


def test_rows_and_positions_are_cached():
    """Rows per lane map and positions of a selection are computed once."""
    index = NoteIndex(TRACK)
    lanes = chromatic_lanes()
    assert index.rows_for(lanes) is index.rows_for(lanes)
    selection = frozenset(NOTES[1:3])
    assert index.positions_of(selection) == [1, 2]
    assert index.positions_of(selection) is index.positions_of(selection)


def test_views_share_one_index_per_track_version():
    """index_for gives the same index for the same track object, a new one for a new version."""
    assert index_for(TRACK) is index_for(TRACK)
    assert index_for(TRACK.with_notes(NOTES[:2])) is not index_for(TRACK)


def test_present_keeps_the_notes_that_are_in_the_track_for_small_and_big_sets():
    """A few notes are looked up by bisection, many by hashing; both keep exactly those in the track."""
    notes = [Note(i * 10, 60 + i % 7, 10) for i in range(300)]
    index = NoteIndex(Track("t", notes=notes))
    strangers = {Note(5, 60, 10), Note(3000, 61, 10)}
    for chosen in (set(notes[:3]), set(notes[::2])):
        assert index.present(chosen | strangers) == frozenset(chosen)
