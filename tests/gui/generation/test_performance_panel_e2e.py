"""Performance RNN in the Generate dock as a user does it: 30 seconds of expressive piano steered by density and a
key's pitch classes, off the grid with varying velocities, heard through the player, kept and undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.generation.families.family_panel import NEW_TRACK, SAME_TRACK
from composer_app.gui.generation.families.histogram_field import key_histogram
from composer_app.models.rnn.timed_jobs import CONTINUE
from tests.conftest import shared_path
from tests.gui.generation.families_helpers import FIXTURES, draw, recording_auditioner, run_panel

STEP = 240  # a 16th note: Performance RNN's notes should mostly miss this grid


def test_thirty_seconds_steered_by_density_and_key(window, qtbot, generation):
    """Magenta's multiconditioned bundle: the controls reach the request, the notes keep their own timing and
    velocities and (the piano's rules on by default) never strike a pitch still sounding, clicking the card hands
    the player a song with those notes, Keep adds a track and undo removes it."""
    player = recording_auditioner(generation)
    doc = window.document
    panel = generation.performance
    assert panel.use_bundle(str(shared_path(*FIXTURES, "multiconditioned_performance_with_dynamics.mag")))
    assert panel.density.isEnabled() and panel.histogram.isEnabled() and panel.dynamics.isEnabled()
    assert not panel.conditioning.isEnabled()  # only the optional-conditioning config can turn it off
    panel.density.setValue(6)
    panel.histogram.set_key(7, minor=False)  # G major
    panel.seconds.setValue(30.0)
    panel.num_outputs.setValue(1)
    panel.place_combo.setCurrentIndex(panel.place_combo.findData(NEW_TRACK))
    job = run_panel(qtbot, generation, panel)
    request = job.request.request
    assert request.control_values == ((6.0,), (tuple(float(v) for v in key_histogram(7, False)),))
    assert request.total_steps >= 3000 and request.piano_rules

    (card,) = generation.strip.cards
    notes = card.view.new_notes
    assert len(notes) > 30
    end = doc.song.seconds_to_tick(30.0)
    assert all(0 <= n.start < end for n in notes) and max(n.end for n in notes) <= end + 1
    assert sum(n.start % STEP != 0 for n in notes) > len(notes) // 2, "the notes should keep their own timing"
    assert len({n.velocity for n in notes}) >= 4, "the dynamics should vary"
    by_pitch = sorted(notes, key=lambda n: (n.pitch, n.start))
    assert all(a.pitch != b.pitch or b.start >= a.end for a, b in zip(by_pitch, by_pitch[1:]))

    assert window.editor.state.overlay == {0: notes}  # shown over the current track until Keep adds its own
    QTest.mouseClick(card, Qt.LeftButton)
    heard, start = player.previews[-1]
    assert start == 0 and set(notes) <= {n for t in heard.tracks for n in t.notes}

    count = len(doc.song.tracks)
    QTest.mouseClick(card.keep_button, Qt.LeftButton)
    assert len(doc.song.tracks) == count + 1 and set(doc.song.tracks[-1].notes) == set(notes)
    window.editor.update()  # the roll paints the off-grid notes without complaint
    doc.undo_stack.undo()
    assert len(doc.song.tracks) == count


def test_a_density_drawn_over_time_reaches_the_model_as_a_schedule(window, qtbot, generation):
    """Dragging across the density columns draws a curve: the request carries one density per eighth of the
    performance; the slider flattens it again. The piano's rules, turned off, stay off in the request."""
    from PySide6.QtCore import QPoint

    panel = generation.performance
    assert panel.use_bundle(str(shared_path(*FIXTURES, "multiconditioned_performance_with_dynamics.mag")))
    curve = panel.density_curve
    panel.density.setValue(2)
    curve.resize(400, 60)
    high = QPoint(curve.width() - 5, 5)
    QTest.mousePress(curve, Qt.LeftButton, Qt.NoModifier, QPoint(curve.width() // 2 + 5, 5))
    QTest.mouseMove(curve, high)
    QTest.mouseRelease(curve, Qt.LeftButton, Qt.NoModifier, high)
    values = curve.values()
    assert values[:4] == (2, 2, 2, 2) and min(values[4:]) >= 30, values  # the first half stays as the slider set it
    assert "–" in panel.density_label.text()
    panel.seconds.setValue(16.0)
    panel.num_outputs.setValue(1)
    panel.piano_rules.setChecked(False)
    job = run_panel(qtbot, generation, panel)
    assert not job.request.request.piano_rules
    density = job.request.request.control_values[0]
    assert density == tuple(float(v) for v in values)
    assert generation.strip.cards[0].view.new_notes  # (Magenta's tiny test bundle follows its controls only loosely)
    panel.density.setValue(5)
    assert curve.values() == (5,) * 8 and curve.is_flat()


def test_a_tiny_bundle_written_here_continues_the_track(window, qtbot, generation, improv_bundle):
    """Without shared data: a tiny random performance bundle continues the drawn notes after the playhead, on the
    same track; with dynamics off every new note has one velocity; controls it lacks are off."""
    draw(window, [(i * 480, (i + 1) * 480, 60 + 2 * i) for i in range(6)])
    doc = window.document
    window.editor.set_playhead(6 * 480)
    panel = generation.performance
    assert panel.use_bundle(str(improv_bundle("performance_with_dynamics")))
    assert not panel.density.isEnabled() and not panel.histogram.isEnabled()
    assert "not conditioned" in panel.controls_note.text()
    panel.start.setCurrentIndex(panel.start.findData(CONTINUE))
    panel.place_combo.setCurrentIndex(panel.place_combo.findData(SAME_TRACK))
    panel.seconds.setValue(4.5)
    panel.dynamics.setChecked(False)
    panel.num_outputs.setValue(2)
    run_panel(qtbot, generation, panel)
    seam = 6 * 480
    card = max(generation.strip.cards, key=lambda c: len(c.view.new_notes))
    notes = card.view.new_notes
    assert notes and all(seam <= n.start < seam + doc.song.seconds_to_tick(4.5) for n in notes)
    assert {n.velocity for n in notes} == {80}
    before = doc.song.tracks[0].notes
    QTest.mouseClick(card.keep_button, Qt.LeftButton)
    after = doc.song.tracks[0].notes
    assert set(before) <= set(after) and set(notes) <= set(after)
    doc.undo_stack.undo()
    assert doc.song.tracks[0].notes == before


def test_no_bundle_is_explained(window, no_shipped_families, generation):
    """With no shipped bundle installed, before one is opened the panel says none ships and names Magenta's;
    Generate repeats it."""
    panel = generation.performance
    text = panel.bundle_info.text()
    assert "No bundle ships" in text and "performance_with_dynamics.mag" in text
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    assert "No bundle ships" in panel.status.text() and not generation.strip.sets


def test_cancel_stops_a_long_performance(window, qtbot, generation):
    """Cancel during a five-minute performance frees the panel at once and no result arrives."""
    panel = generation.performance
    assert panel.use_bundle(str(shared_path(*FIXTURES, "performance_with_dynamics.mag")))
    panel.seconds.setValue(300.0)
    panel.num_outputs.setValue(4)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    assert panel.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: panel.progress.value() > 0, timeout=30_000)
    QTest.mouseClick(panel.cancel_button, Qt.LeftButton)
    assert not panel.cancel_button.isEnabled() and "Cancelled" in panel.status.text()
    qtbot.waitUntil(lambda: not generation.controller.queue.busy, timeout=30_000)
    qtbot.wait(200)
    assert not generation.strip.sets


def test_a_performance_survives_saving_the_project(window, qtbot, generation, improv_bundle, tmp_path):
    """Saved and reopened, the result set still keeps its performance into a new Piano performance track."""
    from composer_app.gui.project.project_format import load_project, save_project

    panel = generation.performance
    assert panel.use_bundle(str(improv_bundle("performance_with_dynamics")))
    panel.seconds.setValue(3.0)
    panel.num_outputs.setValue(1)
    panel.place_combo.setCurrentIndex(panel.place_combo.findData(NEW_TRACK))
    run_panel(qtbot, generation, panel)
    notes = generation.strip.cards[0].view.new_notes
    assert notes
    doc = window.document
    path = save_project(doc.to_project(), tmp_path / "song.composer")
    doc.load(load_project(path), path)
    qtbot.waitUntil(lambda: len(generation.strip.sets) == 1)
    count = len(doc.song.tracks)
    QTest.mouseClick(generation.strip.cards[0].keep_button, Qt.LeftButton)
    assert len(doc.song.tracks) == count + 1
    assert doc.song.tracks[-1].name == "Piano performance" and set(doc.song.tracks[-1].notes) == set(notes)
