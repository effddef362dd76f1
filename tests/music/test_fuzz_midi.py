"""Structure-aware fuzzing of the MIDI reader: every mutated file loads or raises MusicFileError, never else or hangs.

Two real small files (one written by the app's exporter, one hand-made with running status, sysex and meta text)
are split into header fields, chunks and events; each case mutates chunk lengths, header fields, delta times,
status bytes, meta values and event lists, then reassembles the bytes (usually with honest chunk lengths, so the
damage reaches the event parser, pretty_midi and the song limits).
"""

from __future__ import annotations

import collections
import random
import struct

from composer_app.music.errors import MusicFileError
from composer_app.music.io import read_song
from composer_app.music.midi_io import midi_bytes, read_midi
from composer_app.music.song import PPQ, ChordSymbol, Note, Song, TempoChange, TimeSignature, Track, drum_track
from composer_app.music.summary import format_summary, summarize
from tests.fuzzing import load_or_own_error
from tests.music.smf_bytes import meta, note_off, note_on, smf, sysex, tempo, time_signature, track, varlen

CASES = 2000
SEED = 20_251_212
CASE_LIMIT_S = 15  # a hang guard, not a speed check: on a busy 2-core machine music21 takes seconds on odd cases


def _exported() -> bytes:
    song = Song(
        tracks=(Track("Lead", 73, notes=(Note(0, 60, PPQ), Note(PPQ, 64, PPQ // 2, 70), Note(PPQ, 67, PPQ))),
                drum_track(notes=(Note(0, 36, 120), Note(PPQ, 38, 120)))),
        tempos=(TempoChange(0, 96.0), TempoChange(4 * PPQ, 132.0)),
        time_signatures=(TimeSignature(0, 3, 4), TimeSignature(3 * PPQ, 4, 4)),
        chords=(ChordSymbol(0, "C"), ChordSymbol(3 * PPQ, "G7")), title="Fuzz")
    return midi_bytes(song)


def _hand_made() -> bytes:
    running = b"\x60\x3e\x50" + b"\x60\x3e\x00"  # two note events under running status
    return smf(track(meta(0x03, b"Conductor"), tempo(400_000), time_signature(6, 3)),
               track(sysex(b"\x7e\x7f\x09\x01"), note_on(60), running, meta(0x01, b"lyric"),
                     note_on(60, 0, delta=200), note_on(64, delta=10, channel=1), note_off(64, delta=300, channel=1)),
               fmt=1, division=96)


def _split(data: bytes):
    """(header fields, tracks as lists of [delta, status, body] events) of a sound file."""
    fmt, ntracks, division = struct.unpack(">HHH", data[8:14])
    pos, tracks = 14, []
    while pos < len(data):
        size = struct.unpack(">I", data[pos + 4:pos + 8])[0]
        body, pos = data[pos + 8:pos + 8 + size], pos + 8 + size
        events, i, status = [], 0, None
        while i < len(body):
            start = i
            while body[i] & 0x80:
                i += 1
            delta, i = body[start:i + 1], i + 1
            explicit = body[i] >= 0x80
            kind = body[i] if explicit else status
            if explicit:
                i += 1
                status = status if kind == 0xFF else kind  # meta events keep the running status, as in mido
            head = i
            if kind == 0xFF:
                i += 1
            if kind in (0xFF, 0xF0):
                length = 0
                while body[i] & 0x80:
                    length, i = (length << 7) | (body[i] & 0x7F), i + 1
                length, i = (length << 7) | body[i], i + 1
                i += length
            else:
                i += 1 if kind >> 4 in (0xC, 0xD) else 2
            events.append([delta, bytes([kind]) if explicit else b"", body[head:i]])
        tracks.append(events)
    return [fmt, ntracks, division, 6], tracks


SOURCES = [_split(_exported()), _split(_hand_made())]


def _event_mutation(rng: random.Random, events: list, kinds: collections.Counter) -> None:
    if not events:
        events.append([b"\x00", b"\x90", b"\x3c\x40"])
    i = rng.randrange(len(events))
    event = events[i]
    kind = rng.choice(["delta", "status", "data", "meta", "meta length", "insert", "delete", "duplicate",
                       "flood", "swap", "notes"])
    kinds[kind] += 1
    if kind == "delta":
        event[0] = rng.choice([varlen(rng.choice([0, 1, 127, 128, 2**21, 2**28 - 1, rng.randrange(2**28)])),
                               b"\x80" * rng.randint(4, 8) + b"\x00", b"\xff" * rng.randint(1, 5000), b"\x81"])
    elif kind == "status":
        event[1] = rng.choice([b"", bytes([rng.randrange(256)]), bytes([rng.choice([0xF4, 0xF5, 0xF9, 0xFD])])])
    elif kind == "data":
        event[2] = bytes(rng.randrange(256) for _ in range(rng.randint(0, 4)))
    elif kind == "meta":
        meta_type = rng.choice([0x51, 0x58, 0x59, 0x2F, 0x03, 0x01, 0x7F, rng.randrange(256)])
        payload = bytes(rng.choice([0, 1, 255, rng.randrange(256)]) for _ in range(rng.choice([0, 1, 2, 3, 4, 5])))
        event[1], event[2] = b"\xff", bytes([meta_type]) + varlen(len(payload)) + payload
    elif kind == "meta length":
        event[1] = b"\xff"
        event[2] = bytes([rng.randrange(128)]) + varlen(rng.choice([0, 3, 200, 2**20, 2**28 - 1])) + b"\x00\x01\x02"
    elif kind == "insert":
        length = rng.choice([0, 1, 5, 1000, 2**21])
        extra = rng.choice([[b"\x00", b"\xf0", varlen(length) + b"\x01\x02\x7f"], [b"\x00", b"\xf7", b"\x03\x01\x02"],
                            [varlen(rng.randrange(1 << 14)), b"\xff", b"\x51\x03" + bytes(3)],
                            [b"\x00", bytes([0x80 | rng.randrange(0x80)]), bytes([rng.randrange(128)] * 2)]])
        events.insert(i, extra)
    elif kind == "delete":
        del events[i]
    elif kind == "duplicate":
        events[i:i] = [list(event) for _ in range(rng.randint(1, 50))]
    elif kind == "flood":  # rarely past the event limit, usually far below it
        count = rng.choice([100, 1000, 5000] * 20 + [600_000])
        events[i:i] = [[b"\x00", b"\x90", b"\x3c\x40"], [b"\x01", b"\x80", b"\x3c\x00"]] * (count // 2)
    elif kind == "swap":
        j = rng.randrange(len(events))
        events[i], events[j] = events[j], events[i]
    else:  # overlapping, duplicate, zero-length notes and note-offs without note-ons
        pitch = rng.choice([60, 64, rng.randrange(128)])
        events[i:i] = [[varlen(rng.choice([0, 0, 1, 480])), bytes([rng.choice([0x80, 0x90, 0x99])]),
                        bytes([pitch, rng.choice([0, 1, 100, 127])])] for _ in range(rng.randint(1, 6))]


def _header_mutation(rng: random.Random, header: list, kinds: collections.Counter) -> None:
    field = rng.randrange(4)
    kinds[f"header {['format', 'tracks', 'division', 'length'][field]}"] += 1
    header[field] = rng.choice([[0, 1, 2, 3, 0xFFFF], [0, 1, 2, 3, 257, 0x7FFF, 0xFFFF],
                                [0, 1, 96, 0x7FFF, 0x8000, 0xE728, 0xFFFF], [0, 4, 5, 8, 64, 0xFFFFFFF0]][field])


def _assemble(header: list, tracks: list) -> bytes:
    fmt, ntracks, division, length = header
    fields = struct.pack(">HHH", fmt, ntracks, division)
    out = [b"MThd", struct.pack(">I", length), (fields + bytes(max(0, min(length, 64) - 6)))[:length]]
    for events in tracks:
        body = b"".join(b"".join(e) for e in events)
        out += [b"MTrk", struct.pack(">I", len(body)), body]
    return b"".join(out)


def _byte_mutation(rng: random.Random, data: bytes, kinds: collections.Counter) -> bytes:
    kind = rng.choice(["chunk length", "truncate", "junk chunk", "trailing junk"])
    kinds[kind] += 1
    buf = bytearray(data)
    if kind == "chunk length":
        starts = [i for i in range(len(buf) - 3) if buf[i:i + 4] == b"MTrk"]
        if starts:
            at = rng.choice(starts) + 4
            size = struct.unpack(">I", buf[at:at + 4])[0]
            new = rng.choice([0, max(0, size - 1), size + 1, size * 2, 0xFFFFFFFF, rng.randrange(1 << 32)])
            buf[at:at + 4] = struct.pack(">I", new)
    elif kind == "truncate":
        del buf[rng.randrange(1, len(buf)):]
    elif kind == "junk chunk":
        at = buf.find(b"MTrk")
        junk = b"XFIH" + struct.pack(">I", 3) + b"abc"
        buf[at:at] = junk if at >= 0 else b""
    else:
        buf += bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(buf)


def _case(rng: random.Random, kinds: collections.Counter) -> bytes:
    header, tracks = rng.choice(SOURCES)
    header, tracks = list(header), [[list(e) for e in events] for events in tracks]
    for _ in range(rng.choice([1, 1, 2, 3])):
        roll = rng.random()
        if roll < 0.75:
            _event_mutation(rng, rng.choice(tracks), kinds)
        elif roll < 0.9:
            _header_mutation(rng, header, kinds)
        else:
            tracks.append([[b"\x00", b"\x90", b"\x3c\x40"], [b"\x10", b"\x80", b"\x3c\x00"]])
            kinds["extra track"] += 1
    data = _assemble(header, tracks)
    return _byte_mutation(rng, data, kinds) if rng.random() < 0.2 else data


def test_fuzzed_midi_files_load_or_raise_music_file_error(tmp_path):
    """2,000 structure-aware mutations each give a sound Song (that writes back) or a MusicFileError, within 5 s."""
    rng = random.Random(SEED)
    kinds: collections.Counter = collections.Counter()
    outcomes: collections.Counter = collections.Counter()
    path = tmp_path / "fuzz.mid"
    for case in range(CASES):
        path.write_bytes(_case(rng, kinds))
        song = load_or_own_error(path, case, read_song, MusicFileError, outcomes, CASE_LIMIT_S,
                                 lambda exc: exc.problem.split("(")[0][:30],
                                 lambda song: format_summary(summarize(song)))
        if song is not None:
            back = _read_back(tmp_path / "back.mid", midi_bytes(song))
            assert [t.notes for t in back.tracks] == [t.notes for t in song.tracks], case
    assert outcomes["loaded"] > CASES // 10, outcomes
    assert sum(1 for k in outcomes if k.startswith("error")) >= 15, outcomes  # damage reached many checks
    assert len(kinds) >= 15, kinds


def _read_back(path, data: bytes) -> Song:
    path.write_bytes(data)
    return read_midi(path)
