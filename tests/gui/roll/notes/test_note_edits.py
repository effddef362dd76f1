"""The pure note edits the roll's commands are made of."""

from composer_app.gui.roll.lanes import chromatic_lanes, kit_lanes
from composer_app.gui.roll.notes import edits as note_edits
from composer_app.music.song import Note, Track

A = Note(0, 60, 480, 90)
B = Note(960, 64, 240, 80)
TRACK = Track("t", notes=(A, B))


def test_move_clamps_at_tick_zero_and_the_pitch_range():
    """A move never pushes a note before tick 0 or beyond pitch 127."""
    track, moved = note_edits.move_notes(TRACK, {A, B}, -2000, -100, chromatic_lanes())
    assert sorted(moved) == [Note(0, 127 - 4, 480, 90), Note(960, 127, 240, 80)]
    assert track.notes == tuple(sorted(moved))


def test_copying_move_keeps_the_originals():
    """copy=True adds moved copies beside the originals."""
    track, moved = note_edits.move_notes(TRACK, {A}, 480, 0, chromatic_lanes(), copy=True)
    assert track.notes == (A, Note(480, 60, 480, 90), B)
    assert moved == {Note(480, 60, 480, 90)}


def test_moving_across_kit_lanes_uses_canonical_pitches():
    """In the kit view, moving a note up one lane gives it that lane's first pitch."""
    kick = Note(0, 35, 120, 100)
    track, moved = note_edits.move_notes(Track("d", notes=(kick,)), {kick}, 0, -1, kit_lanes())
    assert moved == {Note(0, 38, 120, 100)}


def test_resize_keeps_a_minimum_length():
    """Shrinking stops at min_length; growing the start edge never passes the end."""
    _, out = note_edits.resize_notes(TRACK, {A}, d_end=-1000, min_length=240)
    assert out == {Note(0, 60, 240, 90)}
    _, out = note_edits.resize_notes(TRACK, {A}, d_start=1000, min_length=240)
    assert out == {Note(240, 60, 240, 90)}


def test_quantize_snaps_starts_and_ends():
    """Quantizing moves starts and ends to the nearest line, at least one step long."""
    off = Note(130, 60, 20, 90)
    _, out = note_edits.quantize_notes(Track("q", notes=(off,)), {off}, 240)
    assert out == {Note(240, 60, 240, 90)}


def test_transpose_clamps_to_the_midi_range():
    """Transposing stops the whole group at the edge instead of distorting it."""
    _, out = note_edits.transpose_notes(TRACK, {A, B}, 100)
    assert sorted(n.pitch for n in out) == [123, 127]


def test_duplicate_places_the_copy_after_the_selection():
    """The copy starts one selection-length (rounded up to the grid) later."""
    track, out = note_edits.duplicate_notes(TRACK, {A, B}, 960)
    assert out == {A.moved(dt=1920), B.moved(dt=1920)}
    assert len(track.notes) == 4


def test_clip_and_paste_round_trip():
    """The clipboard holds notes relative to tick 0; pasting places them at a tick."""
    clip = note_edits.relative_clip({B})
    assert clip == [Note(0, 64, 240, 80)]
    track, out = note_edits.paste_notes(Track("p"), clip, 3840)
    assert track.notes == (Note(3840, 64, 240, 80),)


def test_set_velocities_clamps():
    """Velocities are kept within 1..127."""
    _, out = note_edits.set_velocities(TRACK, {A: 500, B: -3})
    assert sorted(n.velocity for n in out) == [1, 127]
