"""MIDI devices: ports in and out (python-rtmidi through mido, or an in-memory loopback), and recording."""
