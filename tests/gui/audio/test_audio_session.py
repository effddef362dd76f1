"""attach_audio on the real main window: transport bar, Space, playhead, seek, loop, mute, audition and exports."""

from __future__ import annotations

import wave

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu

from composer_app.audio.output import FakeOutput
from composer_app.gui.audio.player import PLAYING
from composer_app.gui.audio.session import attach_audio
from composer_app.music.io import read_song
from composer_app.music.song import PPQ
from tests.audio.no_device import NO_DEVICE, without_output_device
from tests.gui.conftest import sample_song

pytest.importorskip("fluidsynth")


@pytest.fixture
def session(window):
    window.document.load_song(sample_song(), "sample")
    s = attach_audio(window, output=FakeOutput(realtime=True))
    assert s.player.wait_until_prepared(10)
    yield s
    s.player.close()


def test_transport_bar_and_export_actions_are_added(session, window):
    """A Transport tool bar appears, and File gets Export Selection and Export Audio right after Export MIDI."""
    assert session.toolbar.parent() is window
    file_menu = next(m for m in window.action_export.associatedObjects() if isinstance(m, QMenu))
    actions = file_menu.actions()
    at = actions.index(window.action_export)
    assert actions[at + 1:at + 3] == [session.action_export_selection, session.action_export_audio]


def test_space_action_plays_and_the_roll_playhead_follows(qtbot, session, window):
    """The window's Play action starts playback and the roll's playhead moves with the audio clock."""
    window.action_play.trigger()
    assert session.player.state == PLAYING
    qtbot.waitUntil(lambda: window.editor.playhead > PPQ // 4, timeout=5000)
    window.action_play.trigger()
    assert session.player.state != PLAYING


def test_ruler_seek_moves_the_player(qtbot, session, window):
    """A seek requested by the roll's ruler moves the player, and the playhead shows it."""
    window.editor.seek_requested.emit(2 * PPQ)
    assert session.player.position == 2 * PPQ
    assert window.editor.playhead == 2 * PPQ


def test_roll_loop_region_drives_the_player_loop(session, window):
    """Setting and clearing the roll's loop turns the player's loop on over that region, and off."""
    window.editor.state.set_loop(PPQ, 3 * PPQ, enabled=True)
    assert session.player.loop_enabled
    assert session.player.core.loop_span == (PPQ, 3 * PPQ)
    window.editor.state.set_loop_enabled(False)
    assert not session.player.loop_enabled


def test_song_edits_and_mute_reach_the_player(session, window):
    """An edit to the document and a muted track both reach the player's song and mix."""
    doc = window.document
    song = doc.song
    doc.edit_song(song.with_track(0, song.tracks[0].with_notes(song.tracks[0].notes[:2])), "trim")
    assert session.player.core.song.tracks[0].notes == doc.song.tracks[0].notes
    window.track_list.set_look_flag(1, "muted", True)
    assert session.player.core.track_mix(1).mute


def test_touched_notes_are_auditioned(qtbot, session, window, monkeypatch):
    """A key or note the roll reports sounds through the player with the current track's program and kind."""
    heard = []
    monkeypatch.setattr(session.player, "audition", lambda *args: heard.append(args[:4]) or True)
    window.editor.note_preview_requested.emit(64, 90)
    window.document.set_current_track(1)
    window.editor.note_preview_requested.emit(38, 300)
    drums = window.document.song.tracks[1]
    assert heard == [(64, 90, window.document.song.tracks[0].program, False), (38, 127, drums.program, True)]


def test_export_selection_writes_the_selected_notes(qtbot, session, window, monkeypatch, tmp_path):
    """Export Selection as MIDI writes just the selected notes, moved to the bar before the first."""
    track = window.document.song.tracks[0]
    window.editor.state.set_selection(track.notes[1:3])
    target = tmp_path / "part.mid"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "MIDI files (*.mid)"))
    session.action_export_selection.trigger()
    back = read_song(target)
    assert [(n.start, n.pitch) for n in back.tracks[0].notes] == [(PPQ, 62), (2 * PPQ, 64)]


def test_export_audio_renders_a_wav(qtbot, session, window, monkeypatch, tmp_path):
    """Export Audio renders the song to the chosen WAV file."""
    target = tmp_path / "song.wav"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "WAV audio (*.wav)"))
    session.action_export_audio.trigger()
    with wave.open(str(target)) as wav:
        assert wav.getnframes() / wav.getframerate() >= window.document.song.duration_seconds


def test_drag_source_is_the_selection_or_the_song(session, window):
    """The drag handle drops the selected notes when there are some, else the whole song."""
    song, name = session.drag_source()
    assert song is window.document.song
    window.editor.state.set_selection(window.document.song.tracks[0].notes[:1])
    part, name = session.drag_source()
    assert part.note_count == 1 and name == "Melody selection"


def test_without_a_device_the_window_still_works(qtbot, window, monkeypatch):
    """No device: the window opens with play disabled and the reason shown in the transport bar."""
    without_output_device(monkeypatch)
    s = attach_audio(window)
    s.player.wait_until_prepared(10)
    assert not window.action_play.isEnabled()
    assert s.transport.status_label.text() == f"No sound: {NO_DEVICE}"
    s.player.close()


def test_track_headers_drag_out_as_that_tracks_midi(qtbot, session, window, monkeypatch):
    """Dragging a track header's colour swatch starts a MIDI drag of just that track."""
    from PySide6.QtCore import QPoint, Qt

    from composer_app.gui.audio import dragout as audio_dragout

    started = []
    monkeypatch.setattr(audio_dragout, "start_midi_drag", lambda w, song, name: started.append((song, name)))
    swatch = window.track_list.row_widget(1).color_button
    qtbot.mousePress(swatch, Qt.LeftButton, pos=QPoint(3, 3))
    qtbot.mouseMove(swatch, QPoint(40, 20))
    assert len(started) == 1
    song, name = started[0]
    assert name == "Drums" and [t.is_drum for t in song.tracks] == [True]
    assert song.tracks[0].notes == window.document.song.tracks[1].notes


def test_rebuilt_track_headers_can_still_be_dragged(qtbot, session, window, monkeypatch):
    """After the track list rebuilds its rows (a rename), the new headers drag out too, under the new name."""
    from PySide6.QtCore import QPoint, Qt

    from composer_app.gui.audio import dragout as audio_dragout

    started = []
    monkeypatch.setattr(audio_dragout, "start_midi_drag", lambda w, song, name: started.append(name))
    window.track_list.rename(0, "Lead")
    qtbot.waitUntil(lambda: window.track_list.row_widget(0).property("midi_drag_index") == 0, timeout=2000)
    swatch = window.track_list.row_widget(0).color_button
    qtbot.mousePress(swatch, Qt.LeftButton, pos=QPoint(3, 3))
    qtbot.mouseMove(swatch, QPoint(40, 20))
    assert started == ["Lead"]
