"""Chord symbols ("C", "Am7", "Bdim/D", "G7(b9)", "N.C.") parsed as Magenta's chord_symbols_lib reads them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from composer_app.music.errors import MusicError
from composer_app.music.song import ChordSymbol, Note, Track, ticks_per_step
from composer_app.said import said

NO_CHORD = "N.C."

_LETTER_PITCH = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
# Semitones above the root of each scale degree 1..7 (higher degrees fold down by octaves).
_DEGREE_SEMITONES = {1: 0, 2: 2, 3: 4, 4: 5, 5: 7, 6: 9, 7: 11}


def _degrees(spec: str) -> tuple[tuple[int, int], ...]:
    """Read degree specs like "1 b3 5" into (degree, alteration in semitones) pairs."""
    out = []
    for token in spec.split():
        digits = token.lstrip("#b")
        accidentals = token[: len(token) - len(digits)]
        out.append((int(digits), accidentals.count("#") - accidentals.count("b")))
    return tuple(out)


# (kind name, spellings, degrees). Spellings and degrees are those chord_symbols_lib accepts, plus
# "ø"/"ø7"; the names follow MusicXML's <kind> values.
_KINDS: tuple[tuple[str, tuple[str, ...], tuple[tuple[int, int], ...]], ...] = tuple(
    (name, spellings, _degrees(spec))
    for name, spellings, spec in (
        ("major", ("", "maj", "M"), "1 3 5"),
        ("minor", ("m", "min", "-"), "1 b3 5"),
        ("augmented", ("+", "aug"), "1 3 #5"),
        ("diminished", ("o", "dim"), "1 b3 b5"),
        ("dominant", ("7",), "1 3 5 b7"),
        ("major-seventh", ("maj7", "M7"), "1 3 5 7"),
        ("minor-seventh", ("m7", "min7", "-7"), "1 b3 5 b7"),
        ("diminished-seventh", ("o7", "dim7"), "1 b3 b5 bb7"),
        ("augmented-seventh", ("+7", "aug7"), "1 3 #5 b7"),
        ("half-diminished", ("m7b5", "-7b5", "/o", "/o7", "ø", "ø7"), "1 b3 b5 b7"),
        (
            "major-minor",
            (
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
            ),
            "1 b3 5 7",
        ),
        ("major-sixth", ("6",), "1 3 5 6"),
        ("minor-sixth", ("m6", "min6", "-6"), "1 b3 5 6"),
        ("dominant-ninth", ("9",), "1 3 5 b7 9"),
        ("major-ninth", ("maj9", "M9"), "1 3 5 7 9"),
        ("minor-ninth", ("m9", "min9", "-9"), "1 b3 5 b7 9"),
        ("augmented-ninth", ("+9", "aug9"), "1 3 #5 b7 9"),
        ("six-nine", ("6/9",), "1 3 5 6 9"),
        ("dominant-11th", ("11",), "1 3 5 b7 9 11"),
        ("major-11th", ("maj11", "M11"), "1 3 5 7 9 11"),
        ("minor-11th", ("m11", "min11", "-11"), "1 b3 5 b7 9 11"),
        ("dominant-13th", ("13",), "1 3 5 b7 9 11 13"),
        ("major-13th", ("maj13", "M13"), "1 3 5 7 9 11 13"),
        ("minor-13th", ("m13", "min13", "-13"), "1 b3 5 b7 9 11 13"),
        ("suspended-second", ("sus2",), "1 2 5"),
        ("suspended-fourth", ("sus", "sus4"), "1 4 5"),
        ("suspended-fourth-seventh", ("sus7", "7sus"), "1 4 5 b7"),
        ("pedal", ("ped",), "1"),
        ("power", ("5",), "1 5"),
    )
)

# Longest spelling first: "m7b5" also reads as "m7" plus a "b5" alteration (same notes), and the
# longer reading names the chord better.
_SPELLINGS = sorted(
    ((spelling, name, degrees) for name, spellings, degrees in _KINDS for spelling in spellings),
    key=lambda item: -len(item[0]),
)

# Degree modifications: "add", "no", or a bare alteration; "add#"/"addb" before "add" so the
# accidental is read as part of the modification.
_MODIFIERS = ("add#", "addb", "add", "no", "#", "b")

KIND_NAMES: tuple[str, ...] = tuple(name for name, _, _ in _KINDS)


class ChordSymbolError(MusicError):
    """A chord symbol could not be read; the message says which part."""

    def __init__(self, figure: str, problem: str):
        self.figure = figure
        self.problem = problem
        super().__init__(said("unknown chord symbol {figure!r}: {problem}").format(figure=figure, problem=problem))


@dataclass(frozen=True, slots=True)
class ChordInfo:
    """A parsed chord symbol. Pitch classes are 0 = C .. 11 = B, in note_seq's order (by degree).

    For "N.C." the root and bass are None and there are no pitch classes.
    """

    root_pitch_class: int | None
    kind: str
    bass_pitch_class: int | None
    pitch_classes: tuple[int, ...]
    figure: str = ""
    degrees: tuple[tuple[int, int], ...] = ()

    @property
    def is_no_chord(self) -> bool:
        return self.root_pitch_class is None

    @property
    def quality(self) -> str:
        """The triad's quality as note_seq judges it: major, minor, augmented, diminished or other."""
        degrees = dict(self.degrees)
        if not all(d in degrees for d in (1, 3, 5)):
            return "other"
        triad = (degrees[1], degrees[3], degrees[5])
        return {
            (0, 0, 0): "major",
            (0, -1, 0): "minor",
            (0, 0, 1): "augmented",
            (0, -1, -1): "diminished",
        }.get(triad, "other")


def _read_pitch_class(text: str, pos: int) -> tuple[int, int] | None:
    """A note name at text[pos:]: (pitch class, end) or None. Sharps and flats can't be mixed."""
    if pos >= len(text) or text[pos] not in _LETTER_PITCH:
        return None
    end = pos + 1
    if end < len(text) and text[end] in "#b":
        accidental = text[end]
        while end < len(text) and text[end] == accidental:
            end += 1
    if end < len(text) and text[end] in "#b":
        return None
    alter = text.count("#", pos + 1, end) - text.count("b", pos + 1, end)
    return (_LETTER_PITCH[text[pos]] + alter) % 12, end


def _read_modifications(text: str, pos: int) -> tuple[list[tuple[str, int]], int]:
    """Degree modifications ("b9", "(#11)", "add9", "no3") from text[pos:], up to the first misfit."""
    mods = []
    while pos < len(text):
        i = pos + 1 if text[pos] == "(" else pos
        modifier = next((m for m in _MODIFIERS if text.startswith(m, i)), None)
        if modifier is None:
            break
        j = i + len(modifier)
        k = j
        while k < len(text) and text[k] in "0123456789":
            k += 1
        if k == j:
            break
        mods.append((modifier, int(text[j:k])))
        pos = k + 1 if k < len(text) and text[k] == ")" else k
    return mods, pos


def _apply_modifications(figure: str, degrees: dict[int, int], mods: list[tuple[str, int]]) -> None:
    for modifier, degree in mods:
        if modifier.startswith("add"):
            if degree in degrees:
                raise ChordSymbolError(figure, said("degree {degree} is already in the chord").format(degree=degree))
            alter = {"add": 0, "add#": 1, "addb": -1}[modifier]
            # An added 7th is the minor seventh, as "add7" means in lead sheets.
            degrees[degree] = alter - 1 if degree == 7 else alter
        elif modifier == "no":
            if degree not in degrees:
                raise ChordSymbolError(figure, said("degree {degree} is not in the chord").format(degree=degree))
            del degrees[degree]
        else:
            degrees[degree] = degrees.get(degree, 0) + (1 if modifier == "#" else -1)


@lru_cache(maxsize=4096)
def parse_chord_symbol(figure: str) -> ChordInfo:
    """Parse a chord symbol; raise ChordSymbolError if it is not one note_seq would accept.

    Accepts a root A-G with sharps or flats, a kind (maj, m/min/-, dim/o, aug/+, 7, maj7/M7, m7,
    m7b5/ø, dim7, sus2, sus4, 6, m6, 9, 11, 13, ...), degree modifications (b9, #11, add9, no3,
    in parentheses or not), an optional "/bass", or "N.C." for no chord. ♯ and ♭ may stand for # and b.
    """
    text = figure.strip().replace("♯", "#").replace("♭", "b")
    if text == NO_CHORD:
        return ChordInfo(None, "none", None, (), NO_CHORD)
    if not text:
        raise ChordSymbolError(figure, said("it is empty"))
    root = _read_pitch_class(text, 0)
    if root is None:
        if text[0] not in _LETTER_PITCH:
            raise ChordSymbolError(figure, said("a chord starts with a note name A-G (or is N.C.)"))
        raise ChordSymbolError(figure, said("mixed sharps and flats on the root"))
    root_pc, pos = root
    for spelling, kind, kind_degrees in _SPELLINGS:
        if not text.startswith(spelling, pos):
            continue
        mods, end = _read_modifications(text, pos + len(spelling))
        bass_pc = root_pc
        if end < len(text):
            if text[end] != "/":
                continue
            bass = _read_pitch_class(text, end + 1)
            if bass is None or bass[1] != len(text):
                continue
            bass_pc = bass[0]
        degrees = dict(kind_degrees)
        _apply_modifications(figure, degrees, mods)
        pitch_classes = tuple(
            (root_pc + _DEGREE_SEMITONES[(degree - 1) % 7 + 1] + alter) % 12
            for degree, alter in degrees.items()
        )
        return ChordInfo(root_pc, kind, bass_pc, pitch_classes, text, tuple(degrees.items()))
    rest = text[pos:]
    raise ChordSymbolError(
        figure,
        said("cannot read {rest!r} after the root (kinds look like m, 7, maj7, m7b5, dim7, sus4, 6, 9; "
             "then b9, #11, add9 or no3; then /E for a bass)").format(rest=rest),
    )


def is_chord_symbol(figure: str) -> bool:
    """Whether parse_chord_symbol accepts the figure."""
    try:
        parse_chord_symbol(figure)
    except ChordSymbolError:
        return False
    return True


def chord_pitches(figure: str, octave: int = 4, bass_octave: int = 3, include_bass: bool = True) -> list[int]:
    """MIDI pitches to voice a chord, as note_seq's BasicChordRenderer does, sorted and without repeats.

    Chord tones go in the octave starting at MIDI 12 * octave (48 = C3 by default), the bass in
    the octave starting at 12 * bass_octave. "N.C." gives [].
    """
    info = parse_chord_symbol(figure)
    if info.is_no_chord:
        return []
    pitches = {12 * octave + pc for pc in info.pitch_classes}
    if include_bass:
        pitches.add(12 * bass_octave + info.bass_pitch_class)
    bad = [p for p in pitches if not 0 <= p <= 127]
    if bad:
        raise ValueError(f"octave {octave} / bass octave {bass_octave} puts pitches outside 0..127")
    return sorted(pitches)


# The four triads the triad encodings know, in the order of their one-hot blocks (note_seq's quality codes 0..3).
TRIAD_QUALITIES = ("major", "minor", "augmented", "diminished")
MAX_BACKING_STEPS = 100_000  # the longest backing progression, in steps, as generation allows


class ChordEncodingError(MusicError):
    """A chord symbol note_seq reads, but that a triad encoding cannot take (sus, power and other chords)."""

    hint = said(
        "basic_improv and attention_improv take major, minor, augmented and diminished chords (with any extensions) "
        "and N.C.; use chord_pitches_improv for sus, power and other chords.")

    def __init__(self, figure: str):
        self.figure = figure
        super().__init__(said("chord {figure!r} is not a standard triad (major, minor, augmented or diminished)")
                         .format(figure=figure))


def triad_of(figure: str) -> tuple[int, str] | None:
    """(root pitch class, triad quality) as note_seq's triad encoding reads a chord; None for N.C.

    Raises ChordSymbolError for an unreadable symbol and ChordEncodingError for a chord whose degrees 1, 3 and 5
    do not form one of the four triads (Csus4, C5, C7no3, ...): Magenta rejects those too.
    """
    info = parse_chord_symbol(figure)
    if info.is_no_chord:
        return None
    if info.quality not in TRIAD_QUALITIES:
        raise ChordEncodingError(figure)
    return info.root_pitch_class, info.quality


def backing_chords(text: str, steps_per_chord: int) -> tuple[str, ...]:
    """Magenta's --backing_chords: space-separated symbols, each held for `steps_per_chord` steps, one per step.

    Every symbol is checked here, so that a typo is reported before any work starts.
    """
    figures = text.split()
    if not figures:
        raise ChordSymbolError(text, said("no chord symbols given (write them separated by spaces, e.g. \"C G Am F\")"))
    if steps_per_chord < 1:
        raise MusicError(said("steps per chord must be at least 1, not {steps}").format(steps=steps_per_chord))
    if len(figures) * steps_per_chord > MAX_BACKING_STEPS:
        raise MusicError(said("{chords} chords x {steps} steps is over this app's limit of {limit} steps").format(
            chords=len(figures), steps=steps_per_chord, limit=MAX_BACKING_STEPS))
    for figure in figures:
        parse_chord_symbol(figure)
    return tuple(figure for figure in figures for _ in range(steps_per_chord))


def chord_changes(figures: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start step, end step, figure) of each run of one chord, as ChordProgression.to_sequence marks changes.

    As there, the progression starts in N.C.: a leading N.C. is no change, and equal neighbours are one run.
    """
    runs: list[tuple[int, int, str]] = []
    current = NO_CHORD
    for step, figure in enumerate(figures):
        if figure != current:
            current = figure
            runs.append((step, step, figure))
        if runs:
            runs[-1] = (runs[-1][0], step + 1, runs[-1][2])
    return runs


# How improv_rnn_generate --render_chords plays the chords: note_seq's BasicChordRenderer on instrument 1.
CHORD_PROGRAM = 88
CHORD_VELOCITY = 50
CHORD_CHANNEL = 1


def chord_symbols(figures: Sequence[str], steps_per_quarter: int) -> tuple[ChordSymbol, ...]:
    """A song's chord symbols for per-step figures: one at every change (none for a leading N.C.)."""
    tps = ticks_per_step(steps_per_quarter)
    return tuple(ChordSymbol(start * tps, figure) for start, _, figure in chord_changes(figures))


def render_chords(figures: Sequence[str], steps_per_quarter: int, name: str = "Chords") -> Track:
    """The chords as BasicChordRenderer plays them: chord tones from C4 (MIDI 48), the bass from C3, held for the
    whole chord, velocity 50, program 88 (a pad), on its own channel; N.C. is silence."""
    tps = ticks_per_step(steps_per_quarter)
    notes = [Note(start * tps, pitch, (end - start) * tps, CHORD_VELOCITY)
             for start, end, figure in chord_changes(figures) if figure != NO_CHORD
             for pitch in chord_pitches(figure)]
    return Track(name=name, program=CHORD_PROGRAM, channel=CHORD_CHANNEL, notes=tuple(notes))


__all__ = [
    "NO_CHORD",
    "KIND_NAMES",
    "ChordSymbolError",
    "ChordInfo",
    "parse_chord_symbol",
    "is_chord_symbol",
    "chord_pitches",
    "TRIAD_QUALITIES",
    "ChordEncodingError",
    "triad_of",
    "backing_chords",
    "chord_changes",
    "chord_symbols",
    "render_chords",
]
