"""One fuzz case run the same way for every reader: within a time limit, it loads or raises the reader's own error."""

from __future__ import annotations

import collections
from collections.abc import Callable
from pathlib import Path

from tests.music.time_limit import time_limit


def load_or_own_error(path: Path, case: int, load: Callable, error: type[Exception], outcomes: collections.Counter,
                      limit_s: float, label: Callable[[Exception], str], check: Callable | None = None):
    """Load `path`; on `error` count its label and return None, on success run `check` (in the limit) and return
    what loaded. Any other exception, or running past `limit_s`, fails the test."""
    with time_limit(limit_s, f"case {case} ({path.name})"):
        try:
            loaded = load(path)
        except error as exc:
            assert str(path) in str(exc) and "\n" not in str(exc), (case, str(exc))
            outcomes["error: " + label(exc)] += 1
            return None
        if check is not None:
            check(loaded)
    outcomes["loaded"] += 1
    return loaded
