"""A per-case time limit for tests that must fail on a hang instead of waiting forever (SIGALRM, main thread)."""

from __future__ import annotations

import contextlib
import signal

REPEAT_S = 0.05  # after the limit, interrupt again this often: Qt swallows an exception raised in a paintEvent


class Hang(BaseException):
    """A case ran past its time limit.

    A BaseException, so that the `except Exception` of the code under test (music21 has many) cannot swallow it;
    time_limit also raises it afterwards if the code swallowed it anyway.
    """


@contextlib.contextmanager
def time_limit(seconds: float, what: str = "the case"):
    """Raise Hang in the running code if the block takes longer than `seconds` of wall time."""
    state = {"done": False, "fired": False}

    def expired(_signum, _frame):
        if state["done"]:
            return
        state["fired"] = True
        raise Hang(f"{what} ran for more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_S)
    try:
        yield
    finally:
        state["done"] = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if state["fired"]:
        raise Hang(f"{what} ran for more than {seconds:g} s (and the code under test caught the interruption)")
