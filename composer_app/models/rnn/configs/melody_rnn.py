"""Melody RNN's configs (basic_rnn, mono_rnn, lookback_rnn, attention_rnn), as Magenta's melody_rnn_model defines them."""

from __future__ import annotations

from composer_app.models.hparams import HParams
from composer_app.models.rnn.configs.base import ModelConfig, register
from composer_app.music.encodings import (
    KeyMelodyEncoderDecoder,
    LookbackEventSequenceEncoderDecoder,
    MelodyOneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
)

# Magenta's melody range for the basic, lookback and attention configs: C3 up to (not including) C6.
DEFAULT_MIN_NOTE = 48
DEFAULT_MAX_NOTE = 84
DEFAULT_TRANSPOSE_TO_KEY = 0

_MELODY_HPARAMS = HParams(batch_size=128, rnn_layer_sizes=(128, 128), dropout_keep_prob=0.5, clip_norm=5.0,
                          learning_rate=0.001)

register(ModelConfig(
    id="basic_rnn", magenta_description="Melody RNN with one-hot encoding.",
    family="melody", title="Melody RNN (basic)",
    description="Melody RNN with one-hot encoding.",
    make_encoder=lambda: OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(DEFAULT_MIN_NOTE, DEFAULT_MAX_NOTE)),
    hparams=_MELODY_HPARAMS, min_note=DEFAULT_MIN_NOTE, max_note=DEFAULT_MAX_NOTE,
    transpose_to_key=DEFAULT_TRANSPOSE_TO_KEY,
))
register(ModelConfig(
    id="mono_rnn", magenta_description="Monophonic RNN with one-hot encoding.",
    family="melody", title="Melody RNN (mono)",
    description="Monophonic RNN with one-hot encoding over the full MIDI range.",
    make_encoder=lambda: OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(0, 128)),
    hparams=_MELODY_HPARAMS, min_note=0, max_note=128, transpose_to_key=None,
))
register(ModelConfig(
    id="lookback_rnn", magenta_description="Melody RNN with lookback encoding.",
    family="melody", title="Melody RNN (lookback)",
    description="Melody RNN with lookback encoding: it notices and repeats patterns from 1 and 2 bars ago.",
    make_encoder=lambda: LookbackEventSequenceEncoderDecoder(
        MelodyOneHotEncoding(DEFAULT_MIN_NOTE, DEFAULT_MAX_NOTE), [16, 32], 5),
    hparams=_MELODY_HPARAMS, min_note=DEFAULT_MIN_NOTE, max_note=DEFAULT_MAX_NOTE,
    transpose_to_key=DEFAULT_TRANSPOSE_TO_KEY,
))
register(ModelConfig(
    id="attention_rnn", magenta_description="Melody RNN with lookback encoding and attention.",
    family="melody", title="Melody RNN (attention)",
    description="Melody RNN with lookback encoding and attention: it keeps longer-term structure.",
    make_encoder=lambda: KeyMelodyEncoderDecoder(DEFAULT_MIN_NOTE, DEFAULT_MAX_NOTE, binary_counter_bits=7),
    hparams=HParams(batch_size=128, rnn_layer_sizes=(128, 128), dropout_keep_prob=0.5, attn_length=40,
                    clip_norm=3.0, learning_rate=0.001),
    min_note=DEFAULT_MIN_NOTE, max_note=DEFAULT_MAX_NOTE, transpose_to_key=DEFAULT_TRANSPOSE_TO_KEY,
))
