"""Every Groove and Nottingham MIDI file keeps every note through import, export and import again."""

from __future__ import annotations

import io
from concurrent.futures import ProcessPoolExecutor

import pretty_midi
import pytest

from composer_app.music.midi_io import midi_bytes, read_midi
from composer_app.music.song import PPQ
from tests.conftest import shared_path


def _source_notes(path):
    """Notes as the source file states them, read straight with pretty_midi, in source ticks."""
    pm = pretty_midi.PrettyMIDI(str(path))
    notes = [
        (inst.is_drum, n.pitch, n.velocity, pm.time_to_tick(n.start), pm.time_to_tick(n.end))
        for inst in pm.instruments
        for n in inst.notes
    ]
    return sorted(notes), pm.resolution


def _check_file(path) -> str | None:
    """None if the file round-trips, else a description of the first difference."""
    expected, src_ppq = _source_notes(path)
    song = read_midi(path)
    again = read_midi_bytes(midi_bytes(song), path)
    got = sorted(
        (t.is_drum, n.pitch, n.velocity, n.start * src_ppq / PPQ, n.end * src_ppq / PPQ)
        for t in again.tracks
        for n in t.notes
    )
    if len(got) != len(expected):
        return f"{path}: {len(expected)} notes in the source, {len(got)} after the round trip"
    # Exact when the source resolution divides into ours; otherwise within one source tick.
    tolerance = 0 if PPQ % src_ppq == 0 else 1
    for e, g in zip(expected, got):
        if e[:3] != g[:3] or abs(e[3] - g[3]) > tolerance or abs(e[4] - g[4]) > tolerance:
            return f"{path}: source note {e} came back as {g}"
    return None


def read_midi_bytes(data: bytes, like_path):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / Path(like_path).name
        p.write_bytes(data)
        return read_midi(p)


def _check_all(paths):
    with ProcessPoolExecutor(max_workers=2) as pool:
        return [r for r in pool.map(_check_file, paths, chunksize=16) if r]


@pytest.mark.slow
def test_groove_round_trip():
    """All 1150 Groove MIDI files keep every note's pitch, velocity, start and end exactly."""
    paths = sorted(shared_path("datasets", "groove").rglob("*.mid"))
    assert len(paths) == 1150
    assert _check_all(paths) == []


@pytest.mark.slow
def test_nottingham_round_trip():
    """All Nottingham MIDI files keep every note within one tick of their own 1024-PPQ resolution."""
    paths = sorted(shared_path("datasets", "nottingham", "MIDI").rglob("*.mid"))
    assert len(paths) > 1000
    assert _check_all(paths) == []


def test_round_trip_bytes_are_stable():
    """Exporting a re-imported song gives byte-identical MIDI (nothing drifts on repeated saves)."""
    path = sorted(shared_path("datasets", "groove").rglob("*.mid"))[0]
    song = read_midi(path)
    first = midi_bytes(song)
    assert midi_bytes(read_midi_bytes(first, path)) == first
    assert io.BytesIO(first).getbuffer().nbytes > 100
