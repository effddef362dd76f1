"""Parsing Magenta's textual primers, and errors that point at the offending token."""

from __future__ import annotations

import pytest

from composer_app.errors import ComposerError
from composer_app.music.errors import PrimerError
from composer_app.music.primers import (
    parse_chords,
    parse_drums_primer,
    parse_melody_primer,
    parse_pitches_primer,
    pitches_primer_to_track,
    tokenize,
)
from composer_app.music.song import PPQ, Note


def error_at(parse, text: str) -> PrimerError:
    with pytest.raises(PrimerError) as info:
        parse(text)
    return info.value


def test_melody_primer_from_magenta_docs():
    """Magenta's README example parses to its list of events."""
    assert parse_melody_primer("[60, -2, 60, -2, 67, -2, 67, -2]") == [60, -2, 60, -2, 67, -2, 67, -2]


def test_melody_primer_lenient_forms():
    """Spacing, a trailing comma, a plus sign and missing brackets (both) are accepted."""
    assert parse_melody_primer("  [ 60,-1 ,+62, ]") == [60, -1, 62]
    assert parse_melody_primer("60, -2, 62") == [60, -2, 62]
    assert parse_melody_primer("[]") == []


@pytest.mark.parametrize(
    "text, position, words",
    [
        ("[60, -3]", 5, "-3 is not a melody event"),
        ("[60, 128]", 5, "128 is not a melody event"),
        ("[60, 61.5]", 5, "not a whole number"),
        ("[60, C4]", 5, "expected a number"),
        ("[60 62]", 4, "expected ','"),
        ("[60, 62", 0, "never closed"),
        ("60, 62]", 6, "nothing to close"),
        ("[60]]", 4, "nothing to close"),
        ("[60,, 62]", 4, "expected a number"),
        ("[60, (62)]", 5, "flat list"),
        ("", 0, "empty"),
        ("[60] 62", 5, "unexpected '62'"),
    ],
)
def test_melody_primer_errors_point_at_the_token(text, position, words):
    """Bad events, non-integers, garbage and unbalanced brackets raise PrimerError at the right character."""
    error = error_at(parse_melody_primer, text)
    assert error.position == position
    assert words in error.problem
    assert error.text == text
    assert isinstance(error, ComposerError) and not isinstance(error, ValueError)


def test_drums_primer_from_magenta_docs():
    """Magenta's drum primer syntax gives one frozenset of pitches per step."""
    assert parse_drums_primer("[(36, 42), (), (42,)]") == [frozenset({36, 42}), frozenset(), frozenset({42})]


def test_drums_primer_lenient_forms():
    """Steps may be lists, single-pitch parentheses or bare numbers."""
    assert parse_drums_primer("[[36, 42], (38), 42]") == [
        frozenset({36, 42}),
        frozenset({38}),
        frozenset({42}),
    ]


@pytest.mark.parametrize(
    "text, position, words",
    [
        ("[(36, 42), (128,)]", 12, "not a drum pitch"),
        ("[(36, 42), (-1,)]", 12, "not a drum pitch"),
        ("[(36, 42]", 8, "does not match"),
        ("[(36, 42)", 0, "never closed"),
        ("[(36 42)]", 5, "expected ','"),
        ("[(36, x)]", 6, "expected a number"),
        ("[(36.0,)]", 2, "not a whole number"),
    ],
)
def test_drums_primer_errors_point_at_the_token(text, position, words):
    """Bad drum primers raise PrimerError at the offending character."""
    error = error_at(parse_drums_primer, text)
    assert error.position == position
    assert words in error.problem


def test_pitches_primer_and_its_track():
    """A pitches primer is a chord; its track holds each pitch for one quarter note."""
    pitches = parse_pitches_primer("[60, 64, 67]")
    assert pitches == [60, 64, 67]
    made = pitches_primer_to_track(pitches, velocity=80)
    assert made.notes == tuple(Note(0, p, PPQ, 80) for p in pitches)


@pytest.mark.parametrize(
    "text, position, words",
    [
        ("[60, 64, 60]", 9, "listed twice"),
        ("[60, -2]", 5, "not a MIDI pitch"),
        ("[60, [64]]", 5, "flat list"),
    ],
)
def test_pitches_primer_errors(text, position, words):
    """Repeated or out-of-range pitches raise PrimerError at the offending character."""
    error = error_at(parse_pitches_primer, text)
    assert error.position == position
    assert words in error.problem


def test_chords_parse_and_validate():
    """Chord lists split on spaces, commas and bar lines; every figure is validated."""
    assert parse_chords("C G Am F") == ["C", "G", "Am", "F"]
    assert parse_chords("Bdim E7 N.C.") == ["Bdim", "E7", "N.C."]
    assert parse_chords(" Cmaj7, Dm7 | G7(b9) ") == ["Cmaj7", "Dm7", "G7(b9)"]


def test_chord_errors_point_at_the_chord():
    """An unknown chord raises PrimerError at its first character; an empty list is refused."""
    error = error_at(parse_chords, "C G Hm F")
    assert error.position == 4 and "Hm" in error.problem
    error = error_at(parse_chords, "C Gxyz")
    assert error.position == 2
    assert error_at(parse_chords, "   ").position == 0


def test_error_message_shows_a_caret():
    """The message quotes the primer with a caret under the bad token."""
    message = str(error_at(parse_melody_primer, "[60, x]"))
    assert "at character 6" in message
    assert message.splitlines()[-1] == "       ^"


def test_tokenizer_positions():
    """Tokens carry their kinds and 0-based character positions."""
    tokens = tokenize("[ 60,-1.5 ab]")
    assert [(t.kind, t.position) for t in tokens] == [
        ("[", 0),
        ("int", 2),
        (",", 4),
        ("number", 5),
        ("word", 10),
        ("]", 12),
        ("end", 13),
    ]
