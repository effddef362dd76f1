"""A small edit of a sorted note list as positions removed and inserted, so that per-note caches (index, rects,
stems) follow the edit in C-speed list operations instead of being rebuilt for every note of a long track."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

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

    def moved(self, positions: Sequence[int]) -> tuple[list[int], list[int]]:
        """For ascending old positions: the places (indices into `positions`) of those the edit removed, and the
        new positions of the others. Only positions between the first and last change are worked out one by one:
        those before keep their place, those after all move by the same amount."""
        removed, inserted = self.removed, self.inserted
        if not removed and not inserted:
            return [], list(positions)
        thresholds = [p - k for k, p in enumerate(inserted)]  # the k-th insert pushes survivors of rank >= i_k - k
        low = min(removed[:1] + tuple(thresholds[:1]))
        high = max(removed[-1] + 1 if removed else 0, thresholds[-1] + len(removed) if thresholds else 0)
        a, b = bisect_left(positions, low), bisect_left(positions, high)
        shift = len(inserted) - len(removed)
        tail = positions[b:]
        out = list(positions[:a])
        dead = []
        if b > a:
            pos = np.asarray(positions[a:b], dtype=np.int64)
            gone = np.asarray(removed, dtype=np.int64)
            at = np.searchsorted(gone, pos)
            alive = ~((at < len(gone)) & (gone[np.minimum(at, max(len(gone) - 1, 0))] == pos)) \
                if len(gone) else np.ones(len(pos), dtype=bool)
            rank = pos - at  # the note's place among the survivors
            new = rank + np.searchsorted(np.asarray(thresholds, dtype=np.int64), rank, side="right")
            dead = (np.flatnonzero(~alive) + a).tolist()
            out += new[alive].tolist()
        out += [p + shift for p in tail] if shift else list(tail)
        return dead, out


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
