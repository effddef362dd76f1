"""Melody event constants, key histograms and Magenta's melody one-hot encoding."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from composer_app.music.encodings.base import OneHotEncoding

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
]
