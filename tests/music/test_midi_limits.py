"""Crafted MIDI files: each damaged one gives one MusicFileError naming the file, quickly; odd but sound ones load."""

from __future__ import annotations

import pytest

from composer_app.music.errors import MusicFileError
from composer_app.music.io import read_song
from composer_app.music.midi_io import midi_bytes, read_midi
from composer_app.music.song import MAX_TICK
from composer_app.music.summary import format_summary, summarize
from tests.music.smf_bytes import (
    chunk,
    header,
    meta,
    note_off,
    note_on,
    simple_song,
    smf,
    sysex,
    tempo,
    time_signature,
    track,
)
from tests.music.time_limit import time_limit

ON, OFF = note_on(60), note_off(60, delta=480)

DAMAGED = {
    "denominator byte 255": (simple_song(time_signature(4, 255)), "time signature 4/"),
    "denominator 2^9": (simple_song(time_signature(4, 9)), "time signature 4/512"),
    "numerator 0": (simple_song(time_signature(0, 2)), "time signature 0/4"),
    "tempo 0": (simple_song(tempo(0)), "tempo of 0"),
    "delta time of 5 bytes": (smf(track(b"\x81\x80\x80\x80\x00\x90\x3c\x40", OFF)), "delta time"),
    "a megabyte-long delta time": (smf(track(b"\xff" * 1_000_000 + b"\x00\x90\x3c\x40", OFF)), "delta time"),
    "delta times past the longest song": (smf(track(ON, note_off(60, delta=2**28 - 1))), "too long"),
    "ticks past the longest song once rescaled": (
        smf(track(ON, note_off(60, delta=MAX_TICK // 960 * 2)), division=1), "longest song"),
    "running status with no status before": (smf(track(b"\x00\x3c\x40", OFF)), "running status"),
    "undefined status byte": (smf(track(ON, b"\x00\xf4", OFF)), "status byte"),
    "sysex longer than its track": (smf(track(b"\x00\xf0\x8f\xff\xff\x7f\x01\x02", ON, OFF)), "past the end"),
    "meta event longer than its track": (smf(track(ON, b"\x00\xff\x01\x7f" + b"x" * 3, end=False)), "past the end"),
    "0 tracks": (smf(), "no tracks"),
    "65535 tracks announced, 1 present": (smf(track(ON, OFF), ntracks=65535), "65535 tracks"),
    "65535 empty tracks": (smf(*[track() for _ in range(65535)]), "65535 tracks"),
    "3 tracks announced, 1 present": (smf(track(ON, OFF), ntracks=3), "announces 3 tracks"),
    "type 2": (smf(track(ON, OFF), fmt=2), "type 2"),
    "type 7": (smf(track(ON, OFF), fmt=7), "type 7"),
    "track chunk cut short": (smf(track(ON, OFF, length=1000)), "cut short"),
    "track chunk length shorter than its events": (smf(track(ON, OFF, length=3)), "past the end"),
    "header length 0": (header(length=0) + track(ON, OFF), "header"),
    "header length 4": (header(length=4) + track(ON, OFF), "header"),
    "header length past the end": (chunk(b"MThd", b"\x00\x01\x00\x01\x01\xe0", length=0xFFFFFFF0), "header"),
    "division 0": (smf(track(ON, OFF), division=0), "ticks per quarter"),
    "SMPTE division": (smf(track(ON, OFF), division=0xE728), "SMPTE"),
    "too many time signature changes": (
        smf(track(*[time_signature(1, 3, delta=1) for _ in range(10_001)]), track(ON, OFF)), "time signature"),
    "more events than a song": (smf(track(*[ON, note_off(60, delta=1)] * 300_000)), "events"),
}


@pytest.mark.parametrize("name", DAMAGED)
def test_damaged_midi_gives_one_clear_error(tmp_path, name):
    """Each crafted damage raises MusicFileError naming the file and the problem, never a crash or a hang."""
    data, problem = DAMAGED[name]
    path = tmp_path / "damaged.mid"
    path.write_bytes(data)
    with time_limit(10, name), pytest.raises(MusicFileError, match=problem) as info:
        read_song(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


READABLE = {
    "running status across a meta event": (smf(track(ON, meta(0x01, b"hi"), b"\x81\x60\x3c\x00")), 1),
    "sysex between notes": (smf(track(sysex(b"\x43\x10\x4c\x00"), ON, OFF)), 1),
    "overlapping and duplicate notes": (smf(track(ON, ON, note_on(60, delta=10), OFF, note_off(60),
                                                  note_off(60))), 3),
    "a zero-length note beside a normal one": (smf(track(note_on(62), note_off(62), ON, OFF)), 1),
    "note-offs without note-ons": (smf(track(note_off(61), note_off(62, delta=5), ON, OFF)), 1),
    "header length 8": (header(length=8) + track(ON, OFF), 1),
    "an unknown chunk before the track": (header(ntracks=1) + chunk(b"XFIH", b"abc") + track(ON, OFF), 1),
    "junk after the last track": (smf(track(ON, OFF)) + b"\x00\x01garbage", 1),
    "the slowest tempo a file can hold": (simple_song(tempo(0xFFFFFF)), 1),
    "the fastest tempo a file can hold": (simple_song(tempo(1)), 1),
    "a 64th-note metre": (simple_song(time_signature(5, 6)), 1),
    "a cadenza bar of 255 beats": (simple_song(time_signature(255, 2)), 1),
    # Half the longest song: pretty_midi allocates a float a tick, on reading and again on reading back.
    "a long but sound delta time": (smf(track(ON, note_off(60, delta=4_000_000))), 1),
}


@pytest.mark.parametrize("name", READABLE)
def test_odd_but_sound_midi_loads_and_writes_back(tmp_path, name):
    """Files that are unusual but sound load, summarise (as `info` does) and write back to MIDI."""
    data, notes = READABLE[name]
    path = tmp_path / "odd.mid"
    path.write_bytes(data)
    with time_limit(10, name):
        song = read_song(path)
        format_summary(summarize(song))
        back = tmp_path / "back.mid"
        back.write_bytes(midi_bytes(song))
        again = read_midi(back)
    assert song.note_count == notes
    assert [t.notes for t in again.tracks] == [t.notes for t in song.tracks]
    assert again.tempos == song.tempos and again.time_signatures == song.time_signatures


def test_names_beyond_latin1_write_and_read_back(tmp_path):
    """Titles, track names and chord symbols in any script export (as UTF-8) and read back unchanged."""
    from composer_app.music.song import ChordSymbol, Note, Song, Track

    song = Song(tracks=(Track("Голос", notes=(Note(0, 60, 480),)), Track("Flûte", notes=(Note(0, 64, 480),))),
                chords=(ChordSymbol(0, "C♯m7"),), title="歌 🎵")
    path = tmp_path / "names.mid"
    path.write_bytes(midi_bytes(song))
    back = read_midi(path)
    assert back.title == "歌 🎵" and [t.name for t in back.tracks] == ["Голос", "Flûte"]
    assert [c.figure for c in back.chords] == ["C♯m7"]
