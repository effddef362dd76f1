"""Magenta's multi-drum one-hot encoding (one bit per drum class), its drum maps, and GM drum names."""

from __future__ import annotations

from collections.abc import Sequence, Set

from composer_app.music.encodings.base import OneHotEncoding
from composer_app.music.errors import MusicError
from composer_app.said import said

# Magenta's nine drum classes, named in DRUM_TYPE_NAMES. Decoding plays each class's first pitch, so order
# within a class matters.
DEFAULT_DRUM_TYPE_PITCHES: tuple[tuple[int, ...], ...] = (
    (36, 35),
    (38, 27, 28, 31, 32, 33, 34, 37, 39, 40, 56, 65, 66, 75, 85),
    (42, 44, 54, 68, 69, 70, 71, 73, 78, 80, 22),
    (46, 67, 72, 74, 79, 81, 26),
    (45, 29, 41, 43, 61, 64, 84),
    (48, 47, 60, 63, 77, 86, 87),
    (50, 30, 62, 76, 83),
    (49, 52, 55, 57, 58),
    (51, 53, 59, 82),
)

DRUM_TYPE_NAMES: tuple[str, ...] = (
    "Kick",
    "Snare",
    "Closed Hi-Hat",
    "Open Hi-Hat",
    "Low Tom",
    "Mid Tom",
    "High Tom",
    "Crash",
    "Ride",
)

# The one_drum config (which runs at 2 steps per quarter): every pitch is one class, decoded as a hand
# clap. 39 is listed twice because Magenta's config builds the list that way; the map is the same.
ONE_DRUM_TYPE_PITCHES: tuple[tuple[int, ...], ...] = ((39, *range(0, 39), *range(39, 128)),)

# General MIDI level 1 percussion key map, channel 10.
GM_DRUM_NAMES: dict[int, str] = {
    35: "Acoustic Bass Drum",
    36: "Bass Drum 1",
    37: "Side Stick",
    38: "Acoustic Snare",
    39: "Hand Clap",
    40: "Electric Snare",
    41: "Low Floor Tom",
    42: "Closed Hi-Hat",
    43: "High Floor Tom",
    44: "Pedal Hi-Hat",
    45: "Low Tom",
    46: "Open Hi-Hat",
    47: "Low-Mid Tom",
    48: "Hi-Mid Tom",
    49: "Crash Cymbal 1",
    50: "High Tom",
    51: "Ride Cymbal 1",
    52: "Chinese Cymbal",
    53: "Ride Bell",
    54: "Tambourine",
    55: "Splash Cymbal",
    56: "Cowbell",
    57: "Crash Cymbal 2",
    58: "Vibraslap",
    59: "Ride Cymbal 2",
    60: "Hi Bongo",
    61: "Low Bongo",
    62: "Mute Hi Conga",
    63: "Open Hi Conga",
    64: "Low Conga",
    65: "High Timbale",
    66: "Low Timbale",
    67: "High Agogo",
    68: "Low Agogo",
    69: "Cabasa",
    70: "Maracas",
    71: "Short Whistle",
    72: "Long Whistle",
    73: "Short Guiro",
    74: "Long Guiro",
    75: "Claves",
    76: "Hi Wood Block",
    77: "Low Wood Block",
    78: "Mute Cuica",
    79: "Open Cuica",
    80: "Mute Triangle",
    81: "Open Triangle",
}


def drum_name(pitch: int) -> str:
    """The GM name of a drum pitch, or "Drum N" outside the GM map."""
    return GM_DRUM_NAMES.get(pitch, f"Drum {pitch}")


class DrumsEncodingError(MusicError):
    """A drum pitch has no drum class and unknown drums are not being ignored."""


class MultiDrumOneHotEncoding(OneHotEncoding):
    """A set of drum pitches becomes a bit mask over drum classes (2 ** classes indices).

    Several pitches of one class encode like one; decoding plays each class's first pitch.
    """

    def __init__(
        self,
        drum_type_pitches: Sequence[Sequence[int]] | None = None,
        ignore_unknown_drums: bool = True,
    ):
        if drum_type_pitches is None:
            drum_type_pitches = DEFAULT_DRUM_TYPE_PITCHES
        self._drum_type_pitches = tuple(tuple(int(p) for p in pitches) for pitches in drum_type_pitches)
        if any(not pitches for pitches in self._drum_type_pitches):
            raise ValueError("every drum class needs at least one pitch")
        self._type_of_pitch: dict[int, int] = {}
        for drum_type, pitches in enumerate(self._drum_type_pitches):
            for pitch in pitches:
                # A pitch listed under two classes belongs to the later one, as in Magenta's map.
                self._type_of_pitch[pitch] = drum_type
        self._ignore_unknown_drums = bool(ignore_unknown_drums)

    @property
    def drum_type_pitches(self) -> tuple[tuple[int, ...], ...]:
        return self._drum_type_pitches

    @property
    def num_drum_types(self) -> int:
        return len(self._drum_type_pitches)

    @property
    def num_classes(self) -> int:
        return 2 ** len(self._drum_type_pitches)

    @property
    def default_event(self) -> frozenset[int]:
        return frozenset()

    def drum_type(self, pitch: int) -> int | None:
        """The drum class of a pitch, or None if it has none."""
        return self._type_of_pitch.get(pitch)

    def encode_event(self, event: Set[int]) -> int:
        index = 0
        for pitch in event:
            drum_type = self._type_of_pitch.get(pitch)
            if drum_type is not None:
                index |= 1 << drum_type
            elif not self._ignore_unknown_drums:
                raise DrumsEncodingError(said("unknown drum pitch: {pitch}").format(pitch=pitch))
        return index

    def decode_event(self, index: int) -> frozenset[int]:
        if not 0 <= index < self.num_classes:
            raise ValueError(f"drum class index {index} is outside 0..{self.num_classes - 1}")
        return frozenset(
            pitches[0] for drum_type, pitches in enumerate(self._drum_type_pitches) if index >> drum_type & 1
        )


__all__ = [
    "DEFAULT_DRUM_TYPE_PITCHES",
    "DRUM_TYPE_NAMES",
    "ONE_DRUM_TYPE_PITCHES",
    "GM_DRUM_NAMES",
    "drum_name",
    "DrumsEncodingError",
    "MultiDrumOneHotEncoding",
]
