"""Pasting damaged or absurd clipboard notes changes nothing and says why; it never raises or makes a huge song."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from composer_app.gui.roll.notes.actions import NOTES_MIME, clipboard_notes
from composer_app.music.song import MAX_TICK, Note


def _put_on_clipboard(payload: bytes) -> None:
    mime = QMimeData()
    mime.setData(NOTES_MIME, payload)
    QGuiApplication.clipboard().setMimeData(mime)


BAD_CLIPS = {
    "a start of 10^12": b"[[1000000000000, 60, 480, 90]]",
    "a duration of 10^12": b"[[0, 60, 1000000000000, 90]]",
    "a start of 1e400": b"[[1e400, 60, 480, 90]]",
    "a negative start": b"[[-480, 60, 480, 90]]",
    "a pitch of 300": b"[[0, 300, 480, 90]]",
    "text for numbers": b'[["0", "60", "480", "90"]]',
    "a note of three values": b"[[0, 60, 480]]",
    "an object": b'{"notes": []}',
    "an integer of 5,000 digits": b"[[" + b"9" * 5000 + b", 60, 480, 90]]",
    "nesting 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "not UTF-8": b"[[0, 60, 480, \xff]]",
}


@pytest.mark.parametrize("name", BAD_CLIPS)
def test_damaged_clipboard_notes_paste_nothing(editor, document, name):
    """Damaged notes on the clipboard leave the song as it was and say so in the status line."""
    _put_on_clipboard(BAD_CLIPS[name])
    messages = []
    editor.actions.status_message.connect(messages.append)
    before = document.song
    try:
        assert clipboard_notes() == []
        editor.actions.paste()
    finally:
        QGuiApplication.clipboard().clear()
    assert document.song is before
    assert messages and "paste" in messages[-1].lower()


def test_paste_that_would_end_past_the_longest_song_is_refused(editor, document):
    """Sound notes pasted so far along that they would end past MAX_TICK are refused with a message."""
    _put_on_clipboard(b"[[0, 60, 480, 90], [960, 62, 480, 90]]")
    messages = []
    editor.actions.status_message.connect(messages.append)
    before = document.song
    try:
        assert clipboard_notes() == [Note(0, 60, 480, 90), Note(960, 62, 480, 90)]
        editor.actions.paste(at_tick=MAX_TICK - 1000)
        assert document.song is before and "longest song" in messages[-1]
        editor.actions.paste(at_tick=MAX_TICK - 1440)
    finally:
        QGuiApplication.clipboard().clear()
    assert Note(MAX_TICK - 480, 62, 480, 90) in document.song.tracks[0].notes
