"""Abstract one-hot encodings and event-sequence encoder-decoders, with Magenta's semantics."""

from __future__ import annotations

import abc
from collections.abc import Sequence
from typing import Any

import numpy as np


class OneHotEncoding(abc.ABC):
    """Maps single events to class indices in [0, num_classes) and back."""

    @property
    @abc.abstractmethod
    def num_classes(self) -> int:
        """How many distinct indices encode_event can return."""

    @property
    @abc.abstractmethod
    def default_event(self) -> Any:
        """The event used for padding and for lookbacks before the sequence starts."""

    @abc.abstractmethod
    def encode_event(self, event: Any) -> int:
        """The class index of one event."""

    @abc.abstractmethod
    def decode_event(self, index: int) -> Any:
        """The event for one class index."""

    def event_to_num_steps(self, event: Any) -> int:
        """Time steps an event spans; one for the fixed-step encodings here."""
        return 1

    def encode_events(self, events: Sequence[Any]) -> np.ndarray:
        """Class indices of many events at once (int64)."""
        cache: dict[Any, int] = {}
        out = np.empty(len(events), dtype=np.int64)
        for i, event in enumerate(events):
            index = cache.get(event)
            if index is None:
                index = cache[event] = self.encode_event(event)
            out[i] = index
        return out


class EventSequenceEncoderDecoder(abc.ABC):
    """Turns event sequences into model inputs and labels, and class indices back into events.

    `encode` mirrors Magenta exactly (Python lists). The array methods give the same numbers as
    numpy arrays, much faster, for training and for priming a model.
    """

    @property
    @abc.abstractmethod
    def input_size(self) -> int:
        """Length of one input vector."""

    @property
    @abc.abstractmethod
    def num_classes(self) -> int:
        """Range of the labels."""

    @property
    @abc.abstractmethod
    def default_event_label(self) -> int:
        """The label of the default event."""

    @property
    def head_sizes(self) -> tuple[int, ...]:
        """The classes of each softmax head; one head for all but the note encoding, whose label is a tuple."""
        return (self.num_classes,)

    @abc.abstractmethod
    def events_to_input(self, events: Sequence[Any], position: int) -> list[float]:
        """The input vector for the event at `position`."""

    @abc.abstractmethod
    def events_to_label(self, events: Sequence[Any], position: int) -> int:
        """The label for the event at `position`."""

    @abc.abstractmethod
    def class_index_to_event(self, class_index: int, events: Sequence[Any]) -> Any:
        """The event a class index stands for, given the events so far."""

    def labels_to_num_steps(self, labels: Sequence[int]) -> int:
        """Total time steps a label sequence spans."""
        return len(labels)

    def encode(self, events: Sequence[Any]) -> tuple[list[list[float]], list[int]]:
        """Magenta's training pairs: the input at each step and the label of the step after it."""
        inputs = [self.events_to_input(events, i) for i in range(len(events) - 1)]
        labels = [self.events_to_label(events, i + 1) for i in range(len(events) - 1)]
        return inputs, labels

    def inputs_array(self, events: Sequence[Any]) -> np.ndarray:
        """Input vectors for every position, float32 [len(events), input_size]."""
        out = np.zeros((len(events), self.input_size), dtype=np.float32)
        for i in range(len(events)):
            out[i] = self.events_to_input(events, i)
        return out

    def labels_array(self, events: Sequence[Any]) -> np.ndarray:
        """Labels for every position, int64 [len(events)]."""
        return np.array([self.events_to_label(events, i) for i in range(len(events))], dtype=np.int64)

    def encode_array(self, events: Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
        """`encode` as arrays: float32 inputs [T, input_size] and int64 labels [T], T = len(events) - 1."""
        if len(events) < 2:
            return np.zeros((0, self.input_size), dtype=np.float32), np.zeros(0, dtype=np.int64)
        return self.inputs_array(events)[:-1], self.labels_array(events)[1:]

    def get_inputs_batch(self, event_sequences: Sequence[Sequence[Any]], full_length: bool = False) -> list:
        """Magenta's generation inputs: every step of each sequence, or only its last step."""
        batch = []
        for events in event_sequences:
            if full_length:
                batch.append([self.events_to_input(events, i) for i in range(len(events))])
            else:
                batch.append([self.events_to_input(events, len(events) - 1)])
        return batch


def event_ids(events: Sequence[Any]) -> tuple[np.ndarray, list[Any]]:
    """Small integers that are equal exactly where the (hashable) events are equal, and the distinct events.

    Comparing ids instead of encoded classes matters: different drum sets can share one class.
    """
    ids: dict[Any, int] = {}
    array = np.fromiter((ids.setdefault(e, len(ids)) for e in events), dtype=np.int64, count=len(events))
    return array, list(ids)


def decoded_num_steps(encoder: EventSequenceEncoderDecoder, one_hot: OneHotEncoding, labels: Sequence[int]) -> int:
    """Time steps spanned by the events that labels decode to (one-hot events may span several steps)."""
    events: list[Any] = []
    for label in labels:
        events.append(encoder.class_index_to_event(label, events))
    return sum(one_hot.event_to_num_steps(e) for e in events)


class OneHotEventSequenceEncoderDecoder(EventSequenceEncoderDecoder):
    """Input: the one-hot of the current event. Label: the class of the event."""

    def __init__(self, one_hot_encoding: OneHotEncoding):
        self._one_hot_encoding = one_hot_encoding

    @property
    def one_hot_encoding(self) -> OneHotEncoding:
        return self._one_hot_encoding

    @property
    def input_size(self) -> int:
        return self._one_hot_encoding.num_classes

    @property
    def num_classes(self) -> int:
        return self._one_hot_encoding.num_classes

    @property
    def default_event_label(self) -> int:
        return self._one_hot_encoding.encode_event(self._one_hot_encoding.default_event)

    def events_to_input(self, events: Sequence[Any], position: int) -> list[float]:
        input_ = [0.0] * self.input_size
        input_[self._one_hot_encoding.encode_event(events[position])] = 1.0
        return input_

    def events_to_label(self, events: Sequence[Any], position: int) -> int:
        return self._one_hot_encoding.encode_event(events[position])

    def class_index_to_event(self, class_index: int, events: Sequence[Any]) -> Any:
        return self._one_hot_encoding.decode_event(class_index)

    def labels_to_num_steps(self, labels: Sequence[int]) -> int:
        return decoded_num_steps(self, self._one_hot_encoding, labels)

    def inputs_array(self, events: Sequence[Any]) -> np.ndarray:
        indices = self._one_hot_encoding.encode_events(events)
        out = np.zeros((len(events), self.input_size), dtype=np.float32)
        out[np.arange(len(events)), indices] = 1.0
        return out

    def labels_array(self, events: Sequence[Any]) -> np.ndarray:
        return self._one_hot_encoding.encode_events(events)


__all__ = [
    "OneHotEncoding",
    "EventSequenceEncoderDecoder",
    "OneHotEventSequenceEncoderDecoder",
]
