"""Steering Magenta lacks: keep sampled melody notes inside a key/scale and a pitch range."""

from __future__ import annotations

from dataclasses import dataclass

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
NOTE_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")


@dataclass(frozen=True)
class PitchSteering:
    """Allowed pitches: those in `scale` on `tonic` (a pitch class), between `low` and `high` inclusive."""

    tonic: int = 0
    scale: str = "chromatic"
    low: int = 0
    high: int = 127

    def __post_init__(self):
        if self.scale not in SCALES:
            raise ValueError(f"unknown scale {self.scale!r}; known: {', '.join(SCALES)}")
        if not 0 <= self.tonic < 12:
            raise ValueError(f"tonic must be a pitch class 0..11, not {self.tonic}")
        if not 0 <= self.low <= self.high <= 127:
            raise ValueError(f"pitch range {self.low}..{self.high} is not within 0..127")

    def allows(self, pitch: int) -> bool:
        return self.low <= pitch <= self.high and (pitch - self.tonic) % 12 in SCALES[self.scale]

    def describe(self) -> str:
        return f"{NOTE_NAMES[self.tonic]} {self.scale}, pitches {self.low}-{self.high}"
