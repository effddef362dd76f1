"""NADE (Magenta's common/nade.py) on the numpy engine: binary outputs drawn one dimension at a time.

A NADE models a multi-hot vector as a chain of Bernoulli conditionals: dimension i's logit is
b_dec[i] + sigmoid(a) . w_dec_t[i], where the hidden pre-activation `a` starts at b_enc and gains w_enc[j] for
every earlier dimension j that was set. MusicVAE's NADE decoder (and the Pianoroll RNN-NADE) give the two biases
per step from the RNN output; the weights are shared by all steps.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from composer_app.models.engine.layers import sigmoid

# Picks the bits (0/1) of one dimension for a batch from its logits [batch] and the dimension's index.
BitSampler = Callable[[np.ndarray, int], np.ndarray]


def threshold_bits(logits: np.ndarray, dim: int) -> np.ndarray:
    """Set iff the logit is above 0: Bernoulli(sigmoid(logit / T)) as T goes to 0, which is what Magenta's
    TrainedModel draws at a tiny temperature (it always passes one; Nade.sample without one would also set a bit
    whose probability rounds to exactly 0.5)."""
    return (logits > 0).astype(np.float32)


def bernoulli_sampler(temperature: float, rng: np.random.Generator) -> BitSampler:
    """Bernoulli(sigmoid(logit / temperature)) per bit, as Magenta samples with a temperature."""

    def sample(logits: np.ndarray, dim: int) -> np.ndarray:
        p = sigmoid(logits / np.float32(temperature))
        return (rng.random(logits.shape, dtype=np.float32) < p).astype(np.float32)

    return sample


def nade_sample(b_enc: np.ndarray, b_dec: np.ndarray, w_enc: np.ndarray, w_dec_t: np.ndarray,
                sample_bit: BitSampler = threshold_bits) -> tuple[np.ndarray, np.ndarray]:
    """(bits [batch, dims], logits [batch, dims]) for biases b_enc [batch, hidden] and b_dec [batch, dims].

    w_enc and w_dec_t are [dims, hidden] (Magenta stores them as [dims, 1, hidden] and [dims, hidden, 1])."""
    batch, dims = b_dec.shape
    a = np.array(b_enc, np.float32)
    bits = np.zeros((batch, dims), np.float32)
    logits = np.zeros((batch, dims), np.float32)
    for i in range(dims):
        logit = b_dec[:, i] + sigmoid(a) @ w_dec_t[i]
        bit = np.asarray(sample_bit(logit, i), np.float32)
        logits[:, i], bits[:, i] = logit, bit
        # A set bit feeds its encoder row into every later dimension's hidden units.
        a += bit[:, None] * w_enc[i]
    return bits, logits
