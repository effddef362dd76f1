"""Magenta-exact encoders turning event sequences into model inputs and labels, and back: one file per family.

base.py (one-hot and event-sequence encoder-decoders), melody.py, key_melody.py (attention_rnn), lookback.py,
drums.py, chords.py (Improv RNN's chord encodings) and conditional.py (control events before target events).
polyphony.py (Polyphony RNN), performance.py and performance_controls.py (Performance RNN and its control
signals), piano_keys.py (the keys down while performance events are sampled, for the piano's rules).
"""

from composer_app.music.encodings.base import (
    EventSequenceEncoderDecoder,
    OneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
)
from composer_app.music.encodings.chords import PitchChordsEncoderDecoder, TriadChordOneHotEncoding
from composer_app.music.encodings.conditional import ConditionalEventSequenceEncoderDecoder
from composer_app.music.encodings.drums import (
    DEFAULT_DRUM_TYPE_PITCHES,
    DRUM_TYPE_NAMES,
    GM_DRUM_NAMES,
    ONE_DRUM_TYPE_PITCHES,
    DrumsEncodingError,
    MultiDrumOneHotEncoding,
    drum_name,
)
from composer_app.music.encodings.key_melody import KeyMelodyEncoderDecoder
from composer_app.music.encodings.lookback import (
    DEFAULT_LOOKBACK_DISTANCES,
    DEFAULT_STEPS_PER_BAR,
    LookbackEventSequenceEncoderDecoder,
)
from composer_app.music.encodings.melody import (
    MAJOR_SCALE,
    MELODY_NO_EVENT,
    MELODY_NOTE_OFF,
    NOTE_KEYS,
    NOTES_PER_OCTAVE,
    NUM_SPECIAL_MELODY_EVENTS,
    MelodyOneHotEncoding,
    major_key_histogram,
    note_histogram,
)
from composer_app.music.encodings.performance import (
    ModuloPerformanceEventSequenceEncoderDecoder,
    OneHotIndexEventSequenceEncoderDecoder,
    PerformanceOneHotEncoding,
)
from composer_app.music.encodings.performance_controls import (
    MultipleEventSequenceEncoder,
    NoteDensitySignal,
    OptionalEventSequenceEncoder,
    PitchHistogramSignal,
)
from composer_app.music.encodings.polyphony import PolyphonyOneHotEncoding

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
    "TriadChordOneHotEncoding",
    "PitchChordsEncoderDecoder",
    "ConditionalEventSequenceEncoderDecoder",
    "PolyphonyOneHotEncoding",
    "PerformanceOneHotEncoding",
    "OneHotIndexEventSequenceEncoderDecoder",
    "ModuloPerformanceEventSequenceEncoderDecoder",
    "NoteDensitySignal",
    "PitchHistogramSignal",
    "MultipleEventSequenceEncoder",
    "OptionalEventSequenceEncoder",
]
