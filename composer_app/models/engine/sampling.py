"""Sampling and beam search over a batch of rows: seeded uniforms, inverse-CDF draws, pruning to the best beams."""

from __future__ import annotations

import contextlib

import numpy as np

from composer_app.models.engine.layers import log_softmax


def step_uniforms(seed: int, step: int, rows: int) -> np.ndarray:
    """One uniform per row for one step, from a generator keyed by (seed, step).

    Keying by step makes a result independent of how the loop is chunked, and is what the earlier TensorFlow
    engine drew, so a seed gives the same music on both.
    """
    return np.random.default_rng([seed, step]).random(rows, dtype=np.float32)


def sample_classes(logits: np.ndarray, allowed: np.ndarray | None, temperature: float, uniforms: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Draw one class per row from softmax(logits / temperature) restricted to `allowed` (None: every class).

    Returns (chosen class per row, log-probability of each choice). Inverse-CDF sampling with one uniform per
    row, as numpy's choice does.
    """
    scaled = logits / np.float32(temperature)
    log_probs = log_softmax(scaled if allowed is None else np.where(allowed, scaled, np.float32(-1e9)))
    cdf = np.cumsum(np.exp(log_probs), axis=1)
    chosen = np.minimum((cdf < uniforms[:, None]).sum(axis=1), log_probs.shape[1] - 1)
    rows = np.arange(len(chosen))
    return chosen, log_probs[rows, chosen]


def beam_rows(loglik: np.ndarray, beam_size: int, branch_factor: int) -> np.ndarray:
    """Row indices after pruning: each output keeps its beam_size most likely rows, each repeated branch_factor
    times. Rows are grouped per output (beam_size * branch_factor consecutive rows each); ties keep the lower row."""
    k = beam_size * branch_factor
    outputs = len(loglik) // k
    order = np.argsort(-loglik.reshape(outputs, k), axis=1, kind="stable")[:, :beam_size]
    return (np.repeat(order, branch_factor, axis=1) + (np.arange(outputs) * k)[:, None]).reshape(-1)


@contextlib.contextmanager
def one_blas_thread():
    """Run a step loop on one BLAS thread: tiny matrix products lose far more to thread hand-offs than they gain."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # the loop is still right, only slower on a busy machine
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield
