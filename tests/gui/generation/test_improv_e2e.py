"""Improv RNN as a user does it: type chords in the lane, generate a melody over them, keep it, hear the chords on
their own (mutable) track, and regenerate a region over the same chords."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from composer_app.music.chord_timeline import voicing

BAR = 3840
PROGRESSION = ("C", "Am", "F", "G7")


def _type_chords(window, figures):
    """Double-click the lane on each bar's first beat and type its chord."""
    editor = window.editor
    editor.viewport.scroll_to(left_tick=0)
    lane = editor.chord_lane
    for bar, figure in enumerate(figures):
        x = round(editor.viewport.tick_to_x(bar * BAR)) + 10
        QTest.mouseDClick(lane, Qt.LeftButton, Qt.NoModifier, QPoint(x, lane.height() // 2))
        QTest.keyClicks(lane.field, figure)
        QTest.keyClick(lane.field, Qt.Key_Return)


def _expected(origin: int, steps: int) -> tuple[str, ...]:
    """The progression's chord at every 16th-note step from origin (the last chord lasts on)."""
    return tuple(PROGRESSION[min(len(PROGRESSION) - 1, (origin + s * 240) // BAR)] for s in range(steps))


def _generate(qtbot, generation, region: bool = False):
    """Click Generate (or Regenerate region) and wait for the variations; returns the job's request."""
    queued = []
    generation.controller.queue.job_queued.connect(queued.append)
    sets = len(generation.strip.sets)
    button = generation.panel.regenerate_button if region else generation.panel.generate_button
    QTest.mouseClick(button, Qt.LeftButton)
    assert queued, generation.panel.status.text()
    qtbot.waitUntil(lambda: len(generation.strip.sets) == sets + 1, timeout=120_000)
    return queued[-1].request


def test_a_melody_over_typed_chords_kept_and_heard(window, qtbot, generation, improv_bundle):
    """Empty lane: a clear message. Four typed chords drive a 4-bar melody, step by step; the kept melody lies in
    those bars; the chords play on a Chords track that mutes; a regenerated region keeps the chords."""
    panel = generation.panel
    assert panel.use_bundle(str(improv_bundle()))
    assert panel.model_combo.currentData() == "chord_pitches_improv"
    panel.num_outputs.setValue(2)
    panel.length_bars.setValue(4)

    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    assert "chord lane is empty" in panel.status.text() and not generation.strip.sets

    _type_chords(window, PROGRESSION)
    song = window.document.song
    assert [(c.tick, c.figure) for c in song.chords] == [(i * BAR, f) for i, f in enumerate(PROGRESSION)]

    request = _generate(qtbot, generation)
    # An empty track primes with one silent step at bar 1, so the 64 new steps start one step later.
    assert request.config_id == "chord_pitches_improv" and request.total_steps == len(request.primer) + 64
    assert request.chords == _expected(0, request.total_steps)
    card = generation.strip.cards[0]
    assert card.view.new_notes
    QTest.mouseClick(card.keep_button, Qt.LeftButton)
    melody = window.document.song.tracks[0].notes
    assert set(card.view.new_notes) <= set(melody)
    assert all(0 <= n.start < 4 * BAR for n in melody)

    window.editor.chords_button.play_action.trigger()
    tracks = window.document.song.tracks
    chords_index = len(tracks) - 1
    assert tracks[chords_index].name == "Chords"
    assert {n.pitch for n in tracks[chords_index].notes if n.start == BAR} == set(voicing("Am"))
    assert chords_index in window.document.audible_tracks()
    look = window.document.looks[chords_index]
    window.document.edit_look(chords_index, look.__class__(look.color, muted=True), "Mute")
    assert chords_index not in window.document.audible_tracks()

    window.editor.state.set_loop(BAR, 3 * BAR, True)
    again = _generate(qtbot, generation, region=True)
    chords_after = [(c.tick, c.figure) for c in window.document.song.chords]
    assert chords_after == [(i * BAR, f) for i, f in enumerate(PROGRESSION)]
    assert again.total_steps == 3 * 16  # bar 1 as the primer, bars 2-3 rewritten
    assert again.chords == _expected(0, again.total_steps)


def test_changing_a_chord_updates_the_chords_track_in_the_same_undo_step(window):
    """With the Chords track playing, editing a chord re-renders it; one undo puts chord and notes back."""
    _type_chords(window, ("C", "F"))
    window.editor.chord_lane.play_on_track()
    doc = window.document
    index = len(doc.song.tracks) - 1
    before = doc.song.tracks[index].notes
    window.editor.chord_lane.edits.set_chord(BAR, "Dm")
    assert {n.pitch for n in doc.song.tracks[index].notes if n.start == BAR} == set(voicing("Dm"))
    doc.undo_stack.undo()
    assert doc.song.tracks[index].notes == before and doc.song.chords[1].figure == "F"


def test_only_notes_of_the_chord_reaches_the_request_and_the_melody(window, qtbot, generation, improv_bundle):
    """With "Only notes of the chord" ticked, the request steers to chord tones and every new note is one."""
    from composer_app.models.rnn.steering import chord_pitch_classes

    panel = generation.panel
    assert panel.use_bundle(str(improv_bundle()))
    assert panel.chord_tones.isEnabled()
    panel.chord_tones.setChecked(True)
    panel.temperature.setValue(2.0)
    panel.length_bars.setValue(4)
    _type_chords(window, PROGRESSION)
    request = _generate(qtbot, generation)
    assert request.steering is not None and request.steering.chord_tones
    notes = [n for card in generation.strip.cards for n in card.view.new_notes]
    assert notes and all(n.pitch % 12 in chord_pitch_classes(PROGRESSION[min(3, n.start // BAR)]) for n in notes)
    panel.set_model("basic_rnn")
    assert not panel.chord_tones.isEnabled() and not panel.settings().chord_tones


def test_a_chord_the_model_cannot_encode_is_refused_before_queueing(window, generation, improv_bundle):
    """basic_improv takes triads only: Csus4 in the lane is named in the panel and nothing is queued."""
    panel = generation.panel
    assert panel.use_bundle(str(improv_bundle("basic_improv")))
    _type_chords(window, ("C", "Csus4"))
    queued = []
    generation.controller.queue.job_queued.connect(queued.append)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    assert not queued and "Csus4" in panel.status.text()
