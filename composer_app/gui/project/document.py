"""The open document: the current song state, its file, dirty flag and undo stack; all edits go through here.

Views never change the song themselves. They compute a new immutable value and hand it to `apply` (or one of the
helpers), which pushes a SongEditCommand; undo and redo swap the values back and forth.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from composer_app.gui.project.commands import Selection, SongEditCommand
from composer_app.gui.project.project_format import Project, ProjectSong, TrackLook
from composer_app.gui.shell import qt_compat  # noqa: F401  (before any signal is emitted)
from composer_app.gui.shell.i18n import tr
from composer_app.music.song import Song, Track, new_song


def blank_project() -> Project:
    return Project((ProjectSong(new_song()),))


class SongDocument(QObject):
    """Holds the edited ProjectSong (song + track looks + length), the project's other data, path and undo stack."""

    state_changed = Signal(object, object)  # new ProjectSong, previous ProjectSong
    song_replaced = Signal()  # another song was loaded: views reset their selection and scroll
    path_changed = Signal(object)  # Path | None
    dirty_changed = Signal(bool)
    current_track_changed = Signal(int)
    selection_hint = Signal(int, object)  # track index, frozenset[Note]: what to select after undo/redo
    edited = Signal()  # after every push, undo or redo (autosave listens)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        # Bound methods, not lambdas: Qt drops them when the document goes, before the stack's last signals.
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self._project = blank_project()
        self._state = self._project.songs[0]
        self._path: Path | None = None
        self._source_name = ""
        self._current_track = 0
        self._length_cache: tuple[ProjectSong, int] | None = None

    def _on_clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    def _on_index_changed(self, _index: int) -> None:
        self.edited.emit()

    # -- reading -------------------------------------------------------------------------
    @property
    def state(self) -> ProjectSong:
        return self._state

    @property
    def song(self) -> Song:
        return self._state.song

    @property
    def looks(self) -> tuple[TrackLook, ...]:
        return self._state.looks

    @property
    def path(self) -> Path | None:
        """The project file this document saves to; None for a new song or one opened from MIDI/MusicXML."""
        return self._path

    @property
    def display_name(self) -> str:
        if self._path is not None:
            return self._path.name
        return self._source_name or self.song.title or tr("Untitled")

    @property
    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def current_track(self) -> int:
        return self._current_track

    @property
    def length_bars(self) -> int:
        """The song's length in bars: the set length, or more when notes reach past it."""
        cached = self._length_cache
        if cached is None or cached[0] is not self._state:
            # Cached per state: views ask on every paint, and measuring walks every note.
            bars = max(self._state.length_bars, math.ceil(self.song.bar_count() - 1e-9))
            cached = self._length_cache = (self._state, bars)
        return cached[1]

    def audible_tracks(self) -> list[int]:
        """Indices of the tracks that should sound, after mute and solo."""
        looks = self.looks
        soloed = [i for i, look in enumerate(looks) if look.soloed]
        if soloed:
            return soloed
        return [i for i, look in enumerate(looks) if not look.muted]

    def to_project(self) -> Project:
        """The whole project as it would be saved, with the edited song first."""
        return Project((self._state,) + self._project.songs[1:], self._project.generation, self._project.candidates)

    # -- editing -------------------------------------------------------------------------
    def apply(self, state: ProjectSong, text: str, merge_key: object = None,
              selection_before: Selection = None, selection_after: Selection = None) -> None:
        """Push one undoable edit that replaces the state."""
        if state is self._state:
            return
        self.undo_stack.push(SongEditCommand(self, self._state, state, text, merge_key,
                                             selection_before, selection_after))

    def edit_song(self, song: Song, text: str, merge_key: object = None) -> None:
        self.apply(self._state.replace(song=song), text, merge_key)

    def edit_track(self, index: int, track: Track, text: str, merge_key: object = None,
                   selection_before: Selection = None, selection_after: Selection = None) -> None:
        self.apply(self._state.replace(song=self.song.with_track(index, track)), text, merge_key,
                   selection_before, selection_after)

    def edit_look(self, index: int, look: TrackLook, text: str) -> None:
        looks = list(self.looks)
        looks[index] = look
        self.apply(self._state.replace(looks=tuple(looks)), text)

    def set_current_track(self, index: int) -> None:
        index = max(0, min(len(self.song.tracks) - 1, index))
        if index != self._current_track:
            self._current_track = index
            self.current_track_changed.emit(index)

    def _set_state(self, state: ProjectSong, selection: Selection = None) -> None:
        previous = self._state
        self._state = state
        if self._current_track >= len(state.song.tracks):
            self._current_track = max(0, len(state.song.tracks) - 1)
            self.current_track_changed.emit(self._current_track)
        self.state_changed.emit(state, previous)
        if selection is not None:
            self.selection_hint.emit(*selection)

    # -- whole documents -----------------------------------------------------------------
    def load(self, project: Project, path: str | Path | None = None, source_name: str = "") -> None:
        """Replace everything with a loaded project (a fresh undo history, clean)."""
        self.undo_stack.clear()
        previous = self._state
        self._project = project
        self._state = project.songs[0]
        self._current_track = 0
        self._source_name = source_name
        self._set_path(Path(path) if path is not None else None)
        self.state_changed.emit(self._state, previous)
        self.song_replaced.emit()
        self.current_track_changed.emit(0)
        self.undo_stack.setClean()
        self.dirty_changed.emit(False)

    def load_song(self, song: Song, source_name: str = "") -> None:
        self.load(Project((ProjectSong(song),)), None, source_name)

    def new(self) -> None:
        self.load(blank_project())

    def set_candidates(self, candidates: list) -> None:
        """Replace the generation history kept in the project file (not undoable; the project needs a save)."""
        self._project = dataclasses.replace(self._project, candidates=list(candidates))
        self.mark_unsaved()

    def mark_saved(self, path: str | Path) -> None:
        self._set_path(Path(path))
        self.undo_stack.setClean()

    def mark_unsaved(self) -> None:
        """Flag content that exists in no file (a restored recovery file) as needing a save."""
        self.undo_stack.resetClean()
        self.dirty_changed.emit(True)

    def _set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit(path)
