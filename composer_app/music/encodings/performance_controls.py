"""Performance RNN's control signals (note density, pitch-class histogram) and the encoders that combine them.

As note_seq's performance_controls: each signal extracts one value per performance event (training statistics
over a forward window) and encodes it; a conditioned config joins the signals' encodings (MultipleEventSequence-
Encoder), optionally behind a disable flag (OptionalEventSequenceEncoder). During generation a value comes from
the user's schedule instead, picked by the time step of the event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from composer_app.music.encodings.base import OneHotEncoding, OneHotEventSequenceEncoderDecoder
from composer_app.music.encodings.performance import NOTE_OFF, NOTE_ON, STEPS_PER_SECOND, TIME_SHIFT

DEFAULT_NOTE_DENSITY = 15.0
DEFAULT_PITCH_HISTOGRAM = (1.0,) * 12
DENSITY_BINS = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)


class NoteDensityOneHotEncoding(OneHotEncoding):
    """Notes per second quantized into bins: below the first boundary, ..., at or above the last."""

    def __init__(self, bin_ranges: Sequence[float]):
        self.bin_ranges = tuple(bin_ranges)

    @property
    def num_classes(self) -> int:
        return len(self.bin_ranges) + 1

    @property
    def default_event(self) -> float:
        return 0.0

    def encode_event(self, event) -> int:
        for index, boundary in enumerate(self.bin_ranges):
            if event < boundary:
                return index
        return len(self.bin_ranges)

    def decode_event(self, index: int) -> float:
        return 0.0 if index == 0 else self.bin_ranges[index - 1]


class PitchHistogramEncoder:
    """A 12-value histogram normalised to sum to one (uniform when it sums to zero)."""

    input_size = 12

    def events_to_input(self, events, position) -> list[float]:
        histogram = [float(v) for v in events[position]]
        if len(histogram) != 12:
            raise ValueError(f"a pitch-class histogram has 12 values (C to B), not {len(histogram)}")
        total = sum(histogram)  # Python's left-to-right sum, as note_seq, so inputs agree bit for bit
        if total > 0:
            return [count / total for count in histogram]
        return [1.0 / 12] * 12


@dataclass(frozen=True)
class NoteDensitySignal:
    """notes_per_second: how many notes start in the window ahead, per second."""

    window_seconds: float = 3.0
    bin_ranges: tuple[float, ...] = DENSITY_BINS
    name = "notes_per_second"
    default_value = DEFAULT_NOTE_DENSITY

    @property
    def encoder(self) -> OneHotEventSequenceEncoderDecoder:
        return OneHotEventSequenceEncoderDecoder(NoteDensityOneHotEncoding(self.bin_ranges))

    def validate(self, value) -> bool:
        return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0.0

    def extract(self, events: Sequence) -> list[float]:
        """The density at every event: computed where the previous event is a time shift (or at the start), else
        repeated from the previous event."""
        window = int(round(self.window_seconds * STEPS_PER_SECOND))
        out: list[float] = []
        previous_type, previous = None, 0.0
        for i, (kind, _) in enumerate(events):
            if previous_type is not None and previous_type != TIME_SHIFT:
                out.append(previous)
                previous_type = kind
                continue
            j, offset, count = i, 0, 0
            while offset < window and j < len(events):
                if events[j][0] == NOTE_ON:
                    count += 1
                elif events[j][0] == TIME_SHIFT:
                    offset += events[j][1]
                j += 1
            actual = min(offset, window)
            density = count * STEPS_PER_SECOND / actual if actual > 0 else 0.0
            out.append(density)
            previous_type, previous = kind, density
        return out


@dataclass(frozen=True)
class PitchHistogramSignal:
    """pitch_class_histogram: seconds each pitch class sounds in the window ahead, plus a small prior."""

    window_seconds: float = 5.0
    prior_count: float = 0.01
    name = "pitch_class_histogram"
    default_value = DEFAULT_PITCH_HISTOGRAM

    @property
    def encoder(self) -> PitchHistogramEncoder:
        return PitchHistogramEncoder()

    def validate(self, value) -> bool:
        return (isinstance(value, (list, tuple)) and len(value) == 12
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value))

    def extract(self, events: Sequence) -> list[list[float]]:
        window = int(round(self.window_seconds * STEPS_PER_SECOND))
        out: list[list[float]] = []
        previous_type, previous = None, list(self.default_value)
        sounding: set[int] = set()
        for i, (kind, value) in enumerate(events):
            if kind == NOTE_ON:
                sounding.add(value)
            elif kind == NOTE_OFF:
                sounding.discard(value)
            if previous_type is not None and previous_type != TIME_SHIFT:
                out.append(previous)
                previous_type = kind
                continue
            j, offset = i, 0
            active = set(sounding)
            histogram = [self.prior_count] * 12
            while offset < window and j < len(events):
                kind_j, value_j = events[j]
                if kind_j == NOTE_ON:
                    active.add(value_j)
                elif kind_j == NOTE_OFF:
                    active.discard(value_j)
                elif kind_j == TIME_SHIFT:
                    for pitch in active:
                        histogram[pitch % 12] += value_j / STEPS_PER_SECOND
                    offset += value_j
                j += 1
            out.append(histogram)
            previous_type, previous = kind, histogram
        return out


class MultipleEventSequenceEncoder:
    """Each control event is a tuple, one value per signal; its input is the signals' inputs joined."""

    def __init__(self, encoders: Sequence):
        self.encoders = list(encoders)

    @property
    def input_size(self) -> int:
        return sum(e.input_size for e in self.encoders)

    def events_to_input(self, events, position) -> list[float]:
        event = events[position]
        if len(event) != len(self.encoders):
            raise ValueError(f"a control event needs {len(self.encoders)} values, one per signal, not {event!r}")
        out: list[float] = []
        for value, encoder in zip(event, self.encoders):
            out += encoder.events_to_input([value], 0)  # every signal's input depends on its own event alone
        return out

    def inputs_array(self, events) -> np.ndarray:
        return _rows(self, events)


class OptionalEventSequenceEncoder:
    """Control events (disable, values): a leading 1 and zeros when disabled, else 0 and the values' input."""

    def __init__(self, encoder):
        self.encoder = encoder

    @property
    def input_size(self) -> int:
        return 1 + self.encoder.input_size

    def events_to_input(self, events, position) -> list[float]:
        disable, _ = events[position]
        if disable:
            return [1.0] + [0.0] * self.encoder.input_size
        return [0.0] + self.encoder.events_to_input([events[position][1]], 0)

    def inputs_array(self, events) -> np.ndarray:
        return _rows(self, events)


def _rows(encoder, events) -> np.ndarray:
    """Every control event's input, float32 [len(events), input_size] (computed in doubles, as note_seq)."""
    out = np.zeros((len(events), encoder.input_size), np.float32)
    for i in range(len(events)):
        out[i] = encoder.events_to_input(events, i)
    return out


__all__ = [
    "DEFAULT_NOTE_DENSITY", "DEFAULT_PITCH_HISTOGRAM", "DENSITY_BINS", "NoteDensityOneHotEncoding",
    "PitchHistogramEncoder", "NoteDensitySignal", "PitchHistogramSignal", "MultipleEventSequenceEncoder",
    "OptionalEventSequenceEncoder",
]
