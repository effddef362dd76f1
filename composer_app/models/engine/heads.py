"""Several softmax heads on one dense layer (Magenta's models whose encoder has a list of num_classes).

The dense layer's logits hold the heads side by side; each head has its own softmax and is sampled on its own,
one head after another, and an event's log-probability is the sum over its heads. A sampling loop that keeps one
integer per event holds an event's labels as one flat (mixed-radix) code.
"""

from __future__ import annotations

import numpy as np

from composer_app.models.engine.layers import softmax
from composer_app.models.engine.sampling import sample_classes


def head_offsets(head_sizes) -> np.ndarray:
    """Where each head starts in the logits, then where the last one ends."""
    return np.concatenate([[0], np.cumsum(head_sizes, dtype=np.int64)])


def head_softmaxes(logits: np.ndarray, head_sizes) -> list[np.ndarray]:
    """The softmax of each head's slice of the logits, one array per head, as Magenta's list of softmaxes."""
    offsets = head_offsets(head_sizes)
    return [softmax(logits[..., offsets[i]:offsets[i + 1]]) for i in range(len(head_sizes))]


def head_uniforms(seed: int, step: int, rows: int, heads: int) -> np.ndarray:
    """[heads, rows] uniforms keyed by (seed, step); the first head's are step_uniforms' own."""
    return np.random.default_rng([seed, step]).random((heads, rows), dtype=np.float32)


def sample_heads(logits: np.ndarray, head_sizes, temperature: float, uniforms: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray]:
    """One class per head and row, each from its head's softmax at `temperature`. uniforms [heads, rows].

    Returns (labels [rows, heads], the summed log-probability of each row's labels).
    """
    offsets = head_offsets(head_sizes)
    labels = np.empty((logits.shape[0], len(head_sizes)), np.int64)
    total = np.zeros(logits.shape[0], np.float32)
    for i in range(len(head_sizes)):
        part = logits[:, offsets[i]:offsets[i + 1]]
        labels[:, i], log_prob = sample_classes(part, np.ones(part.shape[1], bool), temperature, uniforms[i])
        total += log_prob
    return labels, total


class HeadCodes:
    """Label tuples as flat integer codes and back (the first head most significant)."""

    def __init__(self, head_sizes):
        self.head_sizes = tuple(int(n) for n in head_sizes)

    def code(self, labels) -> np.ndarray:
        labels = np.asarray(labels, np.int64)
        return np.ravel_multi_index(tuple(np.moveaxis(labels, -1, 0)), self.head_sizes)

    def labels(self, codes) -> np.ndarray:
        """[..., heads] labels of codes [...]."""
        return np.stack(np.unravel_index(np.asarray(codes, np.int64), self.head_sizes), axis=-1)
