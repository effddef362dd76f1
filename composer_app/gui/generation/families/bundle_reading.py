"""A Polyphony or Performance bundle read off the UI thread (the tab reads its shipped bundle ahead of Generate)."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path


def same_file(path: str | Path, other: Path) -> bool:
    """Whether two paths name one file (a recent bundle may be the shipped one, spelt another way)."""
    try:
        return Path(path).resolve() == other.resolve()
    except OSError:
        return False


def read_in_background(path: Path) -> Future:
    """Read a bundle on a thread of its own; the future holds the Bundle, or the error reading it raised."""
    from composer_app.models.rnn.bundle import read_bundle

    future: Future = Future()

    def work() -> None:
        try:
            future.set_result(read_bundle(path))
        except BaseException as exc:  # handed to whoever takes the result
            future.set_exception(exc)

    threading.Thread(target=work, name="bundle-read", daemon=True).start()
    return future
