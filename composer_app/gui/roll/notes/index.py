"""A track's notes as parallel sorted arrays, for finding what is in view or under the mouse with bisect.

A small edit (a drag, a drawn or erased note) makes a new track; its index is derived from the old one's by a
Splice (edits record it with `record_edit`), and keeps that splice so the views can derive their rects too.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator

from composer_app.gui.roll.notes import splice as splices
from composer_app.gui.roll.notes.splice import Splice
from composer_app.music.song import Note, Track

FEW = 64  # selections up to this size are found by bisection instead of a pass over every note


class NoteIndex:
    """Notes ordered by start, with starts/ends/pitches as plain lists (fast to scan in paint loops)."""

    __slots__ = ("track", "notes", "starts", "ends", "pitches", "velocities", "max_duration", "_rows", "_shades",
                 "_positions", "lineage", "__weakref__")

    def __init__(self, track: Track):
        self.track = track
        self.notes = track.notes  # Track keeps them sorted by start
        self.starts = [n.start for n in self.notes]
        self.ends = [n.start + n.duration for n in self.notes]
        self.pitches = [n.pitch for n in self.notes]
        self.velocities = [n.velocity for n in self.notes]
        self.max_duration = max((n.duration for n in self.notes), default=0)
        self._rows: tuple[object, list[int]] | None = None
        self._shades: tuple[int, list[int]] | None = None
        self._positions: tuple[frozenset, list[int]] | None = None
        # (a weak reference to the index this one was derived from, the splice from it to this one)
        self.lineage: tuple[weakref.ref, Splice] | None = None

    @classmethod
    def derived(cls, parent: NoteIndex, track: Track, splice: Splice) -> NoteIndex:
        """The index of `track`, made from its parent's by the splice (no pass over every note)."""
        index = cls.__new__(cls)
        notes = index.notes = track.notes
        index.track = track
        index.starts = splice.apply(parent.starts, lambda p: notes[p].start)
        index.ends = splice.apply(parent.ends, lambda p: notes[p].end)
        index.pitches = splice.apply(parent.pitches, lambda p: notes[p].pitch)
        index.velocities = splice.apply(parent.velocities, lambda p: notes[p].velocity)
        # An upper bound is all that lookups need: a removed longest note leaves it a little generous.
        index.max_duration = max((notes[p].duration for p in splice.inserted), default=parent.max_duration)
        index.max_duration = max(index.max_duration, parent.max_duration)
        index._rows = None if parent._rows is None else (parent._rows[0], splice.apply(
            parent._rows[1], lambda p: -1 if (r := parent._rows[0].row_of(notes[p].pitch)) is None else r))
        index._shades = None if parent._shades is None else (parent._shades[0], splice.apply(
            parent._shades[1], lambda p: min(parent._shades[0] - 1, notes[p].velocity * parent._shades[0] // 128)))
        index._positions = None
        index.lineage = (weakref.ref(parent), splice)
        return index

    def __len__(self) -> int:
        return len(self.notes)

    def rows_for(self, lanes) -> list[int]:
        """Each note's row in lanes (-1 where the lanes do not show its pitch), computed once per lane map."""
        if self._rows is None or self._rows[0] is not lanes:
            row_of = lanes.row_of
            self._rows = (lanes, [-1 if (r := row_of(p)) is None else r for p in self.pitches])
        return self._rows[1]

    def shades(self, count: int) -> list[int]:
        """Each note's velocity band, 0 (softest) .. count - 1."""
        if self._shades is None or self._shades[0] != count:
            self._shades = (count, [min(count - 1, v * count // 128) for v in self.velocities])
        return self._shades[1]

    def positions_of(self, notes: frozenset[Note]) -> list[int]:
        """Sorted positions of the given notes (the selection); cached for the last set asked about."""
        cached = self._positions
        if cached is None or cached[0] is not notes:
            if len(notes) <= FEW:
                own = self.notes
                positions = sorted(i for n in notes for i in range(bisect_left(own, n), bisect_right(own, n)))
            else:
                positions = [i for i, n in enumerate(self.notes) if n in notes]
            cached = self._positions = (notes, positions)
        return cached[1]

    def present(self, notes: Collection[Note]) -> frozenset[Note]:
        """Those of notes that are in the track (a few are looked up, not the whole track hashed)."""
        own = self.notes
        if len(notes) > FEW:
            return frozenset(notes).intersection(own)
        return frozenset(n for n in notes if (i := bisect_left(own, n)) < len(own) and own[i] == n)

    def remember_positions(self, notes: frozenset[Note], positions: list[int]) -> None:
        """Record positions already known (a rubber band found them), sparing a pass over every note."""
        self._positions = (notes, sorted(positions))

    def span(self, t0: float, t1: float) -> range:
        """Indices of notes that may overlap [t0, t1]; callers check ends themselves."""
        return range(bisect_left(self.starts, t0 - self.max_duration), bisect_right(self.starts, t1))

    def in_box(self, t0: float, t1: float, pitches: Collection[int]) -> list[int]:
        """Positions of notes overlapping the tick range whose pitch is among pitches (a rubber band)."""
        starts, ends, notes_pitches = self.starts, self.ends, self.pitches
        return [i for i in self.span(t0, t1) if ends[i] > t0 and starts[i] <= t1 and notes_pitches[i] in pitches]

    def at(self, tick: float, pitches: Collection[int]) -> Note | None:
        """The note sounding at tick on one of pitches; the latest-starting one if several overlap."""
        starts, ends, notes_pitches = self.starts, self.ends, self.pitches
        for i in reversed(self.span(tick, tick)):
            if starts[i] <= tick < ends[i] and notes_pitches[i] in pitches:
                return self.notes[i]
        return None

    def starting_in(self, t0: float, t1: float) -> Iterator[int]:
        """Indices of notes whose start lies in [t0, t1] (velocity stems in view)."""
        return iter(range(bisect_left(self.starts, t0), bisect_right(self.starts, t1)))


_SHARED: dict[int, NoteIndex] = {}
_SHARED_SIZE = 16
_EDITS: dict[int, tuple[Track, Track, Splice]] = {}  # id(new track) -> (new track, old track, splice)


def record_edit(old: Track, new: Track, removed: Collection[Note], added: Iterable[Note]) -> None:
    """Say that `new` is `old` without every copy of `removed` and with `added`, so that its index (and the
    views' rects) can be derived from old's instead of rebuilt."""
    splice = splices.between(old.notes, new.notes, removed, added)
    if splice is not None:
        _EDITS[id(new)] = (new, old, splice)
        while len(_EDITS) > _SHARED_SIZE:
            del _EDITS[next(iter(_EDITS))]


def index_for(track: Track) -> NoteIndex:
    """The NoteIndex of a track version, shared by the views (so each is built, and each selection mapped, once).

    Keyed by id(track); the index holds the track, so an id cannot be reused while its entry lives.
    """
    index = _SHARED.get(id(track))
    if index is None or index.track is not track:
        index = _SHARED[id(track)] = _made(track)
        while len(_SHARED) > _SHARED_SIZE:
            del _SHARED[next(iter(_SHARED))]
    return index


def _made(track: Track) -> NoteIndex:
    """Derived from the index of the track it was edited from, when that edit was recorded and its index lives."""
    edit = _EDITS.get(id(track))
    if edit is not None and edit[0] is track:
        parent = _SHARED.get(id(edit[1]))
        if parent is not None and parent.track is edit[1]:
            return NoteIndex.derived(parent, track, edit[2])
    return NoteIndex(track)


def splice_between(old: NoteIndex, new: NoteIndex) -> Splice | None:
    """The splice from old to new when one was derived from the other (an edit, or its undo), else None."""
    if new.lineage is not None and new.lineage[0]() is old:
        return new.lineage[1]
    if old.lineage is not None and old.lineage[0]() is new:
        return old.lineage[1].reverse
    return None
