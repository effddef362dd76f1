"""In-memory MIDI ports: what is sent to an output arrives at the inputs of the same name, at once.

Tests (and a demo without hardware) drive recording, playback routing and the jam through it:

    devices = LoopbackDevices(inputs=["Keyboard"], outputs=["Synth"])
    port = devices.open_input("Keyboard", received.append)
    devices.play("Keyboard", mido.Message("note_on", note=60, velocity=90))
    devices.sent["Synth"]  # everything sent to the output named "Synth"
"""

from __future__ import annotations

import threading
from collections import defaultdict

from composer_app.audio.midi.devices import MessageCallback, MidiError
from composer_app.said import said


class _Input:
    def __init__(self, devices: LoopbackDevices, name: str, callback: MessageCallback):
        self.name, self._devices, self.callback = name, devices, callback

    def close(self) -> None:
        self._devices._close_input(self)


class _Output:
    def __init__(self, devices: LoopbackDevices, name: str):
        self.name, self._devices, self.closed = name, devices, False

    def send(self, message) -> None:
        if self.closed:
            raise MidiError(said("the MIDI output {name} is closed").format(name=self.name))
        self._devices._deliver(self.name, message)

    def close(self) -> None:
        self.closed = True


class LoopbackDevices:
    """Named ports in memory. An output's messages are kept in `sent[name]` and reach open inputs of that name."""

    unavailable_reason = ""

    def __init__(self, inputs: list[str] = (), outputs: list[str] = ()):
        self._inputs, self._outputs = list(inputs), list(outputs)
        self._open: dict[str, list[_Input]] = defaultdict(list)
        self.sent: dict[str, list] = defaultdict(list)
        self._lock = threading.Lock()

    def input_names(self) -> list[str]:
        return list(self._inputs)

    def output_names(self) -> list[str]:
        return list(self._outputs)

    def open_input(self, name: str, callback: MessageCallback) -> _Input:
        if name not in self._inputs:
            raise MidiError(said("there is no MIDI input named {name}").format(name=name))
        port = _Input(self, name, callback)
        with self._lock:
            self._open[name].append(port)
        return port

    def open_output(self, name: str) -> _Output:
        if name not in self._outputs:
            raise MidiError(said("there is no MIDI output named {name}").format(name=name))
        return _Output(self, name)

    def open_virtual_input(self, name: str, callback: MessageCallback) -> _Input:
        self._inputs.append(name)
        return self.open_input(name, callback)

    def open_virtual_output(self, name: str) -> _Output:
        self._outputs.append(name)
        return self.open_output(name)

    def play(self, name: str, message) -> None:
        """A device plays into the input `name` (as a keyboard would)."""
        self._deliver(name, message)

    def _deliver(self, name: str, message) -> None:
        with self._lock:
            self.sent[name].append(message)
            ports = list(self._open.get(name, ()))
        for port in ports:
            port.callback(message)

    def _close_input(self, port: _Input) -> None:
        with self._lock:
            if port in self._open.get(port.name, ()):
                self._open[port.name].remove(port)
