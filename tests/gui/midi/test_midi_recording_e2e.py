"""Playing a MIDI keyboard into the roll, through the in-memory loopback: the menu, Record (R), one undo step."""

from __future__ import annotations

import mido
import pytest
from PySide6.QtCore import QObject, Signal

from composer_app.audio.midi.devices import NoMidiDevices
from composer_app.audio.midi.loopback import LoopbackDevices
from composer_app.gui.midi.session import attach_midi


@pytest.fixture
def keys(window):
    """The window with a loopback keyboard chosen as its MIDI input, no count-in or clicks."""
    devices = LoopbackDevices(inputs=["Keys"])
    session = attach_midi(window, devices)
    assert session.use_input("Keys")
    session.recorder.count_in = session.recorder.metronome = False
    yield session, devices
    session.close()


def _play(qtbot, devices, pitch: int, hold_ms: int) -> None:
    devices.play("Keys", mido.Message("note_on", note=pitch, velocity=96))
    qtbot.wait(hold_ms)
    devices.play("Keys", mido.Message("note_off", note=pitch))


def test_a_take_lands_in_the_current_track_as_one_undo_step(qtbot, window, keys):
    """R starts, notes played show in the roll as they come, R stops: the track has them; one Undo removes them."""
    session, devices = keys
    doc = window.document
    before = doc.song.tracks[doc.current_track].notes
    session.action_record.trigger()
    assert session.recorder.recording and session.action_record.isChecked()
    devices.play("Keys", mido.Message("note_on", note=60, velocity=96))
    qtbot.waitUntil(lambda: any(n.pitch == 60 for n in window.editor.state.overlay.get(None, ())), timeout=2000)
    qtbot.wait(120)
    devices.play("Keys", mido.Message("note_off", note=60))
    _play(qtbot, devices, 64, 120)
    qtbot.wait(50)
    session.action_record.trigger()
    notes = doc.song.tracks[doc.current_track].notes
    played = [n for n in notes if n not in before]
    assert [n.pitch for n in played] == [60, 64] and all(n.velocity == 96 for n in played)
    assert played[0].start >= window.editor.state.playhead - 10_000 and played[1].start > played[0].start
    assert not window.editor.state.overlay and not session.action_record.isChecked()
    doc.undo_stack.undo()
    assert doc.song.tracks[doc.current_track].notes == before


def test_quantize_snaps_the_take_to_the_grid(qtbot, window, keys):
    """With Quantize on, every recorded start and length is a multiple of the roll's grid."""
    session, devices = keys
    session.recorder.quantize = True
    session.action_record.trigger()
    _play(qtbot, devices, 62, 90)
    qtbot.wait(40)
    _play(qtbot, devices, 65, 60)
    session.action_record.trigger()
    grid = window.editor.state.grid.ticks
    played = [n for n in window.document.song.tracks[window.document.current_track].notes if n.pitch in (62, 65)]
    assert played and all(n.start % grid == 0 and n.duration % grid == 0 for n in played)


def test_an_empty_take_changes_nothing(window, keys):
    """Record then stop without playing: no undo step, the status says so."""
    session, _devices = keys
    steps = window.document.undo_stack.count()
    session.action_record.trigger()
    session.action_record.trigger()
    assert window.document.undo_stack.count() == steps


def test_record_without_an_input_says_what_to_do(window):
    """With no input chosen, R explains instead of recording."""
    session = attach_midi(window, LoopbackDevices(inputs=["Keys"]))
    session.action_record.trigger()
    assert not session.recorder.recording and "MIDI" in window.statusBar().currentMessage()


def test_a_count_in_bar_comes_before_the_take(qtbot, window, keys):
    """With the count-in on, recording begins after one bar of clicks, not at once."""
    session, devices = keys
    session.recorder.count_in = True
    session.action_record.trigger()
    assert session.recorder.recording and session.recorder._take is None
    qtbot.waitUntil(lambda: session.recorder._take is not None, timeout=5000)  # 4 beats at 120 qpm: 2 s
    session.action_record.trigger()


def test_without_a_midi_system_the_menu_says_why(window):
    """The menu lists the reason and no ports; everything else keeps working."""
    session = attach_midi(window, NoMidiDevices("the ALSA sequencer (/dev/snd/seq) cannot be opened"))
    session.menu.aboutToShow.emit()
    texts = [a.text() for a in session.menu.actions()]
    assert any("/dev/snd/seq" in t for t in texts)


class _Signals(QObject):
    state_changed = Signal(str)


class _Player:
    """The little of the audio player that MIDI out follows: its state, position and loop."""

    _Signals = _Signals

    def __init__(self):
        self._signals = self._Signals()
        self.state_changed = self._signals.state_changed
        self.is_playing, self.position, self.loop_enabled, self.is_previewing = False, 0, False, False
        self.core = None
        self.silent = False

    def set_silent(self, silent):
        self.silent = silent


def test_the_song_plays_to_a_chosen_output_with_the_transport(qtbot, window):
    """Choosing an output and pressing play sends the song there, track by track; stop silences it."""
    from types import SimpleNamespace

    from composer_app.music.song import PPQ, Note

    doc = window.document
    doc.edit_track(0, doc.song.tracks[0].with_notes((Note(0, 60, PPQ * 8, 90),)), "a long note")
    devices = LoopbackDevices(outputs=["Synth"])
    player = _Player()
    window.audio = SimpleNamespace(player=player)
    session = attach_midi(window, devices)
    assert session.use_output("Synth")
    player.is_playing = True
    player.state_changed.emit("playing")
    qtbot.waitUntil(lambda: any(m.type == "note_on" for m in devices.sent["Synth"]), timeout=3000)
    player.state_changed.emit("stopped")
    sent = devices.sent["Synth"]
    assert sent[-1].type == "control_change" and sent[-1].control == 123 and not session.playback.playing
    assert not player.silent
    session.set_synth_too(False)  # the output instead of the built-in synth
    assert player.silent
    session.use_output("")
    assert not player.silent
    session.close()


def test_the_apps_own_port_is_offered_for_daws(window):
    """The menu offers the app's virtual output; choosing it opens a port named after the app."""
    devices = LoopbackDevices()
    session = attach_midi(window, devices)
    session.menu.aboutToShow.emit()
    texts = [a.text() for a in session.menu.actions()]
    assert any("Composer" in t and "DAW" in t for t in texts)
    from composer_app.gui.midi.session import VIRTUAL

    assert session.use_output(VIRTUAL) and devices.output_names() == ["Composer"]
    session.close()


def test_a_daw_records_into_the_apps_own_input_port(qtbot, window):
    """The menu offers the app's virtual input beside the devices; a DAW playing into it records as a keyboard does."""
    from composer_app.gui.midi.session import VIRTUAL

    devices = LoopbackDevices(inputs=["Keys"])
    session = attach_midi(window, devices)
    session.recorder.count_in = session.recorder.metronome = False
    session.menu.aboutToShow.emit()
    texts = [a.text() for a in session.menu.actions()]
    assert any(t.startswith("Input: Composer") and "DAW" in t for t in texts) and "Input: Keys" in texts
    assert session.use_input(VIRTUAL) and "Composer" in devices.input_names()
    assert "Composer" in window.statusBar().currentMessage()
    session.menu.aboutToShow.emit()  # the open port is the entry checked, not listed again as a device
    inputs = [a for a in session.menu.actions() if a.text().startswith("Input: ")]
    assert len(inputs) == 2 and [a.isChecked() for a in inputs] == [True, False]
    doc = window.document
    before = doc.song.tracks[doc.current_track].notes
    session.action_record.trigger()
    devices.play("Composer", mido.Message("note_on", note=67, velocity=80))
    qtbot.wait(100)
    devices.play("Composer", mido.Message("note_off", note=67))
    qtbot.wait(30)
    session.action_record.trigger()
    played = [n for n in doc.song.tracks[doc.current_track].notes if n not in before]
    assert [(n.pitch, n.velocity) for n in played] == [(67, 80)]
    session.close()
    assert not devices._open["Composer"]  # closing the window closes the port
