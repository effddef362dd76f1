"""Chord figures: MusicXML harmony parts spelled for Magenta's parser, loose text repaired, transposed, triads."""

from __future__ import annotations

import pytest

from composer_app.music.chords import ChordSymbolError, parse_chord_symbol, triad_of
from composer_app.music.leadsheets.figures import harmony_figure, nearest_triad, repair_figure, transpose_figure


@pytest.mark.parametrize("root, kind, bass, mods, figure", [
    ("C", "major", None, (), "C"),
    ("B-", "minor-seventh", None, (("alter", 5, -1),), "Bbm7(b5)"),
    ("D", "dominant-seventh", None, (("add", 9, -1),), "D7(b9)"),
    ("C", "suspended-fourth", None, (("add", 7, 0), ("add", 9, 0)), "Csus(add7)(add9)"),
    ("A", "half-diminished-seventh", "G", (), "Am7b5/G"),
    ("F#", "power", None, (), "F#5"),
    ("C", "none", None, (), "N.C."),
])
def test_harmony_parts_make_a_figure_the_parser_reads(root, kind, bass, mods, figure):
    """Each harmony becomes the expected spelling, and the chord parser accepts it."""
    assert harmony_figure(root, kind, bass, mods) == figure
    parse_chord_symbol(figure)


def test_a_kind_nobody_knows_gives_no_figure():
    """An unknown MusicXML kind is "" (the reader counts it), never an exception."""
    assert harmony_figure("C", "hyper-lydian") == ""


@pytest.mark.parametrize("text, figure", [
    ("D7+", "Daug7"), ("Bm7 alter b5", "Bm7b5"), ("B-7 add #11", "Bb7add#11"), ("Fpower", "F5"),
    ("N.C.", "N.C."), ("NC", "N.C."), ("GM9", "GM9"), ("Am/xyz", "Am"), ("A-pedal", "Abped"),
])
def test_loose_chord_text_is_repaired(text, figure):
    """music21's figures and MIDI text spellings read as chord symbols note_seq understands."""
    assert repair_figure(text) == figure


@pytest.mark.parametrize("text", ["My Song", "", "(c) 1930", "Hello"])
def test_text_that_is_no_chord_stays_none(text):
    """Titles and words are not chord symbols."""
    assert repair_figure(text) is None


def test_transposing_keeps_the_kind_and_moves_the_bass():
    """Am7/G up a minor third is Cm7/Bb; N.C. stays N.C.; an octave is no change."""
    assert transpose_figure("Am7/G", 3) == "Cm7/Bb"
    assert transpose_figure("N.C.", 5) == "N.C."
    assert transpose_figure("F#m7b5", 12) == "F#m7b5"
    assert parse_chord_symbol(transpose_figure("Bb7(#11)", 2)).root_pitch_class == 0


@pytest.mark.parametrize("figure, triad", [
    ("Csus4", "C"), ("Csus2", "C"), ("C5", "C"), ("Cped", "C"), ("C7(b5)", "C"), ("Cm(#5)", "Cm"),
    ("Cm(no5)", "Cm"), ("C(no3)", "C"),
])
def test_chords_without_a_standard_triad_go_to_the_nearest(figure, triad):
    """Read by the third (and a fifth that makes it diminished or augmented); the result is a triad."""
    assert nearest_triad(figure) == (triad, True)
    triad_of(triad)


def test_a_standard_triad_is_left_alone_and_nonsense_still_raises():
    """Am7 is already A minor for the encodings; an unreadable figure is the caller's to count."""
    assert nearest_triad("Am7") == ("Am7", False)
    with pytest.raises(ChordSymbolError):
        nearest_triad("H7")
