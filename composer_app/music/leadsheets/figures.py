"""Chord figures Magenta's parser reads: built from MusicXML harmony parts, repaired from free text, transposed,
and moved to the nearest triad for the triad encodings."""

from __future__ import annotations

import re

from composer_app.music.chords import NO_CHORD, ChordEncodingError, ChordSymbolError, parse_chord_symbol, triad_of
from composer_app.said import said

# MusicXML <kind> values (and the variants music21 and files in the wild use) in a spelling parse_chord_symbol
# reads. Kinds without a lead-sheet symbol (the augmented sixths, Tristan) become the chord they sound like.
_KIND_SPELLINGS = {
    "major": "", "minor": "m", "augmented": "aug", "diminished": "dim", "dominant": "7", "dominant-seventh": "7",
    "major-seventh": "maj7", "minor-seventh": "m7", "diminished-seventh": "dim7", "augmented-seventh": "aug7",
    "half-diminished": "m7b5", "half-diminished-seventh": "m7b5", "major-minor": "m(maj7)",
    "minor-major": "m(maj7)", "minor-major-seventh": "m(maj7)", "major-sixth": "6", "minor-sixth": "m6",
    "dominant-ninth": "9", "major-ninth": "maj9", "minor-ninth": "m9", "augmented-ninth": "aug9",
    "dominant-11th": "11", "major-11th": "maj11", "minor-11th": "m11", "dominant-13th": "13",
    "major-13th": "maj13", "minor-13th": "m13", "suspended-second": "sus2", "suspended-fourth": "sus",
    "suspended-fourth-seventh": "sus7", "pedal": "ped", "power": "5", "Neapolitan": "", "Italian": "7",
    "French": "7b5", "German": "7", "Tristan": "m7b5",
}
_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
_TRIAD_SUFFIX = {"major": "", "minor": "m", "augmented": "aug", "diminished": "dim"}
_ROOT = re.compile(r"^([A-G](?:#+|b+|-+)?)")


def _note_name(name: str) -> str:
    """music21 writes flats as '-' (B-); chord symbols use 'b'."""
    return name.replace("-", "b")


def _accidental(semitones: int) -> str:
    return "#" * semitones if semitones > 0 else "b" * -semitones


def harmony_figure(root: str | None, kind: str, bass: str | None = None,
                   modifications: tuple[tuple[str, int, int], ...] = ()) -> str:
    """A figure parse_chord_symbol reads for a MusicXML harmony: root, kind, (type, degree, alteration) steps, bass.

    Returns "" when no reading works (an unknown kind, a degree the kind already lacks); the caller counts it.
    """
    if kind == "none":
        return NO_CHORD
    if not root or kind not in _KIND_SPELLINGS:
        return ""
    base = _note_name(root) + _KIND_SPELLINGS[kind]
    steps = ""
    for mod_type, degree, alter in modifications:
        if not 1 <= degree <= 13:
            continue
        if mod_type == "subtract":
            steps += f"(no{degree})"
        elif mod_type == "add" and alter == 0:
            steps += f"(add{degree})"
        elif alter:  # an altered added degree reads as the bare alteration ("7b9"), which adds it
            steps += f"({_accidental(alter)}{degree})"
    slash = f"/{_note_name(bass)}" if bass and _note_name(bass) != _note_name(root) else ""
    for figure in (base + steps + slash, base + slash, base):
        try:
            parse_chord_symbol(figure)
        except ChordSymbolError:
            continue
        return figure
    return ""


def repair_figure(text: str) -> str | None:
    """A readable figure for a chord symbol written loosely (MIDI text, music21's "Bm7 alter b5"), or None."""
    text = text.strip()
    if not text:
        return None
    if text.upper().replace(" ", "") in ("N.C.", "NC", "N.C", "N/C"):
        return NO_CHORD
    fixed = re.sub(r"(^|/)([A-G])-", r"\1\2b", text)  # music21's flats, on the root and the bass
    fixed = re.sub(r"\s*(alter|add|subtract|omit)\s*", lambda m: {"alter": "", "add": "add", "subtract": "no",
                                                                  "omit": "no"}[m.group(1)], fixed)
    fixed = fixed.replace(" ", "").replace("Maj", "maj").replace("Δ", "maj7").replace("power", "5").replace("pedal", "ped")
    fixed = re.sub(r"^([A-G][#b]*)7\+", r"\1aug7", fixed)  # "C7+": the augmented seventh, not C7 then a '+'
    fixed = re.sub(r"^([A-G][#b]*)9\+", r"\1aug9", fixed)
    for candidate in (fixed, fixed.split("/")[0]):
        try:
            parse_chord_symbol(candidate)
        except ChordSymbolError:
            continue
        return candidate
    return None


def transpose_figure(figure: str, amount: int) -> str:
    """The figure moved by `amount` semitones (root and slash bass respelled, the kind kept as written)."""
    if figure == NO_CHORD or amount % 12 == 0:
        return figure
    info = parse_chord_symbol(figure)
    text = info.figure
    match = _ROOT.match(text)
    if match is None:  # parse_chord_symbol accepted it, so it starts with a note name
        raise ChordSymbolError(figure, said("no root"))
    body = text[match.end():]
    head, slash, _ = body.rpartition("/")
    if slash and info.bass_pitch_class != info.root_pitch_class:
        body = f"{head}/{_NAMES[(info.bass_pitch_class + amount) % 12]}"
    return _NAMES[(info.root_pitch_class + amount) % 12] + body


def nearest_triad(figure: str) -> tuple[str, bool]:
    """(a figure the triad encodings take, whether it had to change) for any readable figure.

    A chord whose degrees 1, 3 and 5 make no standard triad is read by its third: a minor third gives a minor
    triad (diminished with a flat fifth), a major or missing third (sus2, sus4, power, pedal) a major one
    (augmented with a sharp fifth). Magenta drops the whole song instead.
    """
    try:
        triad_of(figure)
        return figure, False
    except ChordEncodingError:  # readable, but no standard triad
        pass
    info = parse_chord_symbol(figure)
    degrees = dict(info.degrees)
    third, fifth = degrees.get(3), degrees.get(5, 0)
    if third == -1:
        quality = "diminished" if fifth == -1 else "minor"
    else:
        quality = "augmented" if fifth == 1 and third == 0 else "major"
    return _NAMES[info.root_pitch_class] + _TRIAD_SUFFIX[quality], True


__all__ = ["harmony_figure", "repair_figure", "transpose_figure", "nearest_triad"]
