"""Polyphony RNN's config (polyphony), as Magenta's polyphony_model defines it."""

from __future__ import annotations

from composer_app.models.hparams import HParams
from composer_app.models.rnn.configs.base import ModelConfig, register
from composer_app.music.encodings import OneHotEventSequenceEncoderDecoder, PolyphonyOneHotEncoding

register(ModelConfig(
    id="polyphony", magenta_description="Polyphonic RNN",
    family="polyphony", title="Polyphony RNN",
    description="Polyphonic music (chords, voices) on a 16th-note grid: continues a part, or harmonises a melody.",
    make_encoder=lambda: OneHotEventSequenceEncoderDecoder(PolyphonyOneHotEncoding()),
    hparams=HParams(batch_size=64, rnn_layer_sizes=(256, 256, 256), dropout_keep_prob=0.5, clip_norm=5.0,
                    learning_rate=0.001),
))
