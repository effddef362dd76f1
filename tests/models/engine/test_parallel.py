"""The two-thread matrix product gives the plain product, for kernels above and below the split size."""

import threading

import numpy as np
import pytest

from composer_app.models.engine import parallel


def test_a_large_kernel_is_split_and_gives_the_plain_product(monkeypatch):
    """Above SPLIT_BYTES the right half runs on the second thread; the result equals x @ kernel (odd widths too)."""
    rng = np.random.default_rng(1)
    threads = set()
    real = parallel.product

    def spy(a, b):
        threads.add(threading.current_thread().name)
        return real(a, b)

    monkeypatch.setattr(parallel, "SPLIT_BYTES", 1024)
    monkeypatch.setattr(parallel, "product", spy)
    for columns, rows in ((64, 3), (65, 7)):
        x = rng.standard_normal((rows, 40), dtype=np.float32)
        kernel = rng.standard_normal((40, columns), dtype=np.float32)
        out = parallel.matmul(x, kernel)
        assert out.shape == (rows, columns)
        np.testing.assert_allclose(out, x @ kernel, rtol=1e-6, atol=1e-6)
    assert "ahead" in threads


def test_a_small_kernel_stays_on_the_calling_thread(monkeypatch):
    """Below SPLIT_BYTES nothing is handed to the second thread."""
    calls = []
    monkeypatch.setattr(parallel.AHEAD, "start", lambda *work: calls.append(1))
    x = np.ones((2, 8), np.float32)
    kernel = np.arange(8 * 4, dtype=np.float32).reshape(8, 4)
    np.testing.assert_array_equal(parallel.matmul(x, kernel), x @ kernel)
    assert calls == []


def test_two_or_three_rows_are_multiplied_row_by_row_to_the_same_result():
    """The matrix-vector path for 2 and 3 rows gives the product of the whole batch."""
    rng = np.random.default_rng(2)
    kernel = rng.standard_normal((50, 30), dtype=np.float32)
    for rows in (1, 2, 3, 4):
        x = rng.standard_normal((rows, 50), dtype=np.float32)
        np.testing.assert_allclose(parallel.product(x, kernel), x @ kernel, rtol=1e-5, atol=1e-5)


def _ways_after(monkeypatch, one_seconds: float, two_seconds: float, calls: int) -> list[bool]:
    """Drive a TwoWays through `calls` calls whose work takes the given times; return how each call ran."""
    monkeypatch.setattr(parallel, "TWO_CORES", True)
    ways, ran = parallel.TwoWays(), []
    for _ in range(calls):
        two, timed = ways.pick()
        ran.append(two)
        if timed:
            ways.timed(two, two_seconds if two else one_seconds)
    return ran


def test_the_faster_way_runs_after_the_trials(monkeypatch):
    """Trial calls alternate one thread and two; then the one that took less time runs."""
    trials = [False, True] * parallel.TRIALS
    assert _ways_after(monkeypatch, 0.002, 0.001, 2 * parallel.TRIALS + 4) == trials + [True] * 4
    assert _ways_after(monkeypatch, 0.001, 0.002, 2 * parallel.TRIALS + 4) == trials + [False] * 4


def test_the_trials_come_back_as_the_load_may_change(monkeypatch):
    """Every RECHECK_EVERY calls the work is timed both ways again."""
    monkeypatch.setattr(parallel, "RECHECK_EVERY", 2 * parallel.TRIALS + 3)
    ran = _ways_after(monkeypatch, 0.002, 0.001, 2 * parallel.TRIALS + 5)
    assert ran[2 * parallel.TRIALS:] == [True, True, True, False, True]


def test_one_core_never_hands_work_over(monkeypatch):
    """Without a second core nothing is timed or handed over."""
    monkeypatch.setattr(parallel, "TWO_CORES", False)
    assert parallel.TwoWays().pick() == (False, False)


def test_work_started_ahead_comes_back_in_order_and_errors_are_raised_here():
    """Ahead runs its items in order on its own thread; an item that raises is re-raised where it is taken."""
    def work(x):
        if x == 2:
            raise ValueError("two")
        return x * 10, threading.current_thread().name

    results = parallel.AHEAD.start(work, [(0,), (1,), (2,)])
    assert parallel.Ahead.take(results) == (0, "ahead") and parallel.Ahead.take(results)[0] == 10
    with pytest.raises(ValueError, match="two"):
        parallel.Ahead.take(results)
    assert parallel.Ahead.take(parallel.AHEAD.start(work, [(3,)]))[0] == 30  # the thread goes on serving
