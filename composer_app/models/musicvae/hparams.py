"""MusicVAE's `--hparams` by Magenta's names: the sizes and length inference uses, checked against a checkpoint."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from composer_app.models.errors import HParamsError, ModelError
from composer_app.models.hparams import parse_hparams
from composer_app.said import said

MAX_UNITS = 16384
MAX_SEQ_LEN = 100 * 16  # the converters truncate music to 100 bars


class VaeHParamsError(HParamsError):
    """A MusicVAE `--hparams` string names an unknown hparam, a bad value, or a network this engine does not build."""

    hint = said("Use Magenta's MusicVAE hparam names (music_vae_generate --help lists the sizes that matter), with "
                "lists in brackets, e.g. enc_rnn_size=[512].")


class SizesMismatchError(ModelError):
    """`--hparams` gives network sizes the checkpoint does not have."""

    hint = said("Leave the sizes out of --hparams (they are read from the checkpoint), or give the checkpoint they "
                "describe.")


@dataclass(frozen=True)
class VaeHParams:
    """Every hparam Magenta's MusicVAE configs take (base_model and lstm_models defaults, NADE's hidden size).

    Only the sizes and max_seq_len change what inference computes; the others shape training and are accepted so
    that a course's command line runs unchanged."""

    max_seq_len: int = 32
    z_size: int = 32
    free_bits: float = 0.0
    max_beta: float = 1.0
    beta_rate: float = 0.0
    batch_size: int = 512
    grad_clip: float = 1.0
    clip_mode: str = "global_norm"
    grad_norm_clip_to_zero: int = 10000
    learning_rate: float = 0.001
    decay_rate: float = 0.9999
    min_learning_rate: float = 0.00001
    conditional: bool = True
    dec_rnn_size: tuple[int, ...] = (512,)
    enc_rnn_size: tuple[int, ...] = (256,)
    dropout_keep_prob: float = 1.0
    sampling_schedule: str = "constant"
    sampling_rate: float = 0.0
    use_cudnn: bool = False
    residual_encoder: bool = False
    residual_decoder: bool = False
    control_preprocessing_rnn_size: tuple[int, ...] = (256,)
    nade_num_hidden: int = 128


# Values that change the network into one this engine does not build: refused rather than run wrongly.
UNSUPPORTED = {
    "conditional": (True, said("unconditional MusicVAEs (conditional=false) are not supported")),
    "use_cudnn": (False, said("cuDNN checkpoints (use_cudnn=true) are not supported; Magenta deprecated them too")),
    "residual_encoder": (False, said("residual encoders (residual_encoder=true) are not supported")),
    "residual_decoder": (False, said("residual decoders (residual_decoder=true) are not supported")),
}
SIZES = ("z_size", "enc_rnn_size", "dec_rnn_size", "nade_num_hidden")


def parse_vae_hparams(text: str | None) -> dict:
    """The hparams a `--hparams` string sets, by name, checked for range; {} for none."""
    if not text:
        return {}
    values = parse_hparams(text, VaeHParams, VaeHParamsError)
    for name, (supported, problem) in UNSUPPORTED.items():
        if name in values and values[name] != supported:
            raise VaeHParamsError(problem)
    if not 1 <= values.get("max_seq_len", 1) <= MAX_SEQ_LEN:
        raise VaeHParamsError(said("hparam max_seq_len={length} is out of range: 1 to {limit} steps").format(
            length=values["max_seq_len"], limit=MAX_SEQ_LEN))
    for name in SIZES:
        numbers = values.get(name, ())
        numbers = numbers if isinstance(numbers, tuple) else (numbers,)
        if not all(1 <= n <= MAX_UNITS for n in numbers):
            raise VaeHParamsError(said("hparam {name}={value} is out of range: sizes are 1 to {limit}").format(
                name=name, value=str(values[name]), limit=MAX_UNITS))
    return values


def sizes_mismatch(given: dict, actual: dict) -> str | None:
    """Which of the given sizes the checkpoint's tensors contradict, as 'z_size 256 (the checkpoint has 16)'."""
    wrong = [said("{name} {given} (the checkpoint has {actual})").format(
        name=name, given=_shown(given[name]), actual=_shown(actual[name]))
        for name in SIZES if name in given and name in actual and given[name] != actual[name]]
    if not wrong:
        return None
    listed = wrong[0]
    for item in wrong[1:]:
        listed = said("{items}, {item}").format(items=listed, item=item)
    return listed


def _shown(value) -> str:
    return "[" + ",".join(str(v) for v in value) + "]" if isinstance(value, tuple) else str(value)


def field_names() -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(VaeHParams))
