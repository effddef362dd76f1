"""A track's notes as parallel sorted arrays, for finding what is in view or under the mouse with bisect."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator

from composer_app.music.song import Note, Track


class NoteIndex:
    """Notes ordered by start, with starts/ends/pitches as plain lists (fast to scan in paint loops)."""

    __slots__ = ("track", "notes", "starts", "ends", "pitches", "velocities", "max_duration", "_rows", "_shades",
                 "_positions")

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
            positions = [i for i, n in enumerate(self.notes) if n in notes] if notes else []
            cached = self._positions = (notes, positions)
        return cached[1]

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


def index_for(track: Track) -> NoteIndex:
    """The NoteIndex of a track version, shared by the views (so each is built, and each selection mapped, once).

    Keyed by id(track); the index holds the track, so an id cannot be reused while its entry lives.
    """
    index = _SHARED.get(id(track))
    if index is None or index.track is not track:
        index = _SHARED[id(track)] = NoteIndex(track)
        while len(_SHARED) > _SHARED_SIZE:
            del _SHARED[next(iter(_SHARED))]
    return index
