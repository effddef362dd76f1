"""Hearing notes while editing: a key clicked or a note drawn or moved sounds briefly with its track's instrument.

    auditioner = Auditioner(player, current_track=lambda: document.song.tracks[document.current_track])
    editor.note_preview_requested.connect(auditioner.preview)      # (pitch, velocity)
    menu.addAction(auditioner.action)                              # "Hear Notes While Editing", on by default
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from composer_app.gui.audio.player import Player
from composer_app.gui.shell.i18n import tr
from composer_app.music.song import Song, Track

NOTE_SECONDS = 0.35
# Dragging a note fires a preview for every pixel; the same pitch again this soon is not re-struck.
REPEAT_GUARD_SECONDS = 0.12


class Auditioner(QObject):
    """Turns editing gestures into short notes on the player; switchable off through `action` or set_enabled."""

    enabled_changed = Signal(bool)

    def __init__(self, player: Player, parent: QObject | None = None, *,
                 current_track: Callable[[], Track | None] | None = None, enabled: bool = True,
                 seconds: float = NOTE_SECONDS):
        super().__init__(parent)
        self.player = player
        self.current_track = current_track or (lambda: None)
        self.seconds = seconds
        self._last: tuple[int, float] | None = None
        self.action = QAction(tr("Hear Notes While Editing"), self, checkable=True, checked=enabled)
        self.action.setToolTip(tr("Sound a key you click and a note you draw or move"))
        self.action.toggled.connect(self._on_toggled)
        self._enabled = enabled

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, on: bool) -> None:
        self.action.setChecked(on)

    def _on_toggled(self, on: bool) -> None:
        if on != self._enabled:
            self._enabled = on
            self.enabled_changed.emit(on)

    def preview(self, pitch: int, velocity: int = 100) -> bool:
        """Sound a pitch with the current track's instrument; returns whether a note was started."""
        if not self._enabled:
            return False
        now = time.monotonic()
        if self._last is not None and self._last[0] == pitch and now - self._last[1] < REPEAT_GUARD_SECONDS:
            return False
        self._last = (pitch, now)
        track = self.current_track()
        program = track.program if track is not None else 0
        is_drum = track.is_drum if track is not None else False
        return self.player.audition(pitch, max(1, min(127, velocity)), program, is_drum, self.seconds)

    def candidate(self, candidate: Song, song: Song | None = None, start_tick: int = 0) -> bool:
        """Play a generated candidate once: on its own, or, given the song, mixed into it (its tracks added)."""
        if song is not None:
            candidate = song.with_tracks(song.tracks + candidate.tracks)
        return self.player.preview(candidate, start_tick)
