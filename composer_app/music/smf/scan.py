"""A structural check of Standard MIDI File bytes: chunks, events, limits, tempo and metre, walked once.

A file claims what it likes (a delta time of a million bytes, 65,535 tracks, events past their chunk, a tempo of
0), so a damaged file could hang the app or fail with a bare exception. This walks every event once, the way mido
reads them, and raises MusicFileError naming the problem, or hands back the track chunks' bodies (unknown chunks
are skipped, as the SMF spec asks) with each event's tick, status and where its data lies, for smf.events to decode.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from composer_app.music.errors import MusicFileError
from composer_app.music.song import MAX_TICK, MAX_TIME_SIGNATURES, MAX_TRACKS, TimeSignature
from composer_app.said import Said, said

MAX_EVENTS = 500_000  # reading takes some 2 µs an event: a second at most
MAX_PAYLOAD_BYTES = 4 * 1024 * 1024  # meta and sysex data, which mido reads a byte at a time
MAX_SOURCE_TICKS = MAX_TICK  # in the file's own ticks: the limit pretty_midi set when it read files here

# Data bytes after each status byte, as mido reads them; statuses missing here are undefined.
_CHANNEL_DATA = (None,) * 8 + (2, 2, 2, 2, 1, 1, 2)  # by the status's high nibble, 0x8 to 0xE
_SYSTEM_DATA = {0xF1: 1, 0xF2: 2, 0xF3: 1, 0xF6: 0, 0xF8: 0, 0xFA: 0, 0xFB: 0, 0xFC: 0, 0xFE: 0}
META = 0x100  # kinds from META up are meta events: META | the meta type byte
_DELTA_TIME, _SYSEX_LENGTH, _META_LENGTH = said("delta time"), said("sysex length"), said("meta event length")


@dataclass(frozen=True)
class SmfLayout:
    """What the scan found: the file type, its ticks per quarter, its track chunks' bodies and each track's events
    as (tick, kind, start, end). kind is the status byte, or META | type for a meta event; body[start:end] is the
    event's data as mido reads it (a running status's first data byte included)."""

    fmt: int
    division: int
    tracks: tuple[bytes, ...]
    events: tuple[tuple[tuple[int, int, int, int], ...], ...]


def scan_smf(data: bytes, path: Path) -> SmfLayout:
    """Check the file's structure and limits, or raise MusicFileError saying what is wrong."""
    if len(data) < 8 or data[:4] != b"MThd":
        raise MusicFileError(path, said("not a MIDI file (no MThd header)"))
    header_length = struct.unpack(">I", data[4:8])[0]
    if header_length < 6:
        raise MusicFileError(path, said("its header chunk is {length} bytes long; a MIDI header has 6").format(
            length=header_length))
    if 8 + header_length > len(data):
        raise MusicFileError(path, said("the file is cut short inside its header chunk"))
    fmt, announced, division = struct.unpack(">HHh", data[8:14])
    if fmt == 2:
        raise MusicFileError(path, said("type 2 (multi-song) MIDI files are not supported; save it as type 1"))
    if fmt not in (0, 1):
        raise MusicFileError(path, said("unknown MIDI file type {type}").format(type=fmt))
    if division < 0:
        # A negative division means SMPTE frame timing, which songs in bars and beats cannot use.
        raise MusicFileError(path, said(
            "SMPTE (frame-based) timing is not supported; export it with ticks per quarter"))
    if division == 0:
        raise MusicFileError(path, said("its header gives 0 ticks per quarter note; the header is damaged"))
    if announced > MAX_TRACKS:
        raise MusicFileError(path, said(
            "its header announces {count} tracks; this app reads files of up to {limit}").format(
            count=announced, limit=MAX_TRACKS))
    bodies = _track_chunks(data, 8 + header_length, announced, path)
    if not bodies:
        raise MusicFileError(path, said("the file holds no tracks"))
    walk = _EventWalk(path)
    events = tuple(walk.track(body, number) for number, body in enumerate(bodies, 1))
    return SmfLayout(fmt, division, tuple(bodies), events)


def _track_chunks(data: bytes, pos: int, announced: int, path: Path) -> list[bytes]:
    """The bodies of the first `announced` MTrk chunks; anything after them is ignored, as players do."""
    bodies: list[bytes] = []
    while len(bodies) < announced:
        if len(data) - pos < 8:
            raise MusicFileError(path, said(
                "its header announces {count} tracks but only {found} follow; the file is likely cut short").format(
                count=announced, found=len(bodies)))
        name = data[pos:pos + 4]
        size = struct.unpack(">I", data[pos + 4:pos + 8])[0]
        start, end = pos + 8, pos + 8 + size
        if end > len(data):
            what = (said("track {number}").format(number=len(bodies) + 1) if name == b"MTrk" else
                    said("a {name} chunk").format(name=name.decode()) if name.isalpha() else
                    said("the chunk at byte {offset} (a damaged one)").format(offset=pos))
            raise MusicFileError(path, said("{what} is cut short: its chunk announces {size} bytes but {found} follow")
                                 .format(what=what, size=size, found=len(data) - start))
        if name == b"MTrk":
            bodies.append(data[start:end])
        pos = end
    return bodies


class _EventWalk:
    """Walks track chunks event by event, as mido will read them, counting events and payload bytes."""

    def __init__(self, path: Path):
        self.path = path
        self.events = 0
        self.payload = 0
        self.signatures = 0

    def fail(self, problem: Said):
        raise MusicFileError(self.path, problem)

    def track(self, body: bytes, number: int) -> tuple[tuple[int, int, int, int], ...]:
        """Check one track's events and return them, each as (tick, kind, start, end)."""
        i, end, tick, status, events = 0, len(body), 0, None, self.events
        found: list[tuple[int, int, int, int]] = []
        add = found.append
        while i < end:
            byte = body[i]
            if byte < 0x80:  # most delta times fit one byte
                tick += byte
                i += 1
            else:
                delta, i = self._varlen(body, i, number, _DELTA_TIME)
                tick += delta
            if i >= end:
                self.fail(said("an event in track {track} runs past the end of its chunk").format(track=number))
            byte = body[i]
            i += 1
            if byte < 0x80:
                if status is None:
                    self.fail(said("track {track} uses running status before any status byte").format(track=number))
                kind, running = status, 1
            else:
                kind, running = byte, 0
                if kind != 0xFF:  # mido keeps running status across meta events
                    status = kind
            if kind < 0xF0:
                start = i - running
                i = start + _CHANNEL_DATA[kind >> 4]
                add((tick, kind, start, i))
            elif kind == 0xFF:
                kind = META | body[i] if i < end else kind
                start, i = self._meta(body, i, number, tick)
                add((tick, kind, start, i))
            elif kind in (0xF0, 0xF7):
                length, start = self._varlen(body, i, number, _SYSEX_LENGTH)
                self.payload += length
                i = start + length
                add((tick, kind, start, i))
            else:
                count = _SYSTEM_DATA.get(kind)
                if count is None:
                    self.fail(said(
                        "undefined status byte 0x{status:02X} in track {track}").format(status=kind, track=number))
                start = i - running
                # A running status after a status with no data bytes reads one byte as data (mido refuses it)
                # while this walk goes on from that byte: mido's refusal comes first unless the walk fails.
                i += count - running
                add((tick, kind, start, max(i, start + running)))
            if i > end:
                self.fail(said("an event in track {track} runs past the end of its chunk").format(track=number))
            events += 1
            if events > MAX_EVENTS:
                self.fail(said("it holds more than {limit:,} events, more than a song this app can edit").format(
                    limit=MAX_EVENTS))
            if self.payload > MAX_PAYLOAD_BYTES:
                self.fail(said("it holds more than {megabytes} MB of meta and system-exclusive data").format(
                    megabytes=MAX_PAYLOAD_BYTES // 2**20))
            if tick > MAX_SOURCE_TICKS:
                self.fail(said(
                    "too long: track {track} has an event at tick {tick:,}; the file is likely damaged").format(
                    track=number, tick=tick))
        self.events = events
        return tuple(found)

    def _varlen(self, body: bytes, i: int, number: int, what: Said) -> tuple[int, int]:
        value = 0
        for _ in range(4):
            if i >= len(body):
                self.fail(said("an event in track {track} runs past the end of its chunk").format(track=number))
            byte = body[i]
            i += 1
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                return value, i
        self.fail(said("a {what} in track {track} is longer than the 4 bytes a MIDI file allows").format(
            what=what, track=number))

    def _meta(self, body: bytes, i: int, number: int, tick: int) -> tuple[int, int]:
        if i >= len(body):
            self.fail(said("an event in track {track} runs past the end of its chunk").format(track=number))
        kind = body[i]
        length, i = self._varlen(body, i + 1, number, _META_LENGTH)
        data = body[i:i + length]
        self.payload += length
        if kind == 0x51 and len(data) >= 3 and int.from_bytes(data[:3], "big") == 0:
            self.fail(said("a tempo of 0 microseconds per quarter note at tick {tick} of track {track}").format(
                tick=tick, track=number))
        if kind == 0x58 and len(data) >= 2:
            self.signatures += 1
            if self.signatures > MAX_TIME_SIGNATURES:
                self.fail(said("it changes time signature more than {limit:,} times").format(limit=MAX_TIME_SIGNATURES))
            problem = TimeSignature(tick, data[0], 2 ** data[1]).problem
            if problem:
                self.fail(said(
                    "{problem} (at tick {tick} of track {track})").format(problem=problem, tick=tick, track=number))
        return i, i + length
