"""A track's notes as parallel sorted arrays, for finding what is in view or under the mouse with bisect."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator

from composer_app.music.song import Note, Track


class NoteIndex:
    """Notes ordered by start, with starts/ends/pitches as plain lists (fast to scan in paint loops)."""

    __slots__ = ("track", "notes", "starts", "ends", "pitches", "velocities", "max_duration")

    def __init__(self, track: Track):
        self.track = track
        self.notes = track.notes  # Track keeps them sorted by start
        self.starts = [n.start for n in self.notes]
        self.ends = [n.start + n.duration for n in self.notes]
        self.pitches = [n.pitch for n in self.notes]
        self.velocities = [n.velocity for n in self.notes]
        self.max_duration = max((n.duration for n in self.notes), default=0)

    def __len__(self) -> int:
        return len(self.notes)

    def span(self, t0: float, t1: float) -> range:
        """Indices of notes that may overlap [t0, t1]; callers check ends themselves."""
        return range(bisect_left(self.starts, t0 - self.max_duration), bisect_right(self.starts, t1))

    def in_box(self, t0: float, t1: float, pitches: Collection[int]) -> list[Note]:
        """Notes overlapping the tick range whose pitch is among pitches (a rubber band)."""
        starts, ends, notes_pitches, notes = self.starts, self.ends, self.pitches, self.notes
        return [notes[i] for i in self.span(t0, t1)
                if ends[i] > t0 and starts[i] <= t1 and notes_pitches[i] in pitches]

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
