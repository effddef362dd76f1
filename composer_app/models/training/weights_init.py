"""Fresh weights initialised as TF1 did for Magenta's graph (glorot-uniform kernels, zero biases)."""

from __future__ import annotations

import dataclasses

import numpy as np

from composer_app.models.rnn.weights import RnnWeights, initial_weights
from composer_app.said import said


def fresh_weights(input_size: int, num_classes: int, layer_sizes, attn_length: int, seed: int) -> RnnWeights:
    """network.initial_weights, with AttnV drawn as TF1's glorot_uniform draws a 1-D variable (fan_in = fan_out)."""
    weights = initial_weights(input_size, num_classes, tuple(layer_sizes), attn_length, seed)
    if weights.attention is None:
        return weights
    size = weights.attention.attn_v.shape[0]
    limit = np.sqrt(3.0 / size)
    attn_v = np.random.default_rng([seed, 1]).uniform(-limit, limit, size).astype(np.float32)
    return dataclasses.replace(weights, attention=dataclasses.replace(weights.attention, attn_v=attn_v))


def bundle_weights(path, config, hparams):
    """The network of a .mag bundle to continue training, and the hparams its widths impose.

    A bundle fixes the layer sizes and the attention length (its weights have those shapes); the other hparams
    (batch size, learning rate, dropout) stay the request's.
    """
    from composer_app.models.errors import BundleError
    from composer_app.models.rnn.bundle import read_bundle
    from composer_app.models.training.errors import TrainingError

    try:
        bundle = read_bundle(path, config)
    except BundleError as exc:
        raise TrainingError(said("cannot continue training {path}: {problem}").format(
            path=str(path), problem=exc.problem), hint=said("Choose a .mag bundle made for the same model.")) from None
    weights = bundle.weights
    return weights, dataclasses.replace(hparams, rnn_layer_sizes=weights.layer_sizes,
                                        attn_length=weights.attn_length)
