"""Performance RNN's configs, as Magenta's performance_model defines them.

Events are 10 ms time shifts, note-ons, note-offs and (with dynamics) 32 velocity bins. The conditioned configs
put a control block before the event input: note density, pitch-class histogram or both, and, for the optional
one, a flag that switches conditioning off. performance_with_dynamics_compact's bundles carry the id
performance_with_dynamics; its one-wide input (the class index) tells them apart.
"""

from __future__ import annotations

from composer_app.models.hparams import HParams
from composer_app.models.rnn.configs.base import ModelConfig, register
from composer_app.music.encodings import (
    ConditionalEventSequenceEncoderDecoder,
    ModuloPerformanceEventSequenceEncoderDecoder,
    MultipleEventSequenceEncoder,
    NoteDensitySignal,
    OneHotEventSequenceEncoderDecoder,
    OneHotIndexEventSequenceEncoderDecoder,
    OptionalEventSequenceEncoder,
    PerformanceOneHotEncoding,
    PitchHistogramSignal,
)
from composer_app.music.encodings.note_performance import NotePerformanceEventSequenceEncoderDecoder

_HPARAMS = HParams(batch_size=64, rnn_layer_sizes=(512, 512, 512), dropout_keep_prob=1.0, clip_norm=3.0,
                   learning_rate=0.001)
BINS = 32
DENSITY = NoteDensitySignal(window_seconds=3.0)
PITCH = PitchHistogramSignal(window_seconds=5.0)


def _one_hot(bins: int = BINS):
    return OneHotEventSequenceEncoderDecoder(PerformanceOneHotEncoding(num_velocity_bins=bins))


def _conditioned(signals: tuple, optional: bool = False):
    def make():
        control = MultipleEventSequenceEncoder([s.encoder for s in signals])
        if optional:
            control = OptionalEventSequenceEncoder(control)
        return ConditionalEventSequenceEncoderDecoder(control, _one_hot())
    return make


def _register(id: str, magenta_description: str, title: str, description: str, make_encoder, bins: int = BINS,
              signals: tuple = (), optional: bool = False, bundle_id: str | None = None) -> None:
    register(ModelConfig(
        id=id, magenta_description=magenta_description, family="performance", title=title,
        description=description, make_encoder=make_encoder, hparams=_HPARAMS, steps_per_quarter=0,
        num_velocity_bins=bins, control_signals=signals, optional_conditioning=optional, bundle_id=bundle_id))


_register("performance", "Performance RNN", "Performance RNN",
          "Expressive piano in 10 ms steps, with timing but no dynamics.", lambda: _one_hot(0), bins=0)
_register("performance_with_dynamics", "Performance RNN with dynamics", "Performance RNN (dynamics)",
          "Expressive piano in 10 ms steps, with timing and 32 levels of loudness.", _one_hot)
_register("performance_with_dynamics_compact", "Performance RNN with dynamics (compact input)",
          "Performance RNN (dynamics, compact)",
          "Performance RNN with dynamics, fed the event's class number instead of a one-hot vector.",
          lambda: OneHotIndexEventSequenceEncoderDecoder(PerformanceOneHotEncoding(num_velocity_bins=BINS)),
          bundle_id="performance_with_dynamics")
_register("performance_with_dynamics_and_modulo_encoding", "Performance RNN with dynamics and modulo encoding",
          "Performance RNN (dynamics, modulo)",
          "Performance RNN with dynamics, its inputs as points on circles (pitch, pitch class, shift, velocity).",
          lambda: ModuloPerformanceEventSequenceEncoderDecoder(num_velocity_bins=BINS))
_register("performance_with_dynamics_and_note_encoding", "Performance RNN with dynamics and note encoding",
          "Performance RNN (dynamics, note encoding)",
          "Performance RNN with dynamics, one event per note: its onset, pitch, loudness and length.",
          lambda: NotePerformanceEventSequenceEncoderDecoder(num_velocity_bins=BINS))
_register("density_conditioned_performance_with_dynamics", "Note-density-conditioned Performance RNN + dynamics",
          "Performance RNN (note density)", "Performance RNN with dynamics, steered by notes per second.",
          _conditioned((DENSITY,)), signals=(DENSITY,))
_register("pitch_conditioned_performance_with_dynamics", "Pitch-histogram-conditioned Performance RNN",
          "Performance RNN (pitch classes)", "Performance RNN with dynamics, steered by a pitch-class histogram.",
          _conditioned((PITCH,)), signals=(PITCH,))
_register("multiconditioned_performance_with_dynamics", "Density- and pitch-conditioned Performance RNN",
          "Performance RNN (density and pitch classes)",
          "Performance RNN with dynamics, steered by notes per second and a pitch-class histogram.",
          _conditioned((DENSITY, PITCH)), signals=(DENSITY, PITCH))
_register("optional_multiconditioned_performance_with_dynamics", "Optionally multiconditioned Performance RNN",
          "Performance RNN (optional conditioning)",
          "Performance RNN with dynamics, steered by density and pitch classes, or free where conditioning is off.",
          _conditioned((DENSITY, PITCH), optional=True), signals=(DENSITY, PITCH), optional=True)
