"""The numpy engine computes what the trainer's TensorFlow network computes, in every attention layout."""

from __future__ import annotations

import numpy as np
import pytest

from composer_app.models.rnn.inference import RnnInference
from composer_app.models.rnn.weights import initial_weights
from tests.models.rnn.test_network import _stack_layout_variables


def _weights(layout: str):
    if layout == "none":
        return initial_weights(9, 7, (8, 6), 0, seed=3)
    weights = initial_weights(9, 7, (8,) if layout == "stack" else (8, 6), 5, seed=4)
    if layout == "stack":
        from composer_app.models.rnn.weights import weights_from_variables

        return weights_from_variables(_stack_layout_variables(weights), 5)
    return weights


@pytest.mark.parametrize("layout", ["none", "layer0", "stack"])
def test_engine_and_trainer_give_the_same_softmax(layout):
    """Same weights, same inputs: the inference engine's logits equal the TF trainer network's to 1e-5."""
    from composer_app.models.training.network import EventsRnn

    weights = _weights(layout)
    assert weights.layout == layout
    inputs = np.random.default_rng(0).normal(size=(3, 20, weights.input_size)).astype(np.float32)
    ours, _ = RnnInference(weights).run(inputs)
    theirs, _ = EventsRnn(weights).run(inputs)
    np.testing.assert_allclose(ours, theirs.numpy(), atol=1e-5, rtol=0)


def test_stepping_equals_running_a_whole_sequence():
    """Feeding steps one by one with the carried state gives the logits of one run over the sequence."""
    net = RnnInference(_weights("layer0"))
    inputs = np.random.default_rng(1).normal(size=(2, 12, 9)).astype(np.float32)
    whole, _ = net.run(inputs)
    first, state = net.run(inputs[:, :5])
    rest, _ = net.run(inputs[:, 5:], state)
    np.testing.assert_allclose(np.concatenate([first, rest], axis=1), whole, atol=1e-6, rtol=0)


def test_one_hot_inputs_multiply_as_their_dense_form():
    """A OneHotInput times a kernel equals its dense matrix times the kernel, blocks with no hot column included."""
    from composer_app.models.engine.layers import OneHotInput

    rng = np.random.default_rng(5)
    x = OneHotInput(np.array([[3, 0], [-1, 4], [1, -1]]), 5, rng.normal(size=(3, 2)).astype(np.float32))
    kernel = rng.normal(size=(12 + 7, 6)).astype(np.float32)
    dense = x.dense()
    assert dense.shape == (3, 12) and dense[1, :5].sum() == 0 and dense[0, 3] == 1 and dense[0, 5] == 1
    np.testing.assert_allclose(x.matmul(kernel), dense @ kernel[:12], atol=1e-5)


def test_one_hot_blocks_of_different_widths_multiply_as_their_dense_form():
    """Blocks of widths 3, 5 and 2 (MusicVAE's trio reads 90, 90 and 512) place each hot column after the blocks
    before it, and multiply as the dense matrix does."""
    from composer_app.models.engine.layers import OneHotInput

    rng = np.random.default_rng(6)
    x = OneHotInput(np.array([[2, 4, 1], [0, -1, 0]]), (3, 5, 2), rng.normal(size=(2, 2)).astype(np.float32))
    dense = x.dense()
    assert x.width == 12 and dense.shape == (2, 12)
    assert np.nonzero(dense[0, :10])[0].tolist() == [2, 3 + 4, 8 + 1]
    assert np.nonzero(dense[1, :10])[0].tolist() == [0, 8]
    kernel = rng.normal(size=(12 + 4, 5)).astype(np.float32)
    np.testing.assert_allclose(x.matmul(kernel), dense @ kernel[:12], atol=1e-5)
    with pytest.raises(ValueError, match="2 block widths for 3 blocks"):
        OneHotInput(np.zeros((1, 3), np.int64), (3, 5), np.zeros((1, 0), np.float32))
    headed = OneHotInput(np.array([[2, 4, 1]]), (3, 5, 2), np.zeros((1, 0), np.float32), np.ones((1, 1), np.float32))
    assert np.nonzero(headed.dense()[0])[0].tolist() == [0, 1 + 2, 1 + 3 + 4, 1 + 8 + 1]
    np.testing.assert_allclose(headed.matmul(kernel), headed.dense() @ kernel[:11], atol=1e-5)


@pytest.mark.parametrize("rows", [1, 10])
def test_a_pipelined_step_gives_the_same_bits_as_one_thread(monkeypatch, rows):
    """With the upper layers' recurrent products on the second thread, a step's output and state are the same bits
    as on one thread, over a dozen steps (one-hot inputs, as the event RNNs feed them)."""
    from composer_app.models.engine import parallel
    from composer_app.models.engine.layers import OneHotInput

    monkeypatch.setattr(parallel, "TWO_CORES", True)
    weights = initial_weights(30, 30, (16, 12, 8), 0, seed=5)
    real_start = parallel.AHEAD.start
    outputs = {}
    for two in (False, True):
        net = RnnInference(weights)
        monkeypatch.setattr(parallel.TwoWays, "pick", lambda self, two=two: (two, False))
        handed = []
        monkeypatch.setattr(parallel.AHEAD, "start", lambda *work, seen=handed: seen.append(1) or real_start(*work))
        state, seen = net.zero_state(rows), []
        codes = np.random.default_rng(2).integers(0, 30, size=(12, rows))
        for step in codes:
            out, state = net.step(OneHotInput(step[:, None], 30, np.zeros((rows, 0), np.float32)), state)
            seen.append((out, state))
        assert bool(handed) == two
        outputs[two] = seen
    for (a, sa), (b, sb) in zip(outputs[False], outputs[True]):
        np.testing.assert_array_equal(a, b)
        for x, y in zip(sa, sb):
            np.testing.assert_array_equal(x, y)


def test_a_single_layer_or_a_split_kernel_is_never_pipelined():
    """One layer has nothing to start ahead; a kernel big enough to be split itself keeps the second thread."""
    assert RnnInference(initial_weights(9, 7, (8,), 0, seed=3))._pipelines is None
    assert RnnInference(initial_weights(9, 7, (8, 6), 0, seed=3))._pipelines == {}
