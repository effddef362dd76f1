"""Polyphony RNN's pipeline: Magenta's spans, transpositions, bounds and discards on hand-made chorales."""

from __future__ import annotations

from dataclasses import replace

from composer_app.models.training.pipelines.polyphony import extract_polyphony
from composer_app.music.encodings import polyphony as poly
from composer_app.music.song import PPQ, TempoChange
from tests.models.training.pipelines.timed_pieces import chorale


def test_a_chorale_gives_nine_transpositions_of_its_steps():
    """Six bars of 16ths are 96 steps, kept in all nine transpositions (-4..+4); one copy is plain."""
    found, stats = extract_polyphony(chorale(6))
    assert len(found) == 9 and stats["polyphonic_tracks_kept"] == 9 and stats["transpositions_generated"] == 9
    assert sum(s.plain for s in found) == 1
    plain = next(s for s in found if s.plain).events
    assert poly.num_steps(plain) == 96 and plain[0] == (poly.START, None) and plain[-1] == (poly.END, None)
    assert plain[1:6] == ((poly.NEW_NOTE, 72), (poly.NEW_NOTE, 67), (poly.NEW_NOTE, 64), (poly.NEW_NOTE, 48),
                          (poly.STEP_END, None))
    assert plain[6:11] == ((poly.CONTINUED_NOTE, 72), (poly.CONTINUED_NOTE, 67), (poly.CONTINUED_NOTE, 64),
                           (poly.CONTINUED_NOTE, 48), (poly.STEP_END, None))
    lowest = {min(p for t, p in s.events if t == poly.NEW_NOTE) for s in found}
    assert lowest == set(range(43 - 4, 43 + 5))


def test_too_short_and_too_long_pieces_are_discarded():
    """Under 80 steps (5 bars) or over 512 (32 bars) Magenta's extractor drops the span, in every key."""
    _, short = extract_polyphony(chorale(4))
    assert short["polyphonic_tracks_discarded_too_short"] == 9 and not short["polyphonic_tracks_kept"]
    found, long = extract_polyphony(chorale(33))
    assert not found and long["polyphonic_tracks_discarded_too_long"] == 9
    assert len(extract_polyphony(chorale(32))[0]) == 9  # exactly 512 steps is kept


def test_transpositions_leaving_the_midi_range_are_skipped():
    """With a top note of 125, transposing up 3 or 4 semitones would pass 127: those two copies are skipped."""
    found, stats = extract_polyphony(chorale(6, shift=49))
    assert len(found) == 7 and stats["skipped_due_to_range_exceeded"] == 2


def test_a_tempo_change_splits_the_piece():
    """A tempo change starts a new span, each quantized at its own tempo (two spans of 96 steps)."""
    song = chorale(12)
    song = replace(song, tempos=(TempoChange(0, 100.0), TempoChange(6 * 4 * PPQ, 60.0)))
    found, stats = extract_polyphony(song)
    assert stats["polyphonic_tracks_kept"] == 18
    assert {poly.num_steps(s.events) for s in found} == {96}


def test_more_than_one_program_is_discarded():
    """Magenta keeps a polyphonic sequence only when all its notes share one program."""
    song = chorale(6)
    song = song.with_track(0, song.tracks[0].replace(program=40))
    found, stats = extract_polyphony(song)
    assert not found and stats["polyphonic_tracks_discarded_more_than_1_program"] == 9
