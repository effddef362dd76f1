"""MusicVAE in the Generate dock as a user drives it: open or drop a Magenta checkpoint, Sample, Groove,
Interpolate, then Keep, undo and audition, through the same queue and strip as the RNNs."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.generation.musicvae.panel import GROOVE, INTERPOLATE, SAMPLE, VARIATIONS
from composer_app.music.song import Note, Song, Track, drum_track

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared" / "fixtures" / "magenta-vae"
LOCAL = ROOT / "tests" / "models" / "musicvae" / "data" / "magenta"
BAR = 3840
STEP = 240


def fixture(name: str) -> Path:
    """A tiny Magenta-trained checkpoint; a missing one fails (never a quiet skip)."""
    for folder in (LOCAL, SHARED):
        if (folder / name).exists():
            return folder / name
    raise AssertionError(f"fixture {name} is missing from {LOCAL} and {SHARED}")


def _load(qtbot, generation, name: str) -> None:
    panel = generation.vae_panel
    generation.open_checkpoint(str(fixture(name)))
    qtbot.waitUntil(lambda: panel.path is not None and not panel.cancel_button.isEnabled(), timeout=60_000)


def _run(qtbot, generation, tool: str, outputs: int, seed: int = 11) -> list:
    panel = generation.vae_panel
    panel.seed.setValue(int(os.environ.get("VAE_E2E_SEED", seed)))  # a fixed seed: the tiny models' clips repeat
    panel.seed.lock.setChecked(True)
    panel.tool_combo.setCurrentIndex(panel.tool_combo.findData(tool))
    assert panel.tool == tool
    panel.num_outputs.setValue(outputs)
    before = len(generation.strip.sets)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(generation.strip.sets) == before + 1 or "color" in panel.status.styleSheet(),
                    timeout=120_000)
    assert len(generation.strip.sets) == before + 1, panel.status.text()
    return generation.strip.cards


def test_opening_a_checkpoint_lists_it_with_its_config(window, qtbot, generation):
    """A .tar opened from the picker loads in the worker and appears in the picker as its detected config."""
    panel = generation.vae_panel
    assert panel.path is None and not panel.generate_button.isEnabled()
    _load(qtbot, generation, "mel2bar_tiny.tar")
    assert panel.checkpoint_combo.currentText() == "mel2bar_tiny.tar"
    assert panel.config_combo.currentText() == "cat-mel_2bar_small"
    assert "Loaded mel2bar_tiny.tar" in panel.status.text()
    assert panel.generate_button.isEnabled()
    count = panel.tool_combo.count()
    enabled = {panel.tool_combo.itemData(i) for i in range(count) if panel.tool_combo.model().item(i).isEnabled()}
    assert enabled == {SAMPLE, INTERPOLATE, VARIATIONS}


def test_groove_checkpoints_offer_the_variants_they_could_be(window, qtbot, generation):
    """A GrooVAE checkpoint's tensors fit humanize, tap2drum, add hi-hat and 4-bar: the user picks one."""
    panel = generation.vae_panel
    _load(qtbot, generation, "groovae_tap_tiny.tar")
    choices = [panel.config_combo.itemText(i) for i in range(panel.config_combo.count())]
    assert choices[0] == "groovae_2bar_humanize" and "groovae_2bar_tap_fixed_velocity" in choices
    assert panel.config_combo.isEnabled() and panel.tool == GROOVE
    panel.config_combo.setCurrentIndex(choices.index("groovae_2bar_tap_fixed_velocity"))
    panel.config_combo.activated.emit(panel.config_combo.currentIndex())
    assert generation.vae.loaded[panel.path].config.id == "groovae_2bar_tap_fixed_velocity"
    assert "tapped" in panel.tool_help.text()
    assert panel.keep_hits.isHidden() and not panel.settings().keep_hits  # tap2drum is there to change the hits


def test_a_bad_file_gives_one_line_with_a_hint(window, qtbot, generation, tmp_path):
    """A file that is no checkpoint shows the engine's one-line message and its hint; nothing is listed."""
    bad = tmp_path / "broken.tar"
    bad.write_bytes(b"not a tar at all" * 100)
    panel = generation.vae_panel
    generation.open_checkpoint(str(bad))
    qtbot.waitUntil(lambda: not panel.cancel_button.isEnabled(), timeout=30_000)
    text = panel.status.text()
    assert "broken.tar" in text and "\n" not in text and "Traceback" not in text
    assert "color" in panel.status.styleSheet()
    assert panel.path is None


def test_dropping_a_checkpoint_on_the_window_opens_it(window, qtbot, generation):
    """A checkpoint dropped on the window loads into the MusicVAE panel instead of being opened as a song."""
    from PySide6.QtCore import QMimeData, QUrl

    path = fixture("drums2bar_tiny.tar")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert window._is_checkpoint(path)
    window.handle_dropped_files([path], False)
    qtbot.waitUntil(lambda: generation.vae_panel.path == str(path), timeout=60_000)
    assert generation.vae_panel.config_combo.currentText() == "cat-drums_2bar_small"
    assert window.document.song.tracks[0].name  # the song was not replaced


def test_sample_melody_clips_keep_at_the_playhead(window, qtbot, generation):
    """Sample 3 two-bar clips; Keep the second: its notes land in bars 3-4 of the melody track, undoable."""
    _load(qtbot, generation, "mel2bar_tiny.tar")
    window.document.set_current_track(0)
    window.editor.set_playhead(2 * BAR + 500)
    cards = _run(qtbot, generation, SAMPLE, 3)
    assert len(cards) == 3 and all("T 0.5" in c.view.caption() for c in cards)
    view = next(c.view for c in cards if c.view.new_notes)
    assert all(n.start >= 2 * BAR and n.end <= 4 * BAR for n in view.new_notes)
    before = window.document.song.tracks[0].notes
    QTest.mouseClick(cards[view.index].keep_button, Qt.LeftButton)
    after = window.document.song.tracks[0].notes
    assert set(view.new_notes) <= set(after)
    window.document.undo_stack.undo()
    assert window.document.song.tracks[0].notes == before
    assert "cat-mel_2bar_small" in generation.strip.history.currentText()


def test_drum_clips_go_to_the_drum_track_whichever_track_is_selected(window, qtbot, generation):
    """A drum model sampled while the melody track is selected writes its clips to the song's drum track, which
    Keep then shows."""
    window.document.edit_song(Song(tracks=(Track("Melody"), drum_track(name="Drums"))), "two tracks")
    window.document.set_current_track(0)
    _load(qtbot, generation, "drums2bar_tiny.tar")
    cards = _run(qtbot, generation, SAMPLE, 1)
    QTest.mouseClick(cards[0].keep_button, Qt.LeftButton)
    song = window.document.song
    assert song.tracks[1].notes and not song.tracks[0].notes
    assert window.document.current_track == 1  # the roll shows what was kept


def test_sample_without_a_track_of_its_kind_says_what_to_add(window, qtbot, generation):
    """A drum model in a song with no drum track explains itself in the panel."""
    window.document.edit_song(Song(tracks=(Track("Melody"),)), "melody only")
    _load(qtbot, generation, "drums2bar_tiny.tar")
    QTest.mouseClick(generation.vae_panel.generate_button, Qt.LeftButton)
    assert "add one" in generation.vae_panel.status.text()
    assert not generation.strip.sets


def test_sample_trio_keeps_into_three_tracks(window, qtbot, generation):
    """A 16-bar trio clip keeps its melody, bass and drums each into its own track in one undoable edit."""
    _load(qtbot, generation, "hierdec_trio_tiny.tar")
    cards = _run(qtbot, generation, SAMPLE, 2)
    view = cards[0].view
    assert [p.name for p in view.parts] == ["Melody", "Bass", "Drums"]
    tracks_before = len(window.document.song.tracks)
    QTest.mouseClick(cards[0].keep_button, Qt.LeftButton)
    song = window.document.song
    for part in view.parts:
        (track,) = [t for t in song.tracks if t.name == part.name and t.is_drum == part.is_drum]
        assert set(part.notes) <= set(track.notes)
        assert all(n.end <= 16 * BAR for n in part.notes)
    window.document.undo_stack.undo()
    assert len(window.document.song.tracks) == tracks_before


def _quantized_drums(bars: int) -> Track:
    """Kick on beats 1 and 3, snare on 2 and 4, closed hi-hat on every 8th, all at velocity 100, on the grid."""
    notes = []
    for b in range(bars):
        for eighth in range(8):
            t = b * BAR + eighth * 480
            notes.append(Note(t, 42, 120, 100))
            if eighth % 2 == 0:
                notes.append(Note(t, 36 if eighth % 4 == 0 else 38, 120, 100))
    return drum_track("Drums", notes)


def test_groove_the_selected_bars_keeps_micro_timing(window, qtbot, generation):
    """Humanize bars 3-5 of a 6-bar quantized part: they come back off the grid with varied velocities, each hit of
    the part on its own 16th (Keep my hits is on); bars 1-2 and 6 are untouched; undo gives the quantized part
    back."""
    drums = _quantized_drums(6)
    window.document.edit_song(Song(tracks=(Track("Melody"), drums)), "drums")
    window.document.set_current_track(1)
    window.editor.state.set_selection([n for n in drums.notes if 2 * BAR <= n.start < 5 * BAR])
    _load(qtbot, generation, "groovae_humanize_tiny.tar")
    cards = _run(qtbot, generation, GROOVE, 1)
    view = cards[0].view
    assert view.new_notes and all(n.start >= 2 * BAR and n.end <= 5 * BAR for n in view.new_notes)
    off_grid = [n for n in view.new_notes if n.start % STEP]
    assert len(off_grid) > len(view.new_notes) // 3  # micro-timing, not snapped to the 16th grid
    assert len({n.velocity for n in view.new_notes}) > 3
    assert cards[0].view.caption() == "hits kept" and "hits kept" in generation.strip.sets[-1].label
    inside = {(n.start // STEP, n.pitch) for n in drums.notes if 2 * BAR <= n.start < 5 * BAR}
    assert {(round(n.start / STEP), n.pitch) for n in view.new_notes} == inside
    QTest.mouseClick(cards[0].keep_button, Qt.LeftButton)
    after = window.document.song.tracks[1].notes
    outside = [n for n in drums.notes if not 2 * BAR <= n.start < 5 * BAR]
    assert set(outside) <= set(after)
    assert set(after) - set(outside) == set(view.new_notes)
    window.document.undo_stack.undo()
    assert window.document.song.tracks[1].notes == drums.notes


def test_keep_my_hits_off_lets_the_model_choose_the_hits_at_the_temperature(window, qtbot, generation):
    """Unticked, the humanize model decides the hits as in Magenta: clips and temperature count again, and the
    clips' hits differ from the part's."""
    drums = _quantized_drums(4)
    window.document.edit_song(Song(tracks=(Track("Melody"), drums)), "drums")
    window.document.set_current_track(1)
    _load(qtbot, generation, "groovae_humanize_tiny.tar")
    panel = generation.vae_panel
    panel.tool_combo.setCurrentIndex(panel.tool_combo.findData(GROOVE))
    assert panel.keep_hits.isChecked() and not panel.keep_hits.isHidden()
    assert not panel.temperature.isEnabled() and not panel.num_outputs.isEnabled() and not panel.seed.isEnabled()
    panel.keep_hits.setChecked(False)
    assert panel.temperature.isEnabled() and panel.num_outputs.isEnabled()
    panel.temperature.setValue(1.0)
    cards = _run(qtbot, generation, GROOVE, 3)
    played = {(n.start // STEP, n.pitch) for n in drums.notes}
    assert len(cards) == 3
    assert any({(round(n.start / STEP), n.pitch) for n in c.view.new_notes} != played for c in cards)


def test_groove_needs_a_drum_track(window, qtbot, generation):
    """Groove on the melody track says to pick a drum track."""
    _load(qtbot, generation, "groovae_humanize_tiny.tar")
    window.document.set_current_track(0)
    QTest.mouseClick(generation.vae_panel.generate_button, Qt.LeftButton)
    assert "drum track" in generation.vae_panel.status.text()


def test_interpolate_two_tracks_gives_a_row_from_a_to_b(window, qtbot, generation):
    """Clip A (track 1) and clip B (track 2) interpolate in 5 steps: a row of 5 cards from A to B, any kept."""
    a = Track("A", notes=tuple(Note(i * 960, p, 960, 90) for i, p in enumerate((60, 62, 64, 65, 67, 65, 64, 62))))
    b = Track("B", notes=tuple(Note(i * 480, p, 480, 90) for i, p in enumerate((72, 71, 69, 67) * 4)))
    window.document.edit_song(Song(tracks=(a, b, drum_track())), "two clips")
    window.document.set_current_track(0)
    _load(qtbot, generation, "mel2bar_tiny.tar")
    panel = generation.vae_panel
    panel.track_a.setCurrentIndex(0)
    panel.track_b.setCurrentIndex(1)
    cards = _run(qtbot, generation, INTERPOLATE, 5)
    assert [c.view.caption() for c in cards] == [f"A → B, {k} of 5" for k in range(1, 6)]
    assert "Interpolate" in generation.strip.history.currentText()
    scrub = panel.scrub
    assert scrub.isVisibleTo(panel) and scrub.maximum() == 4
    scrub.setValue(3)  # along the path: the fourth clip is shown over the roll (and would play)
    assert set(window.editor.state.overlay[0]) == set(cards[3].view.new_notes)
    view = cards[2].view
    QTest.mouseClick(cards[2].keep_button, Qt.LeftButton)
    assert set(view.new_notes) <= set(window.document.song.tracks[0].notes)


def test_interpolate_needs_music_in_both_clips(window, qtbot, generation):
    """An empty clip B is explained, not a traceback."""
    a = Track("A", notes=(Note(0, 60, 960, 90),))
    window.document.edit_song(Song(tracks=(a, Track("Empty"))), "one clip")
    _load(qtbot, generation, "mel2bar_tiny.tar")
    panel = generation.vae_panel
    panel.tool_combo.setCurrentIndex(panel.tool_combo.findData(INTERPOLATE))
    panel.track_a.setCurrentIndex(0)
    panel.track_b.setCurrentIndex(1)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    assert "Track 2 has no notes" in panel.status.text()
    assert not generation.strip.sets


def test_a_groove_auditions_with_its_micro_timing(window, qtbot, generation):
    """▶ on a groove card plays the song with the grooved notes exactly as generated (off the grid, not snapped)."""
    heard = []

    class Auditioner:
        def candidate(self, song, start_tick=0):
            heard.append((song, start_tick))

    generation.controller.auditioner = Auditioner()
    drums = _quantized_drums(2)
    window.document.edit_song(Song(tracks=(Track("Melody"), drums)), "drums")
    window.document.set_current_track(1)
    _load(qtbot, generation, "groovae_humanize_tiny.tar")
    card = _run(qtbot, generation, GROOVE, 1)[0]
    QTest.mouseClick(card.play_button, Qt.LeftButton)
    (song, start), = heard
    assert start == 0 and set(card.view.new_notes) == set(song.tracks[1].notes)
    assert any(n.start % STEP for n in song.tracks[1].notes)


def test_variations_of_the_clip_at_the_playhead_keep_in_its_place(window, qtbot, generation):
    """Variations of the melody's first two bars: cards captioned with the similarity, one kept over the clip."""
    a = Track("A", notes=tuple(Note(i * 960, p, 960, 90) for i, p in enumerate((60, 62, 64, 65, 67, 65, 64, 62))))
    window.document.edit_song(Song(tracks=(a, drum_track())), "a clip")
    window.document.set_current_track(0)
    window.editor.set_playhead(0)
    _load(qtbot, generation, "mel2bar_tiny.tar")
    panel = generation.vae_panel
    panel.tool_combo.setCurrentIndex(panel.tool_combo.findData(VARIATIONS))
    assert panel.similarity.isVisibleTo(panel) and not panel.track_a.isVisibleTo(panel)
    panel.similarity.setValue(0.6)
    cards = _run(qtbot, generation, VARIATIONS, 3)
    assert len(cards) == 3 and "similarity 0.6" in generation.strip.history.currentText()
    view = next(c.view for c in cards if c.view.new_notes)
    assert all(n.start >= 0 and n.end <= 2 * BAR for n in view.new_notes)
    QTest.mouseClick(cards[view.index].keep_button, Qt.LeftButton)
    assert set(view.new_notes) <= set(window.document.song.tracks[0].notes)


def test_key_lock_steers_sampled_melodies_and_the_project_still_saves(window, qtbot, generation, tmp_path):
    """C major from C4 to C5: every sampled note is in it; the result set's settings save as JSON."""
    import json

    _load(qtbot, generation, "mel2bar_tiny.tar")
    panel = generation.vae_panel
    window.document.set_current_track(0)
    assert panel._key_row.isVisibleTo(panel)
    panel.key_combo.setCurrentIndex(1)  # C
    panel.scale_combo.setCurrentIndex(panel.scale_combo.findData("major"))
    panel.low.setValue(60)
    panel.high.setValue(72)
    cards = _run(qtbot, generation, SAMPLE, 4)
    pitches = {n.pitch for c in cards for n in c.view.new_notes}
    assert pitches <= {60, 62, 64, 65, 67, 69, 71, 72}
    json.dumps(generation.controller.history_json())  # a set in the settings would fail here


def test_interpolate_from_a_file_to_a_track(window, qtbot, generation, tmp_path, monkeypatch):
    """Clip A chosen as "A file…" (a MIDI file's first bars), clip B a track: a row of clips from one to the other."""
    from PySide6.QtWidgets import QFileDialog

    from composer_app.gui.generation.musicvae.clips import CHOOSE_FILE
    from composer_app.music.io import write_song

    path = tmp_path / "clip_a.mid"
    write_song(Song(tracks=(Track("Tune", notes=tuple(Note(i * 960, p, 960, 90) for i, p in
                                                     enumerate((67, 65, 64, 62, 60, 62, 64, 65)))),)), path)
    b = Track("B", notes=tuple(Note(i * 480, p, 480, 90) for i, p in enumerate((72, 71, 69, 67) * 4)))
    window.document.edit_song(Song(tracks=(b,)), "clip B")
    window.document.set_current_track(0)
    _load(qtbot, generation, "mel2bar_tiny.tar")
    panel = generation.vae_panel
    panel.tool_combo.setCurrentIndex(panel.tool_combo.findData(INTERPOLATE))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    panel.track_a.setCurrentIndex(panel.track_a.findData(CHOOSE_FILE))
    panel.track_a.activated.emit(panel.track_a.currentIndex())
    assert panel.track_a.currentText() == "clip_a.mid" and panel.settings().track_a == str(path)
    panel.track_b.setCurrentIndex(0)
    cards = _run(qtbot, generation, INTERPOLATE, 3)
    assert len(cards) == 3


def test_interpolate_between_two_selections_of_one_track(window, qtbot, generation, monkeypatch):
    """Clip A is taken from one selection ("The selected notes' bars"), clip B from another on the same track: the
    interpolation runs from bars 1-2 to bars 5-6, each clip as played there; with nothing selected it is explained."""
    from composer_app.gui.generation.musicvae.clips import CHOOSE_BARS
    from composer_app.models.musicvae import studio

    phrase_a = tuple(Note(i * 960, p, 960, 90) for i, p in enumerate((60, 62, 64, 65, 67, 65, 64, 62)))
    phrase_b = tuple(Note(4 * BAR + i * 480, p, 480, 90) for i, p in enumerate((72, 71, 69, 67) * 4))
    window.document.edit_song(Song(tracks=(Track("Tune", notes=phrase_a + phrase_b),)), "two phrases")
    window.document.set_current_track(0)
    _load(qtbot, generation, "mel2bar_tiny.tar")
    panel = generation.vae_panel
    panel.tool_combo.setCurrentIndex(panel.tool_combo.findData(INTERPOLATE))

    def capture(box, notes) -> None:
        window.editor.state.set_selection(list(notes))
        box.setCurrentIndex(box.findData(CHOOSE_BARS))
        box.activated.emit(box.currentIndex())

    window.editor.state.set_selection([])
    capture(panel.track_b, ())
    assert "Select the notes of the clip first" in panel.status.text() and panel.track_b.currentIndex() == 0
    capture(panel.track_a, phrase_a[:3])
    capture(panel.track_b, phrase_b[5:])
    assert (panel.track_a.currentText(), panel.track_b.currentText()) == ("From bar 1 of Tune", "From bar 5 of Tune")
    made = []
    real = studio.InterpolateRequest
    monkeypatch.setattr(studio, "InterpolateRequest", lambda loaded, a, b, *rest: made.append((a, b)) or real(
        loaded, a, b, *rest))
    window.editor.state.set_selection([])
    cards = _run(qtbot, generation, INTERPOLATE, 3)
    (a, b), = made
    assert len(cards) == 3 and a.tracks[0].notes == phrase_a and b.tracks[0].notes == tuple(
        n.moved(-4 * BAR) for n in phrase_b)
    window.document.edit_track(0, window.document.song.tracks[0], "a change")  # the lists are filled again
    assert panel.track_a.findText("From bar 1 of Tune") >= 0
