"""Note edits on the current track from menus and keys: whole-track fallbacks and the clipboard format."""

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from composer_app.gui.roll.notes.actions import clipboard_notes
from composer_app.music.song import Note


def test_transpose_without_a_selection_moves_the_whole_track(editor, document):
    """Menu transposes with nothing selected act on the whole current track."""
    editor.actions.transpose(12)
    assert [n.pitch for n in document.song.tracks[0].notes] == [72, 74, 76, 77]


def test_nudge_by_a_bar_uses_the_bar_length(editor, document):
    """Shift+arrow moves by the bar the selection starts in."""
    first = document.song.tracks[0].notes[0]
    editor.state.set_selection({first})
    editor.actions.nudge_bar(1)
    assert Note(3840, 60, 480, 90) in document.song.tracks[0].notes


def test_foreign_clipboard_content_pastes_nothing(editor, document):
    """Text or other data on the clipboard is not taken for notes."""
    mime = QMimeData()
    mime.setText("hello")
    QGuiApplication.clipboard().setMimeData(mime)
    assert clipboard_notes() == []
    before = document.song
    editor.actions.paste()
    assert document.song is before
    QGuiApplication.clipboard().clear()
