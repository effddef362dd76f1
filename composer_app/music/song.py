"""The canonical music type: an immutable Song of Tracks of Notes, timed in integer ticks."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace

import numpy as np

from composer_app.said import Said, said

# 960 ticks per quarter divides evenly by 2, 3, 4, 5, 8, 16, 32 and 64, so every grid a user
# can pick (including triplets) lands on whole ticks and edits stay exact.
PPQ = 960
DEFAULT_QPM = 120.0
DRUM_CHANNEL = 9  # MIDI channel 10, counted from zero

# What a song may hold. Every reader (MIDI, scores, projects, the clipboard) checks these through
# song_limit_problem(), so a damaged or hostile file cannot freeze the app, and every limit stays inside what a
# Standard MIDI File can hold, so whatever loads can be written out and read back.
MAX_TICK = 9_999_999  # pretty_midi refuses files past tick 10 million; 2,604 bars of 4/4, 87 minutes at 120 qpm
MAX_BARS = 10_000  # the longest song length a user or a project file may set
MAX_TRACKS = 256
MAX_NOTES = 500_000  # some 4 s to read from a project file; the roll stays smooth at a tenth of it
MAX_TIME_SIGNATURES = 10_000  # the roll walks the metre map on every paint
MIN_QPM = 60_000_000 / 0xFFFFFF  # 3.58 qpm: the slowest tempo an SMF can hold (24 bits of microseconds)
MAX_QPM = 60_000_000.0  # one microsecond per quarter note, the fastest
MAX_NUMERATOR = 255  # what an SMF holds; scores use long bars too (a cadenza in 175/4)
DENOMINATORS = (1, 2, 4, 8, 16, 32, 64)  # SMFs store powers of two; past 64 no beat is a whole note value


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


_NOTE_FIELDS = tuple(operator.attrgetter(f.name) for f in fields(Note))  # the order=True compares, all ints


def _in_order(notes: Sequence[Note]) -> bool:
    """Whether notes are sorted as Note's order compares them (field by field). Done column-wise in numpy: tracks
    are long, and comparing notes one by one made a tuple per comparison (and garbage collections) per edit."""
    if len(notes) < 64:
        return all(a <= b for a, b in zip(notes, notes[1:]))
    undecided = np.ones(len(notes) - 1, dtype=bool)  # pairs equal in every field so far
    for field_of in _NOTE_FIELDS:
        step = np.diff(np.fromiter(map(field_of, notes), dtype=np.int64, count=len(notes)))
        if (step[undecided] < 0).any():
            return False
        undecided &= step == 0
        if not undecided.any():
            break
    return True


@dataclass(frozen=True, slots=True)
class Track:
    """A named instrument part: GM program, drum flag, MIDI channel and its notes (sorted)."""

    name: str = "Track"
    program: int = 0
    is_drum: bool = False
    channel: int = 0
    notes: tuple[Note, ...] = ()
    # Where the last note ends: measured once, because views ask on every edit and tracks can be long.
    end: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 0 <= self.program <= 127:
            raise ValueError(f"program {self.program} is outside 0..127")
        if not 0 <= self.channel <= 15:
            raise ValueError(f"channel {self.channel} is outside 0..15")
        notes = self.notes
        if not isinstance(notes, tuple) or not _in_order(notes):
            object.__setattr__(self, "notes", tuple(sorted(notes)))
        object.__setattr__(self, "end", max((n.start + n.duration for n in self.notes), default=0))

    def with_notes(self, notes: Iterable[Note]) -> Track:
        return replace(self, notes=tuple(notes))

    def with_notes_in_order(self, notes: Sequence[Note]) -> Track:
        """with_notes for notes the caller has kept in order (an edit by bisection), which are not checked again:
        checking 10,000 notes costs more than the rest of a drag's edit."""
        track = replace(self, notes=())
        object.__setattr__(track, "notes", tuple(notes))
        object.__setattr__(track, "end", max((n.start + n.duration for n in track.notes), default=0))
        return track

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
        # max(1, ...): readers refuse a denominator of 0 (see `problem`), but nothing here may divide by it.
        return PPQ * 4 * self.numerator // max(1, self.denominator)

    @property
    def problem(self) -> Said | None:
        """Why a song cannot use this signature, or None when it can."""
        if 1 <= self.numerator <= MAX_NUMERATOR and self.denominator in DENOMINATORS:
            return None
        return said(
            "time signature {numerator}/{denominator} is not one this app can use (1 to {limit} beats of a whole, "
            "half, quarter ... or 64th note)").format(
            numerator=_short_number(self.numerator), denominator=_short_number(self.denominator), limit=MAX_NUMERATOR)

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
            # max(1, ...): a signature nobody checked (numerator 0) must not divide by zero here.
            length = max(1, sig.ticks_per_bar)
            if seg_end is not None and tick > seg_end:
                bars += (seg_end - sig.tick) / length
            else:
                return bars + max(0, tick - sig.tick) / length
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
        # One pass: asking tick_to_seconds for each start would be quadratic in the number of tempo changes.
        starts, seconds, tempos = [0.0], 0.0, self.tempos
        for previous, tempo in zip(tempos, tempos[1:]):
            seconds += (tempo.tick - previous.tick) * 60.0 / (previous.qpm * PPQ)
            starts.append(seconds)
        return starts

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


def _short_number(value: int) -> str:
    """A number for a one-line message: 2^255 rather than its 77 digits."""
    if abs(value) < 10**9:
        return str(value)
    if value > 0 and value & (value - 1) == 0:
        return f"2^{value.bit_length() - 1}"
    return said("a huge number")


def song_limit_problem(song: Song) -> Said | None:
    """What puts a song past the limits above (a reader's error message names the file), or None."""
    if len(song.tracks) > MAX_TRACKS:
        return said("it has {count} tracks; a song can have up to {limit}").format(
            count=len(song.tracks), limit=MAX_TRACKS)
    if song.note_count > MAX_NOTES:
        return said("it has {count} notes; a song can have up to {limit:,}").format(
            count=song.note_count, limit=MAX_NOTES)
    if len(song.time_signatures) > MAX_TIME_SIGNATURES:
        return said("it changes time signature {count} times; a song can change up to {limit:,} times").format(
            count=len(song.time_signatures), limit=MAX_TIME_SIGNATURES)
    for sig in song.time_signatures:
        if sig.problem:
            return said("{problem} at tick {tick}").format(problem=sig.problem, tick=sig.tick)
    for tempo in song.tempos:
        if not MIN_QPM <= tempo.qpm <= MAX_QPM:  # also false for NaN
            return said("tempo {qpm:g} qpm at tick {tick} is outside {low:.2f} to {high:g} qpm").format(
                qpm=tempo.qpm, tick=tempo.tick, low=MIN_QPM, high=MAX_QPM)
    last = max([song.end, song.tempos[-1].tick, song.time_signatures[-1].tick])
    if last > MAX_TICK:
        return said(
            "it lasts until tick {tick}, past the longest song this app can hold "
            "(tick {limit:,}, {bars:,} bars of 4/4); the file is likely damaged").format(
            tick=last, limit=MAX_TICK, bars=MAX_TICK // (4 * PPQ))
    return None


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
    "MAX_TICK",
    "MAX_BARS",
    "MAX_TRACKS",
    "MAX_NOTES",
    "MAX_TIME_SIGNATURES",
    "MIN_QPM",
    "MAX_QPM",
    "MAX_NUMERATOR",
    "DENOMINATORS",
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
    "song_limit_problem",
]
