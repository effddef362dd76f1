"""A machine without an audio output, as PortAudio reports one: the app's real probe runs and finds no device."""

from __future__ import annotations

import sys
import types

# What the app tells the user on such a machine (composer_app.audio.output.probe_output's words).
NO_DEVICE = "no audio output device was found"


class PortAudioError(Exception):
    """sounddevice's error type, as a stand-in raises it."""


def without_output_device(monkeypatch) -> None:
    """Make `import sounddevice` give a PortAudio that has no output device (query_devices fails as it does then)."""
    fake = types.ModuleType("sounddevice")
    fake.PortAudioError = PortAudioError

    def query_devices(device=None, kind=None):
        raise PortAudioError("Error querying device -1")

    fake.query_devices = query_devices
    monkeypatch.setitem(sys.modules, "sounddevice", fake)


def without_sounddevice(monkeypatch) -> None:
    """Make `import sounddevice` fail as it does where the package is not installed."""
    monkeypatch.setitem(sys.modules, "sounddevice", None)
