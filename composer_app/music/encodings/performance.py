"""Performance RNN's events and encodings, as note_seq's performance_lib and performance_encoder_decoder have them.

An event is a tuple (event type, value): NOTE_ON and NOTE_OFF take a pitch, TIME_SHIFT a number of 10 ms steps
(1..100), VELOCITY a bin (1..num_velocity_bins). Encodings: the one-hot (356 classes without velocity, 388 with 32
bins), the one-hot index input (the compact config) and the modulo input (cosine and sine pairs).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from composer_app.music.encodings.base import (
    EventSequenceEncoderDecoder,
    OneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
)

NOTE_ON, NOTE_OFF, TIME_SHIFT, VELOCITY = 1, 2, 3, 4
EVENT_NAMES = {NOTE_ON: "NOTE_ON", NOTE_OFF: "NOTE_OFF", TIME_SHIFT: "TIME_SHIFT", VELOCITY: "VELOCITY"}
DEFAULT_MAX_SHIFT_STEPS = 100
STEPS_PER_SECOND = 100
MIN_VELOCITY, MAX_VELOCITY = 1, 127


def velocity_to_bin(velocity: int, num_bins: int) -> int:
    """The 1-based bin of a MIDI velocity."""
    return (velocity - MIN_VELOCITY) // _bin_size(num_bins) + 1


def bin_to_velocity(velocity_bin: int, num_bins: int) -> int:
    """The lowest MIDI velocity of a bin."""
    return MIN_VELOCITY + (velocity_bin - 1) * _bin_size(num_bins)


def _bin_size(num_bins: int) -> int:
    return int(math.ceil((MAX_VELOCITY - MIN_VELOCITY + 1) / num_bins))


class PerformanceOneHotEncoding(OneHotEncoding):
    """Classes: NOTE_ONs, NOTE_OFFs, TIME_SHIFTs of 1..max_shift_steps, then VELOCITY bins (if any)."""

    def __init__(self, num_velocity_bins: int = 0, max_shift_steps: int = DEFAULT_MAX_SHIFT_STEPS,
                 min_pitch: int = 0, max_pitch: int = 127):
        self.num_velocity_bins = num_velocity_bins
        self.max_shift_steps = max_shift_steps
        self.ranges = [(NOTE_ON, min_pitch, max_pitch), (NOTE_OFF, min_pitch, max_pitch),
                       (TIME_SHIFT, 1, max_shift_steps)]
        if num_velocity_bins > 0:
            self.ranges.append((VELOCITY, 1, num_velocity_bins))

    @property
    def num_classes(self) -> int:
        return sum(high - low + 1 for _, low, high in self.ranges)

    @property
    def default_event(self):
        return (TIME_SHIFT, self.max_shift_steps)

    def encode_event(self, event) -> int:
        event_type, value = event
        offset = 0
        for kind, low, high in self.ranges:
            if event_type == kind:
                if not (isinstance(value, (int, np.integer)) and low <= value <= high):
                    raise ValueError(f"a {EVENT_NAMES[kind]} event takes a value {low}..{high}, not {value!r}")
                return offset + int(value) - low
            offset += high - low + 1
        raise ValueError(f"not a performance event of this encoding: {event!r}")

    def decode_event(self, index: int):
        offset = 0
        for kind, low, high in self.ranges:
            if offset <= index <= offset + high - low:
                return (kind, low + index - offset)
            offset += high - low + 1
        raise ValueError(f"unknown performance class {index}")

    def event_to_num_steps(self, event) -> int:
        return event[1] if event[0] == TIME_SHIFT else 0


class OneHotIndexEventSequenceEncoderDecoder(OneHotEventSequenceEncoderDecoder):
    """note_seq's compact input: the class index itself as a one-wide input (labels as the one-hot's)."""

    @property
    def input_size(self) -> int:
        return 1

    @property
    def input_depth(self) -> int:
        return self.one_hot_encoding.num_classes

    def events_to_input(self, events, position) -> list[float]:
        return [float(self.one_hot_encoding.encode_event(events[position]))]

    def inputs_array(self, events) -> np.ndarray:
        return self.one_hot_encoding.encode_events(events).astype(np.float32)[:, None]


class ModuloPerformanceEventSequenceEncoderDecoder(EventSequenceEncoderDecoder):
    """The modulo input: per event type a valid bit and cosine/sine pairs (note on a 144-circle and pitch class for
    NOTE_ON/NOTE_OFF, shift or velocity bin on its own circle); labels are the one-hot's."""

    def __init__(self, num_velocity_bins: int = 0, max_shift_steps: int = DEFAULT_MAX_SHIFT_STEPS):
        self.one_hot = PerformanceOneHotEncoding(num_velocity_bins, max_shift_steps)
        self.ranges = [(NOTE_ON, 0, 5), (NOTE_OFF, 0, 5), (TIME_SHIFT, 1, 3)]
        if num_velocity_bins > 0:
            self.ranges.append((VELOCITY, 1, 3))
        self.num_velocity_bins, self.max_shift_steps = num_velocity_bins, max_shift_steps

    @property
    def input_size(self) -> int:
        return sum(width for _, _, width in self.ranges)

    @property
    def num_classes(self) -> int:
        return self.one_hot.num_classes

    @property
    def default_event_label(self) -> int:
        return self.one_hot.encode_event(self.one_hot.default_event)

    @staticmethod
    def _circle(value: int, period: int) -> tuple[float, float]:
        # The same float operations, in the same order, as note_seq's tables, so inputs agree bit for bit.
        angle = (float(value) * 2.0 * math.pi) / float(period)
        return math.cos(angle), math.sin(angle)

    def events_to_input(self, events, position) -> list[float]:
        event_type, event_value = events[position]
        out = [0.0] * self.input_size
        kinds = [kind for kind, _, _ in self.ranges]
        if event_type not in kinds:
            raise ValueError(f"not a performance event of this encoding: {events[position]!r}")
        index = kinds.index(event_type)
        offset = sum(width for _, _, width in self.ranges[:index])
        value = event_value - self.ranges[index][1]
        out[offset] = 1.0
        if event_type in (NOTE_ON, NOTE_OFF):
            note_angle = (float(value) * math.pi) / 72.0
            class_angle = (float(value % 12) * math.pi) / 6.0
            out[offset + 1:offset + 5] = (math.cos(note_angle), math.sin(note_angle), math.cos(class_angle),
                                          math.sin(class_angle))
        elif event_type == TIME_SHIFT:
            out[offset + 1:offset + 3] = self._circle(value, self.max_shift_steps)
        else:
            out[offset + 1:offset + 3] = self._circle(value, self.num_velocity_bins)
        return out

    def events_to_label(self, events, position) -> int:
        return self.one_hot.encode_event(events[position])

    def class_index_to_event(self, class_index, events):
        return self.one_hot.decode_event(class_index)


# -- performances from notes and back ---------------------------------------------------------------------------

def performance_from_notes(notes: Iterable[tuple[int, int, int, int]], num_velocity_bins: int = 0,
                           start_step: int = 0, max_shift_steps: int = DEFAULT_MAX_SHIFT_STEPS,
                           ordered: bool = False) -> list:
    """Magenta's Performance of quantized notes (start step, end step, pitch, velocity), in 10 ms steps.

    Notes are taken in (start, pitch) order, or as given with `ordered` (note_seq orders them by their unquantized
    start, which two notes quantized to one step may not share); onsets and offsets are merged by (step, note, is-offset), so at one
    step a note's offset comes after its onset only for the same note; a velocity change is written before the
    NOTE_ON that needs it.
    """
    kept = [n for n in notes if n[0] >= start_step]
    if not ordered:
        kept.sort(key=lambda n: (n[0], n[2]))
    marks = sorted([(n[0], i, False) for i, n in enumerate(kept)] + [(n[1], i, True) for i, n in enumerate(kept)])
    events: list = []
    step, current_bin = start_step, 0
    for at, i, is_offset in marks:
        if at > step:
            while at > step + max_shift_steps:
                events.append((TIME_SHIFT, max_shift_steps))
                step += max_shift_steps
            events.append((TIME_SHIFT, at - step))
            step = at
        if num_velocity_bins and not is_offset:
            velocity_bin = velocity_to_bin(kept[i][3], num_velocity_bins)
            if velocity_bin != current_bin:
                current_bin = velocity_bin
                events.append((VELOCITY, velocity_bin))
        events.append((NOTE_OFF if is_offset else NOTE_ON, kept[i][2]))
    return events


def performance_steps(events: Iterable) -> int:
    """The length in 10 ms steps: the sum of the time shifts."""
    return sum(value for kind, value in events if kind == TIME_SHIFT)


def set_performance_length(events: Sequence, steps: int, max_shift_steps: int = DEFAULT_MAX_SHIFT_STEPS) -> list:
    """Magenta's Performance.set_length: pad with time shifts (topping up the last one) or cut from the end."""
    events = list(events)
    have = performance_steps(events)
    if have < steps:
        missing = steps - have
        if events and events[-1][0] == TIME_SHIFT and events[-1][1] < max_shift_steps:
            added = min(missing, max_shift_steps - events[-1][1])
            events[-1] = (TIME_SHIFT, events[-1][1] + added)
            missing -= added
        while missing >= max_shift_steps:
            events.append((TIME_SHIFT, max_shift_steps))
            missing -= max_shift_steps
        if missing > 0:
            events.append((TIME_SHIFT, missing))
    elif have > steps:
        to_trim = have - steps
        trimmed = 0
        while events and trimmed < to_trim:
            kind, value = events[-1]
            if kind == TIME_SHIFT:
                if trimmed + value > to_trim:
                    events[-1] = (TIME_SHIFT, value - to_trim + trimmed)
                    trimmed = to_trim
                else:
                    trimmed += value
                    events.pop()
            else:
                events.pop()
    return events


def notes_from_performance(events: Sequence, num_velocity_bins: int = 0, velocity: int = 100,
                           max_note_steps: int | None = None) -> list[tuple[int, int, int, int]]:
    """(start step, end step, pitch, velocity) of every note, as Magenta's Performance.to_sequence reads them.

    A NOTE_OFF ends the oldest open note of its pitch; zero-length notes are dropped; notes still open at the end
    end there; notes longer than `max_note_steps` are cut to it (Magenta's generator allows 5 s).
    """
    open_notes: dict[int, list[tuple[int, int]]] = defaultdict(list)
    notes = []
    step = 0

    def close(pitch, start, vel, end):
        if end == start:
            return
        if max_note_steps and end - start > max_note_steps:
            end = start + max_note_steps
        notes.append((start, end, pitch, vel))

    for kind, value in events:
        if kind == NOTE_ON:
            open_notes[value].append((step, velocity))
        elif kind == NOTE_OFF:
            if open_notes[value]:
                start, vel = open_notes[value].pop(0)
                close(value, start, vel, step)
        elif kind == TIME_SHIFT:
            step += value
        elif kind == VELOCITY:
            velocity = bin_to_velocity(value, num_velocity_bins)
    for pitch, started in open_notes.items():
        for start, vel in started:
            close(pitch, start, vel, step)
    return notes


__all__ = [
    "NOTE_ON", "NOTE_OFF", "TIME_SHIFT", "VELOCITY", "EVENT_NAMES", "DEFAULT_MAX_SHIFT_STEPS", "STEPS_PER_SECOND",
    "velocity_to_bin", "bin_to_velocity", "PerformanceOneHotEncoding", "OneHotIndexEventSequenceEncoderDecoder",
    "ModuloPerformanceEventSequenceEncoderDecoder", "performance_from_notes", "performance_steps",
    "set_performance_length", "notes_from_performance",
]
