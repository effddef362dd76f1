"""Music I/O speed: importing every Groove file (files/s) and exporting a 10,000-note song (ms).

On a machine busy with other work, BENCH_CPU_TIME=1 reports this process's CPU time instead of wall time.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer_app.music.midi_io import read_midi, write_midi  # noqa: E402
from composer_app.music.song import PPQ, Note, Song, Track  # noqa: E402


def bench_groove_import() -> None:
    folder = ROOT.parent / "shared" / "datasets" / "groove"
    paths = sorted(folder.rglob("*.mid"))
    if not paths:
        print(f"groove import: skipped, no data at {folder}")
        return
    clock = time.process_time if os.environ.get("BENCH_CPU_TIME") == "1" else time.perf_counter
    start = clock()
    notes = sum(read_midi(p).note_count for p in paths)
    elapsed = clock() - start
    print(f"groove import: {len(paths)} files, {notes} notes in {elapsed:.2f} s = {len(paths) / elapsed:.0f} files/s")


def bench_export(n_notes: int = 10_000, repeats: int = 5) -> None:
    rng = random.Random(0)
    tracks = []
    for t in range(4):
        notes = [Note(rng.randrange(0, 2000 * PPQ), rng.randrange(30, 100), rng.randrange(60, 2 * PPQ),
                      rng.randrange(1, 128)) for _ in range(n_notes // 4)]
        tracks.append(Track(name=f"T{t}", program=t * 8, channel=t, notes=notes))
    song = Song(tracks=tracks)
    with tempfile.TemporaryDirectory() as d:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            write_midi(song, Path(d) / "big.mid")
            times.append(time.perf_counter() - start)
    print(f"export of a {song.note_count}-note song: best {min(times) * 1000:.0f} ms, "
          f"median {sorted(times)[len(times) // 2] * 1000:.0f} ms")


def bench_encoding(repeats: int = 5) -> None:
    """Magenta's encoders over 512-step sequences: a few milliseconds each (a quadratic path would show here)."""
    import random

    from composer_app.models.rnn.configs import get_config

    rng = random.Random(3)
    melody = [rng.choice([-2, -2, -1, rng.randrange(48, 84)]) for _ in range(512)]
    drums = [frozenset(rng.sample([36, 38, 42, 46, 49], rng.randint(0, 2))) for _ in range(512)]
    for config_id in ("basic_rnn", "lookback_rnn", "attention_rnn", "drum_kit"):
        encoder = get_config(config_id).encoder()
        events = drums if config_id == "drum_kit" else melody
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            encoder.encode_array(events)
            times.append(time.perf_counter() - start)
        print(f"encode 512 steps with {config_id}: best {min(times) * 1000:.1f} ms")


if __name__ == "__main__":
    bench_encoding()
    bench_export()
    bench_groove_import()
