"""What a MusicVAE checkpoint holds: its config, sizes and variables, read from the index alone."""

from __future__ import annotations

import os

import numpy as np

from composer_app.models.checkpoints.tf_checkpoint import is_training_state
from composer_app.models.errors import BundleError
from composer_app.models.musicvae.checkpoint import (
    SplitDecoderWeights,
    VaeWeights,
    WeightTensors,
    open_checkpoint,
    weights_from,
)
from composer_app.models.musicvae.model import output_parts


def _placeholders(path: str | os.PathLike) -> tuple[WeightTensors, list[tuple[str, tuple[int, ...], str]], int]:
    """The weights as zero views of their shapes (no data is read), their [name, shape, dtype], the Adam count."""
    tensors: dict[str, np.ndarray] = {}
    variables = []
    skipped = 0
    with open_checkpoint(path) as reader:
        for name in sorted(reader.names()):
            if is_training_state(name):
                skipped += 1
                continue
            shape, dtype = tuple(reader.shape(name)), np.dtype(reader.dtype(name))
            variables.append((name, shape, reader.type_name(name)))
            tensors[name] = np.broadcast_to(np.zeros((), dtype), shape)
    return WeightTensors(str(path), tensors), variables, skipped


def describe_weights(weights: VaeWeights) -> dict:
    """Sizes of a MusicVAE's parts, and the config they fit (None with the reason when none)."""
    from composer_app.models.musicvae.configs import CONFIGS, detect_config, weights_structure

    try:
        config, problem = detect_config(weights).id, None
    except BundleError as exc:
        config, problem = None, str(exc)
    # Configs the tensors cannot tell from the detected one (the GrooVAEs): --config chooses among them.
    alike = [c.id for c in CONFIGS if c.id != config and c.structure() == weights_structure(weights)]
    conductor = weights.conductor
    return {
        "config": config,
        "config_problem": problem,
        "also_fits": alike,
        "layout": "hierarchical" if conductor is not None else "flat",
        "z_size": int(weights.z_size),
        "input_depth": int(weights.encoder.input_depth),
        "output_depth": int(weights.decoder.output_depth),
        "encoder_sizes": [int(fw.units) for fw, _ in weights.encoder.layers],
        "decoder_sizes": [int(c.units) for c in weights.decoder.cells],
        "conductor_sizes": None if conductor is None else [int(c.units) for c in conductor.cells],
        "nade_hidden": None if weights.decoder.nade is None else int(weights.decoder.nade.hidden),
        "control_depth": int(weights.decoder.control_depth),
        # Trio: melody, bass and drums sampled on their own; hierdec-trio runs a core decoder for each.
        "output_parts": [int(d) for d in output_parts(weights)],
        "core_decoders": len(weights.decoder.parts) if isinstance(weights.decoder, SplitDecoderWeights) else 1,
    }


def describe_checkpoint(path: str | os.PathLike) -> dict:
    """describe_weights of a checkpoint (.tar or prefix) plus its variable layout, without reading the weights."""
    tensors, variables, skipped = _placeholders(path)
    info = {"checkpoint": str(path), **describe_weights(weights_from(tensors))}
    info["parameters"] = int(sum(np.prod(shape, dtype=np.int64) for _, shape, _ in variables))
    info["training_state_entries"] = skipped
    info["variables"] = [{"name": name, "shape": list(shape), "dtype": dtype} for name, shape, dtype in variables]
    return info
