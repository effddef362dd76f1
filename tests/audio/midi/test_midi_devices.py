"""The MIDI port layer: the loopback wires outputs to inputs, and a machine without MIDI says so in words."""

from __future__ import annotations

import mido
import pytest

from composer_app.audio.midi.devices import MidiError, NoMidiDevices
from composer_app.audio.midi.loopback import LoopbackDevices
from composer_app.audio.midi.rtmidi_devices import system_devices


def test_the_loopback_delivers_to_open_inputs_and_keeps_what_was_sent():
    """An input of a name receives what a device plays into it, until closed; outputs keep their messages."""
    devices = LoopbackDevices(inputs=["Keys"], outputs=["Synth"])
    got = []
    port = devices.open_input("Keys", got.append)
    devices.play("Keys", mido.Message("note_on", note=60))
    port.close()
    devices.play("Keys", mido.Message("note_on", note=62))
    assert [m.note for m in got] == [60]
    out = devices.open_output("Synth")
    out.send(mido.Message("program_change", program=5))
    assert devices.sent["Synth"][0].program == 5


def test_virtual_ports_appear_in_the_lists():
    """A virtual port (what a DAW connects to) is listed once opened."""
    devices = LoopbackDevices()
    devices.open_virtual_output("Composer")
    devices.open_virtual_input("Composer", lambda m: None)
    assert devices.output_names() == ["Composer"] and devices.input_names() == ["Composer"]


def test_unknown_ports_are_refused_with_a_user_error():
    """Opening a port that is not there is a MidiError (a user's error with a hint), not a crash."""
    devices = LoopbackDevices()
    with pytest.raises(MidiError, match="no MIDI input named Piano") as caught:
        devices.open_input("Piano", print)
    assert caught.value.hint


def test_no_midi_system_lists_nothing_and_explains():
    """Without a MIDI system the devices list nothing, and opening says why."""
    devices = NoMidiDevices("the ALSA sequencer is missing")
    assert devices.input_names() == [] and devices.output_names() == []
    with pytest.raises(MidiError, match="ALSA sequencer is missing"):
        devices.open_output("x")


def test_the_system_devices_work_or_say_why():
    """On this machine either ports can be listed, or the reason names what is missing (no exception)."""
    devices = system_devices()
    if devices.unavailable_reason:
        assert devices.input_names() == [] and len(devices.unavailable_reason) > 10
    else:
        assert isinstance(devices.input_names(), list)
