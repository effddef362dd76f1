"""The canonical music type: an immutable Song of Tracks of Notes, timed in integer ticks."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

# 960 ticks per quarter divides evenly by 2, 3, 4, 5, 8, 16, 32 and 64, so every grid a user
# can pick (including triplets) lands on whole ticks and edits stay exact.
PPQ = 960
DEFAULT_QPM = 120.0
DRUM_CHANNEL = 9  # MIDI channel 10, counted from zero


@dataclass(frozen=True, slots=True, order=True)
class Note:
    """One note: start and duration in ticks at PPQ."""

    start: int
    pitch: int
    duration: int
    velocity: int = 100

    def __post_init__(self) -> None:
        if not 0 <= self.pitch <= 127:
            raise ValueError(f"pitch {self.pitch} is outside 0..127")
        if not 0 <= self.velocity <= 127:
            raise ValueError(f"velocity {self.velocity} is outside 0..127")
        if self.start < 0:
            raise ValueError(f"note start {self.start} is negative")
        if self.duration < 0:
            raise ValueError(f"note duration {self.duration} is negative")

    @property
    def end(self) -> int:
        return self.start + self.duration

    def moved(self, dt: int = 0, dpitch: int = 0) -> Note:
        return replace(self, start=self.start + dt, pitch=self.pitch + dpitch)


@dataclass(frozen=True, slots=True)
class Track:
    """A named instrument part: GM program, drum flag, MIDI channel and its notes (sorted)."""

    name: str = "Track"
    program: int = 0
    is_drum: bool = False
    channel: int = 0
    notes: tuple[Note, ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.program <= 127:
            raise ValueError(f"program {self.program} is outside 0..127")
        if not 0 <= self.channel <= 15:
            raise ValueError(f"channel {self.channel} is outside 0..15")
        notes = self.notes
        if not isinstance(notes, tuple) or any(a > b for a, b in zip(notes, notes[1:])):
            object.__setattr__(self, "notes", tuple(sorted(notes)))

    @property
    def end(self) -> int:
        return max((n.end for n in self.notes), default=0)

    def with_notes(self, notes: Iterable[Note]) -> Track:
        return replace(self, notes=tuple(notes))

    def replace(self, **changes) -> Track:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class TempoChange:
    tick: int
    qpm: float


@dataclass(frozen=True, slots=True)
class TimeSignature:
    tick: int = 0
    numerator: int = 4
    denominator: int = 4

    @property
    def ticks_per_bar(self) -> int:
        return PPQ * 4 * self.numerator // self.denominator

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"


@dataclass(frozen=True, slots=True)
class ChordSymbol:
    """A chord symbol such as "Am7" or "N.C." starting at a tick (lead sheets, backing chords)."""

    tick: int
    figure: str


@dataclass(frozen=True, slots=True)
class Song:
    """A whole piece. Tempo and time-signature maps always hold at least one entry at tick 0."""

    tracks: tuple[Track, ...] = ()
    tempos: tuple[TempoChange, ...] = (TempoChange(0, DEFAULT_QPM),)
    time_signatures: tuple[TimeSignature, ...] = (TimeSignature(),)
    chords: tuple[ChordSymbol, ...] = ()
    title: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "tracks", tuple(self.tracks))
        tempos = tuple(sorted(self.tempos, key=lambda t: t.tick)) or (TempoChange(0, DEFAULT_QPM),)
        if tempos[0].tick != 0:
            tempos = (TempoChange(0, tempos[0].qpm),) + tempos
        for t in tempos:
            if not t.qpm > 0:
                raise ValueError(f"tempo {t.qpm} qpm is not positive")
        object.__setattr__(self, "tempos", tempos)
        sigs = tuple(sorted(self.time_signatures, key=lambda t: t.tick)) or (TimeSignature(),)
        if sigs[0].tick != 0:
            sigs = (replace(sigs[0], tick=0),) + sigs
        object.__setattr__(self, "time_signatures", sigs)
        object.__setattr__(self, "chords", tuple(sorted(self.chords, key=lambda c: c.tick)))

    # -- simple queries ---------------------------------------------------------------
    @property
    def qpm(self) -> float:
        """The first tempo, which is what Magenta's models use for a whole piece."""
        return self.tempos[0].qpm

    @property
    def time_signature(self) -> TimeSignature:
        return self.time_signatures[0]

    @property
    def end(self) -> int:
        return max([t.end for t in self.tracks] + [c.tick for c in self.chords[-1:]], default=0)

    @property
    def note_count(self) -> int:
        return sum(len(t.notes) for t in self.tracks)

    def bar_count(self) -> float:
        """Length in bars, following time-signature changes."""
        return self.tick_to_bar(self.end)

    def tick_to_bar(self, tick: int) -> float:
        bars = 0.0
        sigs = self.time_signatures
        for i, sig in enumerate(sigs):
            seg_end = sigs[i + 1].tick if i + 1 < len(sigs) else None
            if seg_end is not None and tick > seg_end:
                bars += (seg_end - sig.tick) / sig.ticks_per_bar
            else:
                return bars + max(0, tick - sig.tick) / sig.ticks_per_bar
        return bars

    # -- edits (all return new songs) ----------------------------------------------------
    def replace(self, **changes) -> Song:
        return replace(self, **changes)

    def with_track(self, index: int, track: Track) -> Song:
        tracks = list(self.tracks)
        tracks[index] = track
        return replace(self, tracks=tuple(tracks))

    def with_tracks(self, tracks: Sequence[Track]) -> Song:
        return replace(self, tracks=tuple(tracks))

    def add_track(self, track: Track) -> Song:
        return replace(self, tracks=self.tracks + (track,))

    def with_qpm(self, qpm: float) -> Song:
        """Set one constant tempo."""
        return replace(self, tempos=(TempoChange(0, float(qpm)),))

    # -- time conversions at the edges ----------------------------------------------------
    def tick_to_seconds(self, tick: float) -> float:
        seconds = 0.0
        tempos = self.tempos
        for i, tempo in enumerate(tempos):
            seg_end = tempos[i + 1].tick if i + 1 < len(tempos) else None
            if seg_end is not None and tick > seg_end:
                seconds += (seg_end - tempo.tick) * 60.0 / (tempo.qpm * PPQ)
            else:
                return seconds + (tick - tempo.tick) * 60.0 / (tempo.qpm * PPQ)
        return seconds

    def seconds_to_tick(self, seconds: float) -> int:
        starts = self._tempo_starts_seconds()
        i = max(0, bisect.bisect_right(starts, seconds) - 1)
        tempo = self.tempos[i]
        return round(tempo.tick + (seconds - starts[i]) * tempo.qpm * PPQ / 60.0)

    def _tempo_starts_seconds(self) -> list[float]:
        return [self.tick_to_seconds(t.tick) for t in self.tempos]

    @property
    def duration_seconds(self) -> float:
        return self.tick_to_seconds(self.end)


def ticks_per_step(steps_per_quarter: int) -> int:
    """Ticks in one Magenta step; steps_per_quarter must divide PPQ."""
    if steps_per_quarter <= 0 or PPQ % steps_per_quarter:
        raise ValueError(f"{steps_per_quarter} steps per quarter does not divide {PPQ} ticks")
    return PPQ // steps_per_quarter


def tick_to_step(tick: int, steps_per_quarter: int) -> int:
    """Quantize a tick to the nearest step, rounding halves up as note_seq's quantizer does."""
    tps = ticks_per_step(steps_per_quarter)
    return (2 * tick + tps) // (2 * tps)


def step_to_tick(step: int, steps_per_quarter: int) -> int:
    return step * ticks_per_step(steps_per_quarter)


def drum_track(name: str = "Drums", notes: Iterable[Note] = ()) -> Track:
    return Track(name=name, program=0, is_drum=True, channel=DRUM_CHANNEL, notes=tuple(notes))


def new_song(qpm: float = DEFAULT_QPM) -> Song:
    """The song a user starts with: a melody track and a drum track."""
    return Song(
        tracks=(Track(name="Melody", program=0, channel=0), drum_track()),
        tempos=(TempoChange(0, qpm),),
    )


__all__ = [
    "PPQ",
    "DEFAULT_QPM",
    "DRUM_CHANNEL",
    "Note",
    "Track",
    "TempoChange",
    "TimeSignature",
    "ChordSymbol",
    "Song",
    "ticks_per_step",
    "tick_to_step",
    "step_to_tick",
    "drum_track",
    "new_song",
]
