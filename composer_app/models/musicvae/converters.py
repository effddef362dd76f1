"""Magenta's MusicVAE data converters: a Song to the encoder's input windows, and decoded classes back to a Song.

OneHotMelodyConverter (90 classes: 0 no event, 1 note off, k >= 2 MIDI pitch k + 19, i.e. 21..108) and
DrumsConverter (9 drum classes with note_seq's pitch map or the 61 of the full map, a roll input with a NOR bit,
2^9-way outputs where bit k is drum class k, or a roll output for the NADE configs), with the extraction Magenta's infer-mode converters use: melodies per instrument starting at the
bar of their first note and padded to the end of the bar of their last, ended by a silence of a bar; windows of the
config's length slid a bar at a time, duplicates dropped.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from composer_app.models.errors import ModelError
from composer_app.music.encodings.drums import DEFAULT_DRUM_TYPE_PITCHES
from composer_app.music.errors import MusicError
from composer_app.music.events import (
    DrumTrack,
    Melody,
    drums_from_track,
    drums_to_notes,
    melody_from_track,
    melody_to_notes,
    steps_per_bar_for,
)
from composer_app.music.song import Note, Song, TempoChange, TimeSignature, Track, drum_track
from composer_app.said import said

STEPS_PER_QUARTER = 4
QUARTERS_PER_BAR = 4
STEPS_PER_BAR = STEPS_PER_QUARTER * QUARTERS_PER_BAR
OUTPUT_VELOCITY = 80  # Magenta's decoded notes
OUTPUT_QPM = 120.0  # note_seq's default tempo, at which Magenta writes decoded music
MAX_BARS = 100  # every config here truncates extracted melodies and drum tracks to 100 bars before slicing
GAP_BARS = 1

MELODY_NO_EVENT_CLASS = 0
MELODY_NOTE_OFF_CLASS = 1
MELODY_FIRST_PITCH_CLASS = 2


class NoMusicError(ModelError):
    """A file has nothing the model's converter can read: no melody, no drums, or a metre it does not take."""

    hint = said("Give a MIDI file in 4/4 with at least a bar of the music this model plays (a melody or drums).")


@dataclass(frozen=True)
class Windows:
    """The converter's output for one song: encoder inputs [n, steps, input_depth], their lengths, and the
    classes per step of each window (the decoder's targets: melody classes or 512-way drum classes)."""

    inputs: np.ndarray
    lengths: tuple[int, ...]
    classes: tuple[tuple[int, ...], ...]
    start_bars: tuple[int, ...] = ()  # where each window starts in the song, in bars from 0

    def __len__(self) -> int:
        return len(self.classes)

    def pick(self, first_bar: int, last_bar: int) -> Windows:
        """The first window lying within bars first_bar..last_bar (from 0, both included); NoMusicError lists the
        windows there are when none does."""
        steps = len(self.classes[0]) // STEPS_PER_BAR if self.classes else 0
        for k, start in enumerate(self.start_bars):
            if start >= first_bar and start + steps - 1 <= last_bar:
                return self.subset([k])
        starts = ", ".join(str(b + 1) for b in sorted(set(self.start_bars))) or said("none")
        raise NoMusicError(said("no {bars}-bar window lies within bars {first} to {last}; windows start at bars "
                                "{starts}").format(bars=steps, first=first_bar + 1, last=last_bar + 1, starts=starts))

    def subset(self, rows: list[int]) -> Windows:
        """These windows' rows `rows`, in that order."""
        return dataclasses.replace(self, inputs=self.inputs[rows], lengths=tuple(self.lengths[k] for k in rows),
                                   classes=tuple(self.classes[k] for k in rows),
                                   start_bars=tuple(self.start_bars[k] for k in rows) if self.start_bars else ())


def check_metre(song: Song) -> None:
    for sig in song.time_signatures:
        try:
            steps = steps_per_bar_for(sig, STEPS_PER_QUARTER)
        except MusicError:
            steps = None
        if steps != STEPS_PER_BAR:
            raise NoMusicError(said("the song is in {metre}; MusicVAE's converters read only 4/4 (16 steps a bar)")
                               .format(metre=str(sig)))


@dataclass(frozen=True)
class Piece:
    """A stretch of a song with one tempo and metre, as note_seq splits a sequence on time changes: its tracks
    with notes shifted to start at the piece's start and cut at its end, its steps per bar (None: not 4/4), and
    the tick where it starts in the song."""

    tracks: tuple[Track, ...]
    steps_per_bar: int | None
    metre: str
    start: int = 0


def _steps_per_bar(sig: TimeSignature) -> int | None:
    try:
        return steps_per_bar_for(sig, STEPS_PER_QUARTER)
    except MusicError:
        return None


def pieces(song: Song) -> list[Piece]:
    """split_note_sequence_on_time_changes: cut where the tempo or metre changes before the last note ends."""
    end = max((n.end for t in song.tracks for n in t.notes), default=0)
    metre, qpm = TimeSignature(0, 4, 4), 120.0  # note_seq's defaults before the first change
    cuts, metres = [0], [metre]
    changes = sorted([*song.time_signatures, *song.tempos], key=lambda c: c.tick)
    for change in (c for c in changes if c.tick < end):
        if isinstance(change, TempoChange):
            same = change.qpm == qpm
            qpm = change.qpm
        else:
            same = (change.numerator, change.denominator) == (metre.numerator, metre.denominator)
            metre = change
        if same:
            continue
        if change.tick > cuts[-1]:
            cuts.append(change.tick)
            metres.append(metre)
        else:
            metres[-1] = metre
    cuts.append(end)
    out = []
    for start, stop, sig in zip(cuts, cuts[1:], metres):
        tracks = tuple(t.with_notes(Note(n.start - start, n.pitch, min(n.end, stop) - n.start, n.velocity)
                                    for n in t.notes if start <= n.start < stop) for t in song.tracks)
        out.append(Piece(tracks, _steps_per_bar(sig), str(sig), start))
    return out


def four_four_pieces(song: Song) -> list[tuple[Piece, int]]:
    """The song's 4/4 pieces with the bar each starts at (from 0, counted through the metres before it). Magenta
    converts each piece on its own and skips the others; a song with no 4/4 piece at all is a NoMusicError."""
    found = [(piece, round(song.tick_to_bar(piece.start))) for piece in pieces(song)
             if piece.steps_per_bar == STEPS_PER_BAR]
    if not found:
        metres = ", ".join(sorted({str(sig) for sig in song.time_signatures})) or said("no metre")
        raise NoMusicError(said("the song is in {metre}; MusicVAE's converters read only 4/4 (16 steps a bar)").format(
            metre=metres))
    return found


def unique_windows(windows) -> dict[tuple[int, ...], int]:
    """(window, start bar) pairs to each distinct window's first start bar. Magenta keeps a set of the windows;
    this keeps the first of each, in the order they occur, and where it was found."""
    found: dict[tuple[int, ...], int] = {}
    for window, start_bar in windows:
        found.setdefault(window, start_bar)
    return found


def slices(events: list, slice_steps: int) -> list[tuple[int, list]]:
    """The windows of `slice_steps` steps sliding a bar at a time, each with its first step in `events`."""
    return [(i - slice_steps, events[i - slice_steps:i]) for i in range(slice_steps, len(events) + 1, STEPS_PER_BAR)]


def _truncated_length(length: int) -> int:
    """extract_melodies / extract_drum_tracks with pad_end: cut to max_bars, then to a whole bar."""
    limit = MAX_BARS * STEPS_PER_BAR
    return limit - limit % STEPS_PER_BAR if length > limit else length


class MelodyConverter:
    """Magenta's OneHotMelodyConverter (min_pitch 21, max_pitch 108, skip_polyphony False, gap_bars 1)."""

    kind = "melody"
    min_pitch = 21
    max_pitch = 108
    input_depth = output_depth = max_pitch - min_pitch + 1 + MELODY_FIRST_PITCH_CLASS  # 90

    def __init__(self, slice_bars: int):
        self.slice_bars = slice_bars

    @property
    def slice_steps(self) -> int:
        return self.slice_bars * STEPS_PER_BAR

    def event_class(self, event: int) -> int:
        """A note_seq melody event (-2 no event, -1 note off, a pitch) as its one-hot class."""
        if event < 0:
            return MELODY_NO_EVENT_CLASS if event == -2 else MELODY_NOTE_OFF_CLASS
        return event - self.min_pitch + MELODY_FIRST_PITCH_CLASS

    def class_event(self, cls: int) -> int:
        if not 0 <= cls < self.output_depth:
            raise ModelError(said("melody class {value} is outside 0..{highest}").format(
                value=cls, highest=self.output_depth - 1))
        if cls < MELODY_FIRST_PITCH_CLASS:
            return -2 if cls == MELODY_NO_EVENT_CLASS else -1
        return cls - MELODY_FIRST_PITCH_CLASS + self.min_pitch

    def melodies(self, song: Song) -> list[Melody]:
        """note_seq's extract_melodies (min_bars 1, pad_end, ignore_polyphonic_notes) over each pitched track of
        each 4/4 piece; a melody's start_step counts from the song's start."""
        out = []
        for piece, first_bar in four_four_pieces(song):
            for track in piece.tracks:
                if track.is_drum:
                    continue
                valid = track.with_notes(n for n in track.notes if self.min_pitch <= n.pitch <= self.max_pitch)
                search = 0
                while True:
                    melody = melody_from_track(valid, STEPS_PER_QUARTER, STEPS_PER_BAR, search_start_step=search,
                                               gap_bars=GAP_BARS, ignore_polyphonic_notes=True, pad_end=True)
                    if not melody:
                        break
                    search = melody.end_step + (search - melody.end_step) % STEPS_PER_BAR
                    if len(melody) < STEPS_PER_BAR:
                        continue
                    del melody[_truncated_length(len(melody)):]
                    melody.start_step += first_bar * STEPS_PER_BAR
                    out.append(melody)
        return out

    def to_windows(self, song: Song) -> Windows:
        """Every distinct window of `slice_bars` bars of every melody; NoMusicError when there is none."""
        found = unique_windows(
            (tuple(self.event_class(e) for e in window), (melody.start_step + offset) // STEPS_PER_BAR)
            for melody in self.melodies(song)
            for offset, window in slices(melody, self.slice_steps))
        if not found:
            raise NoMusicError(said("no melody of {bars} bars or more was found").format(bars=self.slice_bars))
        eye = np.eye(self.input_depth, dtype=np.float32)
        inputs = np.stack([eye[list(w)] for w in found])
        return Windows(inputs, tuple(len(w) for w in found), tuple(found), tuple(found.values()))

    def to_song(self, classes) -> Song:
        """Magenta's decoded melody: program 0, velocity 80, 120 qpm; class 0 holds, every pitch class strikes."""
        events = [self.class_event(int(c)) for c in classes]
        notes = melody_to_notes(events, velocity=OUTPUT_VELOCITY, steps_per_quarter=STEPS_PER_QUARTER)
        track = Track(name="Melody", program=0, channel=0, notes=tuple(notes))
        return Song(tracks=(track,), tempos=(TempoChange(0, OUTPUT_QPM),))


# data.FULL_DRUM_PITCH_CLASSES: every General MIDI drum pitch its own class (61), in Magenta's order.
FULL_DRUM_PITCH_CLASSES: tuple[tuple[int, ...], ...] = tuple((p,) for p in (
    36, 35, 38, 27, 28, 31, 32, 33, 34, 37, 39, 40, 56, 65, 66, 75, 85, 42, 44, 54, 68, 69, 70, 71, 73, 78, 80, 46,
    67, 72, 74, 79, 81, 45, 29, 41, 61, 64, 84, 48, 47, 60, 63, 77, 86, 87, 50, 30, 43, 62, 76, 83, 49, 55, 57, 58,
    51, 52, 53, 59, 82))


class DrumsConverter:
    """Magenta's DrumsConverter with roll_input (a roll of the drum classes + NOR bit in), gap_bars 1; its output
    is the one-hot class of the hit set (2^classes wide), or with roll_output the roll itself (the NADE configs)."""

    kind = "drums"

    def __init__(self, slice_bars: int, pitch_classes=DEFAULT_DRUM_TYPE_PITCHES, roll_output: bool = False):
        self.slice_bars = slice_bars
        self.pitch_classes = tuple(tuple(pitches) for pitches in pitch_classes)
        self.num_classes = len(self.pitch_classes)
        self.roll_output = roll_output
        self.input_depth = self.num_classes + 1
        self.output_depth = self.num_classes if roll_output else 2 ** self.num_classes
        self.pitch_class = {p: i for i, pitches in enumerate(self.pitch_classes) for p in pitches}

    @property
    def slice_steps(self) -> int:
        return self.slice_bars * STEPS_PER_BAR

    def drum_tracks(self, song: Song) -> list[DrumTrack]:
        """note_seq's extract_drum_tracks (min_bars 1, pad_end) over every drum note of each 4/4 piece, pitches as
        class indices; pitches outside the map are left out, as Magenta leaves them."""
        out = []
        for piece, first_bar in four_four_pieces(song):
            notes = [n.moved(dpitch=self.pitch_class[n.pitch] - n.pitch)
                     for t in piece.tracks if t.is_drum for n in t.notes if n.pitch in self.pitch_class]
            merged = drum_track("Drums", notes)
            search = 0
            while True:
                drums = drums_from_track(merged, STEPS_PER_QUARTER, STEPS_PER_BAR, search_start_step=search,
                                         gap_bars=GAP_BARS, pad_end=True)
                if not drums:
                    break
                search = drums.end_step + (search - drums.end_step) % STEPS_PER_BAR
                if len(drums) < STEPS_PER_BAR:
                    continue
                del drums[_truncated_length(len(drums)):]
                drums.start_step += first_bar * STEPS_PER_BAR
                out.append(drums)
        return out

    @staticmethod
    def event_class(event) -> int:
        """The class of a set of drum classes: bit k is drum class k (the one-hot output's class)."""
        return sum(1 << k for k in event)

    def class_pitches(self, cls: int) -> list[int]:
        """The pitches Magenta writes for a class: the first pitch of each drum class whose bit is set."""
        if not 0 <= cls < 2 ** self.num_classes:
            raise ModelError(said("drum class {value} is outside 0..{highest}").format(
                value=cls, highest=2 ** self.num_classes - 1))
        return [self.pitch_classes[k][0] for k in range(self.num_classes) if cls >> k & 1]

    def bits(self, classes) -> np.ndarray:
        """The multi-hot roll [steps, classes]: bit k of each step's class."""
        classes = [int(c) for c in classes]
        return np.array([[c >> k & 1 for k in range(self.num_classes)] for c in classes], np.float32).reshape(
            len(classes), self.num_classes)

    def roll(self, classes) -> np.ndarray:
        """The encoder's roll [steps, classes + 1]: bit k of each class, then the NOR bit (1 on a silent step)."""
        bits = self.bits(classes)
        return np.concatenate([bits, (bits.sum(axis=1) == 0)[:, None]], axis=1).astype(np.float32)

    def to_windows(self, song: Song) -> Windows:
        """Every distinct window of `slice_bars` bars of every drum track; NoMusicError when there is none."""
        found = unique_windows(
            (tuple(self.event_class(e) for e in window), (drums.start_step + offset) // STEPS_PER_BAR)
            for drums in self.drum_tracks(song)
            for offset, window in slices(drums, self.slice_steps))
        if not found:
            raise NoMusicError(said("no drum track of {bars} bars or more was found").format(bars=self.slice_bars))
        inputs = np.stack([self.roll(w) for w in found])
        return Windows(inputs, tuple(len(w) for w in found), tuple(found), tuple(found.values()))

    def step_pitches(self, output) -> list[list[int]]:
        """The pitches of each decoded step: from the classes [steps], or from the 0/1 roll [steps, classes]."""
        output = np.asarray(output)
        if not self.roll_output:
            return [self.class_pitches(int(c)) for c in output.reshape(-1)]
        if output.ndim != 2 or output.shape[1] != self.num_classes:
            raise ModelError(said("a drum roll must be [steps, {classes}], got {shape}").format(
                classes=self.num_classes, shape=str(list(output.shape))))
        return [[self.pitch_classes[k][0] for k in np.flatnonzero(row > 0.5)] for row in output]

    def to_song(self, output) -> Song:
        """Magenta's decoded drums: one-16th hits at velocity 80 on the drum channel, 120 qpm."""
        notes = drums_to_notes(self.step_pitches(output), velocity=OUTPUT_VELOCITY,
                               steps_per_quarter=STEPS_PER_QUARTER)
        return Song(tracks=(drum_track("Drums", notes),), tempos=(TempoChange(0, OUTPUT_QPM),))


Converter = MelodyConverter | DrumsConverter
