"""A track's note rectangles in content pixels for one zoom, grouped for painting and sliced by time with bisect.

Built once per track version and zoom; a frame then only slices lists (no per-note Python work), which is what
keeps 10,000 notes under a frame's budget. Scrolling moves the painter, not the rectangles.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from PySide6.QtCore import QRectF

from composer_app.gui.roll.notes.splice import Splice, drop_at, places_of

FEW = 64  # selections up to this size are cut out of the groups by slices
MIN_NOTE_PX = 2.0  # a note is never drawn thinner than this, so short notes stay visible when zoomed out


class RectGroup:
    """Rects of some notes (sorted by start) with their starts and note positions, for slicing by time."""

    __slots__ = ("starts", "rects", "positions")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.rects: list[QRectF] = []
        self.positions: list[int] = []

    def between(self, t0: float, t1: float, max_duration: int) -> slice:
        """The slice of notes that can overlap ticks [t0, t1]."""
        return slice(bisect_left(self.starts, t0 - max_duration), bisect_right(self.starts, t1))


class NoteRects:
    """Rects for every note of a NoteIndex that the lanes show, at px_per_tick and row_height.

    x is measured from tick 0 and y from row 0; painters translate by the scroll position.
    """

    def __init__(self, index, px_per_tick: float, row_height: int, lanes, keys: list[int] | None, groups: int):
        self.key = (px_per_tick, row_height, lanes, groups)
        self.max_duration = index.max_duration
        self.groups = [RectGroup() for _ in range(groups)]
        rows = index.rows_for(lanes)
        starts, ends = index.starts, index.ends
        rect_at: list[QRectF | None] = [None] * len(rows)  # by position in the index
        self.rect_at = rect_at
        groups = self.groups
        for i, row in enumerate(rows):
            if row < 0:
                continue
            start = starts[i]
            width = (ends[i] - start) * px_per_tick
            rect = QRectF(start * px_per_tick, row * row_height, width if width > MIN_NOTE_PX else MIN_NOTE_PX,
                          row_height)
            rect_at[i] = rect
            group = groups[keys[i] if keys is not None else 0]
            group.starts.append(start)
            group.rects.append(rect)
            group.positions.append(i)

    @classmethod
    def derived(cls, old: NoteRects, index, splice: Splice, keys: list[int] | None) -> NoteRects:
        """The rects of `index`, made from those of the index it was spliced from (same zoom and lanes)."""
        rects = cls.__new__(cls)
        rects.key = old.key
        px_per_tick, row_height, lanes, _groups = old.key
        rects.max_duration = index.max_duration
        rows = index.rows_for(lanes)
        made = {}

        def make(p: int) -> QRectF | None:
            if rows[p] < 0:
                return None
            width = (index.ends[p] - index.starts[p]) * px_per_tick
            made[p] = QRectF(index.starts[p] * px_per_tick, rows[p] * row_height,
                             width if width > MIN_NOTE_PX else MIN_NOTE_PX, row_height)
            return made[p]

        rects.rect_at = splice.apply(old.rect_at, make)
        rects.groups = []
        for number, group in enumerate(old.groups):
            dead, moved = splice.moved(group.positions)
            part = RectGroup()
            part.positions, part.starts, part.rects = moved, drop_at(group.starts, dead), drop_at(group.rects, dead)
            for p, rect in made.items():
                if (keys[p] if keys is not None else 0) == number:
                    k = bisect_left(part.positions, p)
                    part.positions.insert(k, p)
                    part.starts.insert(k, index.starts[p])
                    part.rects.insert(k, rect)
            rects.groups.append(part)
        return rects

    def subset(self, positions: Iterable[int], starts: list[int]) -> RectGroup:
        """A group of some of the notes (the selection, positions sorted by start), reusing their rects."""
        group = RectGroup()
        rect_at = self.rect_at
        group.positions = [i for i in positions if rect_at[i] is not None]
        group.starts = [starts[i] for i in group.positions]
        group.rects = [rect_at[i] for i in group.positions]
        return group

    def without(self, positions: set[int]) -> list[RectGroup]:
        """The groups minus some notes (the selected ones, which are drawn on their own)."""
        if not positions:
            return self.groups
        out = []
        few = len(positions) <= FEW
        for group in self.groups:
            part = RectGroup()
            if few:  # a click's selection: cut it out by slices instead of a pass over every note
                places = places_of(group.positions, positions)
                part.positions, part.starts, part.rects = (drop_at(group.positions, places),
                                                           drop_at(group.starts, places), drop_at(group.rects, places))
            else:
                keep = [k for k, p in enumerate(group.positions) if p not in positions]
                part.positions = [group.positions[k] for k in keep]
                part.starts = [group.starts[k] for k in keep]
                part.rects = [group.rects[k] for k in keep]
            out.append(part)
        return out
