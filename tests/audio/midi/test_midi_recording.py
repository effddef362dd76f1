"""Recording turns played MIDI into song notes: timing through the tempo map, re-strikes, sustain, quantize."""

from __future__ import annotations

import mido
import pytest

from composer_app.audio.midi.recording import Recording
from composer_app.music.song import PPQ, Note, Song, TempoChange

on = lambda pitch, velocity=90, channel=0: mido.Message("note_on", note=pitch, velocity=velocity, channel=channel)  # noqa: E731
off = lambda pitch, channel=0: mido.Message("note_off", note=pitch, channel=channel)  # noqa: E731
pedal = lambda value: mido.Message("control_change", control=64, value=value)  # noqa: E731


def test_notes_land_at_the_ticks_heard_from_the_start_point():
    """At 120 qpm a quarter note is 0.5 s: a note played 0.5 s in, held 0.25 s, is an eighth on beat 2."""
    rec = Recording(Song(), start_tick=4 * PPQ)
    rec.feed(on(60, 80), 0.5)
    done = rec.feed(off(60), 0.75)
    assert done == Note(5 * PPQ, 60, PPQ // 2, 80)
    assert rec.notes(1.0) == (done,)


def test_time_follows_a_tempo_change():
    """After a change to 60 qpm at beat 2, one second is one beat, not two."""
    song = Song(tempos=(TempoChange(0, 120.0), TempoChange(2 * PPQ, 60.0)))
    rec = Recording(song, start_tick=0)
    rec.feed(on(62), 1.0)  # exactly at the change
    rec.feed(off(62), 2.0)
    assert rec.notes(2.0) == (Note(2 * PPQ, 62, PPQ, 90),)


def test_velocity_zero_ends_a_note_and_a_restrike_starts_a_new_one():
    """note_on with velocity 0 is a release; striking a held key again ends the first note there."""
    rec = Recording(Song(), 0)
    rec.feed(on(64), 0.0)
    first = rec.feed(on(64, 100), 0.25)
    rec.feed(on(64, 0), 0.5)
    assert first == Note(0, 64, PPQ // 2, 90)
    assert rec.notes(1.0) == (first, Note(PPQ // 2, 64, PPQ // 2, 100))


def test_the_sustain_pedal_holds_released_notes_until_it_lifts():
    """Keys released with the pedal down sound until the pedal comes up."""
    rec = Recording(Song(), 0)
    rec.feed(pedal(127), 0.0)
    rec.feed(on(60), 0.0)
    assert rec.feed(off(60), 0.25) is None
    rec.feed(pedal(0), 1.0)
    assert rec.notes(2.0) == (Note(0, 60, 2 * PPQ, 90),)


def test_held_notes_grow_and_end_at_the_time_asked():
    """A key still down is drawn as long as it is by now, and ends there in the result."""
    rec = Recording(Song(), 0)
    rec.feed(on(67), 0.0)
    assert rec.held(0.5) == [Note(0, 67, PPQ, 90)]
    assert rec.notes(1.0) == (Note(0, 67, 2 * PPQ, 90),)


@pytest.mark.parametrize("grid", [PPQ // 4, PPQ // 2])
def test_quantize_snaps_starts_and_lengths_to_the_grid(grid):
    """A slightly late, slightly short note snaps to the grid; a tiny one keeps one step."""
    rec = Recording(Song(), 0)
    rec.feed(on(60), 0.51)
    rec.feed(off(60), 0.74)
    rec.feed(on(62), 1.0)
    rec.feed(off(62), 1.01)
    notes = rec.notes(2.0, quantize=grid)
    assert notes[0].start == PPQ and notes[0].duration == max(grid, round(0.23 * 2 * PPQ / grid) * grid)
    assert notes[1] == Note(2 * PPQ, 62, grid, 90)


def test_a_channel_filter_ignores_other_channels():
    """Recording from one channel leaves notes on the others out."""
    rec = Recording(Song(), 0, channel=1)
    rec.feed(on(60, channel=0), 0.0)
    rec.feed(on(61, channel=1), 0.0)
    assert [n.pitch for n in rec.notes(0.5)] == [61]
