"""Drums RNN's configs (drum_kit, one_drum), as Magenta's drums_rnn_model defines them."""

from __future__ import annotations

from composer_app.models.hparams import HParams
from composer_app.models.rnn.configs.base import ModelConfig, register
from composer_app.music.encodings import (
    ONE_DRUM_TYPE_PITCHES,
    LookbackEventSequenceEncoderDecoder,
    MultiDrumOneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
)

register(ModelConfig(
    id="drum_kit", magenta_description="Drums RNN with multiple drums and binary counters.",
    family="drums", title="Drums RNN (drum kit)",
    description="Drums RNN over a 9-piece kit (kick, snare, hi-hats, toms, cymbals), with attention.",
    make_encoder=lambda: LookbackEventSequenceEncoderDecoder(MultiDrumOneHotEncoding(), [], 6),
    hparams=HParams(batch_size=128, rnn_layer_sizes=(256, 256, 256), dropout_keep_prob=0.5, attn_length=32,
                    clip_norm=3.0, learning_rate=0.001),
))
register(ModelConfig(
    id="one_drum", magenta_description="Drums RNN with a single drum type.",
    family="drums", title="Drums RNN (one drum)",
    description="Drums RNN that plays a single drum: when to hit, not which drum.",
    make_encoder=lambda: OneHotEventSequenceEncoderDecoder(MultiDrumOneHotEncoding(ONE_DRUM_TYPE_PITCHES)),
    hparams=HParams(batch_size=128, rnn_layer_sizes=(128, 128), dropout_keep_prob=0.5, clip_norm=5.0,
                    learning_rate=0.001),
    steps_per_quarter=2,
))
