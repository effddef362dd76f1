"""The two-thread matrix product gives the plain product, for kernels above and below the split size."""

import threading

import numpy as np

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
    assert any(name.startswith("matmul") for name in threads)


def test_a_small_kernel_stays_on_the_calling_thread(monkeypatch):
    """Below SPLIT_BYTES nothing is handed to the second thread."""
    calls = []
    monkeypatch.setattr(parallel, "_second_thread", lambda: calls.append(1))
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
