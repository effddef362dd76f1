"""Pure note edits on a Track (move, resize, quantize, duplicate, ...): each returns the new track and notes."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from composer_app.gui.roll.grid import snap_nearest
from composer_app.gui.roll.lanes import LaneMap
from composer_app.gui.roll.notes.index import record_edit
from composer_app.music.song import Note, Track

Edited = tuple[Track, frozenset[Note]]


SMALL_EDIT = 256  # up to this many notes, edits find their place by bisection instead of re-sorting the track


def _find(notes: tuple[Note, ...], note: Note) -> int:
    """Position of note in the sorted notes, or -1 (tracks keep notes in Note order)."""
    i = bisect_left(notes, note)
    return i if i < len(notes) and notes[i] == note else -1


def _present(track: Track, notes: Collection[Note]) -> set[Note]:
    """Those of notes that are in the track."""
    if len(notes) <= SMALL_EDIT:
        return {n for n in notes if _find(track.notes, n) >= 0}
    return set(notes) & set(track.notes)


def _rebuild(track: Track, remove: Collection[Note], add: Iterable[Note]) -> Track:
    """The track without remove (every copy) and with add, still sorted.

    Small edits (one drag step of a few notes) work by bisection, so a long track is not re-sorted per step.
    """
    add = sorted(add)
    if len(remove) <= SMALL_EDIT and len(add) <= SMALL_EDIT:
        kept = list(track.notes)
        for note in remove:
            i = bisect_left(kept, note)
            while i < len(kept) and kept[i] == note:
                del kept[i]
        for note in add:
            insort(kept, note)
        edited = track.with_notes_in_order(kept)  # kept in order by bisection
        record_edit(track, edited, remove, add)
        return edited
    remove = remove if isinstance(remove, (set, frozenset)) else set(remove)
    kept = [n for n in track.notes if n not in remove] if remove else list(track.notes)
    return track.with_notes(sorted(kept + add))


@dataclass(frozen=True)
class Plan:
    """An edit worked out note by note; the new track is built only by `edited()` (a drag previews many steps and
    makes one edit)."""

    track: Track
    remove: Collection[Note]
    add: tuple[Note, ...]

    @property
    def notes(self) -> frozenset[Note]:
        return frozenset(self.add)

    def edited(self) -> Edited:
        return _rebuild(self.track, self.remove, self.add), self.notes


def _plan_selected(track: Track, selected: Collection[Note], fn: Callable[[Note], Note], keep: bool = False) -> Plan:
    chosen = _present(track, selected)
    return Plan(track, () if keep else chosen, tuple(fn(n) for n in sorted(chosen)))


def _map_selected(track: Track, selected: Collection[Note], fn: Callable[[Note], Note], keep: bool = False) -> Edited:
    return _plan_selected(track, selected, fn, keep).edited()


def plan_add(track: Track, notes: Iterable[Note]) -> Plan:
    return Plan(track, (), tuple(notes))


def add_notes(track: Track, notes: Iterable[Note]) -> Edited:
    return plan_add(track, notes).edited()


def remove_notes(track: Track, notes: Collection[Note]) -> Track:
    return _rebuild(track, notes, ())


def clamp_move(notes: Collection[Note], dt: int, rows_down: int, lanes: LaneMap) -> tuple[int, int]:
    """The largest part of a (dt, rows_down) move that keeps every note at tick >= 0 and inside the lanes."""
    if not notes:
        return 0, 0
    dt = max(dt, -min(n.start for n in notes))
    rows = [lanes.row_of(n.pitch) for n in notes]
    rows = [r for r in rows if r is not None]
    if rows:
        rows_down = max(-min(rows), min(lanes.rows - 1 - max(rows), rows_down))
    return dt, rows_down


def plan_move(track: Track, selected: Collection[Note], dt: int, rows_down: int, lanes: LaneMap,
              copy: bool = False) -> Plan:
    """Shift notes in time and across lanes (clamped at the edges); with copy the originals stay."""
    dt, rows_down = clamp_move([n for n in selected], dt, rows_down, lanes)

    def shift(n: Note) -> Note:
        pitch = lanes.shifted(n.pitch, rows_down) if rows_down else n.pitch
        return Note(n.start + dt, n.pitch if pitch is None else pitch, n.duration, n.velocity)

    return _plan_selected(track, selected, shift, keep=copy)


def move_notes(track: Track, selected: Collection[Note], dt: int, rows_down: int, lanes: LaneMap,
               copy: bool = False) -> Edited:
    return plan_move(track, selected, dt, rows_down, lanes, copy).edited()


def plan_resize(track: Track, selected: Collection[Note], d_start: int = 0, d_end: int = 0,
                min_length: int = 1) -> Plan:
    """Move the start edge by d_start and the end edge by d_end, keeping each note at least min_length long."""

    def resize(n: Note) -> Note:
        start = max(0, min(n.start + d_start, n.end - min_length))
        end = max(start + min_length, n.end + d_end)
        return Note(start, n.pitch, end - start, n.velocity)

    return _plan_selected(track, selected, resize)


def resize_notes(track: Track, selected: Collection[Note], d_start: int = 0, d_end: int = 0,
                 min_length: int = 1) -> Edited:
    return plan_resize(track, selected, d_start, d_end, min_length).edited()


def set_velocities(track: Track, velocities: Mapping[Note, int]) -> Edited:
    """Give each note its new velocity (clamped to 1..127)."""
    present = _present(track, velocities.keys())
    changed = {n: Note(n.start, n.pitch, n.duration, max(1, min(127, int(velocities[n])))) for n in present}
    return _rebuild(track, changed.keys(), changed.values()), frozenset(changed.values())


def transpose_notes(track: Track, selected: Collection[Note], semitones: int) -> Edited:
    """Transpose by semitones, clamped so that no note leaves 0..127."""
    if not selected:
        return track, frozenset()
    low = min(n.pitch for n in selected)
    high = max(n.pitch for n in selected)
    semitones = max(-low, min(127 - high, semitones))
    return _map_selected(track, selected, lambda n: Note(n.start, n.pitch + semitones, n.duration, n.velocity))


def quantize_notes(track: Track, selected: Collection[Note], step: int) -> Edited:
    """Snap starts and ends to the nearest grid line; a note never shrinks below one step."""

    def quantize(n: Note) -> Note:
        start = snap_nearest(n.start, step)
        end = max(start + step, snap_nearest(n.end, step))
        return Note(start, n.pitch, end - start, n.velocity)

    return _map_selected(track, selected, quantize)


def selection_span(notes: Collection[Note], step: int) -> int:
    """The length of the selection rounded up to whole grid steps: how far a duplicate goes."""
    if not notes:
        return 0
    length = max(n.end for n in notes) - min(n.start for n in notes)
    step = max(1, step)
    return max(step, -(-length // step) * step)


def duplicate_notes(track: Track, selected: Collection[Note], step: int) -> Edited:
    """Copy the selection to just after itself (rounded to the grid), keeping the originals."""
    span = selection_span(selected, step)
    return _map_selected(track, selected, lambda n: Note(n.start + span, n.pitch, n.duration, n.velocity), keep=True)


def relative_clip(notes: Collection[Note]) -> list[Note]:
    """Notes shifted so that the earliest starts at tick 0 (what the clipboard holds)."""
    if not notes:
        return []
    origin = min(n.start for n in notes)
    return sorted(Note(n.start - origin, n.pitch, n.duration, n.velocity) for n in notes)


def paste_notes(track: Track, clip: Iterable[Note], at_tick: int) -> Edited:
    """Insert clipboard notes (relative to tick 0) starting at at_tick."""
    at_tick = max(0, at_tick)
    return add_notes(track, [Note(n.start + at_tick, n.pitch, n.duration, n.velocity) for n in clip])
