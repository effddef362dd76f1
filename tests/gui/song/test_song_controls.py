"""Tempo, time signature and length controls edit the song through undoable commands."""

import pytest

from composer_app.gui.song.song_controls import SongControls


@pytest.fixture
def controls(qtbot, document):
    widget = SongControls(document)
    qtbot.addWidget(widget)
    return widget


def test_tempo_spin_steps_merge_into_one_undo_step(controls, document):
    """Several tempo changes in one edit are one undo step back to the old tempo."""
    for qpm in (121, 122, 125):
        controls.tempo.setValue(qpm)
    assert document.song.qpm == 125
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.song.qpm == 120
    assert controls.tempo.value() == 120


def test_time_signature_and_length(controls, document):
    """The signature and length boxes change the song; the boxes follow undo."""
    controls.numerator.setValue(3)
    assert str(document.song.time_signature) == "3/4"
    controls.length.setValue(16)
    assert document.length_bars == 16
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert str(document.song.time_signature) == "4/4"
    assert controls.numerator.value() == 4
    assert controls.length.value() == 8
