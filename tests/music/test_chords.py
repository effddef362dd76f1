"""Chord-symbol parsing: hand-checked chords, errors, voicing, triads, backing chords, and agreement with note_seq."""

from __future__ import annotations

import random

import pytest

from composer_app.errors import ComposerError
from composer_app.music.chords import (
    NO_CHORD,
    ChordEncodingError,
    ChordSymbolError,
    backing_chords,
    chord_changes,
    chord_pitches,
    chord_symbols,
    is_chord_symbol,
    parse_chord_symbol,
    render_chords,
    triad_of,
)
from composer_app.music.encodings import TriadChordOneHotEncoding


@pytest.mark.parametrize(
    "figure, root, kind, bass, pitch_classes",
    [
        ("C", 0, "major", 0, (0, 4, 7)),
        ("Am", 9, "minor", 9, (9, 0, 4)),
        ("F#min", 6, "minor", 6, (6, 9, 1)),
        ("Bb-", 10, "minor", 10, (10, 1, 5)),
        ("Bdim", 11, "diminished", 11, (11, 2, 5)),
        ("Co", 0, "diminished", 0, (0, 3, 6)),
        ("Caug", 0, "augmented", 0, (0, 4, 8)),
        ("C+", 0, "augmented", 0, (0, 4, 8)),
        ("E7", 4, "dominant", 4, (4, 8, 11, 2)),
        ("Cmaj7", 0, "major-seventh", 0, (0, 4, 7, 11)),
        ("CM7", 0, "major-seventh", 0, (0, 4, 7, 11)),
        ("Dm7", 2, "minor-seventh", 2, (2, 5, 9, 0)),
        ("Bm7b5", 11, "half-diminished", 11, (11, 2, 5, 9)),
        ("Bø", 11, "half-diminished", 11, (11, 2, 5, 9)),
        ("Bdim7", 11, "diminished-seventh", 11, (11, 2, 5, 8)),
        ("Dsus2", 2, "suspended-second", 2, (2, 4, 9)),
        ("Dsus4", 2, "suspended-fourth", 2, (2, 7, 9)),
        ("C6", 0, "major-sixth", 0, (0, 4, 7, 9)),
        ("Cm6", 0, "minor-sixth", 0, (0, 3, 7, 9)),
        ("C9", 0, "dominant-ninth", 0, (0, 4, 7, 10, 2)),
        ("C11", 0, "dominant-11th", 0, (0, 4, 7, 10, 2, 5)),
        ("C13", 0, "dominant-13th", 0, (0, 4, 7, 10, 2, 5, 9)),
        ("Cadd9", 0, "major", 0, (0, 4, 7, 2)),
        ("C/E", 0, "major", 4, (0, 4, 7)),
        ("Ab7(b9)/Eb", 8, "dominant", 3, (8, 0, 3, 6, 9)),
        ("C7no3", 0, "dominant", 0, (0, 7, 10)),
        ("Cb", 11, "major", 11, (11, 3, 6)),
        ("G♯m", 8, "minor", 8, (8, 11, 3)),
    ],
)
def test_known_chords(figure, root, kind, bass, pitch_classes):
    """Common chord symbols give the expected root, kind, bass and pitch classes."""
    info = parse_chord_symbol(figure)
    assert (info.root_pitch_class, info.kind, info.bass_pitch_class, info.pitch_classes) == (
        root,
        kind,
        bass,
        pitch_classes,
    )
    assert is_chord_symbol(figure)


def test_no_chord():
    """N.C. parses to a chord with no root, bass or pitches, and voices to nothing."""
    info = parse_chord_symbol(NO_CHORD)
    assert info.is_no_chord and info.pitch_classes == () and info.bass_pitch_class is None
    assert chord_pitches("N.C.") == []


@pytest.mark.parametrize(
    "figure, words",
    [
        ("H7", "note name"),
        ("", "empty"),
        ("Cxyz", "cannot read 'xyz'"),
        ("C#b9", "mixed sharps and flats"),
        ("C/H", "cannot read"),
        ("Cadd3", "already in the chord"),
        ("Csus4no3", "not in the chord"),
        ("c", "note name"),
    ],
)
def test_unknown_chords_raise_clear_errors(figure, words):
    """Unreadable symbols raise ChordSymbolError, a user's error (not a bug's ValueError) naming the problem."""
    with pytest.raises(ChordSymbolError) as info:
        parse_chord_symbol(figure)
    assert words in str(info.value)
    assert isinstance(info.value, ComposerError) and not isinstance(info.value, ValueError)
    assert not is_chord_symbol(figure)


def test_quality():
    """Triad quality as note_seq judges it from degrees 1, 3 and 5."""
    assert parse_chord_symbol("C7").quality == "major"
    assert parse_chord_symbol("Cm9").quality == "minor"
    assert parse_chord_symbol("C+7").quality == "augmented"
    assert parse_chord_symbol("Cdim7").quality == "diminished"
    assert parse_chord_symbol("Csus4").quality == "other"


def test_chord_pitches_voicing():
    """Chord tones go in the octave from 12 * octave, the bass in the octave from 12 * bass_octave."""
    assert chord_pitches("C") == [36, 48, 52, 55]
    assert chord_pitches("Am/E", octave=5, bass_octave=3) == [40, 60, 64, 69]
    assert chord_pitches("G7", include_bass=False) == [50, 53, 55, 59]
    with pytest.raises(ValueError):
        chord_pitches("C", octave=11)


ROOTS = [letter + accidental for letter in "ABCDEFG" for accidental in ["", "#", "b", "##", "bb"]]
MAGENTA_SPELLINGS = [
    "",
    "maj",
    "M",
    "m",
    "min",
    "-",
    "+",
    "aug",
    "o",
    "dim",
    "7",
    "maj7",
    "M7",
    "m7",
    "min7",
    "-7",
    "o7",
    "dim7",
    "+7",
    "aug7",
    "m7b5",
    "-7b5",
    "/o",
    "/o7",
    "mmaj7",
    "mM7",
    "minmaj7",
    "minM7",
    "-maj7",
    "-M7",
    "m(maj7)",
    "m(M7)",
    "min(maj7)",
    "min(M7)",
    "-(maj7)",
    "-(M7)",
    "6",
    "m6",
    "min6",
    "-6",
    "9",
    "maj9",
    "M9",
    "m9",
    "min9",
    "-9",
    "+9",
    "aug9",
    "6/9",
    "11",
    "maj11",
    "M11",
    "m11",
    "min11",
    "-11",
    "13",
    "maj13",
    "M13",
    "m13",
    "min13",
    "-13",
    "sus2",
    "sus",
    "sus4",
    "sus7",
    "7sus",
    "ped",
    "5",
]
MODIFICATIONS = [
    "b9",
    "#9",
    "#11",
    "b13",
    "add9",
    "add2",
    "no5",
    "(b5)",
    "(#5)",
    "add#11",
    "addb9",
    "no3",
    "(add13)",
    "add7",
    "b5",
    "(no1)",
    "#4)",
    "(b6",
]
QUALITIES = {0: "major", 1: "minor", 2: "augmented", 3: "diminished", 4: "other"}


def random_figures(rng: random.Random, count: int) -> list[str]:
    figures = []
    for _ in range(count):
        figure = rng.choice(ROOTS) + rng.choice(MAGENTA_SPELLINGS)
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            figure += rng.choice(MODIFICATIONS)
        if rng.random() < 0.3:
            figure += "/" + rng.choice(ROOTS)
        if rng.random() < 0.05:
            figure += rng.choice(["x", "/", "#", "b", "/H"])
        figures.append(figure)
    return figures


def test_chords_match_note_seq(note_seq):
    """Root, bass, quality and ordered pitch classes match note_seq on every spelling and 1000 random ones."""
    from note_seq import chord_symbols_lib

    figures = [root + spelling for root in ["C", "F#", "Bb"] for spelling in MAGENTA_SPELLINGS]
    figures += random_figures(random.Random("chords"), 1000)
    rejected = 0
    for figure in figures:
        try:
            expected = (
                chord_symbols_lib.chord_symbol_root(figure),
                chord_symbols_lib.chord_symbol_bass(figure),
                list(chord_symbols_lib.chord_symbol_pitches(figure)),
                QUALITIES[chord_symbols_lib.chord_symbol_quality(figure)],
            )
        except chord_symbols_lib.ChordSymbolError:
            rejected += 1
            with pytest.raises(ChordSymbolError):
                parse_chord_symbol(figure)
            continue
        info = parse_chord_symbol(figure)
        assert (
            info.root_pitch_class,
            info.bass_pitch_class,
            list(info.pitch_classes),
            info.quality,
        ) == expected, figure
    assert 20 < rejected < len(figures) // 2


# -- triads, backing chords and rendering (Improv RNN) --------------------------------------------


@pytest.mark.parametrize(
    "figure, expected",
    [
        ("Am7", (9, "minor")),
        ("Dm7/F", (2, "minor")),
        ("G7", (7, "major")),
        ("F#m7b5", (6, "diminished")),
        ("Eb+", (3, "augmented")),
        ("Bbdim7", (10, "diminished")),
        ("A7/C#", (9, "major")),
        ("N.C.", None),
    ],
)
def test_triad_of_reads_degrees_one_three_five(figure, expected):
    """Extensions and slash basses leave the triad; N.C. has none."""
    assert triad_of(figure) == expected


@pytest.mark.parametrize("figure", ["Csus4", "C7sus", "Dsus2", "E5", "C7no3", "Cped"])
def test_triad_of_rejects_what_magenta_rejects(figure):
    """Sus, power, pedal and no-third chords are no standard triad: a user's error with a hint."""
    with pytest.raises(ChordEncodingError) as info:
        triad_of(figure)
    assert isinstance(info.value, ComposerError) and "chord_pitches_improv" in info.value.hint


def test_backing_chords_repeat_each_symbol():
    """Magenta's --backing_chords: each symbol held steps_per_chord steps, in order."""
    assert backing_chords("C  G7\tN.C.", 2) == ("C", "C", "G7", "G7", "N.C.", "N.C.")


@pytest.mark.parametrize("text, steps, words", [("", 4, "no chord symbols"), ("C Hm", 4, "'Hm'"),
                                                 ("C", 0, "at least 1"), ("C " * 10, 20_000, "limit")])
def test_backing_chords_refuse_bad_input(text, steps, words):
    """An empty progression, an unknown symbol, no steps or a huge length is a one-line user's error."""
    with pytest.raises(ComposerError) as info:
        backing_chords(text, steps)
    assert words in str(info.value)


def test_chord_changes_merge_runs_and_skip_leading_no_chord():
    """As ChordProgression.to_sequence marks changes: equal neighbours are one run; a leading N.C. is none."""
    figures = ["N.C.", "N.C.", "C", "C", "C", "G", "N.C.", "C"]
    assert chord_changes(figures) == [(2, 5, "C"), (5, 6, "G"), (6, 7, "N.C."), (7, 8, "C")]


def test_render_chords_as_basic_chord_renderer():
    """Chord tones from C4, bass from C3, held per chord, velocity 50, program 88, channel 1; N.C. silent."""
    track = render_chords(["Am7/G"] * 4 + ["N.C."] * 4 + ["Bb/C"] * 4, 4)
    assert (track.program, track.channel) == (88, 1)
    notes = [(n.start // 240, n.duration // 240, n.pitch, n.velocity) for n in track.notes]
    assert notes == [(0, 4, p, 50) for p in (43, 48, 52, 55, 57)] + [(8, 4, p, 50) for p in (36, 50, 53, 58)]
    assert [(c.tick // 240, c.figure) for c in chord_symbols(["N.C.", "C", "C", "G"], 4)] == [(1, "C"), (3, "G")]


def test_triads_match_note_seq(note_seq):
    """Triad root and quality, or the rejection, agree with note_seq's TriadChordOneHotEncoding on 1000 chords."""
    from note_seq import chord_symbols_lib, chords_encoder_decoder

    encoding = chords_encoder_decoder.TriadChordOneHotEncoding()
    ours = TriadChordOneHotEncoding()
    figures = random_figures(random.Random("triads"), 1000) + ["N.C."]
    rejected = 0
    for figure in figures:
        try:
            expected = encoding.encode_event(figure)
        except (chord_symbols_lib.ChordSymbolError, chords_encoder_decoder.ChordEncodingError):
            rejected += 1
            with pytest.raises(ComposerError):
                ours.encode_event(figure)
            continue
        assert ours.encode_event(figure) == expected, figure
    assert 50 < rejected < len(figures) // 2
