"""Reading Magenta .mag bundles: their details, checkpoint tensors and attention length, as untrusted data."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from composer_app import RESOURCE_DIR
from composer_app.models.checkpoints.bundle_proto import GeneratorBundle
from composer_app.models.checkpoints.mag_file import mag_from_bytes, read_mag
from composer_app.models.errors import BundleError
from composer_app.models.rnn.configs import ModelConfig, get_config, known_ids
from composer_app.models.rnn.weights import RnnWeights, WeightsError, detect_layout, weights_from_variables

BUNDLE_DIR = RESOURCE_DIR / "bundles"


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

    @property
    def config(self) -> ModelConfig:
        return get_config(self.generator_id)

    def describe(self) -> dict:
        return {
            "file": str(self.path) if self.path else None,
            "generator_id": self.generator_id,
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
    if raw.generator_id not in known_ids():
        raise BundleError(
            path, f"it was made for the model {raw.generator_id!r}, which this app does not know; "
                  f"known models: {', '.join(known_ids())}")
    if config is not None and config.id != raw.generator_id:
        raise BundleError(
            path, f"it is a {raw.generator_id} bundle, not {config.id}; choose the {raw.generator_id} model "
                  "or another bundle")
    bundle_config = get_config(raw.generator_id)
    variables = _read_checkpoint(raw, path)
    layout = detect_layout(variables)
    attn_length, source = 0, "none"
    if layout != "none":
        attn_length = _attn_length_from_metagraph(raw.metagraph, variables, layout)
        source = "metagraph"
        if not attn_length:
            attn_length, source = bundle_config.hparams.attn_length, "config default"
    try:
        weights = weights_from_variables(variables, attn_length)
    except WeightsError as exc:
        raise BundleError(path, f"the checkpoint does not hold a usable network: {exc}") from None
    encoder = bundle_config.encoder()
    if (weights.input_size, weights.num_classes) != (encoder.input_size, encoder.num_classes):
        raise BundleError(
            path, f"its network takes {weights.input_size} inputs and predicts {weights.num_classes} classes, "
                  f"but the {raw.generator_id} encoding has {encoder.input_size} inputs and "
                  f"{encoder.num_classes} classes")
    return Bundle(path, raw.generator_id, raw.generator_description, raw.bundle_description, weights, source)


def _read_checkpoint(raw: GeneratorBundle, path: Path | None) -> dict:
    """The network's tensors, by the project's own bounds-checked reader (no native code parses the file)."""
    from composer_app.models.checkpoints.tf_checkpoint import is_training_state, read_v1_checkpoint

    try:
        return read_v1_checkpoint(raw.checkpoint_files[0], str(path or "the bundle")).read_all(skip=is_training_state)
    except BundleError as exc:
        raise BundleError(path, f"its checkpoint cannot be read; the file may be damaged ({exc.problem})") from None


def _attn_length_from_metagraph(metagraph: bytes, variables: dict, layout: str) -> int:
    """attn_length is not a variable; it shows as the attention history state's width (attn_length x size)."""
    if not metagraph:
        return 0
    try:
        from tensorflow.core.protobuf import meta_graph_pb2

        meta = meta_graph_pb2.MetaGraphDef()
        meta.ParseFromString(metagraph)
    except Exception:
        return 0
    weights_probe = {k: v for k, v in variables.items()}
    attn_size = _attention_size(weights_probe, layout)
    if not attn_size:
        return 0
    nodes = {n.name: n for n in meta.graph_def.node}
    state = meta.collection_def.get("initial_state")
    if state is None or not state.HasField("node_list"):
        return 0
    widths = []
    for tensor_name in state.node_list.value:
        node = nodes.get(tensor_name.split(":")[0])
        if node is None or "AttentionCellWrapper" not in node.name:
            continue
        shapes = node.attr["_output_shapes"].list.shape if "_output_shapes" in node.attr else []
        if shapes and len(shapes[0].dim) == 2:
            widths.append(shapes[0].dim[1].size)
    widths = [w for w in widths if w > 0 and w % attn_size == 0]
    if not widths:
        return 0
    return max(widths) // attn_size


def _attention_size(variables: dict, layout: str) -> int:
    base = "rnn/attention_cell_wrapper" if layout == "stack" else "rnn/multi_rnn_cell/cell_0/attention_cell_wrapper"
    for scope in ("attn_output_projection", "attention_output_projection"):
        for suffix in ("bias", "biases"):
            value = variables.get(f"{base}/{scope}/{suffix}")
            if value is not None:
                return int(value.shape[0])
    return 0
