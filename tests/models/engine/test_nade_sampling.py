"""NADE sampling (Magenta's common/nade.py): each bit conditioned on the ones drawn before it."""

import numpy as np

from composer_app.models.engine.layers import sigmoid
from composer_app.models.engine.nade import bernoulli_sampler, nade_sample, threshold_bits


def weights(batch=3, dims=9, hidden=5, seed=0):
    rng = np.random.default_rng(seed)
    f = lambda *shape: rng.standard_normal(shape).astype(np.float32)  # noqa: E731
    return f(batch, hidden), f(batch, dims), f(dims, hidden), f(dims, hidden)


def test_each_logit_is_conditioned_on_the_bits_before_it():
    """Logit i is b_dec[i] + sigmoid(b_enc + sum of w_enc[j] over the set bits j < i) . w_dec_t[i]."""
    b_enc, b_dec, w_enc, w_dec_t = weights()
    bits, logits = nade_sample(b_enc, b_dec, w_enc, w_dec_t)
    for row in range(len(bits)):
        for i in range(bits.shape[1]):
            a = b_enc[row] + bits[row, :i] @ w_enc[:i]
            assert abs(logits[row, i] - (b_dec[row, i] + sigmoid(a) @ w_dec_t[i])) < 1e-5
    assert ((logits > 0) == (bits == 1)).all()


def test_earlier_bits_change_later_ones():
    """A large encoder row for bit 0 turns on a later bit whose decoder row reads it, as the chain rule requires."""
    b_enc, b_dec, w_enc, w_dec_t = (np.zeros((1, 2), np.float32), np.array([[1.0, -1.0]], np.float32),
                                    np.zeros((2, 2), np.float32), np.zeros((2, 2), np.float32))
    assert nade_sample(b_enc, b_dec, w_enc, w_dec_t)[0].tolist() == [[1.0, 0.0]]
    w_enc[0] = [20.0, 20.0]  # bit 0 drives the hidden units to 1 ...
    w_dec_t[1] = [2.0, 2.0]  # ... which lift bit 1's logit from -1 + 0.5 * 4 = 1 to about -1 + 4 = 3
    bits, logits = nade_sample(b_enc, b_dec, w_enc, w_dec_t)
    assert bits.tolist() == [[1.0, 1.0]] and abs(logits[0, 1] - 3.0) < 1e-5
    b_dec[0, 0] = -1.0  # without bit 0, bit 1 only gets -1 + 0.5 * 4 = 1: still on, from the hidden units' 0.5
    assert nade_sample(b_enc, b_dec, w_enc, w_dec_t)[0].tolist() == [[0.0, 1.0]]


def test_the_threshold_is_the_cold_limit_of_sampling():
    """At temperature 0 a bit is set iff its logit is above 0, as Bernoulli(logit / T) draws as T goes to 0."""
    assert threshold_bits(np.array([-1e-3, -1e-9, 0.0, 1e-9, 1e-3], np.float32), 0).tolist() == [0, 0, 0, 1, 1]


def test_sampling_is_seeded_and_a_cold_temperature_thresholds():
    """Bernoulli draws repeat for a seed, vary across seeds, and at a tiny temperature equal the threshold."""
    b_enc, b_dec, w_enc, w_dec_t = weights(batch=64)
    draw = lambda t, seed: nade_sample(b_enc, b_dec, w_enc, w_dec_t,  # noqa: E731
                                       bernoulli_sampler(t, np.random.default_rng(seed)))[0]
    assert (draw(1.0, 1) == draw(1.0, 1)).all() and (draw(1.0, 1) != draw(1.0, 2)).any()
    cold = nade_sample(b_enc, b_dec, w_enc, w_dec_t)[0]
    assert (draw(1e-6, 3) == cold).all()
