"""Large matrix products split by columns across two threads: the big decoders' step loops only read weights."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np

# Below this the hand-off to another thread costs more than it saves (measured on a busy 2-core machine: an 8 MB
# kernel times one row went from 0.31 to 0.43 ms when split; 16 MB times five rows from 2.2 to 1.2 ms).
SPLIT_BYTES = 16 << 20

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _second_thread() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="matmul")
        return _pool


def matmul(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """x @ kernel; a kernel of SPLIT_BYTES or more has its right half of columns multiplied on a second thread.

    A step of cat-mel_2bar_big reads 350 MB of weights for ten rows of input, so memory bandwidth, not arithmetic,
    sets its speed, and one core cannot use all of it (measured: 36 ms serial, 18 ms split, for [10, 4096] times
    [4096, 8192]). Unlike BLAS's own threads, which spin while they wait and made a busy machine 4-6x slower, a
    blocked Python thread costs nothing when the other core is taken."""
    if kernel.nbytes < SPLIT_BYTES or kernel.ndim != 2 or x.ndim != 2:
        return x @ kernel
    half = kernel.shape[1] // 2
    right = _second_thread().submit(product, x, kernel[:, half:])
    left = product(x, kernel[:, :half])
    return np.concatenate([left, right.result()], axis=1)


# OpenBLAS multiplies two or three rows by a large kernel at a quarter of the speed it reads memory for one (measured
# here for [2, 2048] x [2048, 8192]: 9.7 ms as one product, 5.2 ms as two matrix-vector products).
GEMV_ROWS = 3


def product(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """x @ kernel on this thread, two or three rows as that many matrix-vector products."""
    if 1 < x.shape[0] <= GEMV_ROWS:
        return np.stack([row @ kernel for row in x])
    return x @ kernel
