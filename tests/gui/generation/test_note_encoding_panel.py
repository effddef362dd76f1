"""The Performance tab with Magenta's note-encoding bundle: it continues the track with notes of their own length
and loudness, and asked to start from silence it says why it cannot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.generation.families.family_panel import SAME_TRACK
from composer_app.models.rnn.timed_jobs import CONTINUE, FROM_SILENCE
from tests.conftest import ROOT
from tests.gui.generation.families_helpers import draw, run_panel

BUNDLE = ROOT / "tests" / "models" / "rnn" / "data" / "performance_with_dynamics_and_note_encoding.mag"


def test_note_encoding_continues_the_track(window, qtbot, generation):
    """Continuing six drawn notes: the new notes start after the playhead, within the length asked for; the
    piano's rules are off (whole notes have nothing to lift or release)."""
    draw(window, [(i * 480, (i + 1) * 480, 60 + 2 * i) for i in range(6)])
    window.editor.set_playhead(6 * 480)
    panel = generation.performance
    assert panel.use_bundle(str(BUNDLE))
    assert not panel.piano_rules.isEnabled()
    panel.start.setCurrentIndex(panel.start.findData(CONTINUE))
    panel.place_combo.setCurrentIndex(panel.place_combo.findData(SAME_TRACK))
    panel.seconds.setValue(3.0)
    panel.num_outputs.setValue(1)
    run_panel(qtbot, generation, panel)
    seam = 6 * 480
    notes = generation.strip.cards[0].view.new_notes
    assert notes and all(seam <= n.start < seam + window.document.song.seconds_to_tick(3.0) for n in notes)


def test_note_encoding_from_silence_is_refused_with_the_reason(window, generation):
    """From silence: no job, and the panel says the note encoding needs a primer with notes."""
    panel = generation.performance
    assert panel.use_bundle(str(BUNDLE))
    panel.start.setCurrentIndex(panel.start.findData(FROM_SILENCE))
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    assert "needs a primer with notes" in panel.status.text() and not generation.strip.sets
