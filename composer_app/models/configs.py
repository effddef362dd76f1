"""The model registry: frozen configs keyed by Magenta's generator ids."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from composer_app.models.hparams import HParams
from composer_app.music.encodings import (
    ONE_DRUM_TYPE_PITCHES,
    EventSequenceEncoderDecoder,
    KeyMelodyEncoderDecoder,
    LookbackEventSequenceEncoderDecoder,
    MelodyOneHotEncoding,
    MultiDrumOneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
)

# Magenta's melody range for the basic, lookback and attention configs: C3 up to (not including) C6.
DEFAULT_MIN_NOTE = 48
DEFAULT_MAX_NOTE = 84
DEFAULT_TRANSPOSE_TO_KEY = 0


@dataclass(frozen=True)
class ModelConfig:
    """What a generator id means: its event kind, encoder-decoder, time grid and default hparams."""

    id: str
    family: str  # "melody" or "drums"; later: "improv", "polyphony", "performance", "musicvae"
    title: str
    description: str
    make_encoder: Callable[[], EventSequenceEncoderDecoder] = field(repr=False, compare=False)
    hparams: HParams
    magenta_description: str = ""  # the generator description Magenta writes into bundles
    steps_per_quarter: int = 4
    min_note: int = 0
    max_note: int = 128
    transpose_to_key: int | None = None

    def encoder(self) -> EventSequenceEncoderDecoder:
        return _encoder_cache(self)

    @property
    def is_melody(self) -> bool:
        return self.family == "melody"

    @property
    def is_drums(self) -> bool:
        return self.family == "drums"


_ENCODERS: dict[str, EventSequenceEncoderDecoder] = {}


def _encoder_cache(config: ModelConfig) -> EventSequenceEncoderDecoder:
    if config.id not in _ENCODERS:
        _ENCODERS[config.id] = config.make_encoder()
    return _ENCODERS[config.id]


_REGISTRY: dict[str, ModelConfig] = {}


def register(config: ModelConfig) -> ModelConfig:
    if config.id in _REGISTRY:
        raise ValueError(f"model id {config.id!r} is already registered")
    _REGISTRY[config.id] = config
    return config


def get_config(config_id: str) -> ModelConfig:
    try:
        return _REGISTRY[config_id]
    except KeyError:
        raise KeyError(f"unknown model {config_id!r}; known models: {', '.join(_REGISTRY)}") from None


def all_configs() -> list[ModelConfig]:
    return list(_REGISTRY.values())


def known_ids() -> list[str]:
    return list(_REGISTRY)


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
