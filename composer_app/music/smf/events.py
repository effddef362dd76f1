"""A Standard MIDI File's notes, programs, names, texts, tempos and metres with absolute ticks, read as mido reads them.

scan.py walks the file once and says where each event's data lies; this decodes the events a song needs and
refuses, with mido's own reason, the events mido refuses (a data byte over 127, a meta event too short for its
type, an unknown key), so a file reads, or fails, exactly as it did through mido.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from composer_app.music.errors import MusicFileError
from composer_app.music.smf.scan import META, scan_smf
from composer_app.said import said

MAX_MESSAGE_LENGTH = 1_000_000  # mido refuses a longer meta or sysex event
_INDEX = "list index out of range"  # what mido's meta decoders raise on data too short for their type
_DATA_BYTE = "data byte must be in range 0..127"
# System messages with no data bytes, which mido refuses when a running status lends them one.
_NO_DATA_NAMES = {0xF6: "tune_request", 0xF8: "clock", 0xFA: "start", 0xFB: "continue", 0xFC: "stop",
                  0xFE: "active_sensing"}
_TEXTS = {0x01: "text", 0x03: "track_name", 0x06: "marker", 0x07: "cue_marker"}
_SET_TEMPO, _TIME_SIGNATURE = 0x51, 0x58
SUSTAIN_CONTROL = 64  # the one controller decoded: Performance RNN's pipeline holds notes while it is down
_MIDO_META_TYPES = frozenset((0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x09, 0x20, 0x21, 0x2F, 0x51, 0x54, 0x58,
                              0x59, 0x7F))


@dataclass(frozen=True)
class SmfEvents:
    """A file's type and ticks per quarter, and per track its events in file order, each a tuple (tick, type, ...)
    with mido's type names: ("note_on" | "note_off", channel, note, velocity),
    ("program_change", channel, program), ("control_change", channel, 64, value) for the sustain pedal alone,
    ("track_name" | "text" | "marker" | "cue_marker", text),
    ("set_tempo", microseconds per quarter), ("time_signature", numerator, denominator). Ticks are counted as
    mido counts them (see _decode_track)."""

    fmt: int
    division: int
    tracks: tuple[tuple[tuple, ...], ...]


# The last file read and its events: opening a MIDI file reads its notes, then its lead-sheet chords.
_last: tuple[bytes, SmfEvents] | None = None


def read_smf_events(data: bytes, path: Path) -> SmfEvents:
    """Scan and decode a file's bytes, or raise MusicFileError saying what is wrong (the scan's problems first)."""
    global _last
    layout = scan_smf(data, path)
    tracks = tuple(_decode_track(body, found, path) for body, found in zip(layout.tracks, layout.events))
    events = SmfEvents(layout.fmt, layout.division, tracks)
    _last = (data, events)
    return events


def reread_smf_events(data: bytes, path: Path) -> SmfEvents:
    """read_smf_events, reusing the events of the last file read when these are its bytes."""
    last = _last
    return last[1] if last is not None and last[0] == data else read_smf_events(data, path)


def _decode_track(body: bytes, found, path: Path) -> tuple[tuple, ...]:
    out = []
    add = out.append
    lost = last = 0
    for file_tick, kind, start, end in found:
        tick = file_tick - lost
        last, delta = file_tick, file_tick - last
        if kind < 0xF0:
            if (body[start] | body[end - 1]) & 0x80:
                _refuse(path, _DATA_BYTE)
            high = kind & 0xF0
            if high == 0x90:
                add((tick, "note_on", kind & 0x0F, body[start], body[start + 1]))
            elif high == 0x80:
                add((tick, "note_off", kind & 0x0F, body[start], body[start + 1]))
            elif high == 0xC0:
                add((tick, "program_change", kind & 0x0F, body[start]))
            elif high == 0xB0 and body[start] == SUSTAIN_CONTROL:
                add((tick, "control_change", kind & 0x0F, SUSTAIN_CONTROL, body[start + 1]))
        elif kind >= META:
            data = body[start:end]
            _check_length(path, len(data))
            meta_type = kind & 0xFF
            problem = _meta_problem(meta_type, data)
            if problem:
                _refuse(path, problem)
            if meta_type not in _MIDO_META_TYPES:
                # mido drops the delta time of a meta event it does not know, so all that follows in the track
                # comes that much earlier; this app's songs have always been read so.
                lost += delta
            elif meta_type in _TEXTS:
                add((tick, _TEXTS[meta_type], data.decode("latin-1")))
            elif meta_type == _SET_TEMPO:
                add((tick, "set_tempo", int.from_bytes(data[:3], "big")))
            elif meta_type == _TIME_SIGNATURE:
                add((tick, "time_signature", data[0], 2 ** data[1]))
        elif kind in (0xF0, 0xF7):
            _check_length(path, end - start)
            data = body[start:end]
            data = data[1:] if data[:1] == b"\xf0" else data
            data = data[:-1] if data[-1:] == b"\xf7" else data
            if max(data, default=0) > 127:
                _refuse(path, _DATA_BYTE)
        elif max(body[start:end], default=0) > 127:
            _refuse(path, _DATA_BYTE)
        elif kind in _NO_DATA_NAMES and end > start:
            _refuse(path, f"wrong number of bytes for {_NO_DATA_NAMES[kind]} message")
    return tuple(out)


def _check_length(path: Path, length: int) -> None:
    if length > MAX_MESSAGE_LENGTH:
        _refuse(path, f"Message length {length} exceeds maximum length {MAX_MESSAGE_LENGTH}")


def _refuse(path: Path, reason: str):
    raise MusicFileError(path, said("corrupt or truncated MIDI data ({reason})").format(reason=reason))


def _meta_problem(meta_type: int, data: bytes) -> str | None:
    """What mido raises decoding this meta event, in the order its decoder reads the bytes, or None."""
    size = len(data)
    if meta_type == 0x00:  # a sequence number: 0 bytes or 2
        return _INDEX if size == 1 else None
    if meta_type == 0x20:  # a channel prefix
        return _INDEX if size == 0 else None
    if meta_type == _SET_TEMPO:
        return _INDEX if size < 3 else None
    if meta_type == 0x54:  # SMPTE offset
        return _smpte_problem(data)
    if meta_type == _TIME_SIGNATURE:
        if size < 2:
            return _INDEX
        if math.log(2 ** data[1], 2) != int(math.log(2 ** data[1], 2)):  # mido's own check
            return "denominator must be a power of 2"
        return _INDEX if size < 4 else None
    if meta_type == 0x59:  # key signature
        if size < 2:
            return _INDEX
        key, mode = data[0] - 256 * (data[0] > 127), data[1]
        if -7 <= key <= 7 and mode in (0, 1):
            return None
        if key < 7:
            return f"Could not decode key with {abs(key)} flats and mode {mode}"
        return f"Could not decode key with {key} sharps and mode {mode}"
    return None


def _smpte_problem(data: bytes) -> str | None:
    if not data:
        return _INDEX
    if data[0] >> 5 > 3:  # mido's frame-rate table has 4 entries: the KeyError names the missing key
        return str(data[0] >> 5)
    for index, high in ((1, 59), (2, 59), (3, 255), (4, 99)):
        if len(data) <= index:
            return _INDEX
        if data[index] > high:
            return f"attribute must be in range 0..{high}"
    return None
