"""Helpers for MusicVAE tests: small models of any config with seeded random weights in Magenta's layout."""

import numpy as np

from composer_app.models.musicvae.checkpoint import WeightTensors, weights_from
from composer_app.models.musicvae.configs import get_config
from composer_app.models.musicvae.layout import magenta_shapes
from composer_app.models.musicvae.model import MusicVae


def random_tensors(config_id: str, seed: int = 0, z: int = 8, enc=(16,), dec=(16, 16), nade_hidden: int = 12
                   ) -> dict[str, np.ndarray]:
    """Random weights named and shaped as Magenta saves the config's model at these sizes."""
    config = get_config(config_id)
    conv = config.converter()
    # hierdec-trio splits its core decoder into melody, bass and drums.
    split = conv.output_depths if config.kind == "trio" and config.hierarchical else ()
    shapes = magenta_shapes((conv.input_depth, conv.output_depth), z, list(enc), list(dec), config.hierarchical,
                            nade_hidden if config.kind == "nade" else 0, getattr(conv, "control_depth", 0), split)
    rng = np.random.default_rng(seed)
    return {name: (rng.standard_normal(shape) * 0.5).astype(np.float32) for name, shape in sorted(shapes.items())}


def random_vae(config_id: str, seed: int = 0, **sizes) -> MusicVae:
    """A MusicVae of the config with random weights (z 8, layers of 16 unless given)."""
    return MusicVae(weights_from(WeightTensors(f"{config_id}.tar", random_tensors(config_id, seed, **sizes))))
