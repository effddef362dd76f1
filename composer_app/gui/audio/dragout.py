"""Drag-out: a song, track, selection or candidate leaves the window as a real .mid file any app can take.

    mime = midi_mime_data(song, "Melody")            # QMimeData: a file URL to a fresh .mid, plus the raw bytes
    start_midi_drag(widget, song, "Melody")          # from a widget's mouseMoveEvent
    install_midi_drag(widget, lambda: (song, name))  # or let any widget start one when dragged
    MidiDragHandle(lambda: (song, name))             # a small button to drag the song (or selection) from
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Qt, QUrl
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from composer_app.gui.shell.i18n import tr
from composer_app.music.midi_io import write_midi
from composer_app.music.song import Song

MIDI_MIME = "audio/midi"
SongSource = Callable[[], tuple[Song, str] | None]

_folder: Path | None = None


def drag_folder() -> Path:
    """This session's folder for dragged files; removed when the app exits (drop targets have copied them by then)."""
    global _folder
    if _folder is None or not _folder.is_dir():
        _folder = Path(tempfile.mkdtemp(prefix="composer-drag-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def safe_file_name(name: str, default: str = "Composer") -> str:
    """A file name from a song or track name: no path separators or control characters, not too long."""
    cleaned = re.sub(r'[\x00-\x1f/\\:*?"<>|]+', " ", name).strip(" .")
    return re.sub(r"\s+", " ", cleaned)[:80] or default


def write_drag_file(song: Song, name: str) -> Path:
    """Write the song as <name>.mid in its own sub-folder, so the dropped file keeps a clean name."""
    folder = Path(tempfile.mkdtemp(prefix="drag-", dir=drag_folder()))
    return write_midi(song, folder / f"{safe_file_name(name)}.mid")


def midi_mime_data(song: Song, name: str) -> QMimeData:
    """Mime data for dropping a song: a file URL to a written .mid, and the same bytes as audio/midi."""
    path = write_drag_file(song, name)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    mime.setData(MIDI_MIME, path.read_bytes())
    mime.setText(str(path))
    return mime


def start_midi_drag(source: QWidget, song: Song, name: str) -> Qt.DropAction:
    """Run a drag of the song as a .mid file from a widget (blocks until dropped, as QDrag does)."""
    drag = QDrag(source)
    drag.setMimeData(midi_mime_data(song, name))
    return drag.exec(Qt.CopyAction)


class _DragStarter(QObject):
    """Event filter: a press then a move past the drag distance on the watched widget starts a MIDI drag."""

    def __init__(self, widget: QWidget, source: SongSource):
        super().__init__(widget)
        self.widget = widget
        self.source = source
        self._pressed_at: QPoint | None = None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.MouseButtonPress and isinstance(event, QMouseEvent) and event.button() == Qt.LeftButton:
            self._pressed_at = event.position().toPoint()
        elif kind == QEvent.MouseButtonRelease:
            self._pressed_at = None
        elif kind == QEvent.MouseMove and self._pressed_at is not None and isinstance(event, QMouseEvent):
            moved = (event.position().toPoint() - self._pressed_at).manhattanLength()
            if moved >= QApplication.startDragDistance():
                self._pressed_at = None
                picked = self.source()
                if picked is not None and picked[0].note_count:
                    start_midi_drag(self.widget, *picked)
                    return True
        return False


def install_midi_drag(widget: QWidget, source: SongSource) -> QObject:
    """Let a widget (a track header, a candidate card) be dragged out as MIDI; `source` gives (song, name) or None."""
    starter = _DragStarter(widget, source)
    widget.installEventFilter(starter)
    return starter


class MidiDragHandle(QToolButton):
    """A button to drag MIDI from: drag it into a DAW or the file manager to drop a .mid file."""

    def __init__(self, source: SongSource, parent: QWidget | None = None, text: str = ""):
        super().__init__(parent)
        self._text = text  # "" shows the default, translated
        self.retranslate()
        self.setCursor(Qt.OpenHandCursor)
        self.source = source
        self.starter = install_midi_drag(self, source)

    def retranslate(self) -> None:
        """Its label and tip in the current language."""
        self.setText(self._text or tr("Drag MIDI"))
        self.setToolTip(tr("Drag this into a DAW or a folder to drop the song (or the selected notes) as a MIDI file"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
