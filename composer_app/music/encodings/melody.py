"""Melody event constants, Magenta's melody one-hot encoding and its key-aware (attention_rnn) encoder."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .base import EventSequenceEncoderDecoder, OneHotEncoding, event_ids
from .lookback import DEFAULT_STEPS_PER_BAR, binary_counters, normalize_lookback_distances, repeat_masks

MELODY_NO_EVENT = -2
MELODY_NOTE_OFF = -1
NUM_SPECIAL_MELODY_EVENTS = 2
MIN_MELODY_EVENT = -2
MAX_MELODY_EVENT = 127
MIN_MIDI_PITCH = 0
MAX_MIDI_PITCH = 127
NOTES_PER_OCTAVE = 12
MAJOR_SCALE = (0, 2, 4, 5, 7, 9, 11)

# NOTE_KEYS[pc] lists the major keys (C = 0 .. B = 11) whose scale holds pitch class pc.
NOTE_KEYS = tuple(
    tuple(key for key in range(NOTES_PER_OCTAVE) if (pc - key) % NOTES_PER_OCTAVE in MAJOR_SCALE)
    for pc in range(NOTES_PER_OCTAVE)
)

# Row pc, column key: 1 where pc is in that key, so note histogram @ KEY_MATRIX is the key histogram.
KEY_MATRIX = np.array(
    [[1.0 if key in keys else 0.0 for key in range(NOTES_PER_OCTAVE)] for keys in NOTE_KEYS], dtype=np.float64
)
KEY_MATRIX.setflags(write=False)


def note_histogram(events: Sequence[int]) -> np.ndarray:
    """How often each pitch class (C = 0 .. B = 11) is struck among the note-on events."""
    array = np.asarray(list(events), dtype=np.int64)
    return np.bincount(array[array >= MIN_MIDI_PITCH] % NOTES_PER_OCTAVE, minlength=NOTES_PER_OCTAVE)


def major_key_histogram(events: Sequence[int]) -> np.ndarray:
    """For each major key, how many note-ons fit in it (floats, as note_seq returns)."""
    return note_histogram(events) @ KEY_MATRIX


def check_melody_events(events: Sequence[int]) -> None:
    """Raise ValueError if any event is outside -2..127."""
    for event in events:
        if not MIN_MELODY_EVENT <= event <= MAX_MELODY_EVENT:
            raise ValueError(f"melody event out of range: {event}")


class MelodyOneHotEncoding(OneHotEncoding):
    """0 = no event, 1 = note off, 2.. = note on for pitch - min_note (max_note exclusive)."""

    def __init__(self, min_note: int, max_note: int):
        if min_note < MIN_MIDI_PITCH:
            raise ValueError(f"min_note must be >= 0, got {min_note}")
        if max_note > MAX_MIDI_PITCH + 1:
            raise ValueError(f"max_note must be <= 128, got {max_note}")
        if max_note <= min_note:
            raise ValueError("max_note must be greater than min_note")
        self._min_note = int(min_note)
        self._max_note = int(max_note)

    @property
    def min_note(self) -> int:
        return self._min_note

    @property
    def max_note(self) -> int:
        return self._max_note

    @property
    def num_classes(self) -> int:
        return self._max_note - self._min_note + NUM_SPECIAL_MELODY_EVENTS

    @property
    def default_event(self) -> int:
        return MELODY_NO_EVENT

    def encode_event(self, event: int) -> int:
        if event < MIN_MELODY_EVENT:
            raise ValueError(f"invalid melody event value: {event}")
        if 0 <= event < self._min_note:
            raise ValueError(f"melody event less than min note: {event} < {self._min_note}")
        if event >= self._max_note:
            raise ValueError(f"melody event greater than max note: {event} >= {self._max_note}")
        if event < 0:
            return event + NUM_SPECIAL_MELODY_EVENTS
        return event - self._min_note + NUM_SPECIAL_MELODY_EVENTS

    def decode_event(self, index: int) -> int:
        if index < NUM_SPECIAL_MELODY_EVENTS:
            return index - NUM_SPECIAL_MELODY_EVENTS
        return index - NUM_SPECIAL_MELODY_EVENTS + self._min_note

    def encode_events(self, events: Sequence[int]) -> np.ndarray:
        array = np.asarray(list(events), dtype=np.int64).reshape(-1)
        bad = (
            (array < MIN_MELODY_EVENT) | ((array >= 0) & (array < self._min_note)) | (array >= self._max_note)
        )
        if bad.any():
            self.encode_event(int(array[np.argmax(bad)]))
        return np.where(array < 0, array, array - self._min_note) + NUM_SPECIAL_MELODY_EVENTS


class KeyMelodyEncoderDecoder(EventSequenceEncoderDecoder):
    """attention_rnn's melody encoding: held pitch, attack, direction, repeats, counters and key guesses.

    Input layout (74 wide for 48..84, two lookbacks, 7 bits): one-hot of the pitch held now, then
    "a note sounds", "silence", "attack", ascending (+1) / descending (-1), one repeat flag per
    lookback, the binary counter bits of position + 1, "the next step starts a bar", the best-fitting
    major keys of the whole melody so far, and those of its last three distinct notes.

    Labels: 0..range-1 note on, range = no event, range+1 = note off, then one per lookback.
    Unlike Magenta, a current or labelled pitch outside [min_note, max_note) raises ValueError
    instead of silently writing into a neighbouring feature.
    """

    def __init__(
        self,
        min_note: int,
        max_note: int,
        lookback_distances: Sequence[int] | None = None,
        binary_counter_bits: int = 7,
    ):
        if not MIN_MIDI_PITCH <= min_note < max_note <= MAX_MIDI_PITCH + 1:
            raise ValueError(f"need 0 <= min_note < max_note <= 128, got {min_note}, {max_note}")
        self._lookback_distances = normalize_lookback_distances(lookback_distances)
        self._binary_counter_bits = int(binary_counter_bits)
        self._min_note = int(min_note)
        self._note_range = int(max_note) - int(min_note)

    @property
    def min_note(self) -> int:
        return self._min_note

    @property
    def max_note(self) -> int:
        return self._min_note + self._note_range

    @property
    def lookback_distances(self) -> tuple[int, ...]:
        return self._lookback_distances

    @property
    def binary_counter_bits(self) -> int:
        return self._binary_counter_bits

    @property
    def input_size(self) -> int:
        lookbacks = len(self._lookback_distances)
        return self._note_range + 4 + lookbacks + self._binary_counter_bits + 1 + 2 * NOTES_PER_OCTAVE

    @property
    def num_classes(self) -> int:
        return self._note_range + NUM_SPECIAL_MELODY_EVENTS + len(self._lookback_distances)

    @property
    def default_event_label(self) -> int:
        return self._note_range

    def _pitch_index(self, pitch: int) -> int:
        index = pitch - self._min_note
        if not 0 <= index < self._note_range:
            raise ValueError(f"melody pitch {pitch} is outside {self._min_note}..{self.max_note - 1}")
        return index

    def events_to_input(self, events: Sequence[int], position: int) -> list[float]:
        prefix = list(events[: position + 1])
        check_melody_events(prefix)
        current_note = None
        is_attack = False
        is_ascending = None
        last_3: list[int] = []
        for event in prefix:
            if event == MELODY_NO_EVENT:
                is_attack = False
            elif event == MELODY_NOTE_OFF:
                current_note = None
            else:
                is_attack = True
                current_note = event
                if last_3:
                    if event > last_3[-1]:
                        is_ascending = True
                    elif event < last_3[-1]:
                        is_ascending = False
                if event in last_3:
                    last_3.remove(event)
                last_3.append(event)
                del last_3[:-3]

        input_ = [0.0] * self.input_size
        # Truthiness, not "is not None": Magenta treats a held pitch 0 as silence.
        if current_note:
            input_[self._pitch_index(current_note)] = 1.0
            input_[self._note_range] = 1.0
        else:
            input_[self._note_range + 1] = 1.0
        offset = self._note_range + 2
        if is_attack:
            input_[offset] = 1.0
        offset += 1
        if is_ascending is not None:
            input_[offset] = 1.0 if is_ascending else -1.0
        offset += 1
        for distance in self._lookback_distances:
            source = position - distance
            if source >= 0 and events[position] == events[source]:
                input_[offset] = 1.0
            offset += 1
        length = len(prefix)
        for bit in range(self._binary_counter_bits):
            input_[offset] = 1.0 if (length >> bit) & 1 else -1.0
            offset += 1
        if length % DEFAULT_STEPS_PER_BAR == 0:
            input_[offset] = 1.0
        offset += 1
        for histogram in (major_key_histogram(prefix), major_key_histogram(last_3)):
            top = histogram.max()
            for value in histogram:
                if value == top:
                    input_[offset] = 1.0
                offset += 1
        return input_

    def events_to_label(self, events: Sequence[int], position: int) -> int:
        lookbacks = self._lookback_distances
        event = events[position]
        if lookbacks and position < lookbacks[-1] and event == MELODY_NO_EVENT:
            return self._note_range + len(lookbacks) + 1
        for i in reversed(range(len(lookbacks))):
            source = position - lookbacks[i]
            if source >= 0 and event == events[source]:
                return self._note_range + 2 + i
        if event == MELODY_NOTE_OFF:
            return self._note_range + 1
        if event == MELODY_NO_EVENT:
            return self._note_range
        return self._pitch_index(event)

    def class_index_to_event(self, class_index: int, events: Sequence[int]) -> int:
        for i in reversed(range(len(self._lookback_distances))):
            if class_index == self._note_range + 2 + i:
                distance = self._lookback_distances[i]
                if len(events) < distance:
                    return MELODY_NO_EVENT
                return events[-distance]
        if class_index == self._note_range + 1:
            return MELODY_NOTE_OFF
        if class_index == self._note_range:
            return MELODY_NO_EVENT
        return self._min_note + class_index

    def inputs_array(self, events: Sequence[int]) -> np.ndarray:
        events = list(events)
        check_melody_events(events)
        n = len(events)
        note_range = self._note_range
        out = np.zeros((n, self.input_size), dtype=np.float32)
        if n == 0:
            return out
        last_3_counts = np.zeros((n, NOTES_PER_OCTAVE), dtype=np.float64)
        current_note = None
        is_attack = False
        is_ascending = None
        last_3: list[int] = []
        for p, event in enumerate(events):
            if event == MELODY_NO_EVENT:
                is_attack = False
            elif event == MELODY_NOTE_OFF:
                current_note = None
            else:
                is_attack = True
                current_note = event
                if last_3:
                    if event > last_3[-1]:
                        is_ascending = True
                    elif event < last_3[-1]:
                        is_ascending = False
                if event in last_3:
                    last_3.remove(event)
                last_3.append(event)
                del last_3[:-3]
            row = out[p]
            if current_note:
                row[self._pitch_index(current_note)] = 1.0
                row[note_range] = 1.0
            else:
                row[note_range + 1] = 1.0
            if is_attack:
                row[note_range + 2] = 1.0
            if is_ascending is not None:
                row[note_range + 3] = 1.0 if is_ascending else -1.0
            counts = last_3_counts[p]
            for note in last_3:
                counts[note % NOTES_PER_OCTAVE] += 1.0

        offset = note_range + 4
        ids, _ = event_ids(events)
        for i, mask in enumerate(repeat_masks(ids, self._lookback_distances)):
            out[mask, offset + i] = 1.0
        offset += len(self._lookback_distances)
        bits = self._binary_counter_bits
        out[:, offset : offset + bits] = binary_counters(n, bits)
        offset += bits
        out[:, offset] = np.arange(1, n + 1) % DEFAULT_STEPS_PER_BAR == 0
        offset += 1

        array = np.asarray(events, dtype=np.int64)
        struck = np.zeros((n, NOTES_PER_OCTAVE), dtype=np.float64)
        on = np.flatnonzero(array >= 0)
        struck[on, array[on] % NOTES_PER_OCTAVE] = 1.0
        for counts in (np.cumsum(struck, axis=0), last_3_counts):
            keys = counts @ KEY_MATRIX
            out[:, offset : offset + NOTES_PER_OCTAVE] = keys == keys.max(axis=1, keepdims=True)
            offset += NOTES_PER_OCTAVE
        return out

    def labels_array(self, events: Sequence[int]) -> np.ndarray:
        return np.array([self.events_to_label(events, p) for p in range(len(events))], dtype=np.int64)


__all__ = [
    "MELODY_NO_EVENT",
    "MELODY_NOTE_OFF",
    "NUM_SPECIAL_MELODY_EVENTS",
    "MIN_MELODY_EVENT",
    "MAX_MELODY_EVENT",
    "MIN_MIDI_PITCH",
    "MAX_MIDI_PITCH",
    "NOTES_PER_OCTAVE",
    "MAJOR_SCALE",
    "NOTE_KEYS",
    "KEY_MATRIX",
    "note_histogram",
    "major_key_histogram",
    "check_melody_events",
    "MelodyOneHotEncoding",
    "KeyMelodyEncoderDecoder",
]
