"""Steering Magenta lacks: keep sampled melody notes inside a key/scale, a pitch range and (Improv RNN) the chord."""

from __future__ import annotations

from dataclasses import dataclass

from composer_app.models.errors import GenerationError
from composer_app.music.scales import NOTE_NAMES, SCALES
from composer_app.said import said


@dataclass(frozen=True)
class PitchSteering:
    """Allowed pitches: those in `scale` on `tonic` (a pitch class), between `low` and `high` inclusive; with
    `chord_tones` (for a model over backing chords), also only the tones of the chord of each step (any under N.C.)."""

    tonic: int = 0
    scale: str = "chromatic"
    low: int = 0
    high: int = 127
    chord_tones: bool = False

    def __post_init__(self):
        if self.scale not in SCALES:
            raise GenerationError(said("unknown scale {scale!r}; known: {known}").format(
                scale=self.scale, known=", ".join(SCALES)))
        if not 0 <= self.tonic < 12:
            raise GenerationError(said("tonic must be a pitch class 0..11, not {tonic}").format(tonic=self.tonic))
        if not 0 <= self.low <= self.high <= 127:
            raise GenerationError(said("pitch range {low}..{high} is not within 0..127").format(
                low=self.low, high=self.high))

    def allows(self, pitch: int) -> bool:
        return self.low <= pitch <= self.high and (pitch - self.tonic) % 12 in SCALES[self.scale]

    def describe(self) -> str:
        chord = ", chord tones only" if self.chord_tones else ""
        return f"{NOTE_NAMES[self.tonic]} {self.scale}, pitches {self.low}-{self.high}{chord}"


def chord_pitch_classes(figure: str) -> frozenset[int] | None:
    """The pitch classes of a chord (its bass included) that chord-tone steering allows; None for N.C."""
    from composer_app.music.chords import parse_chord_symbol

    info = parse_chord_symbol(figure)
    if info.is_no_chord:
        return None
    return frozenset(info.pitch_classes) | {info.bass_pitch_class}
