"""Undoable edits of the song's chord symbols, and the "Chords" track that plays them (kept in step with them).

Design: the accompaniment is an ordinary track named "Chords", made on request ("Play chords on a track"). While
a track of that name exists, every chord edit re-renders its notes inside the same undo step, so what is heard
always matches the lane and one undo takes back both. The user mutes it in the track list, or removes it to stop
the syncing; it is a plain track otherwise (its instrument can be changed, it exports to MIDI).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject

from composer_app.errors import ComposerError
from composer_app.gui.project.document import SongDocument
from composer_app.gui.roll.timeline import ticks_for_bars
from composer_app.gui.shell.i18n import error_summary, tr
from composer_app.gui.song.track_list import free_channel
from composer_app.music.chord_timeline import ACCOMPANIMENT_NAME, accompaniment_notes, accompaniment_track
from composer_app.music.chords import NO_CHORD, ChordSymbolError, parse_chord_symbol
from composer_app.music.song import ChordSymbol, Song


class ChordSymbolRefused(ComposerError):
    """A chord symbol the lane will not take; the message and hint are in the user's language."""


def checked_figure(text: str) -> str:
    """The figure as the lane stores it (trimmed; "nc" and "N.C" spelled N.C.), or ChordSymbolRefused: the chord
    parser's own reason, in the user's language, and what a chord looks like."""
    figure = text.strip()
    if figure.upper().replace(".", "") == "NC":
        return NO_CHORD
    try:
        parse_chord_symbol(figure)
    except ChordSymbolError as exc:
        raise ChordSymbolRefused(
            error_summary(exc),
            hint=tr("Write a root A–G (with # or b), then a kind such as m, 7, maj7, m7, m7b5, dim7, sus4 or 6, "
                    "optionally /bass as in G/B; N.C. means no chord.")) from None
    return figure


def accompaniment_index(song: Song) -> int | None:
    """The track the chords play on (the first non-drum track named "Chords"), or None."""
    return next((i for i, t in enumerate(song.tracks) if t.name == ACCOMPANIMENT_NAME and not t.is_drum), None)


class ChordEdits(QObject):
    """Add, change, move and delete chord symbols of the document's song, each one undo step."""

    def __init__(self, document: SongDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document

    @property
    def chords(self) -> tuple[ChordSymbol, ...]:
        return self.document.song.chords

    def figure_at(self, tick: int) -> str | None:
        """The figure of the chord starting exactly at tick, or None."""
        return next((c.figure for c in reversed(self.chords) if c.tick == tick), None)

    # -- edits ---------------------------------------------------------------------------
    def set_chord(self, tick: int, text: str) -> str:
        """Put a chord at tick (replacing one there); returns the stored figure, or raises ChordSymbolRefused."""
        figure = checked_figure(text)
        if self.figure_at(tick) == figure:
            return figure
        text = tr("Change chord to {0}") if self.figure_at(tick) is not None else tr("Add chord {0}")
        self._apply(self._without(tick) + [ChordSymbol(tick, figure)], text.format(figure))
        return figure

    def move(self, old_tick: int, new_tick: int, merge_key: object = None,
             base: tuple[ChordSymbol, ...] | None = None) -> None:
        """Move the chord at old_tick to new_tick, replacing one there. A drag passes one merge_key and the chords
        as they were when it began (`base`), so a chord it only passes over is not lost."""
        base = self.chords if base is None else base
        figure = next((c.figure for c in reversed(base) if c.tick == old_tick), None)
        if figure is None or new_tick < 0:
            return
        chords = [c for c in base if c.tick not in (old_tick, new_tick)] + [ChordSymbol(new_tick, figure)]
        self._apply(chords, tr("Move chord {0}").format(figure), merge_key)

    def delete(self, tick: int) -> None:
        figure = self.figure_at(tick)
        if figure is not None:
            self._apply(self._without(tick), tr("Delete chord {0}").format(figure))

    def play_on_track(self) -> int:
        """Add the "Chords" track playing the lane's chords (or refresh it); returns its index."""
        doc = self.document
        song = doc.song
        index = accompaniment_index(song)
        if index is not None:
            self._apply(list(song.chords), tr("Play chords on a track"), force=True)
            return index
        track = accompaniment_track(song.chords, self._end(song), free_channel(song.tracks), song.time_signatures)
        doc.edit_song(song.add_track(track), tr("Play chords on a track"))
        return len(doc.song.tracks) - 1

    # -- helpers -------------------------------------------------------------------------
    def _without(self, tick: int) -> list[ChordSymbol]:
        return [c for c in self.chords if c.tick != tick]

    def _end(self, song: Song) -> int:
        """Where the last chord stops sounding: the song's set length (or its last note), not the old chords."""
        index = accompaniment_index(song)
        rest = song.with_tracks([t for i, t in enumerate(song.tracks) if i != index])
        bars = max(self.document.state.length_bars, math.ceil(rest.bar_count() - 1e-9))
        return ticks_for_bars(song.time_signatures, bars)

    def _apply(self, chords: list[ChordSymbol], text: str, merge_key: object = None, force: bool = False) -> None:
        doc = self.document
        song = doc.song.replace(chords=tuple(sorted(chords, key=lambda c: c.tick)))
        if song.chords == doc.song.chords and not force:
            return
        index = accompaniment_index(song)
        if index is not None:
            track = song.tracks[index]
            song = song.with_track(index, track.with_notes(accompaniment_notes(song.chords, self._end(song),
                                                                               song.time_signatures)))
        doc.edit_song(song, text, merge_key)
