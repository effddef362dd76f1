"""What training a MusicVAE config means: Magenta's hparams for it (configs.py) with `--hparams` overrides, checked."""

from __future__ import annotations

import dataclasses

from composer_app.models.musicvae.configs import VaeConfig, get_config
from composer_app.models.musicvae.hparams import VaeHParams, VaeHParamsError, parse_vae_hparams
from composer_app.models.training.errors import TrainingError
from composer_app.models.training.vae.windows import MEL_PROGRAMS
from composer_app.said import said

# configs.py's HParams for each config this trainer builds, over lstm_models' defaults (VaeHParams' defaults).
TRAINABLE = {
    "cat-mel_2bar_small": dict(batch_size=512, max_seq_len=32, z_size=256, enc_rnn_size=(512,),
                               dec_rnn_size=(256, 256), free_bits=0.0, max_beta=0.2, beta_rate=0.99999,
                               sampling_schedule="inverse_sigmoid", sampling_rate=1000.0),
    "cat-drums_2bar_small": dict(batch_size=512, max_seq_len=32, z_size=256, enc_rnn_size=(512,),
                                 dec_rnn_size=(256, 256), free_bits=48.0, max_beta=0.2,
                                 sampling_schedule="inverse_sigmoid", sampling_rate=1000.0),
    # The 2-bar GrooVAEs: one model (GrooveLstmDecoder, teacher forcing, dropout), three encoder inputs.
    **{f"groovae_2bar_{variant}": dict(batch_size=512, max_seq_len=32, z_size=256, enc_rnn_size=(512,),
                                       dec_rnn_size=(256, 256), max_beta=0.2, free_bits=48.0, dropout_keep_prob=0.3)
       for variant in ("humanize", "tap_fixed_velocity", "add_closed_hh")},
    # HierarchicalLstmDecoder(level_lengths=[16, 16], disable_autoregression=True): teacher forcing, no annealing.
    "hierdec-mel_16bar": dict(batch_size=512, max_seq_len=256, z_size=512, enc_rnn_size=(2048, 2048),
                              dec_rnn_size=(1024, 1024), free_bits=256.0, max_beta=0.2),
}
# data.NoteSequenceAugmenter(transpose_range=...) of each config; None: no augmenter.
TRANSPOSE_RANGE = {"cat-mel_2bar_small": (-5, 5)}
# The melody converter's valid_programs: cat-mel reads data.MEL_PROGRAMS (0-31) only, mel_16bar_converter every one.
VALID_PROGRAMS = {"cat-mel_2bar_small": MEL_PROGRAMS}
# The hierarchical decoders' level_lengths: (bars, steps per bar).
LEVEL_LENGTHS = {"hierdec-mel_16bar": (16, 16)}
SCHEDULES = ("constant", "exponential", "inverse_sigmoid")


def training_config(config_id: str) -> VaeConfig:
    """The MusicVAE config by Magenta's id, refused when this trainer does not build it."""
    config = get_config(config_id)
    if config.id not in TRAINABLE:
        raise TrainingError(said("the MusicVAE trainer builds {trainable}; {config} is not among them yet").format(
            trainable=", ".join(TRAINABLE), config=config.id))
    return config


def training_hparams(config: VaeConfig, text: str | None) -> VaeHParams:
    """The config's hparams with the `--hparams` overrides, checked as Magenta checks them."""
    values = {**TRAINABLE[config.id], **parse_vae_hparams(text)}
    hp = dataclasses.replace(VaeHParams(), **values)
    if hp.sampling_schedule not in SCHEDULES:
        raise VaeHParamsError(said("hparam sampling_schedule={value} is not one of {known}").format(
            value=hp.sampling_schedule, known=", ".join(SCHEDULES)))
    rate = hp.sampling_rate
    if (hp.sampling_schedule == "constant" and not 0 <= rate <= 1) \
            or (hp.sampling_schedule == "exponential" and not 0 < rate < 1) \
            or (hp.sampling_schedule == "inverse_sigmoid" and rate < 1):
        raise VaeHParamsError(said("hparam sampling_rate={rate} does not fit sampling_schedule={schedule} "
                                   "(constant: 0 to 1, exponential: between 0 and 1, inverse_sigmoid: 1 or more)")
                              .format(rate=rate, schedule=hp.sampling_schedule))
    if hp.clip_mode not in ("value", "global_norm"):
        raise VaeHParamsError(said("hparam clip_mode={value} is not value or global_norm").format(value=hp.clip_mode))
    if not 0 < hp.dropout_keep_prob <= 1 or hp.batch_size < 1 or hp.learning_rate <= 0:
        raise VaeHParamsError(said("hparams dropout_keep_prob (0 to 1), batch_size (1 or more) and learning_rate "
                                   "(above 0) are out of range"))
    levels = LEVEL_LENGTHS.get(config.id)
    if levels is not None and hp.max_seq_len != levels[0] * levels[1]:
        raise VaeHParamsError(said("hparam max_seq_len={length} does not fit {config}: its hierarchical decoder "
                                   "decodes {bars} bars of {steps} steps, so max_seq_len must be {total}").format(
            length=hp.max_seq_len, config=config.id, bars=levels[0], steps=levels[1], total=levels[0] * levels[1]))
    return hp


def hparams_record(hp: VaeHParams) -> dict:
    """The hparams as JSON values (lists for tuples): the run's signature and its card."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(hp).items()}


def size_overrides(config_id: str, z_size: int, encoder: list[int], decoder: list[int]) -> str:
    """The hparams (Magenta's names) under which a checkpoint of these sizes loads as its config; "" when they are the
    config's own. Magenta's music_vae_generate has no --hparams, so a smaller model needs its Python API."""
    own = TRAINABLE[config_id]
    given = {"z_size": z_size, "enc_rnn_size": tuple(encoder), "dec_rnn_size": tuple(decoder)}
    return ",".join(f"{name}={list(value) if isinstance(value, tuple) else value}".replace(" ", "")
                    for name, value in given.items() if own[name] != value)
