"""Melody and DrumTrack event views of Tracks, with hand-worked expectations."""

from __future__ import annotations

import pytest

from composer_app.music.events import (
    DrumTrack,
    Melody,
    PolyphonicMelodyError,
    TimeSignatureError,
    drums_from_track,
    drums_to_notes,
    drums_to_track,
    melody_from_track,
    melody_to_notes,
    melody_to_track,
    steps_per_bar_for,
)
from composer_app.music.song import DRUM_CHANNEL, PPQ, Note, TimeSignature, Track

STEP = PPQ // 4  # one sixteenth at 4 steps per quarter


def track(*notes: tuple[int, int, int] | tuple[int, int, int, int]) -> Track:
    """A track from (start step, pitch, length in steps[, velocity]) tuples."""
    return Track(notes=tuple(Note(s * STEP, p, d * STEP, *v) for s, p, d, *v in notes))


def test_simple_melody_extraction():
    """Notes become note-ons, holds and note-offs; the final note-off is stripped."""
    melody = melody_from_track(track((0, 60, 2), (2, 62, 1), (4, 64, 2)))
    assert list(melody) == [60, -2, 62, -1, 64, -2]
    assert melody.start_step == 0 and melody.end_step == 6
    assert melody.steps_per_quarter == 4 and melody.steps_per_bar == 16


def test_melody_starts_at_the_bar_of_the_first_note():
    """A melody whose first note is in bar 2 starts at bar 2's first step."""
    melody = melody_from_track(track((20, 60, 1)))
    assert melody.start_step == 16
    assert list(melody) == [-2, -2, -2, -2, 60]


def test_highest_note_wins_and_overlaps_are_cut():
    """Simultaneous starts keep the highest pitch; a later note cuts the sounding one short."""
    melody = melody_from_track(track((0, 60, 4), (0, 67, 4), (2, 55, 4)))
    assert list(melody) == [67, -2, 55, -2, -2, -2]
    with pytest.raises(PolyphonicMelodyError):
        melody_from_track(track((0, 60, 4), (0, 67, 4)), ignore_polyphonic_notes=False)


def test_zero_velocity_notes_are_ignored():
    """Zero-velocity notes add nothing (but still place the start bar, as in note_seq)."""
    melody = melody_from_track(track((4, 72, 1, 0), (20, 60, 1)))
    assert melody.start_step == 0
    assert list(melody) == [-2] * 20 + [60]


def test_gap_ends_the_melody():
    """A silence of gap_bars bars after a note-off ends the melody there."""
    notes = track((0, 60, 1), (16, 62, 1), (40, 64, 1))
    assert list(melody_from_track(notes)) == [60, -1] + [-2] * 14 + [62]
    assert list(melody_from_track(track((0, 60, 1), (17, 62, 1)))) == [60]  # exactly one bar of rest
    two_bars = melody_from_track(notes, gap_bars=2)
    assert two_bars[-1] == 64 and len(two_bars) == 41


def test_pad_end_and_search_start():
    """pad_end fills to a bar boundary (turning the last note off); search_start_step skips earlier notes."""
    melody = melody_from_track(track((0, 60, 2)), pad_end=True)
    assert list(melody) == [60, -2, -1] + [-2] * 13
    later = melody_from_track(track((0, 60, 2), (35, 62, 1)), search_start_step=32)
    assert later.start_step == 32 and list(later) == [-2, -2, -2, 62]


def test_quantization_rounds_half_up_and_bumps_zero_length():
    """Starts round half up to the nearest step; a note shorter than a step lasts one step."""
    melody = melody_from_track(Track(notes=(Note(STEP // 2, 60, 10), Note(3 * STEP, 62, STEP))))
    assert list(melody) == [-2, 60, -1, 62]


def test_other_grids_and_time_signatures():
    """steps_per_quarter and steps_per_bar follow the caller, e.g. 3/4 at 2 steps per quarter."""
    assert steps_per_bar_for(TimeSignature(0, 3, 4), 2) == 6
    assert steps_per_bar_for(TimeSignature(0, 6, 8), 4) == 12
    with pytest.raises(TimeSignatureError, match="7/16 at 2 steps per quarter gives 3.5 steps per bar"):
        steps_per_bar_for(TimeSignature(0, 7, 16), 2)
    eighth = PPQ // 2
    melody = melody_from_track(
        Track(notes=(Note(7 * eighth, 60, eighth),)), steps_per_quarter=2, steps_per_bar=6
    )
    assert melody.start_step == 6 and list(melody) == [-2, 60]


def test_melody_to_notes_and_track():
    """Each note lasts until the next note-on or note-off, or to the melody's end."""
    melody = Melody([60, -2, 62, -1, -2, 64, -2], start_step=16)
    notes = melody_to_notes(melody, velocity=90, start_tick=10)
    base = 10 + 16 * STEP
    assert notes == [
        Note(base, 60, 2 * STEP, 90),
        Note(base + 2 * STEP, 62, STEP, 90),
        Note(base + 5 * STEP, 64, 2 * STEP, 90),
    ]
    assert melody_to_notes([60, 60]) == [Note(0, 60, STEP), Note(STEP, 60, STEP)]
    assert melody_to_notes([-2, -1]) == []
    made = melody_to_track([60, -2], name="Lead", program=73)
    assert made.name == "Lead" and made.program == 73 and made.notes == (Note(0, 60, 2 * STEP),)


def test_melody_round_trip_through_notes():
    """Notes from a melody extract back to the same melody."""
    melody = Melody([60, -2, 62, -1, -2, 64, 65, -2, -2, -1, 67])
    again = melody_from_track(melody_to_track(melody))
    assert list(again) == list(melody)


def test_melody_constructor_validates_and_cleans():
    """Events must lie in -2..127; note-offs before the first note become no-events."""
    assert list(Melody([-1, -1, 60, -1])) == [-2, -2, 60, -1]
    with pytest.raises(ValueError):
        Melody([60, 128])
    melody = Melody([60])
    with pytest.raises(ValueError):
        melody.append(-3)
    melody.append(-2)
    assert list(melody) == [60, -2]


def test_melody_set_length_ends_sustained_notes():
    """Lengthening a melody whose last note still sounds puts a note-off at the old end."""
    melody = Melody([60, -2])
    melody.set_length(4)
    assert list(melody) == [60, -2, -1, -2]
    melody.set_length(1)
    assert list(melody) == [60]


def test_transpose_folds_into_range():
    """Transposed pitches outside [min, max) move by octaves into it; special events stay."""
    melody = Melody([60, -2, 70, -1, 50])
    melody.transpose(5, 48, 72)
    assert list(melody) == [65, -2, 63, -1, 55]


def test_squash_to_c_major_centres_the_melody():
    """squash moves a G major tune to C and centres it in the range, returning the shift."""
    melody = Melody([79, 81, 83, 84, 86, 88, 90, 91])
    amount = melody.squash(48, 84, transpose_to_key=0)
    assert melody.get_major_key() == 0
    assert amount == -19
    assert all(48 <= e < 84 for e in melody)
    assert Melody([-2, -1]).squash(48, 84, 0) == 0
    assert Melody([100]).squash(48, 84, None) == 0


def test_drum_extraction():
    """Hits on one step form one event; the track starts at the first hit's bar; gaps end it."""
    drums = Track(
        is_drum=True,
        notes=tuple(
            Note(s * STEP, p, STEP, v)
            for s, p, v in [(16, 36, 100), (16, 42, 80), (18, 38, 100), (19, 46, 0), (60, 49, 100)]
        ),
    )
    extracted = drums_from_track(drums)
    assert extracted.start_step == 16
    assert list(extracted) == [frozenset({36, 42}), frozenset(), frozenset({38})]
    padded = drums_from_track(drums, pad_end=True, gap_bars=3)
    assert len(padded) == 48 and padded[44] == frozenset({49})


def test_drums_to_notes_and_track():
    """Every hit becomes a one-step note; the track is a drum track on MIDI channel 10."""
    drums = DrumTrack([{36, 42}, (), [38]], start_step=4)
    notes = drums_to_notes(drums, velocity=90)
    assert notes == [
        Note(4 * STEP, 36, STEP, 90),
        Note(4 * STEP, 42, STEP, 90),
        Note(6 * STEP, 38, STEP, 90),
    ]
    made = drums_to_track(drums)
    assert made.is_drum and made.channel == DRUM_CHANNEL
    again = drums_from_track(made)
    assert again.start_step == 0
    assert list(again) == [frozenset()] * 4 + [frozenset({36, 42}), frozenset(), frozenset({38})]
    with pytest.raises(ValueError):
        DrumTrack([{200}])


def test_empty_tracks_give_empty_events():
    """A track with no notes extracts to an empty melody and an empty drum track."""
    assert list(melody_from_track(Track())) == []
    assert list(drums_from_track(Track())) == []
