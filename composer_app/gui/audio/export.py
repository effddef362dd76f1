"""File → Export Audio (WAV, or FLAC with soundfile) and Export Selection as MIDI: dialogs over the audio package."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from composer_app.audio.errors import AudioError, RenderCancelled
from composer_app.audio.schedule import TrackMix
from composer_app.gui.audio.dragout import safe_file_name
from composer_app.gui.shell import dialogs
from composer_app.gui.shell.i18n import localized, tr
from composer_app.music.errors import MusicFileError
from composer_app.music.song import Song


def _audio_filter() -> str:
    try:
        import soundfile  # noqa: F401
    except (ImportError, OSError):
        return tr("WAV audio (*.wav)")
    return tr("WAV audio (*.wav)") + ";;" + tr("FLAC audio (*.flac)")


def ask_audio_path(parent: QWidget | None, name: str, folder: str | os.PathLike | None = None) -> Path | None:
    start = str(Path(folder or Path.home()) / f"{safe_file_name(name)}.wav")
    path, chosen = QFileDialog.getSaveFileName(parent, tr("Export Audio"), start, _audio_filter())
    if not path:
        return None
    return dialogs.with_suffix_confirmed(parent, path, (".wav", ".flac"), ".flac" if "*.flac" in chosen else ".wav")


def export_audio(parent: QWidget | None, song: Song, path: Path, soundfont: str | os.PathLike | None = None,
                 mixes: list[TrackMix] | None = None) -> bool:
    """Render to a file with a cancellable progress dialog; errors are shown, not raised. Returns success."""
    from composer_app.audio.render import render_to_file

    dialog = QProgressDialog(tr("Rendering audio…"), tr("Cancel"), 0, 1000, parent)
    dialog.setWindowTitle(tr("Export Audio"))
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(300)
    last = [0.0]

    def progress(fraction: float) -> bool:
        now = time.monotonic()
        if now - last[0] > 0.05:  # keep the window responsive without spending the render on repaints
            last[0] = now
            dialog.setValue(int(fraction * 1000))
            QApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        rendered = render_to_file(song, path, soundfont=soundfont, mixes=mixes, progress=progress)
    except RenderCancelled:
        return False
    except AudioError as exc:
        dialogs.show_user_error(parent, tr("Export Audio"), exc)
        return False
    finally:
        dialog.reset()
        dialog.deleteLater()
    if rendered.soundfont.fallback_reason:
        dialogs.show_info(parent, tr("Export Audio"), localized(rendered.soundfont.fallback_reason))
    return True


def export_audio_dialog(parent: QWidget | None, song: Song, name: str = "", soundfont=None,
                        mixes: list[TrackMix] | None = None) -> Path | None:
    """Ask where, then render the song there; returns the file written, or None."""
    if not song.note_count:
        QMessageBox.information(parent, tr("Export Audio"), tr("The song has no notes to render yet."))
        return None
    path = ask_audio_path(parent, name or song.title or "Composer")
    if path is None:
        return None
    return path if export_audio(parent, song, path, soundfont, mixes) else None


def export_midi_dialog(parent: QWidget | None, song: Song, name: str, title: str = "") -> Path | None:
    """Ask where, then write this song (a selection, a track or a candidate, already cut out) as a .mid file."""
    from composer_app.music.midi_io import write_midi

    title = title or tr("Export MIDI")
    if not song.note_count:
        QMessageBox.information(parent, title, tr("There are no notes to export."))
        return None
    start = str(Path.home() / f"{safe_file_name(name)}.mid")
    path, _ = QFileDialog.getSaveFileName(parent, title, start, tr("MIDI files (*.mid)"))
    if not path:
        return None
    path = dialogs.with_suffix_confirmed(parent, path, (".mid", ".midi"), ".mid")
    if path is None:
        return None
    try:
        return write_midi(song, path)
    except MusicFileError as exc:
        dialogs.show_user_error(parent, title, exc)
        return None
