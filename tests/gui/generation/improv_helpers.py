"""A tiny Improv RNN bundle made in the test (fresh weights, written as Magenta writes bundles): no shared data."""

from __future__ import annotations

import pytest


def tiny_improv_bundle(folder, config_id: str = "chord_pitches_improv"):
    """A .mag of config_id with one 8-unit layer of fresh weights; skips when TensorFlow (the writer) is absent."""
    pytest.importorskip("tensorflow", reason="writing a .mag bundle needs TensorFlow (the training extra)")
    from composer_app.models.rnn.configs import get_config
    from composer_app.models.rnn.weights import initial_weights
    from composer_app.models.training.bundle_writer import write_bundle

    config = get_config(config_id)
    encoder = config.encoder()
    weights = initial_weights(encoder.input_size, encoder.num_classes, (8,), 0, seed=3)
    return write_bundle(folder / f"{config_id}.mag", config, weights, "tiny test bundle")
