"""Several softmax heads on one dense layer: per-head softmax, per-head inverse-CDF draws, flat codes."""

from __future__ import annotations

import numpy as np

from composer_app.models.engine.heads import HeadCodes, head_softmaxes, head_uniforms, sample_heads
from composer_app.models.engine.layers import softmax
from composer_app.models.engine.sampling import step_uniforms

HEADS = (3, 2, 4)


def test_each_head_is_a_softmax_over_its_own_slice():
    """Every head sums to one on its own and equals softmax of its slice of the logits."""
    logits = np.random.default_rng(0).normal(size=(5, 9)).astype(np.float32)
    heads = head_softmaxes(logits, HEADS)
    assert [h.shape[1] for h in heads] == list(HEADS)
    np.testing.assert_allclose([h.sum(axis=1) for h in heads], 1.0, rtol=1e-6)
    np.testing.assert_allclose(heads[1], softmax(logits[:, 3:5]))


def test_draws_pick_each_heads_inverse_cdf_and_sum_the_log_probabilities():
    """With a uniform per head and row, each head's class is the first whose cumulative probability passes it;
    the row's log-probability is the sum of the chosen classes' log-probabilities at the temperature."""
    logits = np.array([[0.0, 1.0, 2.0, 5.0, 0.0, 1.0, 1.0, 1.0, 1.0]], np.float32)
    uniforms = np.array([[0.05], [0.999], [0.6]], np.float32)
    labels, log_prob = sample_heads(logits, HEADS, 2.0, uniforms)
    heads = head_softmaxes(logits / 2.0, HEADS)
    expected = [int(np.searchsorted(np.cumsum(h[0]), u[0], side="right")) for h, u in zip(heads, uniforms)]
    assert labels[0].tolist() == expected == [0, 1, 2]
    assert abs(log_prob[0] - sum(np.log(h[0, c]) for h, c in zip(heads, expected))) < 1e-5


def test_the_first_heads_uniforms_are_the_single_head_ones():
    """A multi-head draw keyed by (seed, step) starts with the same uniforms a one-head draw uses."""
    np.testing.assert_array_equal(head_uniforms(7, 3, 4, 6)[0], step_uniforms(7, 3, 4))


def test_flat_codes_round_trip_label_tuples():
    """Mixed-radix codes: distinct per label tuple, and back to the same labels."""
    codes = HeadCodes(HEADS)
    labels = np.array([[0, 0, 0], [2, 1, 3], [1, 0, 2]])
    flat = codes.code(labels)
    assert len(set(flat.tolist())) == 3 and flat.max() < np.prod(HEADS)
    np.testing.assert_array_equal(codes.labels(flat), labels)
