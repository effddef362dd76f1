"""Edits on the current track's notes (delete, nudge, transpose, quantize, duplicate, clipboard) as commands.

The roll's keys, the main window's menus and the tests all call these, so every path makes the same edit.
"""

from __future__ import annotations

import atexit
import functools
import json
from collections.abc import Callable, Collection

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication

from composer_app.gui.project import project_values as values
from composer_app.gui.project.document import SongDocument
from composer_app.gui.roll.lanes import LaneMap
from composer_app.gui.roll.notes import edits as note_edits
from composer_app.gui.roll.state import RollState
from composer_app.gui.roll.timeline import bar_at
from composer_app.gui.shell.i18n import tr
from composer_app.music.song import MAX_NOTES, MAX_TICK, Note, Track

NOTES_MIME = "application/x-composer-notes"
MIDI_MIME = "audio/midi"


class NoteActions(QObject):
    """Applies note edits to the document's current track and keeps the selection on the edited notes."""

    status_message = Signal(str)

    def __init__(self, document: SongDocument, state: RollState, lanes: Callable[[], LaneMap],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.state = state
        self._lanes = lanes

    # -- plumbing ------------------------------------------------------------------------
    def current_track(self) -> Track | None:
        tracks = self.document.song.tracks
        index = self.document.current_track
        return tracks[index] if 0 <= index < len(tracks) else None

    def target_notes(self, whole_track_if_empty: bool) -> frozenset[Note]:
        if self.state.selection or not whole_track_if_empty:
            return self.state.selection
        track = self.current_track()
        return frozenset(track.notes) if track else frozenset()

    def edit(self, fn: Callable[[Track], note_edits.Edited], text: str, merge_key: object = None,
             selection_before: Collection[Note] | None = None) -> bool:
        """Run fn on the current track and push the result; False when it changed nothing."""
        track = self.current_track()
        if track is None:
            return False
        index = self.document.current_track
        before = frozenset(self.state.selection if selection_before is None else selection_before)
        new_track, new_selection = fn(track)
        if new_track.notes == track.notes:
            return False
        self.state.set_selection(new_selection)
        self.document.edit_track(index, new_track, text, merge_key, (index, before), (index, new_selection))
        return True

    # -- selection -----------------------------------------------------------------------
    def select_all(self) -> None:
        track = self.current_track()
        self.state.set_selection(track.notes if track else ())

    def clear_selection(self) -> None:
        self.state.clear_selection()

    # -- edits ---------------------------------------------------------------------------
    def delete_selection(self) -> None:
        selected = self.state.selection
        if selected:
            self.edit(lambda t: (note_edits.remove_notes(t, selected), frozenset()), tr("Delete %n note(s)", "", len(selected)))

    def nudge(self, ticks: int) -> None:
        selected = self.state.selection
        self.edit(lambda t: note_edits.move_notes(t, selected, ticks, 0, self._lanes()), tr("Move notes"))

    def nudge_bar(self, direction: int) -> None:
        """Move the selection by the length of the bar its first note is in."""
        if self.state.selection:
            first = min(n.start for n in self.state.selection)
            self.nudge(direction * bar_at(self.document.song.time_signatures, first).length)

    def move_rows(self, rows_down: int) -> None:
        selected = self.state.selection
        self.edit(lambda t: note_edits.move_notes(t, selected, 0, rows_down, self._lanes()), tr("Move notes"))

    def transpose(self, semitones: int, whole_track_if_empty: bool = True) -> None:
        notes = self.target_notes(whole_track_if_empty)
        self.edit(lambda t: note_edits.transpose_notes(t, notes, semitones), tr("Transpose {0:+d}").format(semitones))

    def quantize(self) -> None:
        notes = self.target_notes(whole_track_if_empty=True)
        step = self.state.grid.ticks
        if self.edit(lambda t: note_edits.quantize_notes(t, notes, step), tr("Quantize to {0}").format(self.state.grid.label)):
            self.status_message.emit(tr("Quantized %n note(s) to {0}", "", len(notes)).format(self.state.grid.label))

    def duplicate(self) -> None:
        selected = self.state.selection
        step = self.state.grid.ticks
        self.edit(lambda t: note_edits.duplicate_notes(t, selected, step), tr("Duplicate %n note(s)", "", len(selected)))

    def set_velocities(self, base: Track, velocities: dict[Note, int], merge_key: object = None,
                       selection_before: Collection[Note] = ()) -> None:
        """Give notes of base (the track as it was when a gesture began) new velocities, as one mergeable step.

        Working from the gesture's starting track keeps a drag's steps from compounding.
        """
        index = self.document.current_track
        new_track, _changed = note_edits.set_velocities(base, velocities)
        renamed = {n: Note(n.start, n.pitch, n.duration, max(1, min(127, int(v)))) for n, v in velocities.items()}
        before = frozenset(selection_before)
        after = frozenset(renamed.get(n, n) for n in before)
        self.state.set_selection(after)
        self.document.edit_track(index, new_track, tr("Change velocity"), merge_key, (index, before), (index, after))

    # -- clipboard -----------------------------------------------------------------------
    def copy(self) -> bool:
        selected = self.state.selection
        if not selected:
            self.status_message.emit(tr("Nothing selected to copy"))
            return False
        clip = note_edits.relative_clip(selected)
        mime = QMimeData()
        mime.setData(NOTES_MIME, json.dumps([[n.start, n.pitch, n.duration, n.velocity] for n in clip]).encode())
        mime.setText(tr("%n note(s) from Composer", "", len(clip)))
        track = self.current_track()
        if track is not None:
            from composer_app.music.midi_io import midi_bytes
            from composer_app.music.song import Song

            mime.setData(MIDI_MIME, midi_bytes(Song(tracks=(track.with_notes(clip),))))
        QGuiApplication.clipboard().setMimeData(mime)
        _release_clipboard_at_exit()
        self.status_message.emit(tr("Copied %n note(s)", "", len(clip)))
        return True

    def cut(self) -> None:
        if self.copy():
            selected = self.state.selection
            self.edit(lambda t: (note_edits.remove_notes(t, selected), frozenset()), tr("Cut %n note(s)", "", len(selected)))

    def paste(self, at_tick: int | None = None) -> None:
        """Paste copied notes into the current track at the playhead (or at_tick); they become the selection."""
        clip, problem = read_clipboard_notes()
        if problem:
            self.status_message.emit(tr("Could not paste: the clipboard's notes are damaged ({0})").format(problem))
            return
        if not clip:
            self.status_message.emit(tr("The clipboard holds no notes to paste"))
            return
        tick = max(0, self.state.playhead if at_tick is None else at_tick)
        if tick + max(n.end for n in clip) > MAX_TICK:
            self.status_message.emit(tr("Could not paste: the notes would end past the longest song (tick {0:,})")
                                     .format(MAX_TICK))
            return
        self.edit(lambda t: note_edits.paste_notes(t, clip, tick), tr("Paste %n note(s)", "", len(clip)))


@functools.cache
def _release_clipboard_at_exit() -> None:
    """Hand our clipboard data back while Python still runs.

    Otherwise Qt frees the Python-made QMimeData in its own exit handlers, after the interpreter is gone,
    and the process dies with a segmentation fault on the way out.
    """

    def release() -> None:
        app = QGuiApplication.instance()
        if app is not None:
            mime = QGuiApplication.clipboard().mimeData()
            if mime is not None and mime.hasFormat(NOTES_MIME):
                QGuiApplication.clipboard().clear()

    atexit.register(release)


def clipboard_notes() -> list[Note]:
    """Notes this app put on the clipboard, relative to tick 0, or [] when it holds something else or damage."""
    return read_clipboard_notes()[0]


def read_clipboard_notes() -> tuple[list[Note], str]:
    """(notes, "") from the clipboard, ([], "") when it holds no notes of ours, ([], problem) when they are damaged.

    Another program can put anything under our format's name, so every value is checked as a project file's is.
    """
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None or not mime.hasFormat(NOTES_MIME):
        return [], ""
    try:
        rows = values.items(json.loads(bytes(mime.data(NOTES_MIME)).decode()), "the clipboard")
        if len(rows) > MAX_NOTES:
            return [], tr("more than {0:,} notes").format(MAX_NOTES)
        return [values.note(row) for row in rows], ""
    except RecursionError:
        return [], tr("nested too deeply")
    except (values.DamagedValue, ValueError) as exc:  # a damaged value; bad UTF-8, bad JSON, an impossible note
        return [], str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__

