"""Polyphony RNN in the Generate dock as a user does it: harmonise a drawn melody (same track or a new one; with
Magenta's bundle and the app's own), Keep and undo, continue a piano part, and the refusals (no bundle, another
family's bundle, drums, nothing to harmonise)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.generation.families.family_panel import NEW_TRACK, SAME_TRACK
from composer_app.gui.generation.history import history_json, restore_sets
from composer_app.models.rnn.timed_jobs import CONTINUE, HARMONISE
from tests.conftest import shared_path
from tests.gui.generation.families_helpers import FIXTURES, draw, recording_auditioner, run_panel

BEAT = 960
MELODY = [(i * BEAT, (i + 1) * BEAT, p) for i, p in enumerate((72, 74, 76, 77, 79, 77, 76, 74))]


def _harmonise(qtbot, generation, bundle, place):
    panel = generation.polyphony
    assert panel.use_bundle(str(bundle))
    panel.mode.setCurrentIndex(panel.mode.findData(HARMONISE))
    panel.place_combo.setCurrentIndex(panel.place_combo.findData(place))
    panel.num_outputs.setValue(2)
    return run_panel(qtbot, generation, panel)


def _check_harmonised(window, qtbot, generation, bundle):
    """Same track: the result is the melody plus voices under it; Keep is one undo step. New track: added beside."""
    player = recording_auditioner(generation)
    draw(window, MELODY)
    doc = window.document
    melody = doc.song.tracks[0].notes
    count = len(doc.song.tracks)  # a new song has a melody and a drum track
    assert [(n.start, n.pitch) for n in melody] == [(s, p) for s, _e, p in MELODY]

    _harmonise(qtbot, generation, bundle, SAME_TRACK)
    views = [card.view for card in generation.strip.cards]
    assert any(v.new_notes for v in views), "the model added no voice in any variation"
    view = max(views, key=lambda v: len(v.new_notes))
    (part,) = view.parts
    assert set(melody) <= set(part.notes) and set(view.new_notes) == set(part.notes) - set(melody)
    for voice in view.new_notes:
        under = [m.pitch for m in melody if m.start <= voice.start < m.end]
        assert under and voice.pitch < min(under), voice
        assert voice.end <= melody[-1].end
    card = next(c for c in generation.strip.cards if c.view is view)
    QTest.mouseClick(card, Qt.LeftButton)
    heard, start = player.previews[-1]
    assert start == 0 and set(part.notes) <= {n for t in heard.tracks for n in t.notes}
    QTest.mouseClick(card.keep_button, Qt.LeftButton)
    assert set(doc.song.tracks[0].notes) == set(part.notes) and len(doc.song.tracks) == count
    doc.undo_stack.undo()
    assert doc.song.tracks[0].notes == melody

    _harmonise(qtbot, generation, bundle, NEW_TRACK)
    view = max((c.view for c in generation.strip.cards[-2:]), key=lambda v: len(v.new_notes))
    restored = restore_sets(history_json(generation.strip.sets))[-1]  # the project keeps where each part goes
    assert restored.candidates[view.index].parts == view.parts
    card = next(c for c in generation.strip.cards if c.view is view)
    QTest.mouseClick(card.keep_button, Qt.LeftButton)
    tracks = doc.song.tracks
    assert len(tracks) == count + 1 and tracks[0].notes == melody
    assert tracks[-1].name.endswith("harmony") and set(tracks[-1].notes) == set(view.new_notes)
    assert tracks[-1].channel not in {t.channel for t in tracks[:-1]}
    doc.undo_stack.undo()
    assert len(doc.song.tracks) == count and doc.song.tracks[0].notes == melody


def test_harmonise_a_drawn_melody_with_magentas_bundle(window, qtbot, generation):
    """Magenta's own polyphony bundle harmonises a drawn melody: voices below it, Keep and undo on both placements."""
    _check_harmonised(window, qtbot, generation, shared_path(*FIXTURES, "polyphony.mag"))


def test_harmonise_a_drawn_melody_with_the_shipped_bundle(window, qtbot, generation):
    """The app's own Polyphony bundle, trained on Bach's chorales, harmonises a drawn melody the same way."""
    from composer_app.models.rnn.bundle import shipped_bundle_path

    _check_harmonised(window, qtbot, generation, shipped_bundle_path("polyphony"))


def test_harmonise_with_a_tiny_bundle_written_here(window, qtbot, generation, improv_bundle):
    """Without shared data: a tiny random-weight polyphony bundle written in a child process goes the same way."""
    _check_harmonised(window, qtbot, generation, improv_bundle("polyphony"))


def test_continue_a_piano_part_after_the_playhead(window, qtbot, generation):
    """Continue: the part before the playhead primes the model, and the new notes start after it in that track."""
    draw(window, MELODY)
    doc = window.document
    window.editor.set_playhead(4 * BEAT)
    panel = generation.polyphony
    assert panel.use_bundle(str(shared_path(*FIXTURES, "polyphony.mag")))
    panel.mode.setCurrentIndex(panel.mode.findData(CONTINUE))
    panel.place_combo.setCurrentIndex(panel.place_combo.findData(SAME_TRACK))
    panel.length_bars.setValue(2)
    panel.temperature.setValue(1.5)
    job = run_panel(qtbot, generation, panel)
    assert job.request.request.total_steps >= 16 + 32  # the part before the playhead, then 2 bars
    views = [c.view for c in generation.strip.cards]
    assert any(v.new_notes for v in views)
    for view in views:
        assert all(4 * BEAT <= n.start < 4 * BEAT + 2 * 4 * BEAT + 240 for n in view.new_notes)
    before = doc.song.tracks[0].notes
    card = max(generation.strip.cards, key=lambda c: len(c.view.new_notes))
    QTest.mouseClick(card.keep_button, Qt.LeftButton)
    after = doc.song.tracks[0].notes
    assert set(card.view.new_notes) <= set(after)
    assert {n for n in before if n.start < 4 * BEAT} <= set(after)
    doc.undo_stack.undo()
    assert doc.song.tracks[0].notes == before


def test_refusals_say_what_to_do(window, qtbot, no_shipped_families, generation, improv_bundle):
    """No bundle (none shipped, none opened), another family's bundle, a drum track and an empty track are each
    explained; nothing is queued."""
    panel = generation.polyphony
    assert "No bundle ships" in panel.bundle_info.text() and "polyphony_rnn.mag" in panel.bundle_info.text()
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    assert "No bundle ships" in panel.status.text() and not generation.strip.sets

    performance = improv_bundle("performance_with_dynamics")
    assert not panel.use_bundle(str(performance))
    assert "Performance tab" in panel.status.text() and panel.bundle is None
    assert generation.panel.use_bundle(str(performance))  # the RNN panel hands it to its own tab
    assert generation.performance.bundle is not None
    assert generation.panel.parentWidget().parentWidget().currentWidget() is generation.performance
    assert not generation.performance.use_bundle(str(improv_bundle("chord_pitches_improv")))
    assert "RNN tab" in generation.performance.status.text()

    assert panel.use_bundle(str(improv_bundle("polyphony")))
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    assert "no melody to harmonise" in panel.status.text()
    drums = next(i for i, t in enumerate(window.document.song.tracks) if t.is_drum)
    window.document.set_current_track(drums)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    assert "not drums" in panel.status.text() and not generation.strip.sets


class _Recent:
    """Settings that remember recent bundles in memory, newest first."""

    def __init__(self):
        self.paths = []

    def recent_bundles(self):
        return list(self.paths)

    def add_recent_bundle(self, path):
        self.paths = [str(path)] + [p for p in self.paths if p != str(path)]


def test_a_bundle_opened_once_is_offered_again(qtbot, improv_bundle):
    """A bundle the user opened is listed (only in its family's panel) the next time, and choosing it loads it."""
    from composer_app.gui.generation.families.performance_panel import PerformancePanel
    from composer_app.gui.generation.families.polyphony_panel import PolyphonyPanel

    recent = _Recent()
    first = PolyphonyPanel(recent)
    qtbot.addWidget(first)
    path = str(improv_bundle("polyphony"))
    assert first.use_bundle(path) and recent.paths == [path]
    again, other = PolyphonyPanel(recent), PerformancePanel(recent)
    qtbot.addWidget(again)
    qtbot.addWidget(other)
    assert again.bundle is None and again.bundle_combo.findData(path) > 0
    assert other.bundle_combo.findData(path) < 0
    again.bundle_combo.activated.emit(again.bundle_combo.findData(path))
    assert again.bundle is not None and again.bundle.config.id == "polyphony"
    assert again.bundle_combo.currentData() == path
