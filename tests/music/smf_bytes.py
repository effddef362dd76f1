"""Standard MIDI File bytes built by hand, so tests can craft exactly the damage a real file might carry."""

from __future__ import annotations

import struct

from composer_app.music.smf.writer import variable_int as varlen


def header(fmt: int = 1, ntracks: int = 1, division: int = 480, length: int = 6) -> bytes:
    """An MThd chunk; a length other than 6 pads (or cuts) the fields to that many bytes."""
    fields = struct.pack(">HHH", fmt, ntracks, division)
    body = (fields + bytes(max(0, length - 6)))[:length]
    return b"MThd" + struct.pack(">I", length) + body


def chunk(name: bytes, body: bytes, length: int | None = None) -> bytes:
    """A chunk with its declared length (the real one unless `length` says otherwise)."""
    return name + struct.pack(">I", len(body) if length is None else length) + body


def track(*events: bytes, end: bool = True, length: int | None = None) -> bytes:
    """An MTrk chunk of events, closed with end-of-track unless end=False."""
    body = b"".join(events) + (END if end else b"")
    return chunk(b"MTrk", body, length)


def smf(*tracks: bytes, fmt: int = 1, division: int = 480, ntracks: int | None = None) -> bytes:
    return header(fmt, len(tracks) if ntracks is None else ntracks, division) + b"".join(tracks)


def note_on(pitch: int, velocity: int = 100, delta: int = 0, channel: int = 0) -> bytes:
    return varlen(delta) + bytes([0x90 | channel, pitch, velocity])


def note_off(pitch: int, delta: int = 0, channel: int = 0) -> bytes:
    return varlen(delta) + bytes([0x80 | channel, pitch, 0])


def meta(kind: int, data: bytes, delta: int = 0) -> bytes:
    return varlen(delta) + bytes([0xFF, kind]) + varlen(len(data)) + data


def tempo(micros: int, delta: int = 0) -> bytes:
    return meta(0x51, micros.to_bytes(3, "big"), delta)


def time_signature(numerator: int, denominator_power: int, delta: int = 0) -> bytes:
    return meta(0x58, bytes([numerator, denominator_power, 24, 8]), delta)


def sysex(data: bytes, delta: int = 0) -> bytes:
    return varlen(delta) + b"\xf0" + varlen(len(data) + 1) + data + b"\xf7"


END = meta(0x2F, b"")


def simple_song(*extra_conductor: bytes, pitch: int = 60) -> bytes:
    """A two-track file: a conductor track (with `extra_conductor` events first) and one quarter note."""
    return smf(track(*extra_conductor), track(note_on(pitch), note_off(pitch, delta=480)))
