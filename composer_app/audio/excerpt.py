"""Cut a part of a song (some tracks, a time range, selected notes) into a song of its own, for export and drag-out."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from composer_app.music.song import Note, Song


def excerpt(
    song: Song,
    tracks: Iterable[int] | None = None,
    start: int | None = None,
    end: int | None = None,
    selected: Iterable[tuple[int, Note]] | None = None,
) -> Song:
    """The chosen tracks (all by default), notes (all, or `selected` (track index, note) pairs) and range.

    Notes are kept when they start in [start, end) and are cut at `end`. The result starts at `start`, or, with no
    start given, at the bar line before its first note, so it lines up with bars when dropped into a DAW.
    """
    indexes = sorted(set(range(len(song.tracks)) if tracks is None else tracks))
    chosen: dict[int, set[Note]] | None = None
    if selected is not None:
        chosen = {}
        for index, note in selected:
            chosen.setdefault(index, set()).add(note)
        if tracks is None:
            indexes = sorted(chosen)
    lo = 0 if start is None else max(0, int(start))
    hi = None if end is None else int(end)
    picked = []
    for i in indexes:
        track = song.tracks[i]
        notes = []
        for n in track.notes:
            if chosen is not None and n not in chosen.get(i, ()):
                continue
            if n.start < lo or (hi is not None and n.start >= hi):
                continue
            notes.append(n if hi is None or n.end <= hi else replace(n, duration=hi - n.start))
        picked.append(track.with_notes(notes))
    if start is None:
        first = min((t.notes[0].start for t in picked if t.notes), default=0)
        lo = bar_start(song, first)
    return _shifted(song.with_tracks(picked), lo, hi)


def write_excerpt_midi(song: Song, path: str | os.PathLike, **selection) -> Path:
    """Write the excerpt() of a song as a Standard MIDI File."""
    from composer_app.music.midi_io import write_midi

    return write_midi(excerpt(song, **selection) if selection else song, path)


def bar_start(song: Song, tick: int) -> int:
    """The bar line at or before a tick, following time-signature changes."""
    sig = [s for s in song.time_signatures if s.tick <= tick][-1]
    return sig.tick + (tick - sig.tick) // sig.ticks_per_bar * sig.ticks_per_bar


def bar_end(song: Song, tick: int) -> int:
    """The first bar line at or after a tick (tick 0 stays 0)."""
    if tick <= 0:
        return 0
    start = bar_start(song, tick - 1)
    sig = [s for s in song.time_signatures if s.tick <= start][-1]
    return start + sig.ticks_per_bar


def _shifted(song: Song, offset: int, end: int | None) -> Song:
    """Move everything `offset` ticks earlier, keeping the tempo and metre that were in force at the offset."""
    if offset == 0 and end is None:
        return song
    tracks = [t.with_notes(n.moved(dt=-offset) for n in t.notes) for t in song.tracks]

    def moved_map(items):
        before = [x for x in items if x.tick <= offset]
        after = [replace(x, tick=x.tick - offset) for x in items if offset < x.tick and (end is None or x.tick < end)]
        return [replace(before[-1], tick=0)] + after if before else after

    return song.replace(
        tracks=tuple(tracks),
        tempos=tuple(moved_map(song.tempos)),
        time_signatures=tuple(moved_map(song.time_signatures)),
        chords=tuple(moved_map(song.chords)),
    )
