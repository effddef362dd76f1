"""Hand-made pieces for the timed pipelines: a four-voice chorale-like piece, and a pedalled piano performance."""

from __future__ import annotations

from pathlib import Path

from composer_app.music.io import write_song
from composer_app.music.song import PPQ, Note, Song, TempoChange, Track
from tests.music.smf_bytes import note_off, note_on, smf, track, varlen

# Four voices, one chord a quarter note (PPQ ticks), over `bars` bars of 4/4.
CHORDS = ((72, 67, 64, 48), (74, 67, 65, 50), (76, 72, 67, 48), (74, 71, 67, 43))


def chorale(bars: int = 6, qpm: float = 100.0, shift: int = 0) -> Song:
    """A homophonic piece in four parts (one program), every quarter a new chord; 16 steps a bar."""
    voices = [[] for _ in range(4)]
    for beat in range(bars * 4):
        for voice, pitch in enumerate(CHORDS[beat % len(CHORDS)]):
            voices[voice].append(Note(beat * PPQ, pitch + shift, PPQ, 90))
    tracks = tuple(Track(name=f"Voice {v + 1}", channel=v, notes=tuple(n)) for v, n in enumerate(voices))
    return Song(tracks=tracks, tempos=(TempoChange(0, qpm),))


def write_chorales(folder: Path, count: int, bars: int = 6) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"chorale{i}.mid"
        write_song(chorale(bars, shift=i), path)
        paths.append(path)
    return paths


def control(number: int, value: int, delta: int = 0, channel: int = 0) -> bytes:
    return varlen(delta) + bytes([0xB0 | channel, number, value])


def performance_bytes(seconds: int = 40, seed: int = 0) -> bytes:
    """A piano part at 120 qpm (960 ticks a second at 480 a quarter): a note every 1/8 s at four velocities
    (bins 4, 8, 16 and 32 of 32), the pedal down for the first half of each second."""
    events = []
    last = 0

    def at(tick: int, message) -> None:
        nonlocal last
        events.append(message(tick - last))
        last = tick

    for second in range(seconds):
        base = second * 960
        at(base, lambda d: control(64, 127, delta=d))
        for k in range(8):
            pitch = 60 + (k * 5 + second + seed) % 12
            at(base + k * 120, lambda d, p=pitch, k=k: note_on(p, velocity=(16, 32, 64, 127)[k % 4], delta=d))
            at(base + k * 120 + 60, lambda d, p=pitch: note_off(p, delta=d))
            if k == 3:
                at(base + 480, lambda d: control(64, 0, delta=d))
    return smf(track(*events))


def write_performances(folder: Path, count: int, seconds: int = 40) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"performance{i}.mid"
        path.write_bytes(performance_bytes(seconds, seed=i))
        paths.append(path)
    return paths
