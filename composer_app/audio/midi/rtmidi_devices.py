"""The machine's MIDI ports through mido and python-rtmidi (the ecosystem's standard pair)."""

from __future__ import annotations

import contextlib
import os
import sys

from composer_app.audio.midi.devices import APP_PORT_NAME, MessageCallback, MidiDevices, MidiError, NoMidiDevices
from composer_app.said import said

_BACKEND = "mido.backends.rtmidi"


def probe() -> str:
    """Why there is no MIDI here (empty when there is): no python-rtmidi, or no MIDI system to talk to."""
    try:
        import rtmidi
    except ImportError:
        return said("python-rtmidi is not installed")
    try:
        with _native_stderr_silenced():  # ALSA prints its own complaint to stderr; the reason says it in words
            rtmidi.MidiIn(name=APP_PORT_NAME).delete()
    except OSError as exc:  # rtmidi raises its own SystemError (an OSError) when the OS has no MIDI system
        if sys.platform.startswith("linux"):
            return said("the ALSA sequencer (/dev/snd/seq) cannot be opened ({detail})").format(
                detail=str(exc).split(".")[0])
        return said("the MIDI system cannot be opened ({detail})").format(detail=str(exc).split(".")[0])
    return ""


@contextlib.contextmanager
def _native_stderr_silenced():
    try:
        saved, null = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    except OSError:
        yield
        return
    try:
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


class RtMidiDevices:
    """Ports of the OS's MIDI system. Port names are the OS's; virtual ports carry the app's name."""

    unavailable_reason = ""

    def __init__(self):
        import mido

        self._mido = mido.Backend(_BACKEND, load=True)

    def input_names(self) -> list[str]:
        return list(self._mido.get_input_names())

    def output_names(self) -> list[str]:
        return list(self._mido.get_output_names())

    def open_input(self, name: str, callback: MessageCallback):
        return self._open(lambda: self._mido.open_input(name, callback=callback, client_name=APP_PORT_NAME), name)

    def open_output(self, name: str):
        return self._open(lambda: self._mido.open_output(name, client_name=APP_PORT_NAME), name)

    def open_virtual_input(self, name: str, callback: MessageCallback):
        return self._open(lambda: self._mido.open_input(name, virtual=True, callback=callback,
                                                        client_name=APP_PORT_NAME), name)

    def open_virtual_output(self, name: str):
        return self._open(lambda: self._mido.open_output(name, virtual=True, client_name=APP_PORT_NAME), name)

    @staticmethod
    def _open(opener, name: str):
        try:
            return opener()
        # rtmidi's system errors and mido's unknown port are OSErrors; a virtual port where the MIDI system has
        # none (Windows MultiMedia) is a RuntimeError (NotImplementedError or rtmidi's UnsupportedOperationError).
        except (OSError, RuntimeError) as exc:
            raise MidiError(said("the MIDI port {name} cannot be opened: {detail}").format(
                name=name, detail=str(exc))) from None


def system_devices() -> MidiDevices:
    """The machine's MIDI ports, or a NoMidiDevices saying why there are none."""
    reason = probe()
    return NoMidiDevices(reason) if reason else RtMidiDevices()
