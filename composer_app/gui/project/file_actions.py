"""Opening, importing, saving and exporting: files in and out of the document, with errors shown in dialogs.

A file that cannot be read leaves the open song exactly as it was: nothing is loaded until reading succeeded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from composer_app.gui.project.document import SongDocument
from composer_app.gui.project.project_format import (
    PROJECT_SUFFIX,
    ProjectSong,
    default_look,
    is_project_path,
    load_project,
    save_project,
)
from composer_app.gui.shell import dialogs
from composer_app.gui.shell.i18n import tr
from composer_app.gui.shell.settings import AppSettings
from composer_app.gui.song.track_list import free_channel
from composer_app.music.errors import MusicFileError
from composer_app.music.song import DRUM_CHANNEL, Song

MUSIC_PATTERNS = "*.mid *.midi *.smf *.kar *.musicxml *.xml *.mxl *.abc *.krn"


def music_filter() -> str:
    return tr("Music files ({0})").format(MUSIC_PATTERNS)


def project_filter() -> str:
    return tr("Composer project ({0})").format(f"*{PROJECT_SUFFIX}")


def open_filters() -> str:
    """The Open dialog's file types, in the current language."""
    both = tr("Projects and music files ({0})").format(f"*{PROJECT_SUFFIX} {MUSIC_PATTERNS}")
    return f"{both};;{project_filter()};;{music_filter()};;{tr('All files (*)')}"


def readable_suffixes() -> tuple[str, ...]:
    from composer_app.music.io import READABLE_SUFFIXES

    return READABLE_SUFFIXES + (PROJECT_SUFFIX,)


def with_lead_sheet_chords(song: Song, path: Path) -> Song:
    """A MIDI file's chord symbols written as text or marker events on any track (lead-sheet exports), when the
    app's own Chords track gave none; the chord lane shows them."""
    from composer_app.music.io import MIDI_SUFFIXES
    from composer_app.music.leadsheets.sources import midi_chord_events

    if song.chords or Path(path).suffix.lower() not in MIDI_SUFFIXES:
        return song
    chords = midi_chord_events(Path(path))
    return song.replace(chords=chords) if chords else song


def merge_tracks(song: Song, incoming: Song) -> Song:
    """song with incoming's tracks appended, each given a MIDI channel not used yet (and incoming's chord symbols,
    when song has none)."""
    tracks = list(song.tracks)
    for track in incoming.tracks:
        channel = DRUM_CHANNEL if track.is_drum else free_channel(tuple(tracks))
        tracks.append(track.replace(channel=channel))
    return song.replace(tracks=tuple(tracks), chords=song.chords or incoming.chords)


class FileActions(QObject):
    """The File menu's work, on one document, with a parent window for its dialogs."""

    status_message = Signal(str)
    recent_changed = Signal()

    def __init__(self, document: SongDocument, settings: AppSettings, window: QWidget):
        super().__init__(window)
        self.document = document
        self.settings = settings
        self.window = window
        self.last_folder = str(Path.home())

    # -- asking first --------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the document: it is saved, the user saved it, or chose to discard."""
        if not self.document.is_dirty:
            return True
        answer = dialogs.ask_save_changes(self.window, self.document.display_name)
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD

    # -- in --------------------------------------------------------------------------------
    def new(self) -> None:
        if self.maybe_save():
            self.document.new()
            self.status_message.emit(tr("New song"))

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path = dialogs.choose_open_file(self.window, tr("Open"), self.last_folder, open_filters())
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open a project or a music file in place of the current song; False (and a dialog) if it fails."""
        if ask and not self.maybe_save():
            return False
        path = Path(path)
        try:
            if is_project_path(path):
                project = load_project(path)
                self.document.load(project, path)
            else:
                self.document.load_song(self._read_music(path), source_name=path.name)
        except MusicFileError as exc:
            dialogs.show_user_error(self.window, tr("Could not open the file"), exc)
            return False
        self._remember(path)
        self.status_message.emit(tr("Opened {0}: %n note(s)", "", self.document.song.note_count).format(path.name))
        return True

    def _read_music(self, path: Path):
        """A music file as a Song, parsed off the UI thread: music21 can take seconds over a large score."""
        from composer_app.gui.shell.busy import run_busy
        from composer_app.music.io import read_song

        text = tr("Reading {0}…").format(path.name)
        return run_busy(self.window if isinstance(self.window, QWidget) else None, text,
                        lambda: with_lead_sheet_chords(read_song(path), path))

    def import_dialog(self) -> None:
        path = dialogs.choose_open_file(self.window, tr("Import MIDI into this song"), self.last_folder,
                                        f"{music_filter()};;{tr('All files (*)')}")
        if path:
            self.import_path(path)

    def import_path(self, path: str | Path) -> bool:
        """Add a music file's tracks to the current song as one undoable step."""
        path = Path(path)
        try:
            incoming = self._read_music(path)
        except MusicFileError as exc:
            dialogs.show_user_error(self.window, tr("Could not import the file"), exc)
            return False
        doc = self.document
        song = merge_tracks(doc.song, incoming)
        looks = doc.looks + tuple(default_look(i) for i in range(len(doc.looks), len(song.tracks)))
        doc.apply(ProjectSong(song, looks, doc.state.length_bars), tr("Import {0}").format(path.name))
        self.last_folder = str(path.parent)
        self.status_message.emit(tr("Imported %n track(s) from {0}", "", len(incoming.tracks)).format(path.name))
        return True

    # -- out -------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        stem = Path(self.document.display_name).stem or "Untitled"
        suggested = str(Path(self.last_folder) / f"{stem}{PROJECT_SUFFIX}")
        path = dialogs.choose_save_file(self.window, tr("Save project"), suggested, project_filter())
        if not path:
            return False
        path = dialogs.with_suffix_confirmed(self.window, path, (PROJECT_SUFFIX,), PROJECT_SUFFIX)
        return path is not None and self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        path = Path(path)
        try:
            save_project(self.document.to_project(), path)
        except MusicFileError as exc:
            dialogs.show_user_error(self.window, tr("Could not save"), exc)
            return False
        self.document.mark_saved(path)
        self._remember(path)
        self.status_message.emit(tr("Saved {0}").format(path.name))
        return True

    def export_midi_dialog(self) -> None:
        stem = Path(self.document.display_name).stem or "Untitled"
        path = dialogs.choose_save_file(self.window, tr("Export MIDI"), str(Path(self.last_folder) / f"{stem}.mid"),
                                        tr("MIDI file (*.mid)"))
        path = path and dialogs.with_suffix_confirmed(self.window, path, (".mid", ".midi"), ".mid")
        if path:
            self.export_midi(path)

    def export_midi(self, path: str | Path) -> bool:
        from composer_app.music.io import write_song

        try:
            write_song(self.document.song, path)
        except MusicFileError as exc:
            dialogs.show_user_error(self.window, tr("Could not export"), exc)
            return False
        self.status_message.emit(tr("Exported {0}").format(Path(path).name))
        return True

    def _remember(self, path: Path) -> None:
        self.last_folder = str(path.parent)
        self.settings.add_recent(path)
        self.recent_changed.emit()
