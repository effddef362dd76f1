"""Improv RNN's configs (basic_improv, attention_improv, chord_pitches_improv), as Magenta's improv_rnn_model has them.

Each predicts a melody from the melody so far and the chord of the step being predicted; the chords are a
control known in advance. Unlike Melody RNN, transpose_to_key is None: melodies (and so chords) are only moved
by octaves into the model's range.
"""

from __future__ import annotations

from composer_app.models.hparams import HParams
from composer_app.models.rnn.configs.base import ModelConfig, register
from composer_app.music.encodings import (
    ConditionalEventSequenceEncoderDecoder,
    KeyMelodyEncoderDecoder,
    MelodyOneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
    PitchChordsEncoderDecoder,
    TriadChordOneHotEncoding,
)

MIN_NOTE = 48
MAX_NOTE = 84


def _triads():
    return OneHotEventSequenceEncoderDecoder(TriadChordOneHotEncoding())


def _melody():
    return OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(MIN_NOTE, MAX_NOTE))


_RANGE = dict(family="improv", min_note=MIN_NOTE, max_note=MAX_NOTE, transpose_to_key=None)

register(ModelConfig(
    id="basic_improv",
    magenta_description="Basic melody-given-chords RNN with one-hot triad encoding for chords.",
    title="Improv RNN (basic)",
    description="Melody over backing chords; each chord is read as its triad (major, minor, augmented, diminished).",
    make_encoder=lambda: ConditionalEventSequenceEncoderDecoder(_triads(), _melody()),
    hparams=HParams(batch_size=128, rnn_layer_sizes=(64, 64), dropout_keep_prob=0.5, clip_norm=5.0,
                    learning_rate=0.001),
    **_RANGE,
))
register(ModelConfig(
    id="attention_improv",
    magenta_description="Melody-given-chords RNN with one-hot triad encoding for chords, attention, and binary "
                        "counters.",
    title="Improv RNN (attention)",
    description="Melody over backing chords (read as triads), with attention and the key-aware melody encoding.",
    make_encoder=lambda: ConditionalEventSequenceEncoderDecoder(
        _triads(), KeyMelodyEncoderDecoder(MIN_NOTE, MAX_NOTE)),
    hparams=HParams(batch_size=128, rnn_layer_sizes=(128, 128, 128), dropout_keep_prob=0.5, attn_length=40,
                    clip_norm=3.0, learning_rate=0.001),
    **_RANGE,
))
register(ModelConfig(
    id="chord_pitches_improv",
    magenta_description="Melody-given-chords RNN with chord pitches encoding.",
    title="Improv RNN (chord pitches)",
    description="Melody over backing chords, hearing each chord's root, pitches and bass: any chord symbol works.",
    make_encoder=lambda: ConditionalEventSequenceEncoderDecoder(PitchChordsEncoderDecoder(), _melody()),
    hparams=HParams(batch_size=128, rnn_layer_sizes=(256, 256, 256), dropout_keep_prob=0.5, clip_norm=3.0,
                    learning_rate=0.001),
    **_RANGE,
))
