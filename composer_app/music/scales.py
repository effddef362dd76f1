"""Pitch names, key names and scales: the one table the model panel, the roll, the CLI and steering share."""

from __future__ import annotations

# Key names as musicians write the twelve major keys: flats where a key signature would have them.
NOTE_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
# The roll's row labels: one spelling per black key, as most piano rolls show them.
SHARP_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")

SCALES: dict[str, tuple[int, ...]] = {
    "major": (0, 2, 4, 5, 7, 9, 11),
    "natural minor": (0, 2, 3, 5, 7, 8, 10),
    "harmonic minor": (0, 2, 3, 5, 7, 8, 11),
    "dorian": (0, 2, 3, 5, 7, 9, 10),
    "mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "major pentatonic": (0, 2, 4, 7, 9),
    "minor pentatonic": (0, 3, 5, 7, 10),
    "blues": (0, 3, 5, 6, 7, 10),
    "chromatic": tuple(range(12)),
}
# The scales a user picks from; "chromatic" is what "no key" means.
SCALE_CHOICES = tuple(name for name in SCALES if name != "chromatic")

_ENHARMONICS = {"db": 1, "d#": 3, "gb": 6, "g#": 8, "a#": 10, "cb": 11, "e#": 5, "fb": 4, "b#": 0}
_PITCH_CLASSES = {**{name.lower(): pc for pc, name in enumerate(NOTE_NAMES)}, **_ENHARMONICS}


def pitch_class(name: str) -> int | None:
    """The pitch class (0 = C) of a note or key name such as "C", "F#", "Bb" or "db"; None if it is not one."""
    return _PITCH_CLASSES.get(name.strip().lower())


def pitch_name(pitch: int, sharps: bool = False) -> str:
    """A MIDI pitch as a name with its octave, middle C being C4."""
    names = SHARP_NAMES if sharps else NOTE_NAMES
    return f"{names[pitch % 12]}{pitch // 12 - 1}"
