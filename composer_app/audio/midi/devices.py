"""The small interface the app uses for MIDI ports, whatever system provides them.

`rtmidi_devices.system_devices()` gives the machine's ports (mido with python-rtmidi: the ALSA sequencer on Linux, CoreMIDI on
macOS, Windows MultiMedia), or, where there is no MIDI system (a server, CI), a stand-in that lists nothing and
says why. Tests use `loopback.LoopbackDevices`, which connects outputs to inputs in memory.

Input callbacks run on the MIDI system's own thread: a receiver must hand messages over, never touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from composer_app.audio.errors import AudioError
from composer_app.said import said

APP_PORT_NAME = "Composer"  # the virtual ports a DAW on the same machine sees


class MidiError(AudioError):
    """A MIDI port could not be opened or used."""

    hint = said("Check that the device is connected and not in use by another program, or choose another port.")


MessageCallback = Callable[[object], None]  # receives a mido.Message


class InputPort(Protocol):
    name: str

    def close(self) -> None: ...


class OutputPort(Protocol):
    name: str

    def send(self, message) -> None: ...

    def close(self) -> None: ...


class MidiDevices(Protocol):
    """The ports a MIDI system offers. `unavailable_reason` is empty when it works."""

    unavailable_reason: str

    def input_names(self) -> list[str]: ...

    def output_names(self) -> list[str]: ...

    def open_input(self, name: str, callback: MessageCallback) -> InputPort: ...

    def open_output(self, name: str) -> OutputPort: ...

    def open_virtual_input(self, name: str, callback: MessageCallback) -> InputPort: ...

    def open_virtual_output(self, name: str) -> OutputPort: ...


class NoMidiDevices:
    """No MIDI system on this machine: no ports, and the reason in words."""

    def __init__(self, reason: str):
        self.unavailable_reason = reason

    def input_names(self) -> list[str]:
        return []

    def output_names(self) -> list[str]:
        return []

    def _refuse(self, *_args) -> None:
        raise MidiError(said("MIDI is not available on this machine: {reason}").format(reason=self.unavailable_reason))

    open_input = open_output = open_virtual_input = open_virtual_output = _refuse

