"""Work on a second thread: large matrix products split by columns (the big decoders' step loops only read weights),
and products started ahead, where timing shows that the hand-off pays."""

from __future__ import annotations

import os
import queue
import threading

import numpy as np

# Below this the hand-off to another thread costs more than it saves (measured on a busy 2-core machine: an 8 MB
# kernel times one row went from 0.31 to 0.43 ms when split; 16 MB times five rows from 2.2 to 1.2 ms).
SPLIT_BYTES = 16 << 20

TWO_CORES = len(os.sched_getaffinity(0)) >= 2 if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1) >= 2


def matmul(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """x @ kernel; a kernel of SPLIT_BYTES or more has its right half of columns multiplied on a second thread.

    A step of cat-mel_2bar_big reads 350 MB of weights for ten rows of input, so memory bandwidth, not arithmetic,
    sets its speed, and one core cannot use all of it (measured: 36 ms serial, 18 ms split, for [10, 4096] times
    [4096, 8192]). Unlike BLAS's own threads, which spin while they wait and made a busy machine 4-6x slower, a
    blocked Python thread costs nothing when the other core is taken."""
    if kernel.nbytes < SPLIT_BYTES or kernel.ndim != 2 or x.ndim != 2:
        return x @ kernel
    half = kernel.shape[1] // 2
    right = AHEAD.start(product, [(x, kernel[:, half:])])
    left = product(x, kernel[:, :half])
    return np.concatenate([left, Ahead.take(right)], axis=1)


# OpenBLAS multiplies two or three rows by a large kernel at a quarter of the speed it reads memory for one (measured
# here for [2, 2048] x [2048, 8192]: 9.7 ms as one product, 5.2 ms as two matrix-vector products).
GEMV_ROWS = 3


def product(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """x @ kernel on this thread, two or three rows as that many matrix-vector products."""
    if 1 < x.shape[0] <= GEMV_ROWS:
        return np.stack([row @ kernel for row in x])
    return x @ kernel


class Ahead:
    """The second thread: work started on it, its results taken in the order it was given (the right half of a
    split product, a step loop's products that do not wait on this step). Lighter than futures (one queue put a
    step, not one future per product), which counts at thousands of steps a second."""

    def __init__(self):
        self._tasks: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self, work, items) -> queue.SimpleQueue:
        """Run work(*item) for each item, in order, on the worker thread; `take` reads the results one by one."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="ahead", daemon=True)
                self._thread.start()
        results: queue.SimpleQueue = queue.SimpleQueue()
        self._tasks.put((work, items, results))
        return results

    def _serve(self) -> None:
        while True:
            work, items, results = self._tasks.get()
            for item in items:
                try:
                    results.put((True, work(*item)))
                except BaseException as exc:  # handed back to the caller, who re-raises it
                    results.put((False, exc))

    @staticmethod
    def take(results: queue.SimpleQueue):
        """The next result, or the exception its work raised."""
        ok, value = results.get()
        if not ok:
            raise value
        return value


AHEAD = Ahead()


# A hand-off to the second thread costs 50-100 us here (waking a halted virtual CPU), so whether it pays depends on
# the work and on the load: the step loops time both ways now and then and run the faster one.
TRIALS = 6  # timed calls each way before choosing
RECHECK_EVERY = 1500  # calls between trials: the machine's load changes while a long generation runs


class TwoWays:
    """For one kind of work: trial calls alternate one thread and two, timed; then the faster runs until the next
    trial. `pick()` says how to run the next call and whether to time it; `timed()` records a trial."""

    __slots__ = ("calls", "one", "two", "use_two")

    def __init__(self):
        self.calls, self.one, self.two, self.use_two = 0, 0.0, 0.0, False

    def pick(self) -> tuple[bool, bool]:
        """(run on two threads?, time this call?)."""
        if not TWO_CORES:
            return False, False
        phase = self.calls % RECHECK_EVERY
        if phase >= 2 * TRIALS:
            self.calls += 1
            return self.use_two, False
        return phase % 2 == 1, True

    def timed(self, two: bool, seconds: float) -> None:
        phase = self.calls % RECHECK_EVERY
        if phase == 0:
            self.one = self.two = 0.0
        if two:
            self.two += seconds
        else:
            self.one += seconds
        if phase == 2 * TRIALS - 1:
            self.use_two = self.two < self.one
        self.calls += 1
