"""Drag-out: the mime data points at a real, valid .mid file holding exactly the dragged notes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from composer_app.gui.audio import dragout as audio_dragout
from composer_app.gui.audio.dragout import MIDI_MIME, MidiDragHandle, install_midi_drag, midi_mime_data, safe_file_name
from composer_app.music.io import read_song
from composer_app.music.song import PPQ, Note, Song, Track, drum_track


def _song() -> Song:
    melody = Track(name="Melody", program=0, notes=tuple(Note(i * PPQ, 60 + i, PPQ // 2, 90) for i in range(4)))
    drums = drum_track(notes=[Note(0, 36, 120, 110), Note(PPQ, 38, 120, 100)])
    return Song(tracks=(melody, drums), title="Sketch")


def test_mime_data_is_a_file_url_to_a_valid_smf(qapp):
    """The drag carries one local file URL to an existing .mid that mido parses and that re-imports to the notes."""
    import mido

    song = _song()
    mime = midi_mime_data(song, "My Song")
    assert mime.hasUrls() and len(mime.urls()) == 1
    url = mime.urls()[0]
    assert url.isLocalFile()
    path = Path(url.toLocalFile())
    assert path.is_file() and path.name == "My Song.mid"
    assert path.read_bytes()[:4] == b"MThd"
    assert mido.MidiFile(str(path)).type == 1
    back = read_song(path)
    assert [t.notes for t in back.tracks] == [t.notes for t in song.tracks]
    assert bytes(mime.data(MIDI_MIME)) == path.read_bytes()


def test_each_drag_gets_its_own_file(qapp):
    """Two drags of the same name never overwrite each other's file (a drop may still be reading the first)."""
    a = Path(midi_mime_data(_song(), "Take").urls()[0].toLocalFile())
    b = Path(midi_mime_data(_song(), "Take").urls()[0].toLocalFile())
    assert a != b and a.exists() and b.exists() and a.name == b.name == "Take.mid"


def test_file_names_are_made_safe():
    """Slashes, colons and control characters never reach the file name; an empty name gets a default."""
    assert safe_file_name("Verse 1/2: take*3") == "Verse 1 2 take 3"
    assert safe_file_name("   ") == "Composer"
    assert safe_file_name("..") == "Composer"


def test_dragging_a_watched_widget_starts_a_midi_drag(qtbot, monkeypatch):
    """A press and a move past the drag distance on a watched widget starts a drag of the provided song."""
    started = []
    monkeypatch.setattr(audio_dragout, "start_midi_drag", lambda w, song, name: started.append((w, song, name)))
    label = QLabel("Melody")
    qtbot.addWidget(label)
    label.resize(200, 40)
    label.show()
    qtbot.waitExposed(label)
    song = _song()
    install_midi_drag(label, lambda: (song, "Melody"))
    qtbot.mousePress(label, Qt.LeftButton, pos=QPoint(10, 10))
    qtbot.mouseMove(label, QPoint(60, 12))
    assert started == [(label, song, "Melody")]


def test_nothing_is_dragged_from_an_empty_song(qtbot, monkeypatch):
    """An empty song (or no song) starts no drag."""
    started = []
    monkeypatch.setattr(audio_dragout, "start_midi_drag", lambda *a: started.append(a))
    handle = MidiDragHandle(lambda: (Song(), "Empty"))
    qtbot.addWidget(handle)
    handle.show()
    qtbot.waitExposed(handle)
    qtbot.mousePress(handle, Qt.LeftButton, pos=QPoint(3, 3))
    qtbot.mouseMove(handle, QPoint(40, 5))
    assert started == []
