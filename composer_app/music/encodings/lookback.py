"""Magenta's lookback encoder-decoder: one-hot events plus bar-ago repeats and binary step counters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from composer_app.music.encodings.base import (
    EventSequenceEncoderDecoder,
    OneHotEncoding,
    decoded_num_steps,
    event_ids,
)

DEFAULT_STEPS_PER_BAR = 16
DEFAULT_LOOKBACK_DISTANCES = (DEFAULT_STEPS_PER_BAR, 2 * DEFAULT_STEPS_PER_BAR)


def normalize_lookback_distances(lookback_distances: Sequence[int] | None) -> tuple[int, ...]:
    if lookback_distances is None:
        return DEFAULT_LOOKBACK_DISTANCES
    distances = tuple(int(d) for d in lookback_distances)
    if any(d < 1 for d in distances):
        raise ValueError(f"lookback distances must be positive, got {list(distances)}")
    return distances


def repeat_masks(ids: np.ndarray, lookback_distances: Sequence[int]) -> list[np.ndarray]:
    """For each distance d, where the event equals the one d steps earlier."""
    masks = []
    for distance in lookback_distances:
        mask = np.zeros(len(ids), dtype=bool)
        if distance < len(ids):
            mask[distance:] = ids[distance:] == ids[:-distance]
        masks.append(mask)
    return masks


def binary_counters(num_events: int, bits: int) -> np.ndarray:
    """+1/-1 bits of the step number of the *next* event (position + 1), float32 [n, bits]."""
    next_steps = np.arange(1, num_events + 1, dtype=np.int64)[:, None]
    on = (next_steps >> np.arange(bits, dtype=np.int64)[None, :]) & 1
    return np.where(on == 1, 1.0, -1.0).astype(np.float32)


class LookbackEventSequenceEncoderDecoder(EventSequenceEncoderDecoder):
    """Input: current event, the event after each lookback, step counters, and repeat flags.

    Labels beyond the one-hot classes mean "repeat the event from that many steps ago"; the most
    distant matching lookback wins, and a default event early in the sequence counts as a repeat of
    the last lookback (Magenta's rule, so models trained there decode the same way here).
    An explicit empty `lookback_distances` means no lookbacks at all.
    """

    def __init__(
        self,
        one_hot_encoding: OneHotEncoding,
        lookback_distances: Sequence[int] | None = None,
        binary_counter_bits: int = 5,
    ):
        self._one_hot_encoding = one_hot_encoding
        self._lookback_distances = normalize_lookback_distances(lookback_distances)
        self._binary_counter_bits = int(binary_counter_bits)

    @property
    def one_hot_encoding(self) -> OneHotEncoding:
        return self._one_hot_encoding

    @property
    def lookback_distances(self) -> tuple[int, ...]:
        return self._lookback_distances

    @property
    def binary_counter_bits(self) -> int:
        return self._binary_counter_bits

    @property
    def input_size(self) -> int:
        classes = self._one_hot_encoding.num_classes
        lookbacks = len(self._lookback_distances)
        return classes + lookbacks * classes + self._binary_counter_bits + lookbacks

    @property
    def num_classes(self) -> int:
        return self._one_hot_encoding.num_classes + len(self._lookback_distances)

    @property
    def default_event_label(self) -> int:
        return self._one_hot_encoding.encode_event(self._one_hot_encoding.default_event)

    def events_to_input(self, events: Sequence[Any], position: int) -> list[float]:
        encoding = self._one_hot_encoding
        classes = encoding.num_classes
        input_ = [0.0] * self.input_size
        input_[encoding.encode_event(events[position])] = 1.0
        offset = classes
        for distance in self._lookback_distances:
            # The event that followed the step one lookback ago: what a repeat would play next.
            source = position - distance + 1
            event = events[source] if source >= 0 else encoding.default_event
            input_[offset + encoding.encode_event(event)] = 1.0
            offset += classes
        next_step = position + 1
        for bit in range(self._binary_counter_bits):
            input_[offset] = 1.0 if (next_step >> bit) & 1 else -1.0
            offset += 1
        for distance in self._lookback_distances:
            source = position - distance
            if source >= 0 and events[position] == events[source]:
                input_[offset] = 1.0
            offset += 1
        return input_

    def events_to_label(self, events: Sequence[Any], position: int) -> int:
        encoding = self._one_hot_encoding
        lookbacks = self._lookback_distances
        if lookbacks and position < lookbacks[-1] and events[position] == encoding.default_event:
            return encoding.num_classes + len(lookbacks) - 1
        for i in reversed(range(len(lookbacks))):
            source = position - lookbacks[i]
            if source >= 0 and events[position] == events[source]:
                return encoding.num_classes + i
        return encoding.encode_event(events[position])

    def class_index_to_event(self, class_index: int, events: Sequence[Any]) -> Any:
        encoding = self._one_hot_encoding
        for i in reversed(range(len(self._lookback_distances))):
            if class_index == encoding.num_classes + i:
                distance = self._lookback_distances[i]
                if len(events) < distance:
                    return encoding.default_event
                return events[-distance]
        return encoding.decode_event(class_index)

    def labels_to_num_steps(self, labels: Sequence[int]) -> int:
        return decoded_num_steps(self, self._one_hot_encoding, labels)

    def inputs_array(self, events: Sequence[Any]) -> np.ndarray:
        encoding = self._one_hot_encoding
        classes = encoding.num_classes
        n = len(events)
        out = np.zeros((n, self.input_size), dtype=np.float32)
        if n == 0:
            return out
        rows = np.arange(n)
        indices = encoding.encode_events(events)
        out[rows, indices] = 1.0
        offset = classes
        default_index = encoding.encode_event(encoding.default_event)
        for distance in self._lookback_distances:
            source = rows - distance + 1
            looked = np.where(source >= 0, indices[np.clip(source, 0, None)], default_index)
            out[rows, offset + looked] = 1.0
            offset += classes
        bits = self._binary_counter_bits
        out[:, offset : offset + bits] = binary_counters(n, bits)
        offset += bits
        ids, _ = event_ids(events)
        for i, mask in enumerate(repeat_masks(ids, self._lookback_distances)):
            out[mask, offset + i] = 1.0
        return out

    def labels_array(self, events: Sequence[Any]) -> np.ndarray:
        encoding = self._one_hot_encoding
        classes = encoding.num_classes
        lookbacks = self._lookback_distances
        n = len(events)
        ids, distinct = event_ids(events)
        labels = np.full(n, -1, dtype=np.int64)
        # Later (more distant) lookbacks overwrite earlier ones: the most distant repeat wins.
        for i, mask in enumerate(repeat_masks(ids, lookbacks)):
            labels[mask] = classes + i
        if lookbacks:
            default = encoding.default_event
            default_ids = [k for k, event in enumerate(distinct) if event == default]
            early = np.arange(n) < lookbacks[-1]
            labels[early & np.isin(ids, default_ids)] = classes + len(lookbacks) - 1
        plain = labels < 0
        if plain.any():
            # Only events that are not repeats get encoded, as in Magenta, so a repeated event the
            # one-hot encoding cannot represent still gets its repeat label.
            codes = np.full(len(distinct), -1, dtype=np.int64)
            for k in np.unique(ids[plain]):
                codes[k] = encoding.encode_event(distinct[k])
            labels[plain] = codes[ids[plain]]
        return labels


__all__ = [
    "DEFAULT_STEPS_PER_BAR",
    "DEFAULT_LOOKBACK_DISTANCES",
    "LookbackEventSequenceEncoderDecoder",
]
