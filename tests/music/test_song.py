"""The canonical Song type: immutability, validation and time conversions."""

import dataclasses

import pytest

from composer_app.music.song import (
    PPQ,
    ChordSymbol,
    Note,
    Song,
    TempoChange,
    TimeSignature,
    Track,
    new_song,
    step_to_tick,
    tick_to_step,
    ticks_per_step,
)


def test_note_is_immutable_and_validated():
    """Notes cannot be changed in place and reject impossible values."""
    n = Note(start=0, pitch=60, duration=PPQ)
    with pytest.raises(dataclasses.FrozenInstanceError):
        n.pitch = 61
    for bad in (dict(pitch=128), dict(pitch=-1), dict(velocity=200), dict(start=-5), dict(duration=-1)):
        with pytest.raises(ValueError):
            Note(**{"start": 0, "pitch": 60, "duration": 10, **bad})


def test_track_keeps_notes_sorted():
    """A track sorts its notes by start so views can bisect them."""
    t = Track(notes=(Note(960, 62, 10), Note(0, 60, 10)))
    assert [n.start for n in t.notes] == [0, 960]
    assert t.end == 970


def test_track_order_breaks_ties_on_every_field_and_end_follows_edits():
    """Notes at one start are ordered by pitch, length, velocity (Note's order); end is where the last one ends,
    also after with_notes, and does not take part in equality."""
    tied = (Note(0, 60, 20, 9), Note(0, 60, 10, 90), Note(0, 59, 999, 1), Note(0, 60, 10, 5))
    track = Track(notes=tied)
    assert track.notes == tuple(sorted(tied))
    assert track.end == 999 and track.with_notes(tied[:2]).end == 20 and Track().end == 0
    assert track == Track(notes=tuple(sorted(tied))) and "end" not in repr(track)
    kept = track.with_notes_in_order(track.notes[1:])
    assert kept == track.with_notes(track.notes[1:]) and kept.end == track.with_notes(track.notes[1:]).end == 20


def test_long_tracks_are_sorted_whatever_field_breaks_the_order():
    """The column-wise order check of long tracks agrees with sorting, for an order broken in any one field."""
    import random

    rng = random.Random(3)
    base = sorted(Note(rng.randrange(50), rng.randrange(40, 44), rng.randrange(1, 4), rng.randrange(1, 4))
                  for _ in range(300))
    assert Track(notes=tuple(base)).notes == tuple(base)
    for _ in range(200):
        notes = list(base)
        i = rng.randrange(len(notes) - 1)
        notes[i], notes[i + 1] = notes[i + 1], notes[i]
        assert Track(notes=tuple(notes)).notes == tuple(base)


def test_song_edits_return_new_songs():
    """Editing helpers leave the original song untouched."""
    s = new_song()
    s2 = s.with_track(0, s.tracks[0].with_notes([Note(0, 60, PPQ)]))
    assert s.note_count == 0 and s2.note_count == 1
    assert [t.name for t in s.tracks] == ["Melody", "Drums"]
    assert s.tracks[1].is_drum and s.tracks[1].channel == 9


def test_tempo_map_always_starts_at_zero():
    """A first tempo given later than tick 0 is extended back to the start."""
    s = Song(tempos=(TempoChange(PPQ, 90.0),))
    assert s.tempos[0] == TempoChange(0, 90.0)
    assert s.qpm == 90.0


def test_seconds_follow_tempo_changes():
    """Tick-to-seconds integrates over each tempo segment and inverts exactly on whole ticks."""
    s = Song(tempos=(TempoChange(0, 120.0), TempoChange(4 * PPQ, 60.0)))
    assert s.tick_to_seconds(4 * PPQ) == pytest.approx(2.0)
    assert s.tick_to_seconds(5 * PPQ) == pytest.approx(3.0)
    for tick in (0, 17, 4 * PPQ, 5 * PPQ + 3):
        assert s.seconds_to_tick(s.tick_to_seconds(tick)) == tick


def test_bars_follow_time_signature_changes():
    """Length in bars counts 4/4 bars then 3/4 bars after a change."""
    s = Song(
        tracks=(Track(notes=(Note(0, 60, 4 * PPQ * 2 + 3 * PPQ * 2),)),),
        time_signatures=(TimeSignature(0, 4, 4), TimeSignature(8 * PPQ, 3, 4)),
    )
    assert s.bar_count() == pytest.approx(4.0)


def test_steps_quantize_like_note_seq():
    """Ticks round to the nearest step with halves going up, at any steps-per-quarter dividing PPQ."""
    assert ticks_per_step(4) == PPQ // 4
    tps = ticks_per_step(4)
    assert tick_to_step(tps // 2 - 1, 4) == 0
    assert tick_to_step(tps // 2, 4) == 1
    assert tick_to_step(step_to_tick(37, 3), 3) == 37
    with pytest.raises(ValueError):
        ticks_per_step(7)


def test_chords_are_sorted():
    """Chord symbols are kept in time order."""
    s = Song(chords=(ChordSymbol(PPQ, "G"), ChordSymbol(0, "C")))
    assert [c.figure for c in s.chords] == ["C", "G"]
