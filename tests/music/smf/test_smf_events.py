"""The direct MIDI reader gives the very Song (or the very MusicFileError) the old mido + pretty_midi reader gave."""

from __future__ import annotations

import collections
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor

import pytest

from composer_app.music.errors import MusicFileError
from composer_app.music.leadsheets.sources import midi_chord_events
from composer_app.music.midi_io import read_midi
from composer_app.music.song import PPQ, ChordSymbol
from tests.conftest import shared_path
from tests.music.pretty_midi_reference import reference_midi_chord_events, reference_read_midi
from tests.music.smf_bytes import meta, note_off, note_on, simple_song, smf, sysex, tempo, track, varlen
from tests.music.test_fuzz_midi import _case

CORPUS_LIMIT_S = 60


def _outcome(read, path):
    try:
        return read(path)
    except MusicFileError as exc:
        return ("MusicFileError", str(exc))


def _difference(path) -> str | None:
    new, old = _outcome(read_midi, path), _outcome(reference_read_midi, path)
    if new != old:
        return f"{path}: new {str(new)[:300]} != old {str(old)[:300]}"
    new, old = midi_chord_events(path), reference_midi_chord_events(path)
    return None if new == old else f"{path}: chords {new[:5]} != {old[:5]}"


def _differences(paths) -> tuple[list[str], float]:
    """The differences found in `paths` and the CPU seconds it took (the machine may be busy with other work)."""
    start = time.process_time()
    found = [d for d in map(_difference, paths) if d]
    return found, time.process_time() - start


def test_shared_midi_files_read_as_before():
    """A spread sample of the shared MIDI files (every 20th of 5,541) plus all of Groove's eval session and ASAP's
    Bach fugues give equal Songs (or the same error) and the same lead-sheet chords both ways, in 60 s on 2 cores.

    Equal Songs include every note's start and end tick, so this also shows that pretty_midi's round trip through
    seconds gave back the file's own ticks. COMPOSER_MIDI_CORPUS=all compares every file instead (some 9 CPU
    minutes, so its time is not checked)."""
    every = sorted(shared_path("datasets").rglob("*.mid"))
    assert len(every) >= 5541
    whole = os.environ.get("COMPOSER_MIDI_CORPUS") == "all"
    folders = [shared_path("datasets", "groove", "drummer1", "eval_session"),
               shared_path("datasets", "asap", "Bach", "Fugue")]
    paths = every if whole else sorted(set(every[::20]) | {p for folder in folders for p in folder.rglob("*.mid")})
    assert len(paths) > 390
    # Interleaved halves keep both workers busy with the same mix of long and short files.
    with ProcessPoolExecutor(max_workers=2) as pool:
        parts = list(pool.map(_differences, [paths[0::2], paths[1::2]]))
    assert [d for found, _cpu in parts for d in found] == []
    cpu = sum(seconds for _found, seconds in parts)
    assert whole or cpu < 2 * CORPUS_LIMIT_S, f"{len(paths)} files took {cpu:.0f} CPU seconds"


def test_fuzzed_files_read_as_before(tmp_path):
    """2,000 damaged files from the MIDI fuzzer load to equal Songs, or fail with the same message, both ways."""
    rng = random.Random(20_260_101)
    kinds: collections.Counter = collections.Counter()
    outcomes: collections.Counter = collections.Counter()
    path = tmp_path / "fuzz.mid"
    for case in range(2000):
        path.write_bytes(_case(rng, kinds))
        new, old = _outcome(read_midi, path), _outcome(reference_read_midi, path)
        assert new == old, (case, new, old)
        outcomes["error" if isinstance(new, tuple) else "loaded"] += 1
    assert outcomes["loaded"] > 200 and outcomes["error"] > 200, outcomes


def _crafted() -> dict[str, bytes]:
    """Files that reach each refusal mido made beyond the scan's, and the note pairing and tempo rules."""
    notes = track(note_on(60), note_off(60, delta=480))
    files = {
        "data byte over 127": smf(track(note_on(60), varlen(0) + b"\x80\x3c\x90")),
        "sysex byte over 127": smf(track(sysex(b"\x7e\x90\x01")), notes),
        "sysex of 1 MB": smf(track(sysex(bytes(1_000_001))), notes),
        "text of 1 MB": smf(track(meta(0x01, b"a" * 1_000_001)), notes),
        "tune request on running status": smf(track(varlen(0) + b"\xf6", varlen(0) + b"\x10\x00\x90\x3c\x40")),
        "clock then a quarter frame": smf(track(varlen(0) + b"\xf8\x00\xf1\x10", note_on(60), note_off(60, 96))),
        "song position over 127": smf(track(varlen(0) + b"\xf2\x01\x90"), notes),
        "song position on running status": smf(track(varlen(0) + b"\xf2\x01\x02\x00\x03\x04"), notes),
        "sysex then running status": smf(track(sysex(b"\x01"), varlen(0) + b"\x02\x01\x02"), notes),
        "meta keeps running status": smf(track(note_on(60), meta(0x01, b"x"), varlen(480) + b"\x3c\x00")),
        "note-off closes earlier notes, keeps same-tick ones": smf(track(
            note_on(60), note_on(60, delta=10), note_on(60, 90, delta=10), note_off(60), note_off(60, delta=5),
            note_on(62, delta=5), note_off(62), note_off(64, delta=1), note_on(65, 0, delta=1))),
        "programs per channel and track, names so far": smf(
            track(meta(0x03, b"Song"), tempo(600_000), tempo(600_000, delta=10), tempo(400_000, delta=10),
                  tempo(500_000), meta(0x58, bytes([3, 3, 24, 8]), delta=100)),
            track(note_on(60), varlen(0) + b"\xc0\x05", meta(0x03, b"Caf\xe9"), note_off(60, delta=10),
                  note_on(61, channel=9), note_off(61, delta=10, channel=9), meta(0x03, b"\xe6\xad\x8c"),
                  note_on(62), varlen(0) + b"\xc0\x00", note_off(62, delta=10), note_on(63, delta=1),
                  varlen(0) + b"\xc0\x05", note_off(63, delta=1)),
            track(meta(0x03, b"Chords"), meta(0x01, b"Am7", delta=3), meta(0x01, b"  "), note_on(60),
                  note_off(60, delta=480)), division=96),
        "tempo at tick 0 after others": smf(track(tempo(400_000), tempo(300_000)), notes, division=7),
        "type 0 with a name": smf(track(meta(0x03, b"Solo"), note_on(60), note_off(60, 1)), fmt=0),
    }
    for name, data in {"sequence number": b"\x01", "channel prefix": b"", "tempo": b"\x07\xa1",
                       "SMPTE": b"", "SMPTE rate": b"\x80\x00\x00\x00\x00", "SMPTE minutes": b"\x00\x3c",
                       "SMPTE cut": b"\x00\x01\x02", "SMPTE sub-frames": b"\x00\x01\x02\x03\x64",
                       "SMPTE whole": b"\x61\x01\x02\x03\x04", "time signature": b"\x04",
                       "time signature cut": b"\x04\x02\x18", "key": b"\x01", "key sharps": b"\x08\x00",
                       "key flats": b"\xf0\x01", "key mode": b"\x02\x02", "key good": b"\xfe\x01",
                       "port": b"", "unknown": b"\x01"}.items():
        kind = {"seq": 0x00, "cha": 0x20, "tem": 0x51, "SMP": 0x54, "tim": 0x58, "key": 0x59, "por": 0x21}
        files[f"meta {name}"] = simple_song(meta(kind.get(name[:3], 0x60), data))
    return files


@pytest.mark.parametrize("name", sorted(_crafted()))
def test_crafted_files_read_as_before(tmp_path, name):
    """Hand-made files for each of mido's refusals and pretty_midi's rules read the same both ways."""
    path = tmp_path / "crafted.mid"
    path.write_bytes(_crafted()[name])
    assert _outcome(read_midi, path) == _outcome(reference_read_midi, path)


def test_pairing_and_tempo_rules_give_the_expected_song(tmp_path):
    """The crafted rules file gives the notes, names, programs, tempos and chords pretty_midi's rules call for."""
    path = tmp_path / "rules.mid"
    path.write_bytes(_crafted()["programs per channel and track, names so far"])
    song = read_midi(path)
    assert [(t.name, t.program, t.is_drum, len(t.notes)) for t in song.tracks] == [
        ("Café", 5, False, 2), ("Café", 0, True, 1), ("歌", 0, False, 1), ("Chords", 0, False, 1)]
    assert [(t.tick, t.qpm) for t in song.tempos] == [(0, 100.0), (20 * PPQ // 96, 120.0)]
    assert song.title == "Song" and song.chords == (ChordSymbol(3 * PPQ // 96, "Am7"),)
    same_tick = tmp_path / "pairs.mid"
    same_tick.write_bytes(_crafted()["note-off closes earlier notes, keeps same-tick ones"])
    (pairs,) = read_midi(same_tick).tracks
    ticks = PPQ // 480
    assert [(n.start // ticks, n.pitch, n.end // ticks, n.velocity) for n in pairs.notes] == [
        (0, 60, 20, 100), (10, 60, 20, 100), (20, 60, 25, 90)]


def test_lead_sheet_chords_come_from_every_text_event(tmp_path):
    """midi_chord_events reads text, marker and cue events (not lyrics) as before; a damaged file gives none."""
    path = tmp_path / "lead.mid"
    path.write_bytes(smf(track(meta(0x01, b"C"), meta(0x06, b"G7", delta=96), meta(0x07, b"Am", delta=96),
                               meta(0x05, b"F", delta=96)), track(note_on(60), note_off(60, delta=480)), division=96))
    expected = (ChordSymbol(0, "C"), ChordSymbol(PPQ, "G7"), ChordSymbol(2 * PPQ, "Am"))
    assert midi_chord_events(path) == reference_midi_chord_events(path) == expected
    path.write_bytes(smf(track(meta(0x01, b"C"), meta(0x51, b"\x01")), fmt=0))
    assert midi_chord_events(path) == reference_midi_chord_events(path) == ()


def test_lead_sheet_chords_reuse_only_the_same_bytes(tmp_path):
    """The chords read after a song come from the file as it is now, not from the events kept from reading it."""
    path = tmp_path / "lead.mid"
    path.write_bytes(smf(track(meta(0x01, b"C"), note_on(60), note_off(60, delta=480)), fmt=0))
    read_midi(path)
    assert midi_chord_events(path) == (ChordSymbol(0, "C"),)
    path.write_bytes(smf(track(meta(0x01, b"Dm"), note_on(60), note_off(60, delta=480)), fmt=0))
    assert midi_chord_events(path) == reference_midi_chord_events(path) == (ChordSymbol(0, "Dm"),)
