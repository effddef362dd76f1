"""A small edit of a sorted note list as positions removed and inserted, so that per-note caches (index, rects,
stems) follow the edit in C-speed list operations instead of being rebuilt for every note of a long track."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress

import numpy as np

from composer_app.music.song import Note

LIMIT = 256  # edits touching more notes than this are cheaper to rebuild than to splice


@dataclass(frozen=True)
class Splice:
    """old list → new list: `removed` positions (ascending, in the old) go, `inserted` (ascending, in the new) come."""

    removed: tuple[int, ...]
    inserted: tuple[int, ...]

    @property
    def reverse(self) -> Splice:
        """The splice from the new list back to the old (an undo)."""
        return Splice(self.inserted, self.removed)

    def apply(self, old: Sequence, new_items: Callable[[int], object]) -> list:
        """A list parallel to the new notes from one parallel to the old; `new_items(p)` makes the entry at the
        inserted position p."""
        out = list(old)
        for p in reversed(self.removed):
            del out[p]
        for p in self.inserted:  # ascending, so each lands at its final place
            out.insert(p, new_items(p))
        return out

    def moved(self, positions: Sequence[int]) -> tuple[list[bool], list[int]]:
        """For ascending old positions: which survive the edit, and the new positions of those that do."""
        if not len(positions):
            return [], []
        pos = np.asarray(positions, dtype=np.int64)
        removed = np.asarray(self.removed, dtype=np.int64)
        at = np.searchsorted(removed, pos)
        alive = ~((at < len(removed)) & (removed[np.minimum(at, max(len(removed) - 1, 0))] == pos)) \
            if len(removed) else np.ones(len(pos), dtype=bool)
        rank = pos - at  # the note's place among the survivors
        # The k-th insert (at final position i_k) pushes every survivor of rank >= i_k - k one further.
        thresholds = np.asarray(self.inserted, dtype=np.int64) - np.arange(len(self.inserted))
        new = rank + np.searchsorted(thresholds, rank, side="right")
        return alive.tolist(), new[alive].tolist()


def between(old: Sequence[Note], new: Sequence[Note], removed: Iterable[Note], added: Iterable[Note]) -> Splice | None:
    """The splice that turns old into new, given that new is old without every copy of `removed` and with `added`
    (inserted after equal notes, as insort does); None when that does not hold or the edit is too big to splice."""
    removed, added = set(removed), list(added)
    if len(removed) > LIMIT or len(added) > LIMIT:
        return None
    gone = sorted(i for n in removed for i in range(bisect_left(old, n), bisect_right(old, n)))
    came = []
    for note, count in Counter(added).items():
        end = bisect_right(new, note)
        if end < count or any(new[p] != note for p in range(end - count, end)):
            return None
        came.extend(range(end - count, end))
    came.sort()
    if len(new) != len(old) - len(gone) + len(came):
        return None
    return Splice(tuple(gone), tuple(came))


def keep_where(items: Sequence, alive: list[bool]) -> list:
    """The items whose flag is set (C speed)."""
    return list(compress(items, alive))


def drop_at(items: Sequence, places: Sequence[int]) -> list:
    """items without the entries at the given ascending places, copied slice by slice (C speed)."""
    out: list = []
    last = 0
    for k in places:
        out += items[last:k]
        last = k + 1
    out += items[last:]
    return out


def places_of(sorted_items: Sequence[int], wanted: Iterable[int]) -> list[int]:
    """Ascending places in sorted_items (distinct ints) of those of wanted that are there."""
    found = []
    for value in wanted:
        k = bisect_left(sorted_items, value)
        if k < len(sorted_items) and sorted_items[k] == value:
            found.append(k)
    return sorted(found)
