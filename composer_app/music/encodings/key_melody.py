"""attention_rnn's key-aware melody encoder-decoder (Magenta's KeyMelodyEncoderDecoder)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from composer_app.music.encodings.base import EventSequenceEncoderDecoder, event_ids
from composer_app.music.encodings.lookback import (
    DEFAULT_STEPS_PER_BAR,
    binary_counters,
    normalize_lookback_distances,
    repeat_masks,
)
from composer_app.music.encodings.melody import (
    KEY_MATRIX,
    MAX_MIDI_PITCH,
    MELODY_NO_EVENT,
    MELODY_NOTE_OFF,
    MIN_MIDI_PITCH,
    NOTES_PER_OCTAVE,
    NUM_SPECIAL_MELODY_EVENTS,
    check_melody_events,
    major_key_histogram,
)


def _melody_states(events: Sequence[int]):
    """After each event: the held note, whether it was struck just now, the last melodic direction (None before
    the second note) and the last three distinct notes struck, oldest first, as Magenta's encoder tracks them."""
    current_note = None
    is_attack = False
    is_ascending = None
    last_3: list[int] = []
    for event in events:
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
        yield current_note, is_attack, is_ascending, tuple(last_3)


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
        state = (None, False, None, ())
        for state in _melody_states(prefix):  # noqa: B007  (only the state after the last event is used)
            pass
        current_note, is_attack, is_ascending, last_3 = state

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
        for p, (current_note, is_attack, is_ascending, last_3) in enumerate(_melody_states(events)):
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
