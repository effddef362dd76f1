"""Build the MIDI training data for the tiny Magenta MusicVAE fixtures (runs only in Magenta's reference venv).

Writes, deterministically, under OUT:
- ``drums_midi/``: 200 Groove MIDI Dataset files of the train split in 4/4 (numpy seed 0), as the shared
  ``fixtures/magenta-vae`` README describes.
- ``trio_midi/`` (and ``trio_manifest.json``, what each trio was built from): synthetic trios (melody, bass, drums) for Magenta's TrioConverter. Each is a Nottingham tune in 4/4
  (its melody track, program 0), a bass line built from its chord track (program 33) and a two-bar Groove train beat
  (quantised to 16ths) looped under it, all at the tune's own tempo.

Usage: ``$ORACLE/venv/bin/python tools/magenta_vae_fixtures/build_data.py OUT [--datasets ../shared/datasets]``
"""

import argparse
import csv
import json
import shutil
from pathlib import Path

import note_seq
import numpy as np

GROOVE_FILES = 200
GROOVE_SEED = 0
BASS_PROGRAM = 33
# The bass root is folded into E1..D#2 so that it never meets the melody and stays inside the 21..108 range.
BASS_LOWEST = 28
STEPS_PER_QUARTER = 4
BEAT_BARS = 2


def groove_rows(datasets: Path, split: str) -> list[dict]:
    """The Groove info.csv rows of one split in 4/4, sorted by MIDI path."""
    with open(datasets / "groove" / "info.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["split"] == split and r["time_signature"] == "4-4"]
    return sorted(rows, key=lambda r: r["midi_filename"])


def groove_train_selection(datasets: Path) -> list[dict]:
    """The 200 train-split 4/4 files the drum fixtures train on (numpy RandomState(0), no replacement)."""
    rows = groove_rows(datasets, "train")
    picked = np.random.RandomState(GROOVE_SEED).choice(len(rows), GROOVE_FILES, replace=False)
    return [rows[i] for i in sorted(picked)]


def copy_drums(datasets: Path, out: Path, rows: list[dict]) -> None:
    """Copies the selected Groove files, keeping drummer/session/file so that names stay unique."""
    for row in rows:
        target = out / row["midi_filename"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(datasets / "groove" / row["midi_filename"], target)


def beat_pattern(path: Path, bpm: float) -> list[tuple[int, int, int]]:
    """Two bars (bars 1 and 2, after the count-in bar 0) of a Groove beat as (16th step, pitch, velocity)."""
    ns = note_seq.midi_file_to_note_sequence(str(path))
    step = 60.0 / bpm / STEPS_PER_QUARTER
    first = 16
    hits: dict[tuple[int, int], int] = {}
    for n in ns.notes:
        s = int(round(n.start_time / step)) - first
        if 0 <= s < 16 * BEAT_BARS:
            hits[(s, n.pitch)] = max(hits.get((s, n.pitch), 0), n.velocity)
    return sorted((s, p, v) for (s, p), v in hits.items())


def is_plain_four_four(ns) -> bool:
    """A single tempo and only 4/4 time signatures."""
    sigs = {(t.numerator, t.denominator) for t in ns.time_signatures}
    return len(ns.tempos) == 1 and sigs == {(4, 4)}


def bass_notes(chords: list, qpm: float, end_time: float) -> list[tuple[int, float, float]]:
    """One bass note per beat under the active chord: the root on beats 1 and 3, its fifth on beats 2 and 4."""
    beat = 60.0 / qpm
    groups: dict[tuple[float, float], list[int]] = {}
    for n in chords:
        groups.setdefault((round(n.start_time, 6), round(n.end_time, 6)), []).append(n.pitch)
    spans = sorted((s, e, min(ps)) for (s, e), ps in groups.items())
    notes = []
    for k in range(int(round(end_time / beat))):
        t = k * beat
        active = [root for s, e, root in spans if s <= t + 1e-6 and t + 1e-6 < e]
        if not active:
            continue
        root = BASS_LOWEST + (active[-1] - BASS_LOWEST) % 12
        pitch = root if k % 2 == 0 else root + 7
        notes.append((pitch, t, t + beat))
    return notes


def build_trio(tune: Path, beat: list[tuple[int, int, int]]):
    """The synthetic trio NoteSequence of one Nottingham tune, or None if the tune is not plain 4/4."""
    src = note_seq.midi_file_to_note_sequence(str(tune))
    if not is_plain_four_four(src):
        return None
    melody = [n for n in src.notes if n.instrument == 0]
    chords = [n for n in src.notes if n.instrument == 1]
    if not melody or not chords:
        return None
    qpm = src.tempos[0].qpm
    bar = 4 * 60.0 / qpm
    bars = int(np.ceil(max(n.end_time for n in src.notes) / bar - 1e-6))
    end_time = bars * bar
    ns = note_seq.NoteSequence(ticks_per_quarter=220)
    ns.tempos.add(qpm=qpm)
    ns.time_signatures.add(numerator=4, denominator=4)
    for n in melody:
        ns.notes.add(pitch=n.pitch, velocity=90, start_time=n.start_time, end_time=n.end_time, instrument=0,
                     program=0)
    for pitch, start, end in bass_notes(chords, qpm, end_time):
        ns.notes.add(pitch=pitch, velocity=90, start_time=start, end_time=end, instrument=1, program=BASS_PROGRAM)
    step = bar / 16
    for b in range(0, bars, BEAT_BARS):
        for s, pitch, velocity in beat:
            t = (b * 16 + s) * step
            if t < end_time - 1e-6:
                # Half a 16th long, so that no drum note reaches past the tune's last bar.
                ns.notes.add(pitch=pitch, velocity=velocity, start_time=t, end_time=t + step / 2, instrument=9,
                             program=0, is_drum=True)
    ns.total_time = end_time
    return ns


def build_trios(datasets: Path, out: Path, rows: list[dict]) -> dict:
    """Writes one synthetic trio per plain-4/4 Nottingham tune; the beat cycles through the selected Groove beats.

    Returns the manifest: for each trio file, the Nottingham tune and the Groove beat it was built from.
    """
    beats = []
    for row in rows:
        if row["beat_type"] == "beat":
            pattern = beat_pattern(datasets / "groove" / row["midi_filename"], float(row["bpm"]))
            if pattern:
                beats.append((row["midi_filename"], pattern))
    out.mkdir(parents=True, exist_ok=True)
    tunes = sorted((datasets / "nottingham" / "MIDI").glob("*.mid"))
    manifest = {}
    for tune in tunes:
        beat_file, beat = beats[len(manifest) % len(beats)]
        ns = build_trio(tune, beat)
        if ns is None:
            continue
        note_seq.sequence_proto_to_midi_file(ns, str(out / tune.name))
        manifest[tune.name] = {
            "melody_and_chords": f"datasets/nottingham/MIDI/{tune.name}",
            "drums": f"datasets/groove/{beat_file}",
            "drum_bars": [1, BEAT_BARS],
            "qpm": ns.tempos[0].qpm,
        }
    return manifest


def main() -> None:
    """Command line entry: build drums_midi/ and trio_midi/ under OUT."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--datasets", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "datasets")
    args = parser.parse_args()
    rows = groove_train_selection(args.datasets)
    copy_drums(args.datasets, args.out / "drums_midi", rows)
    manifest = build_trios(args.datasets, args.out / "trio_midi", rows)
    (args.out / "trio_manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    print(f"drums_midi: {len(rows)} files; trio_midi: {len(manifest)} files")


if __name__ == "__main__":
    main()
