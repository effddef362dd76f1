"""Training on windows: long examples are cut into consecutive windows, and a run records its window."""

from __future__ import annotations

import numpy as np
import pytest

from composer_app.models.training.dataset import EncodedSet, OneHotRows, dense_rows
from composer_app.models.training.errors import TrainingError
from composer_app.models.training.loop import TrainingRequest, check_request_values


def one_hot_set(lengths) -> EncodedSet:
    rng = np.random.default_rng(0)
    inputs = [OneHotRows(None, rng.integers(0, 5, n).astype(np.int16), 5) for n in lengths]
    labels = [rng.integers(0, 5, n).astype(np.int16) for n in lengths]
    return EncodedSet(inputs, labels, 5, 5)


def test_windows_cover_each_example_in_order_without_overlap():
    data = one_hot_set([10, 3, 23])
    cut = data.windows(8)
    assert [len(y) for y in cut.labels] == [8, 2, 3, 8, 8, 7]
    assert cut.steps == data.steps
    joined = np.concatenate([dense_rows(x) for x in cut.inputs])
    np.testing.assert_array_equal(joined, np.concatenate([dense_rows(x) for x in data.inputs]))
    np.testing.assert_array_equal(np.concatenate(cut.labels), np.concatenate(data.labels))


def test_a_tail_of_a_quarter_window_or_more_stands_alone():
    assert [len(y) for y in one_hot_set([18]).windows(8).labels] == [8, 8, 2]
    assert [len(y) for y in one_hot_set([17]).windows(8).labels] == [8, 9]


def test_dense_inputs_are_cut_too():
    data = EncodedSet([np.arange(12, dtype=np.float32).reshape(6, 2)], [np.arange(6)], 2, 6)
    cut = data.windows(4)
    np.testing.assert_array_equal(cut.inputs[0], data.inputs[0][:4])
    np.testing.assert_array_equal(cut.labels[1], [4, 5])


def test_a_window_too_small_is_refused_before_reading(tmp_path):
    request = TrainingRequest("basic_rnn", tmp_path / "x.mag", window=4)
    with pytest.raises(TrainingError, match="--window must be 8 events or more, not 4"):
        check_request_values(request)
