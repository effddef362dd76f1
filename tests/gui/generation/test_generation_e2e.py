"""Generation as a user does it: draw a primer, pick a model, Generate, Keep variation 2, undo/redo, export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.generation.session import attach_generation
from composer_app.music.midi_io import read_midi
from tests.gui.roll_helpers import drag, point
from tests.models.conftest import bundle_path


def _draw(window, qtbot, notes):
    """Draw notes with the mouse: each a drag from its start to its end on its pitch's row."""
    editor = window.editor
    canvas = editor.canvas
    editor.viewport.scroll_to(left_tick=0, top_row=editor.viewport.lanes.row_of(84))
    for start, end, pitch in notes:
        drag(canvas, point(editor, start, pitch), point(editor, end, pitch, x_offset=-3))


def _set_up(panel, config_id="basic_rnn", outputs=2, bars=None):
    """Choose a model with its Magenta-made test bundle and the number (and length) of variations."""
    panel.set_model(config_id)
    assert panel.use_bundle(str(bundle_path(config_id)))
    panel.num_outputs.setValue(outputs)
    if bars is not None:
        panel.length_bars.setValue(bars)


def _generate_and_keep(window, qtbot, generation, config_id, tmp_path, track_index):
    panel = generation.panel
    window.document.set_current_track(track_index)
    panel.set_model(config_id)
    assert panel.use_bundle(str(bundle_path(config_id)))
    panel.num_outputs.setValue(4)
    panel.length_bars.setValue(2)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(generation.strip.sets) == 1, timeout=120_000)
    cards = generation.strip.cards
    assert len(cards) == 4
    before = window.document.song.tracks[track_index].notes
    second = cards[1].view
    assert second.new_notes, "variation 2 should hold new notes"
    QTest.mouseClick(cards[1].keep_button, Qt.LeftButton)
    after = window.document.song.tracks[track_index].notes
    assert set(second.new_notes) <= set(after) and set(before) <= set(after)
    window.document.undo_stack.undo()
    assert window.document.song.tracks[track_index].notes == before
    window.document.undo_stack.redo()
    assert window.document.song.tracks[track_index].notes == after
    out = tmp_path / f"{config_id}.mid"
    assert window.files.export_midi(out)
    exported = read_midi(out)
    is_drum = window.document.song.tracks[track_index].is_drum
    (track,) = [t for t in exported.tracks if t.is_drum == is_drum]  # MIDI files drop empty tracks
    assert track.notes == after
    return second


def test_attention_rnn_from_a_drawn_primer(window, qtbot, generation, tmp_path):
    """A one-bar melody drawn with the mouse continues with attention_rnn; kept, undone, redone, exported."""
    _draw(window, qtbot, [(0, 960, 60), (960, 1920, 62), (1920, 2880, 64), (2880, 3840, 67)])
    primer = window.document.song.tracks[0].notes
    assert [n.pitch for n in primer] == [60, 62, 64, 67]
    kept = _generate_and_keep(window, qtbot, generation, "attention_rnn", tmp_path, 0)
    assert min(n.start for n in kept.new_notes) >= primer[-1].end
    assert "attention" in generation.strip.history.currentText().lower()


def test_drum_kit_from_a_drawn_drum_primer(window, qtbot, generation, tmp_path):
    """A drawn kick/snare bar continues with drum_kit on the drum track."""
    window.document.set_current_track(1)
    _draw(window, qtbot, [(0, 240, 36), (960, 1200, 38), (1920, 2160, 36), (2880, 3120, 38)])
    assert len(window.document.song.tracks[1].notes) == 4
    kept = _generate_and_keep(window, qtbot, generation, "drum_kit", tmp_path, 1)
    assert all(n.start >= 3120 - 240 for n in kept.new_notes)


def test_wrong_track_kind_is_explained(window, qtbot, generation):
    """Asking a drum model to write on the melody track shows a message in the panel, not a traceback."""
    window.document.set_current_track(0)
    generation.panel.set_model("drum_kit")
    QTest.mouseClick(generation.panel.generate_button, Qt.LeftButton)
    assert "drum track" in generation.panel.status.text()
    assert not generation.strip.sets


def test_cancel_stops_quickly(window, qtbot, generation):
    """Cancel returns the panel to idle within the click and no result set appears (its speed: a benchmark)."""
    _draw(window, qtbot, [(0, 960, 60), (960, 1920, 64)])
    panel = generation.panel
    _set_up(panel, outputs=16, bars=64)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.cancel_button.isEnabled(), timeout=5000)
    QTest.mouseClick(panel.cancel_button, Qt.LeftButton)
    assert not panel.cancel_button.isEnabled()
    assert generation.shutdown()
    assert not generation.strip.sets


def test_history_is_saved_in_the_project(window, qtbot, generation, tmp_path):
    """Result sets survive saving and reopening the project, so earlier ideas are never lost."""
    from composer_app.gui.project.project_format import load_project, save_project

    _draw(window, qtbot, [(0, 960, 60), (960, 1920, 64)])
    panel = generation.panel
    _set_up(panel, outputs=2)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(generation.strip.sets) == 1, timeout=120_000)
    assert window.document.is_dirty
    path = save_project(window.document.to_project(), tmp_path / "song.composer")
    window.document.load(load_project(path), path)
    qtbot.waitUntil(lambda: len(generation.strip.sets) == 1)
    restored = generation.strip.sets[0]
    assert "Melody RNN (basic)" in restored.label and len(restored.candidates) == 2
    assert restored.candidates[1].new_notes
    QTest.mouseClick(generation.strip.cards[1].keep_button, Qt.LeftButton)
    assert set(restored.candidates[1].new_notes) <= set(window.document.song.tracks[0].notes)


def test_closing_during_generation(qtbot, tmp_path):
    """Closing the window while a model runs stops the worker: no crash, no thread left behind."""
    from composer_app.gui.shell.main_window import MainWindow

    win = MainWindow()
    win.show()
    qtbot.waitExposed(win)
    session = attach_generation(win)
    _draw(win, qtbot, [(0, 960, 60), (960, 1920, 64)])
    panel = session.panel
    _set_up(panel, outputs=16, bars=64)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Generating" in panel.status.text() or "Loading" in panel.status.text())
    win.document.undo_stack.setClean()
    win.close()
    assert session.shutdown()  # what the app does on quit: cancel and wait for the worker to stop
    win.deleteLater()


def test_regenerate_a_region_keeps_what_follows(window, qtbot, generation):
    """Rewriting bar 2 of a 3-bar melody keeps bars 1 and 3 and marks both seams."""
    from composer_app.music.song import Note

    bar = 3840
    notes = [Note(b * bar + i * 960, 60 + 2 * i + b, 960, 90) for b in range(3) for i in range(4)]
    window.document.edit_track(0, window.document.song.tracks[0].with_notes(notes), "melody")
    middle = [n for n in notes if bar <= n.start < 2 * bar]
    window.editor.state.set_selection(middle)
    panel = generation.panel
    _set_up(panel, outputs=3)
    QTest.mouseClick(panel.regenerate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(generation.strip.sets) == 1, timeout=120_000)
    assert "region" in generation.strip.sets[0].label
    view = generation.strip.cards[0].view
    assert all(bar <= n.start and n.end <= 2 * bar for n in view.new_notes)
    QTest.mouseClick(generation.strip.cards[0].keep_button, Qt.LeftButton)
    after = window.document.song.tracks[0].notes
    outside = [n for n in notes if not (bar <= n.start < 2 * bar)]
    assert set(outside) <= set(after)
    assert set(after) - set(outside) == set(view.new_notes)
    assert window.editor.state.seams == (bar, 2 * bar)


def test_dragging_a_candidate_gives_a_midi_file(window, qtbot, generation, monkeypatch):
    """Pressing and moving on a card drags that variation out: a file URL to a valid SMF of its notes."""
    import mido
    from PySide6.QtCore import QPoint

    from composer_app.gui.audio import dragout

    dragged = []
    monkeypatch.setattr(dragout, "start_midi_drag", lambda widget, song, name: dragged.append((widget, song, name)))
    _draw(window, qtbot, [(0, 960, 60), (960, 1920, 64)])
    panel = generation.panel
    _set_up(panel, outputs=2)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(generation.strip.sets) == 1, timeout=120_000)
    card = generation.strip.cards[1]
    QTest.mousePress(card, Qt.LeftButton, Qt.NoModifier, QPoint(12, 12))
    QTest.mouseMove(card, QPoint(60, 16))
    (widget, song, name), = dragged
    assert widget is card and song is card.view.song
    (url,) = dragout.midi_mime_data(song, name).urls()
    midi = mido.MidiFile(url.toLocalFile())
    pitches = [m.note for t in midi.tracks for m in t if m.type == "note_on"]
    assert pitches == [n.pitch for t in song.tracks for n in t.notes]


def test_the_first_generate_needs_no_warm_up(window, qtbot, generation):
    """The engine runs in the app's own worker thread: the very first Generate gives variations, no process to start."""
    import sys

    _draw(window, qtbot, [(0, 960, 60), (960, 1920, 64)])
    _set_up(generation.panel, outputs=2, bars=1)
    QTest.mouseClick(generation.panel.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(generation.strip.sets) == 1, timeout=30_000)
    assert len(generation.strip.cards) == 2 and "tensorflow" not in sys.modules


def test_an_unreadable_primer_file_is_explained_in_the_panel(window, generation, tmp_path):
    """A primer file that fails to read shows what happened and what to do; nothing is queued, nothing raised."""
    import dataclasses

    from composer_app.gui.generation.model_panel import PRIMER_FILE

    bad = tmp_path / "primer.mid"
    bad.write_bytes(b"MThd\x00\x00\x00\x06garbage")
    generation.panel.set_model("basic_rnn")
    settings = dataclasses.replace(generation.panel.settings(), primer_source=PRIMER_FILE, primer_file=str(bad))
    assert generation.controller.generate(settings) is None
    message = generation.panel.status.text()
    assert "primer.mid" in message and "Check that it is a MIDI" in message
    assert not generation.controller.queue.busy and not generation.strip.sets


def test_a_time_signature_the_model_cannot_use_is_explained(window, generation):
    """7/16 with one_drum (2 steps a quarter) gives no whole bar: the panel says so instead of failing silently."""
    from composer_app.music.song import TimeSignature

    song = window.document.song
    window.document.edit_song(song.replace(time_signatures=(TimeSignature(0, 7, 16),)), "metre")
    window.document.set_current_track(1)
    generation.panel.set_model("one_drum")
    QTest.mouseClick(generation.panel.generate_button, Qt.LeftButton)
    assert "7/16" in generation.panel.status.text() and "time signature" in generation.panel.status.text()
    assert not generation.strip.sets


def _one_melody_result(window, qtbot, generation):
    _draw(window, qtbot, [(0, 960, 60), (960, 1920, 64)])
    _set_up(generation.panel, outputs=2, bars=1)
    QTest.mouseClick(generation.panel.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(generation.strip.sets) == 1, timeout=30_000)
    return generation.strip.cards[0]


def test_keep_after_the_tracks_were_reordered_writes_into_the_melody_track(window, qtbot, generation):
    """Moving the drum track above the melody does not send the variation into the drum track."""
    card = _one_melody_result(window, qtbot, generation)
    drums_before = window.document.song.tracks[1].notes
    window.document.set_current_track(1)
    window.track_list.move_current(-1)
    assert [t.is_drum for t in window.document.song.tracks] == [True, False]
    QTest.mouseClick(card.keep_button, Qt.LeftButton)
    drums, melody = window.document.song.tracks
    assert drums.notes == drums_before and set(card.view.new_notes) <= set(melody.notes)


def test_keep_and_audition_after_the_track_was_deleted_explain_it(window, qtbot, generation):
    """With the variation's track removed, Keep and Audition say so in the panel and change nothing."""
    card = _one_melody_result(window, qtbot, generation)
    window.document.set_current_track(0)
    window.track_list.remove_current()
    before = window.document.song
    QTest.mouseClick(card.keep_button, Qt.LeftButton)
    assert "was removed or changed" in generation.panel.status.text()
    generation.controller.auditioner = object()  # audition must stop before reaching the audio side
    generation.controller.audition(card.view)
    assert window.document.song == before and "was removed or changed" in generation.panel.status.text()


def test_ctrl_g_before_the_panel_is_plugged_in_is_not_lost(window, qtbot):
    """Pressed in the window's first frames, Ctrl+G says it waits, then generates once the panel arrives."""
    from composer_app.gui.shell.app import attach_features

    window.show()
    qtbot.waitExposed(window)
    QTest.keyClick(window, Qt.Key_G, Qt.ControlModifier)
    assert window.generate_pending and "generating as soon as" in window.statusBar().currentMessage()
    attach_features(window)
    try:
        qtbot.waitUntil(lambda: len(window.generation.strip.sets) == 1, timeout=30_000)
        assert not window.generate_pending
    finally:
        assert window.generation.shutdown()
