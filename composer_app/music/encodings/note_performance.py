"""Performance RNN's note encoding, as note_seq's NotePerformance and NotePerformanceEventSequenceEncoderDecoder.

An event is one whole note: (time shift, pitch, velocity bin, duration), the shift from the previous note's onset
and the duration in 10 ms steps (shift 0..1000, duration 1..1000). The network reads the six one-hot blocks of
an event side by side and predicts it with six softmax heads: shift major and minor, pitch, velocity, duration
major and minor (major/minor split a range into equal segments: 13 x 77 for shifts, 25 x 40 for durations).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from composer_app.music.encodings.base import EventSequenceEncoderDecoder
from composer_app.music.encodings.performance import bin_to_velocity, velocity_to_bin
from composer_app.music.errors import MusicError
from composer_app.said import said

MAX_SHIFT_STEPS = 1000
MAX_DURATION_STEPS = 1000
# note_seq's default label: no shift, middle C, the softest bin, one step.
DEFAULT_NOTE_EVENT = (0, 60, 1, 1)


class NotePerformanceError(MusicError):
    """Notes no note performance can hold: a gap or a note over 10 s (Magenta's TooMany...StepsError), or none."""

    hint = said("Give a primer whose gaps and notes last at most 10 s.")


def _segments(steps: int) -> int:
    """note_seq's optimal_num_segments: the divisor i of steps minimising i + steps / i (the first on ties)."""
    return min(((i, i + steps / i) for i in range(1, steps) if steps % i == 0), key=lambda v: v[1])[0]


class NotePerformanceEventSequenceEncoderDecoder(EventSequenceEncoderDecoder):
    """Input: six one-hot blocks (shift major, shift minor, pitch, velocity, duration major, duration minor).
    Label: the six class indices, one per softmax head."""

    def __init__(self, num_velocity_bins: int, max_shift_steps: int = MAX_SHIFT_STEPS,
                 max_duration_steps: int = MAX_DURATION_STEPS, min_pitch: int = 0, max_pitch: int = 127):
        self.num_velocity_bins = num_velocity_bins
        self.min_pitch = min_pitch
        self.max_shift_steps, self.max_duration_steps = max_shift_steps, max_duration_steps
        # Shifts of 0 are events too, hence one value more than the largest shift.
        self.shift_segments = _segments(max_shift_steps + 1)
        self.shift_per_segment = (max_shift_steps + 1) // self.shift_segments
        self.duration_segments = _segments(max_duration_steps)
        self.duration_per_segment = max_duration_steps // self.duration_segments
        self._heads = (self.shift_segments, self.shift_per_segment, max_pitch - min_pitch + 1, num_velocity_bins,
                       self.duration_segments, self.duration_per_segment)

    @property
    def head_sizes(self) -> tuple[int, ...]:
        return self._heads

    @property
    def input_size(self) -> int:
        return sum(self._heads)

    @property
    def num_classes(self) -> int:
        """The logits of all heads together (Magenta's num_classes is the list of head sizes)."""
        return sum(self._heads)

    @property
    def default_event_label(self) -> tuple[int, ...]:
        return self.encode_event(DEFAULT_NOTE_EVENT)

    def encode_event(self, event) -> tuple[int, ...]:
        shift, pitch, velocity_bin, duration = (int(v) for v in event)
        labels = (shift // self.shift_per_segment, shift % self.shift_per_segment, pitch - self.min_pitch,
                  velocity_bin - 1, (duration - 1) // self.duration_per_segment,
                  (duration - 1) % self.duration_per_segment)
        if not all(0 <= label < size for label, size in zip(labels, self._heads)):
            raise ValueError(f"not a note event of this encoding: {tuple(event)!r}")
        return labels

    def decode_labels(self, labels: Sequence[int]) -> tuple[int, int, int, int]:
        shift = int(labels[0]) * self.shift_per_segment + int(labels[1])
        duration = int(labels[4]) * self.duration_per_segment + int(labels[5]) + 1
        return (shift, int(labels[2]) + self.min_pitch, int(labels[3]) + 1, duration)

    def events_to_input(self, events, position) -> list[float]:
        out = [0.0] * self.input_size
        offset = 0
        for label, size in zip(self.encode_event(events[position]), self._heads):
            out[offset + label] = 1.0
            offset += size
        return out

    def events_to_label(self, events, position) -> tuple[int, ...]:
        return self.encode_event(events[position])

    def class_index_to_event(self, class_index, events):
        return self.decode_labels(class_index)

    def labels_to_num_steps(self, labels) -> int:
        events = [self.decode_labels(label) for label in labels]
        return note_performance_steps(events)

    def labels_array(self, events) -> np.ndarray:
        """Labels [len(events), heads] (int64)."""
        return np.array([self.encode_event(e) for e in events], dtype=np.int64).reshape(len(events), len(self._heads))

    def inputs_array(self, events) -> np.ndarray:
        out = np.zeros((len(events), self.input_size), dtype=np.float32)
        if events:
            columns = self.labels_array(events) + np.cumsum((0,) + self._heads[:-1])
            out[np.arange(len(events))[:, None], columns] = 1.0
        return out


def note_performance_from_notes(notes: Iterable[tuple[int, int, int, int]], num_velocity_bins: int,
                                start_step: int = 0, start_times: Sequence[float] | None = None,
                                max_shift_steps: int = MAX_SHIFT_STEPS,
                                max_duration_steps: int = MAX_DURATION_STEPS) -> list[tuple[int, int, int, int]]:
    """Magenta's NotePerformance of quantized notes (start step, end step, pitch, velocity): one event per note.

    Notes are taken in (start time, pitch) order, by `start_times` (the unquantized onsets, as note_seq sorts)
    where given, else by start step; notes before `start_step` are left out.
    """
    notes = list(notes)
    keys = start_times if start_times is not None else [n[0] for n in notes]
    kept = sorted((k, n[2], i) for i, (k, n) in enumerate(zip(keys, notes)) if n[0] >= start_step)
    events, step = [], start_step
    for _, _, i in kept:
        start, end, pitch, velocity = notes[i]
        if start - step > max_shift_steps:
            raise NotePerformanceError(said("a gap of {steps} steps (10 ms each) between note onsets is over the "
                                            "note encoding's {most}").format(steps=start - step, most=max_shift_steps))
        if end - start > max_duration_steps:
            raise NotePerformanceError(said("a note of {steps} steps (10 ms each) is over the note encoding's "
                                            "{most}").format(steps=end - start, most=max_duration_steps))
        events.append((start - step, pitch, velocity_to_bin(velocity, num_velocity_bins), end - start))
        step = start
    return events


def note_performance_steps(events: Sequence) -> int:
    """NotePerformance.num_steps: the shifts, plus the last note's duration."""
    return sum(e[0] for e in events) + (events[-1][3] if events else 0)


def set_note_performance_length(events: Sequence, steps: int) -> list[tuple[int, int, int, int]]:
    """The performance cut to `steps`: notes from there on dropped, notes sounding past it shortened.

    NotePerformance.set_length does nothing, so Magenta 2.1.4's generator keeps whole rounds of sampled notes and
    then fails its own check that nothing ends after the requested end; this is the cut that check expects.
    """
    out, step = [], 0
    for shift, pitch, velocity_bin, duration in events:
        step += shift
        if step >= steps:
            break
        out.append((shift, pitch, velocity_bin, min(duration, steps - step)))
    return out


def notes_from_note_performance(events: Sequence, num_velocity_bins: int,
                                start_step: int = 0) -> list[tuple[int, int, int, int]]:
    """(start step, end step, pitch, velocity) of every note, as NotePerformance.to_sequence writes them."""
    notes, step = [], start_step
    for shift, pitch, velocity_bin, duration in events:
        step += shift
        notes.append((step, step + duration, pitch, bin_to_velocity(velocity_bin, num_velocity_bins)))
    return notes


__all__ = [
    "MAX_SHIFT_STEPS", "MAX_DURATION_STEPS", "DEFAULT_NOTE_EVENT", "NotePerformanceError",
    "NotePerformanceEventSequenceEncoderDecoder", "note_performance_from_notes", "note_performance_steps",
    "set_note_performance_length", "notes_from_note_performance",
]
