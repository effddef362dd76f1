"""Chord symbols along time: the figure of every model step, and the block chords that play them."""

from __future__ import annotations

from composer_app.music.chord_timeline import (
    ACCOMPANIMENT_NAME,
    accompaniment_notes,
    accompaniment_track,
    chord_at,
    chord_spans,
    figures_per_step,
    voicing,
)
from composer_app.music.song import ChordSymbol, TimeSignature

BAR = 3840
STEP = 240  # a 16th note: Improv RNN's step at 4 steps per quarter
C_AM = (ChordSymbol(BAR, "C"), ChordSymbol(2 * BAR, "Am7"), ChordSymbol(3 * BAR, "N.C."))


def test_every_step_gets_the_chord_sounding_at_its_tick():
    """From bar 1: 16 N.C. steps before the first chord, then 16 of C, 16 of Am7, then N.C. again."""
    figures = figures_per_step(C_AM, 0, 64, STEP)
    assert figures == ("N.C.",) * 16 + ("C",) * 16 + ("Am7",) * 16 + ("N.C.",) * 16


def test_steps_from_a_later_origin_and_a_chord_between_steps():
    """A chord a few ticks after a step's tick starts at the next step; an origin inside a chord starts with it."""
    chords = (ChordSymbol(0, "F"), ChordSymbol(STEP * 2 + 5, "G"))
    assert figures_per_step(chords, 0, 4, STEP) == ("F", "F", "F", "G")
    assert figures_per_step(C_AM, BAR + STEP * 15, 2, STEP) == ("C", "Am7")


def test_chord_at_and_spans():
    """chord_at reads the chord sounding; the last chord's span runs to the given end."""
    assert chord_at(C_AM, BAR - 1) == "N.C." and chord_at(C_AM, BAR) == "C" and chord_at(C_AM, 10 * BAR) == "N.C."
    assert list(chord_spans(C_AM[:2], 4 * BAR)) == [(BAR, 2 * BAR, "C"), (2 * BAR, 4 * BAR, "Am7")]


def test_voicings_are_root_position_with_the_bass_below():
    """C: C3 E3 G3 over C2; G/B: G3 B3 D4 over B2; Am7 stacks A3 C4 E4 G4; N.C. is silent."""
    assert voicing("C") == [36, 48, 52, 55]
    assert voicing("G/B") == [47, 55, 59, 62]
    assert voicing("Am7") == [45, 57, 60, 64, 67]
    assert voicing("N.C.") == []


def test_accompaniment_strikes_each_chord_again_at_every_bar():
    """C held for two bars sounds twice (bar 1 and bar 2), Am7 once; N.C. and unreadable chords are silent."""
    chords = (ChordSymbol(0, "C"), ChordSymbol(2 * BAR, "Am7"), ChordSymbol(3 * BAR, "Zz"))
    notes = accompaniment_notes(chords, 4 * BAR)
    assert sorted({(n.start, n.duration) for n in notes}) == [(0, BAR), (BAR, BAR), (2 * BAR, BAR)]
    assert {n.pitch for n in notes if n.start == 2 * BAR} == set(voicing("Am7"))


def test_accompaniment_follows_a_time_signature_change():
    """In 3/4 the chord is struck again every three beats."""
    notes = accompaniment_notes((ChordSymbol(0, "D"),), 3 * 2880, (TimeSignature(0, 3, 4),))
    assert sorted({n.start for n in notes}) == [0, 2880, 5760]
    track = accompaniment_track((ChordSymbol(0, "D"),), BAR, channel=3)
    assert track.name == ACCOMPANIMENT_NAME and track.channel == 3 and not track.is_drum and track.notes
