"""The piano keys down in a batch of performances as their events are sampled, and the two rules a piano keeps.

A key that is up cannot be released, and a key that is down is released before it is struck again: a pianist's
data never breaks either rule, but Magenta's sampling lets a model break both, and a small model's slips compound
(stray releases leave notes that should end held; a key struck twice leaves two notes open on one pitch, until the
5-second cut). Sampling with the rules forbids the stray NOTE_OFF and, before a NOTE_ON of a key that is down, feeds
the model that key's NOTE_OFF, as the data would have it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from composer_app.music.encodings.performance import NOTE_OFF, NOTE_ON

KEYS = 128


class PianoKeys:
    """For each row, which of the 128 keys are down; codes are classes of a performance one-hot encoding."""

    def __init__(self, one_hot, down: np.ndarray):
        events = [one_hot.decode_event(c) for c in range(one_hot.num_classes)]
        # Per class: the key it strikes (NOTE_ON) or releases (NOTE_OFF), else -1; the NOTE_OFF classes and their
        # keys; per key: its NOTE_OFF class.
        self._struck = np.array([e[1] if e[0] == NOTE_ON else -1 for e in events], np.int64)
        self._released = np.array([e[1] if e[0] == NOTE_OFF else -1 for e in events], np.int64)
        self._off_classes = np.flatnonzero(self._released >= 0)
        self._off_keys = self._released[self._off_classes]
        self._off_class = np.full(KEYS, -1, np.int64)
        self._off_class[self._off_keys] = self._off_classes
        self.down = down

    @classmethod
    def after(cls, one_hot, codes: Sequence[int], rows: int = 1) -> PianoKeys:
        """The keys down after the events `codes` (a primer), the same in every row. A primer that breaks the
        rules is read leniently: a NOTE_OFF of a key that is up changes nothing."""
        keys = cls(one_hot, np.zeros((1, KEYS), bool))
        for code in codes:
            keys.played(np.array([code]))
        keys.down = np.repeat(keys.down, rows, axis=0)
        return keys

    def take(self, rows) -> PianoKeys:
        """These rows' keys (in this order, repeats allowed), as beam search keeps rows."""
        out = PianoKeys.__new__(PianoKeys)
        out.__dict__.update(self.__dict__)
        out.down = self.down[np.asarray(rows)].copy()
        return out

    def allowed(self) -> np.ndarray:
        """[rows, classes]: False for the NOTE_OFF of every key that is up."""
        allowed = np.ones((len(self.down), len(self._released)), bool)
        allowed[:, self._off_classes] = self.down[:, self._off_keys]
        return allowed

    def restruck(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The rows whose event (one per row) strikes a key that is down, and that key's NOTE_OFF class for each."""
        keys = self._struck[codes]
        rows = np.flatnonzero(keys >= 0)
        rows = rows[self.down[rows, keys[rows]]]
        return rows, self._off_class[keys[rows]]

    def played(self, codes: np.ndarray, rows: np.ndarray | None = None) -> None:
        """Press and release keys for one event per row (of `rows`, by default every row)."""
        rows = np.arange(len(self.down)) if rows is None else np.asarray(rows)
        struck, released = self._struck[codes], self._released[codes]
        on, off = struck >= 0, released >= 0
        self.down[rows[on], struck[on]] = True
        self.down[rows[off], released[off]] = False
