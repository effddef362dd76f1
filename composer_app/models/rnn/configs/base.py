"""The event-RNN config type and its registry: frozen configs keyed by Magenta's generator ids."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from composer_app.models.hparams import HParams
from composer_app.music.encodings import ConditionalEventSequenceEncoderDecoder, EventSequenceEncoderDecoder
from composer_app.said import said

Encoder = EventSequenceEncoderDecoder | ConditionalEventSequenceEncoderDecoder


@dataclass(frozen=True)
class ModelConfig:
    """What a generator id means: its event kind, encoder-decoder, time grid and default hparams."""

    id: str
    family: str  # "melody", "drums", "improv", "polyphony" or "performance"
    title: str
    description: str
    make_encoder: Callable[[], Encoder] = field(repr=False, compare=False)
    hparams: HParams
    magenta_description: str = ""  # the generator description Magenta writes into bundles
    steps_per_quarter: int = 4
    min_note: int = 0
    max_note: int = 128
    transpose_to_key: int | None = None
    bundle_id: str | None = None  # the id its bundles carry, where it is not `id` (the compact config)
    num_velocity_bins: int = 0  # Performance RNN: velocity bins of its events (0: no VELOCITY events)
    control_signals: tuple = ()  # Performance RNN: its control signals, in the order of the control input
    optional_conditioning: bool = False  # Performance RNN: the control input starts with a disable flag

    def encoder(self) -> Encoder:
        return _encoder_cache(self)

    @property
    def is_melody(self) -> bool:
        """Whether its events are Magenta Melody events (Melody RNN's, and Improv RNN's over chords)."""
        return self.family in ("melody", "improv")

    @property
    def needs_chords(self) -> bool:
        """Whether it is conditioned on backing chords, one per step, known before generating."""
        return self.family == "improv"

    @property
    def is_drums(self) -> bool:
        return self.family == "drums"

    @property
    def is_timed(self) -> bool:
        """Whether events carry time themselves (Polyphony's STEP_END, Performance's TIME_SHIFT), so a sequence's
        length in steps is not its number of events."""
        return self.family in ("polyphony", "performance")

    @property
    def writes_whole_notes(self) -> bool:
        """Whether each event is a whole note (Performance RNN's note encoding, six softmax heads), not a note-on
        or note-off: nothing to release, and a primer must hold notes."""
        return len(self.encoder().head_sizes) > 1

    @property
    def generator_id(self) -> str:
        """The id Magenta writes into its bundles."""
        return self.bundle_id or self.id

    @property
    def in_generate_panel(self) -> bool:
        """Whether the Generate dock's RNN tab lists it (Polyphony and Performance RNN have tabs of their own)."""
        return self.family in ("melody", "drums", "improv")


_ENCODERS: dict[str, Encoder] = {}


def _encoder_cache(config: ModelConfig) -> Encoder:
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
        raise KeyError(said("unknown model {model!r}; known models: {known}").format(
            model=config_id, known=", ".join(_REGISTRY))) from None


# The order pickers list the families in, whatever order their modules were imported in.
FAMILY_ORDER = ("melody", "drums", "improv", "polyphony", "performance")


def all_configs() -> list[ModelConfig]:
    """Every registered config, family by family, each family in registration order."""
    rank = {family: i for i, family in enumerate(FAMILY_ORDER)}
    return sorted(_REGISTRY.values(), key=lambda c: rank.get(c.family, len(rank)))


def known_ids() -> list[str]:
    return [config.id for config in all_configs()]
