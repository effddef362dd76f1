"""Magenta's event views of a Track: monophonic Melody and DrumTrack step sequences, and back to notes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from composer_app.music.encodings.melody import (
    MAX_MELODY_EVENT,
    MAX_MIDI_PITCH,
    MELODY_NO_EVENT,
    MELODY_NOTE_OFF,
    MIN_MELODY_EVENT,
    MIN_MIDI_PITCH,
    NOTES_PER_OCTAVE,
    check_melody_events,
    major_key_histogram,
    note_histogram,
)
from composer_app.music.errors import MusicError
from composer_app.music.song import Note, TimeSignature, Track, drum_track, tick_to_step, ticks_per_step
from composer_app.said import said

DEFAULT_STEPS_PER_QUARTER = 4
DEFAULT_STEPS_PER_BAR = 16


class PolyphonicMelodyError(MusicError):
    """Two notes start on one step and polyphony was not to be ignored."""


class TimeSignatureError(MusicError):
    """A time signature does not divide into whole steps of a model's grid."""

    hint = said("Change the song's time signature, or choose a model with a finer grid.")


def steps_per_bar_for(
    time_signature: TimeSignature, steps_per_quarter: int = DEFAULT_STEPS_PER_QUARTER
) -> int:
    """Steps in one bar of a time signature, as Magenta derives it; TimeSignatureError if not whole."""
    steps = steps_per_quarter * 4 * time_signature.numerator / time_signature.denominator
    if steps % 1:
        raise TimeSignatureError(
            said("{time_signature} at {steps_per_quarter} steps per quarter gives {steps:g} steps per bar, "
                 "not a whole number")
            .format(time_signature=str(time_signature), steps_per_quarter=steps_per_quarter, steps=steps)
        )
    return int(steps)


class Melody(list):
    """Monophonic melody events, one per step: -2 no event (hold), -1 note off, 0..127 note on.

    `start_step` is where step 0 lies in the source, always at a bar start when extracted.
    A sustained note is implicitly turned off at the end.
    """

    def __init__(
        self,
        events: Iterable[int] = (),
        start_step: int = 0,
        steps_per_quarter: int = DEFAULT_STEPS_PER_QUARTER,
        steps_per_bar: int = DEFAULT_STEPS_PER_BAR,
    ):
        events = list(events)
        check_melody_events(events)
        # A note off before any note means nothing; note_seq turns those into no-events too.
        for i, event in enumerate(events):
            if event not in (MELODY_NO_EVENT, MELODY_NOTE_OFF):
                break
            events[i] = MELODY_NO_EVENT
        super().__init__(events)
        self.start_step = start_step
        self.steps_per_quarter = steps_per_quarter
        self.steps_per_bar = steps_per_bar

    def __repr__(self) -> str:
        return f"Melody({list(self)!r}, start_step={self.start_step})"

    @property
    def end_step(self) -> int:
        return self.start_step + len(self)

    def append(self, event: int) -> None:
        if not MIN_MELODY_EVENT <= event <= MAX_MELODY_EVENT:
            raise ValueError(f"melody event out of range: {event}")
        super().append(event)

    def set_length(self, steps: int) -> None:
        """Truncate, or pad with no-events, ending a note still sounding at the old end."""
        old_length = len(self)
        if steps <= old_length:
            del self[steps:]
            return
        self.extend([MELODY_NO_EVENT] * (steps - old_length))
        for i in range(old_length - 1, -1, -1):
            if self[i] == MELODY_NOTE_OFF:
                break
            if self[i] != MELODY_NO_EVENT:
                self[old_length] = MELODY_NOTE_OFF
                break

    def _add_note(self, pitch: int, start: int, end: int) -> None:
        # Cuts off everything after `start`, so an overlapping earlier note ends where this begins.
        self.set_length(end + 1)
        self[start] = pitch
        self[end] = MELODY_NOTE_OFF
        for i in range(start + 1, end):
            self[i] = MELODY_NO_EVENT

    def _last_on_off(self) -> tuple[int, int]:
        """Index of the last note on, and of the first note off after it (or the length)."""
        last_off = len(self)
        for i in range(len(self) - 1, -1, -1):
            if self[i] == MELODY_NOTE_OFF:
                last_off = i
            if self[i] >= MIN_MIDI_PITCH:
                return i, last_off
        raise ValueError("the melody has no notes")

    def get_note_histogram(self) -> np.ndarray:
        """Note-on counts per pitch class (C = 0 .. B = 11)."""
        return note_histogram(self)

    def get_major_key_histogram(self) -> np.ndarray:
        """For each major key (C = 0 .. B = 11), how many note-ons fit in it."""
        return major_key_histogram(self)

    def get_major_key(self) -> int:
        """The best-fitting major key; ties go to the lowest key index."""
        return int(np.argmax(self.get_major_key_histogram()))

    def transpose(self, amount: int, min_note: int = 0, max_note: int = 128) -> None:
        """Transpose note-ons in place, folding by octaves into [min_note, max_note)."""
        for i, event in enumerate(self):
            if event >= MIN_MIDI_PITCH:
                event += amount
                if event < min_note:
                    event = min_note + (event - min_note) % NOTES_PER_OCTAVE
                elif event >= max_note:
                    event = max_note - NOTES_PER_OCTAVE + (event - max_note) % NOTES_PER_OCTAVE
                self[i] = event

    def squash(self, min_note: int, max_note: int, transpose_to_key: int | None = None) -> int:
        """Move into a key and centre in [min_note, max_note), folding strays; returns the shift.

        The key is note_seq's histogram guess; with transpose_to_key None only the folding happens.
        """
        if transpose_to_key is None:
            amount = 0
        else:
            key_diff = transpose_to_key - self.get_major_key()
            pitches = [e for e in self if MIN_MIDI_PITCH <= e <= MAX_MIDI_PITCH]
            if not pitches:
                return 0
            melody_center = (min(pitches) + max(pitches)) / 2
            target_center = (min_note + max_note - 1) / 2
            center_diff = target_center - (melody_center + key_diff)
            # round() is Python 3's banker's rounding, which note_seq also uses here.
            amount = key_diff + NOTES_PER_OCTAVE * int(round(center_diff / float(NOTES_PER_OCTAVE)))
        self.transpose(amount, min_note, max_note)
        return amount


class DrumTrack(list):
    """Drum events, one per step: the frozenset of drum pitches struck at that step."""

    def __init__(
        self,
        events: Iterable[Iterable[int]] = (),
        start_step: int = 0,
        steps_per_quarter: int = DEFAULT_STEPS_PER_QUARTER,
        steps_per_bar: int = DEFAULT_STEPS_PER_BAR,
    ):
        checked = []
        for event in events:
            event = frozenset(event)
            if not all(isinstance(p, (int, np.integer)) and 0 <= p <= 127 for p in event):
                raise ValueError(f"drum event contains an invalid pitch: {sorted(event)}")
            checked.append(event)
        super().__init__(checked)
        self.start_step = start_step
        self.steps_per_quarter = steps_per_quarter
        self.steps_per_bar = steps_per_bar

    def __repr__(self) -> str:
        return f"DrumTrack({[sorted(e) for e in self]!r}, start_step={self.start_step})"

    @property
    def end_step(self) -> int:
        return self.start_step + len(self)

    def set_length(self, steps: int) -> None:
        """Truncate, or pad with empty steps."""
        if steps <= len(self):
            del self[steps:]
        else:
            self.extend([frozenset()] * (steps - len(self)))


def _quantized(track: Track, steps_per_quarter: int) -> list[tuple[int, int, Note]]:
    """(start step, end step, note) per note, ends bumped past starts as note_seq's quantizer does."""
    out = []
    for note in track.notes:
        start = tick_to_step(note.start, steps_per_quarter)
        end = tick_to_step(note.end, steps_per_quarter)
        out.append((start, max(end, start + 1), note))
    return out


def melody_from_track(
    track: Track,
    steps_per_quarter: int = DEFAULT_STEPS_PER_QUARTER,
    steps_per_bar: int = DEFAULT_STEPS_PER_BAR,
    search_start_step: int = 0,
    gap_bars: int = 1,
    ignore_polyphonic_notes: bool = True,
    pad_end: bool = False,
) -> Melody:
    """Extract one monophonic melody the way note_seq's Melody.from_quantized_sequence does.

    Starts at the bar holding the first note at or after `search_start_step`; where notes start
    together the highest wins (or PolyphonicMelodyError); a later note cuts an earlier one short;
    zero-velocity notes are skipped; a silence of `gap_bars` bars ends the melody.
    """
    melody = Melody(steps_per_quarter=steps_per_quarter, steps_per_bar=steps_per_bar)
    notes = [q for q in _quantized(track, steps_per_quarter) if q[0] >= search_start_step]
    # Stable sort: among equal (start, pitch) the track's order decides, as the proto order does there.
    notes.sort(key=lambda q: (q[0], -q[2].pitch))
    if not notes:
        return melody
    first = notes[0][0]
    # A silent note still sets the start bar, as in note_seq.
    melody_start = first - (first - search_start_step) % steps_per_bar
    for start, end, note in notes:
        if not note.velocity:
            continue
        start_index = start - melody_start
        end_index = end - melody_start
        if not melody:
            melody._add_note(note.pitch, start_index, end_index)
            continue
        last_on, last_off = melody._last_on_off()
        if start_index == last_on:
            if ignore_polyphonic_notes:
                continue  # sorted by pitch descending: the one already there is the highest
            raise PolyphonicMelodyError(said("two notes start at step {step} and polyphony is not ignored").format(
                step=start))
        if start_index - last_off >= gap_bars * steps_per_bar:
            break
        melody._add_note(note.pitch, start_index, end_index)
    if not melody:
        return melody
    melody.start_step = melody_start
    if melody[-1] == MELODY_NOTE_OFF:
        del melody[-1]
    length = len(melody)
    if pad_end:
        length += -length % steps_per_bar
    melody.set_length(length)
    return melody


def melody_to_notes(
    melody: Iterable[int],
    velocity: int = 100,
    start_tick: int = 0,
    steps_per_quarter: int | None = None,
) -> list[Note]:
    """Notes of a melody, each held until the next note on or note off (or the end).

    Step 0 of the melody lands on start_tick + start_step steps (start_step 0 for plain lists).
    """
    spq = steps_per_quarter or getattr(melody, "steps_per_quarter", DEFAULT_STEPS_PER_QUARTER)
    tps = ticks_per_step(spq)
    offset = start_tick + getattr(melody, "start_step", 0) * tps
    notes: list[Note] = []
    pitch = start = None
    length = 0
    for step, event in enumerate(melody):
        length = step + 1
        if event >= MIN_MIDI_PITCH or event == MELODY_NOTE_OFF:
            if pitch is not None:
                notes.append(Note(offset + start * tps, pitch, (step - start) * tps, velocity))
                pitch = None
            if event >= MIN_MIDI_PITCH:
                pitch, start = event, step
    if pitch is not None:
        notes.append(Note(offset + start * tps, pitch, (length - start) * tps, velocity))
    return notes


def melody_to_track(
    melody: Iterable[int],
    name: str = "Melody",
    program: int = 0,
    channel: int = 0,
    velocity: int = 100,
    start_tick: int = 0,
) -> Track:
    """A Track playing a melody."""
    notes = melody_to_notes(melody, velocity=velocity, start_tick=start_tick)
    return Track(name=name, program=program, channel=channel, notes=tuple(notes))


def drums_from_track(
    track: Track,
    steps_per_quarter: int = DEFAULT_STEPS_PER_QUARTER,
    steps_per_bar: int = DEFAULT_STEPS_PER_BAR,
    search_start_step: int = 0,
    gap_bars: int = 1,
    pad_end: bool = False,
) -> DrumTrack:
    """Extract a drum track the way note_seq's DrumTrack.from_quantized_sequence does.

    Hits starting on one step form one event; zero-velocity notes are skipped; the track starts at
    the bar of the first hit and ends at a silence of `gap_bars` bars. Every note of `track` counts
    as a drum (the caller picks the track).
    """
    drums = DrumTrack(steps_per_quarter=steps_per_quarter, steps_per_bar=steps_per_bar)
    grouped: dict[int, set[int]] = defaultdict(set)
    for start, _end, note in _quantized(track, steps_per_quarter):
        if note.velocity and start >= search_start_step:
            grouped[start].add(note.pitch)
    if not grouped:
        return drums
    steps = sorted(grouped)
    track_start = steps[0] - (steps[0] - search_start_step) % steps_per_bar
    gap_start = 0
    for step in steps:
        index = step - track_start
        if drums and index - gap_start >= gap_bars * steps_per_bar:
            break
        drums.set_length(index + 1)
        drums[index] = frozenset(grouped[step])
        gap_start = index + 1
    drums.start_step = track_start
    length = len(drums)
    if pad_end:
        length += -length % steps_per_bar
    drums.set_length(length)
    return drums


def drums_to_notes(
    drums: Iterable[Iterable[int]],
    velocity: int = 100,
    start_tick: int = 0,
    steps_per_quarter: int | None = None,
) -> list[Note]:
    """One step-long note per drum hit, sorted."""
    spq = steps_per_quarter or getattr(drums, "steps_per_quarter", DEFAULT_STEPS_PER_QUARTER)
    tps = ticks_per_step(spq)
    offset = start_tick + getattr(drums, "start_step", 0) * tps
    return sorted(
        Note(offset + step * tps, pitch, tps, velocity) for step, event in enumerate(drums) for pitch in event
    )


def drums_to_track(
    drums: Iterable[Iterable[int]], name: str = "Drums", velocity: int = 100, start_tick: int = 0
) -> Track:
    """A drum Track (MIDI channel 10) playing a drum track."""
    return drum_track(name, drums_to_notes(drums, velocity=velocity, start_tick=start_tick))


__all__ = [
    "DEFAULT_STEPS_PER_QUARTER",
    "DEFAULT_STEPS_PER_BAR",
    "PolyphonicMelodyError",
    "TimeSignatureError",
    "steps_per_bar_for",
    "Melody",
    "DrumTrack",
    "melody_from_track",
    "melody_to_notes",
    "melody_to_track",
    "drums_from_track",
    "drums_to_notes",
    "drums_to_track",
]
