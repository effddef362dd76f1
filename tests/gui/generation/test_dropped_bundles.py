"""A .mag dropped on the window opens in the Generate tab of its model family; the song stays as it was."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from composer_app.models.rnn.bundle import shipped_bundle_path
from tests.conftest import shared_path


def _drop(window, path) -> None:
    """Drag the file over the window and drop it there (handlers called directly: Qt routes only real drags)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    center = QPointF(window.width() * 0.6, window.height() / 2)
    enter = QDragEnterEvent(center.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(center, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))


def test_a_dropped_improv_bundle_opens_in_the_rnn_panel(window, qtbot, generation, tmp_path):
    """The bundle becomes the RNN panel's model and bundle; the song is not replaced by it."""
    path = tmp_path / "my improv.mag"
    shutil.copyfile(shipped_bundle_path("chord_pitches_improv"), path)
    generation.panel.set_model("basic_rnn")
    song = window.document.song
    _drop(window, path)
    qtbot.waitUntil(lambda: generation.panel.settings().bundle_path == str(path), timeout=10_000)
    assert generation.panel.model_combo.currentData() == "chord_pitches_improv"
    assert window.document.song is song and generation.shown_panel() is generation.panel


def test_a_dropped_polyphony_bundle_brings_its_tab_to_the_front(window, qtbot, generation):
    """A Polyphony RNN bundle opens in the Polyphony tab, which comes to the front."""
    path = shared_path("fixtures", "magenta-rnn2", "polyphony.mag")
    _drop(window, path)
    qtbot.waitUntil(lambda: generation.polyphony.bundle is not None, timeout=10_000)
    assert generation.shown_panel() is generation.polyphony and generation.polyphony.bundle.config.id == "polyphony"
