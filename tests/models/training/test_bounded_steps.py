"""A batch over the training memory budget is stepped in row pieces that make the same update as the whole."""

from __future__ import annotations

import numpy as np
import pytest

IN, CLASSES, LAYERS = 6, 5, (8, 8)


def padded_batch(lengths, seed=0):
    """One-hot inputs, labels and a mask for rows of the given lengths, padded to the longest."""
    rng = np.random.default_rng(seed)
    steps = max(lengths)
    x = np.zeros((len(lengths), steps, IN), np.float32)
    y = np.zeros((len(lengths), steps), np.int64)
    mask = np.zeros((len(lengths), steps), np.float32)
    for row, n in enumerate(lengths):
        x[row, np.arange(n), rng.integers(0, IN, n)] = 1.0
        y[row, :n] = rng.integers(0, CLASSES, n)
        mask[row, :n] = 1.0
    return x, y, mask


@pytest.fixture
def step():
    """The step module (it imports TensorFlow, which a test imports only when it trains)."""
    pytest.importorskip("tensorflow")
    from composer_app.models.training import step

    return step


def make_steps(step, limit: int, clip_norm: float = 5.0):
    from composer_app.models.training.network import EventsRnn
    from composer_app.models.training.weights_init import fresh_weights

    net = EventsRnn(fresh_weights(IN, CLASSES, LAYERS, 0, seed=3))
    variables = list(net.trainable_variables)
    return step.BoundedSteps(net, step.Adam(variables, 0.01), variables, IN, None, clip_norm, limit), variables, net


def test_row_pieces_stay_within_the_limit_and_cover_every_row(step):
    mask = padded_batch([9, 9, 8, 3, 2, 12, 1])[2]
    pieces = step.row_pieces(mask, 20)
    covered = [i for rows, _ in pieces for i in range(rows.start, rows.stop)]
    assert covered == list(range(7))
    for rows, length in pieces:
        assert length == int(mask[rows].sum(axis=1).max())
        assert (rows.stop - rows.start) * length <= 20 or rows.stop - rows.start == 1
    assert len(pieces) > 1


def test_a_split_step_updates_the_weights_as_the_whole_batch_does(step):
    batch = padded_batch([14, 11, 14, 3, 9, 7])
    whole, whole_vars, _ = make_steps(step, limit=10**6)
    split, split_vars, _ = make_steps(step, limit=30)
    assert len(step.row_pieces(batch[2], 30)) >= 3  # the split path is really taken
    loss_w, acc_w = whole.train(*batch)
    loss_s, acc_s = split.train(*batch)
    assert float(loss_s) == pytest.approx(float(loss_w), rel=1e-5)
    assert float(acc_s) == pytest.approx(float(acc_w), rel=1e-6)
    for a, b in zip(whole_vars, split_vars):
        np.testing.assert_allclose(b.numpy(), a.numpy(), rtol=1e-4, atol=1e-6)
    moved = max(float(np.abs(v.numpy() - w).max()) for v, w in zip(split_vars, make_steps(step, 1)[1]))
    assert moved > 1e-4  # the step changed the weights, so agreeing means something


def test_split_held_out_sums_equal_the_whole_batch(step):
    batch = padded_batch([14, 11, 14, 3, 9, 7], seed=1)
    whole, _, _ = make_steps(step, limit=10**6)
    split, _, _ = make_steps(step, limit=25)
    for a, b in zip(whole.evaluate(*batch), split.evaluate(*batch)):
        assert float(b) == pytest.approx(float(a), rel=1e-5)


def test_the_budget_splits_long_polyphony_batches_but_not_short_ones(step):
    limit = step.max_row_steps((256, 256, 256), 259, 259, step.BATCH_MEMORY_BYTES)
    assert 64 * 512 <= limit < 64 * 1024


def test_piece_gradient_sums_over_the_batch_count_are_the_mean_loss_gradient(step):
    import tensorflow as tf

    from composer_app.models.training.forward import training_logits

    x, y, mask = padded_batch([14, 11, 14, 3, 9, 7], seed=2)
    _, variables, net = make_steps(step, limit=30)
    with tf.GradientTape() as tape:
        loss_sum, _, count = step.masked_metrics(training_logits(net, x), y, mask)
        mean = loss_sum / count
    expected = tape.gradient(mean, variables)
    total = None
    for rows, length in step.row_pieces(mask, 30):
        grads, _, _, n = step.gradient_sums(net, variables, x[rows, :length], y[rows, :length],
                                            mask[rows, :length], None)
        total = grads if total is None else [a + b for a, b in zip(total, grads)]
    for got, want in zip(total, expected):
        np.testing.assert_allclose(got.numpy() / float(count), want.numpy(), rtol=1e-4, atol=1e-7)
