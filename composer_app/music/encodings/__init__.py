"""Magenta-exact encoders turning event sequences into model inputs and labels, and back."""

from .base import EventSequenceEncoderDecoder, OneHotEncoding, OneHotEventSequenceEncoderDecoder
from .drums import (
    DEFAULT_DRUM_TYPE_PITCHES,
    DRUM_TYPE_NAMES,
    GM_DRUM_NAMES,
    ONE_DRUM_TYPE_PITCHES,
    DrumsEncodingError,
    MultiDrumOneHotEncoding,
    drum_name,
)
from .lookback import DEFAULT_LOOKBACK_DISTANCES, DEFAULT_STEPS_PER_BAR, LookbackEventSequenceEncoderDecoder
from .melody import (
    MAJOR_SCALE,
    MELODY_NO_EVENT,
    MELODY_NOTE_OFF,
    NOTE_KEYS,
    NOTES_PER_OCTAVE,
    NUM_SPECIAL_MELODY_EVENTS,
    KeyMelodyEncoderDecoder,
    MelodyOneHotEncoding,
    major_key_histogram,
    note_histogram,
)

# Chord encodings (improv_rnn) and polyphony / pianoroll encodings arrive with later issues; they
# belong here as chords.py and polyphony.py, built on the same base classes.

__all__ = [
    "OneHotEncoding",
    "EventSequenceEncoderDecoder",
    "OneHotEventSequenceEncoderDecoder",
    "LookbackEventSequenceEncoderDecoder",
    "DEFAULT_LOOKBACK_DISTANCES",
    "DEFAULT_STEPS_PER_BAR",
    "MelodyOneHotEncoding",
    "KeyMelodyEncoderDecoder",
    "MELODY_NO_EVENT",
    "MELODY_NOTE_OFF",
    "NUM_SPECIAL_MELODY_EVENTS",
    "NOTES_PER_OCTAVE",
    "MAJOR_SCALE",
    "NOTE_KEYS",
    "note_histogram",
    "major_key_histogram",
    "MultiDrumOneHotEncoding",
    "DrumsEncodingError",
    "DEFAULT_DRUM_TYPE_PITCHES",
    "ONE_DRUM_TYPE_PITCHES",
    "DRUM_TYPE_NAMES",
    "GM_DRUM_NAMES",
    "drum_name",
]
