"""Reading Magenta .mag bundles: their details, checkpoint tensors and attention length, as untrusted data."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from composer_app import RESOURCE_DIR
from composer_app.models.checkpoints.bundle_proto import GeneratorBundle
from composer_app.models.checkpoints.mag_file import mag_from_bytes, read_mag
from composer_app.models.checkpoints.metagraph import state_shapes
from composer_app.models.checkpoints.sstable import FormatError
from composer_app.models.errors import BundleError
from composer_app.models.rnn.configs import ModelConfig, all_configs, get_config, known_ids
from composer_app.models.rnn.weights import RnnWeights, WeightsError, detect_layout, weights_from_variables
from composer_app.said import said

BUNDLE_DIR = RESOURCE_DIR / "bundles"
# Attention history steps a bundle may ask for: Magenta uses 32 to 40; each step costs batch x size floats.
MAX_ATTN_LENGTH = 4096


def shipped_bundle_path(config_id: str) -> Path:
    """Where the bundle this app ships for a config lives (it may not exist for every config)."""
    return BUNDLE_DIR / f"{config_id}.mag"


@dataclass(frozen=True)
class Bundle:
    """A loaded bundle: what Magenta's GeneratorBundle says, and the network weights inside it."""

    path: Path | None
    generator_id: str
    generator_description: str
    bundle_description: str
    weights: RnnWeights
    attn_length_source: str  # "metagraph", "config default" or "none"
    config_id: str = ""  # the config it runs as: its generator id but where the network's widths say otherwise

    @property
    def config(self) -> ModelConfig:
        return get_config(self.config_id or self.generator_id)

    def describe(self) -> dict:
        return {
            "file": str(self.path) if self.path else None,
            "generator_id": self.generator_id,
            **({"config": self.config.id} if self.config.id != self.generator_id else {}),
            "generator_description": self.generator_description,
            "bundle_description": self.bundle_description,
            **self.weights.describe(),
            "attn_length_source": self.attn_length_source,
        }


def read_bundle(path: str | os.PathLike, config: ModelConfig | None = None) -> Bundle:
    """Read and check a .mag file; `config` (if given) must be the model the bundle was made for."""
    path = Path(path)
    return _bundle_from_mag(read_mag(path), path, config)


def bundle_from_bytes(data: bytes, path: Path | None = None, config: ModelConfig | None = None) -> Bundle:
    return _bundle_from_mag(mag_from_bytes(data, path), path, config)


def _bundle_from_mag(raw: GeneratorBundle, path: Path | None, config: ModelConfig | None) -> Bundle:
    candidates = [c for c in all_configs() if c.generator_id == raw.generator_id]
    if not candidates:
        raise BundleError(
            path, said("it was made for the model {model!r}, which this app does not know; known models: {known}")
            .format(model=raw.generator_id, known=", ".join(known_ids())))
    if config is not None and config.generator_id != raw.generator_id:
        raise BundleError(
            path, said("it is a {model} bundle, not {wanted}; choose the {model} model or another bundle").format(
                model=raw.generator_id, wanted=config.id))
    bundle_config = get_config(raw.generator_id) if raw.generator_id in known_ids() else candidates[0]
    variables, unreadable = _read_checkpoint(raw, path)
    layout = detect_layout([*variables, *unreadable])
    attn_length, source = 0, "none"
    if layout != "none":
        try:
            attn_length = attn_length_from_states(state_shapes(raw.metagraph), _attention_size(variables, layout))
        except FormatError as exc:
            raise BundleError(path, said("its metagraph is damaged ({problem})").format(problem=exc.problem)) from None
        except BundleError as exc:
            raise BundleError(path, exc.problem) from None
        source = "metagraph"
        if not attn_length:
            attn_length, source = bundle_config.hparams.attn_length, "config default"
    try:
        weights = weights_from_variables(variables, attn_length, unreadable)
    except WeightsError as exc:
        raise BundleError(path, said("the checkpoint does not hold a usable network: {problem}").format(
            problem=exc.problem)) from None
    if config is None:
        # performance_with_dynamics_compact's bundles carry the id performance_with_dynamics: the width decides.
        fits = [c for c in candidates if (c.encoder().input_size, c.encoder().num_classes) ==
                (weights.input_size, weights.num_classes)]
        bundle_config = fits[0] if fits else bundle_config
    else:
        bundle_config = config
    encoder = bundle_config.encoder()
    if (weights.input_size, weights.num_classes) != (encoder.input_size, encoder.num_classes):
        raise BundleError(
            path, said("its network takes {inputs} inputs and predicts {classes} classes, but the {model} encoding "
                       "has {encoding_inputs} inputs and {encoding_classes} classes").format(
                inputs=weights.input_size, classes=weights.num_classes, model=raw.generator_id,
                encoding_inputs=encoder.input_size, encoding_classes=encoder.num_classes))
    return Bundle(path, raw.generator_id, raw.generator_description, raw.bundle_description, weights, source,
                  bundle_config.id)


def _read_checkpoint(raw: GeneratorBundle, path: Path | None) -> tuple[dict, dict[str, str]]:
    """The network's floating-point tensors, by the project's own bounds-checked reader (no native code parses the
    file), and the type of every other tensor, which is left unread (strings, integers: never a network's weights).
    """
    from composer_app.models.checkpoints.tf_checkpoint import is_training_state, read_v1_checkpoint

    try:
        reader = read_v1_checkpoint(raw.checkpoint_files[0], str(path) if path else said("the bundle"))
        variables, unreadable = {}, {}
        for name in reader.names():
            if is_training_state(name):
                continue
            if reader.is_floating(name):
                variables[name] = reader.read(name)
            else:
                unreadable[name] = reader.type_name(name)
        return variables, unreadable
    except BundleError as exc:
        raise BundleError(path, said("its checkpoint cannot be read; the file may be damaged ({problem})").format(
            problem=exc.problem)) from None


def attn_length_from_states(states, attn_size: int) -> int:
    """attn_length is not a variable; it shows as the attention history state's width (attn_length x size).

    `states` is metagraph.state_shapes(): of the attention wrapper's state tensors, the widest that is a whole
    number of attention vectors gives it; 0 when none does. Over MAX_ATTN_LENGTH steps raises BundleError.
    """
    length, where = 0, ""
    for name, shape in states:
        if attn_size < 1 or "AttentionCellWrapper" not in name or shape is None or len(shape) != 2:
            continue
        width = shape[1]
        if width > 0 and width % attn_size == 0 and width // attn_size > length:
            length, where = width // attn_size, name
    if length > MAX_ATTN_LENGTH:
        raise BundleError(None, said("its attention history state {state} is {length} steps long, over the {limit} "
                                     "steps this app allows (Magenta's models use 32 to 40)").format(
            state=where, length=length, limit=MAX_ATTN_LENGTH))
    return length


def _attention_size(variables: dict, layout: str) -> int:
    """The attention output projection's size, or 0 if its bias is missing or not a vector (reported later)."""
    base = "rnn/attention_cell_wrapper" if layout == "stack" else "rnn/multi_rnn_cell/cell_0/attention_cell_wrapper"
    for scope in ("attn_output_projection", "attention_output_projection"):
        for suffix in ("bias", "biases"):
            value = variables.get(f"{base}/{scope}/{suffix}")
            if value is not None and getattr(value, "ndim", 0) == 1:
                return int(value.shape[0])
    return 0
