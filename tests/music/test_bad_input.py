"""Bad music files give one MusicFileError naming the file and the problem, quickly, never a crash or a hang."""

from __future__ import annotations

import random
import struct
import time

import mido
import pytest

from composer_app.music.errors import MusicFileError
from composer_app.music.io import read_song
from composer_app.music.midi_io import MAX_TICKS, read_midi
from tests.conftest import shared_path
from tests.music.time_limit import time_limit


def _groove_files(n):
    return sorted(shared_path("datasets", "groove").rglob("*.mid"))[:n]


def _assert_music_error(path, match):
    with time_limit(10, f"reading {path.name}"), pytest.raises(MusicFileError, match=match) as info:
        read_song(path)  # within the 10 s for any bad file; a hang fails the test instead of stalling it
    assert str(path) in str(info.value)


def test_empty_file(tmp_path):
    """An empty .mid says it is empty."""
    p = tmp_path / "empty.mid"
    p.write_bytes(b"")
    _assert_music_error(p, "empty")


def test_not_midi(tmp_path):
    """Text saved as .mid is reported as not a MIDI file."""
    p = tmp_path / "notes.mid"
    p.write_text("these are not notes")
    _assert_music_error(p, "not a MIDI file")


def test_truncated_file(tmp_path):
    """A MIDI file cut in half is reported as cut short."""
    src = _groove_files(1)[0].read_bytes()
    p = tmp_path / "cut.mid"
    p.write_bytes(src[: len(src) // 2])
    _assert_music_error(p, "cut short")


def test_type2_file(tmp_path):
    """A type-2 (multi-song) file is refused with a way out."""
    mid = mido.MidiFile(type=2)
    mid.tracks.append(mido.MidiTrack([mido.Message("note_on", note=60, time=0)]))
    p = tmp_path / "t2.mid"
    mid.save(p)
    _assert_music_error(p, "type 2")


def test_absurdly_long_file(tmp_path):
    """A file whose events lie absurdly far in time is refused, not allocated."""
    mid = mido.MidiFile(type=1)
    mid.tracks.append(mido.MidiTrack([
        mido.Message("note_on", note=60, time=0),
        mido.Message("note_off", note=60, time=MAX_TICKS * 5),
    ]))
    p = tmp_path / "long.mid"
    mid.save(p)
    _assert_music_error(p, "too long")


def test_absurdly_large_file(tmp_path):
    """A file far larger than any song is refused before it is read."""
    p = tmp_path / "huge.mid"
    with open(p, "wb") as fh:
        fh.write(b"MThd" + struct.pack(">IHHH", 6, 1, 1, 480))
        fh.truncate(40 * 1024 * 1024)
    _assert_music_error(p, "too large")


def test_missing_file(tmp_path):
    """A path that does not exist says so."""
    _assert_music_error(tmp_path / "nope.mid", "no such file")


def test_bad_musicxml(tmp_path):
    """Broken MusicXML is reported through the same error type."""
    p = tmp_path / "broken.musicxml"
    p.write_text("<?xml version='1.0'?><score-partwise><part id='P1'><measure")
    _assert_music_error(p, "musicxml")


def test_bad_mxl(tmp_path):
    """A .mxl that is not a zip archive is reported, not raised as a zipfile error."""
    p = tmp_path / "broken.mxl"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    _assert_music_error(p, "musicxml")


def _mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    kind = rng.randrange(6)
    if kind == 0:  # flip random bytes
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif kind == 1:  # truncate
        buf = buf[: rng.randrange(1, len(buf))]
    elif kind == 2:  # insert junk
        pos = rng.randrange(len(buf))
        buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif kind == 3:  # delete a span
        a = rng.randrange(len(buf))
        del buf[a : a + rng.randint(1, 64)]
    elif kind == 4:  # damage the header: type, track count, resolution
        field = rng.choice([8, 10, 12])
        buf[field : field + 2] = struct.pack(">H", rng.choice([0, 1, 2, 3, 0x7FFF, 0xFFFF, rng.randrange(65536)]))
    else:  # huge variable-length delta or length field
        pos = rng.randrange(14, len(buf))
        buf[pos:pos] = b"\xff\xff\xff\x7f"
    return bytes(buf)


@pytest.mark.slow
def test_fuzzed_midi_files(tmp_path):
    """1,000 mutated real MIDI files each give a Song or a MusicFileError, within a few seconds."""
    rng = random.Random(1234)
    sources = [p.read_bytes() for p in _groove_files(40)]
    outcomes = {"song": 0, "error": 0}
    slowest = 0.0
    for i in range(1000):
        p = tmp_path / f"fuzz{i}.mid"
        p.write_bytes(_mutate(rng.choice(sources), rng))
        # CPU time, not wall time: the bound is on the reader's work, whatever else the machine is doing.
        start = time.process_time()
        try:
            song = read_midi(p)
        except MusicFileError as exc:
            assert str(p) in str(exc)
            outcomes["error"] += 1
        else:
            assert all(0 <= n.pitch <= 127 for t in song.tracks for n in t.notes)
            song.bar_count()
            outcomes["song"] += 1
        slowest = max(slowest, time.process_time() - start)
        p.unlink()
    assert outcomes["error"] > 100 and outcomes["song"] > 20, outcomes
    assert slowest < 3, f"slowest file took {slowest:.1f} s of CPU"
