"""Pick the three golden input windows of a fixture: each must give exactly one tensor through its converter."""

import copy
import json
from pathlib import Path

import note_seq
from build_data import groove_rows

INPUTS = 3
FIRST_BAR = {"drums": 2, "trio": 1}  # Groove: skip the count-in; trios: skip the Nottingham pickup bar


def cut(ns, start: float, end: float):
    """The notes starting in [start, end), shifted to 0 and clipped at end, with the tempo and time signature."""
    out = note_seq.NoteSequence(ticks_per_quarter=ns.ticks_per_quarter)
    out.tempos.add(qpm=ns.tempos[0].qpm)
    ts = ns.time_signatures[0] if ns.time_signatures else None
    out.time_signatures.add(numerator=ts.numerator if ts else 4, denominator=ts.denominator if ts else 4)
    for n in ns.notes:
        if start <= n.start_time < end:
            m = out.notes.add()
            m.CopyFrom(n)
            m.start_time = n.start_time - start
            m.end_time = min(n.end_time, end) - start
    out.total_time = max((n.end_time for n in out.notes), default=0.0)
    return out


def window(ns, first_bar: int, bars: int, data: str) -> tuple[float, float]:
    """The window in seconds. Drum windows end half a 16th early, so that no hit quantises onto the next bar."""
    bar = 240.0 / ns.tempos[0].qpm
    start = round(first_bar * bar, 6)
    end = start + bars * bar - (bar / 32 if data == "drums" else 0.0)
    return start, round(end, 6)


def candidates(data: str, datasets: Path, work: Path):
    """(source path as recorded, full path, extra provenance) in a fixed order."""
    if data == "drums":
        for row in groove_rows(datasets, "test"):
            if row["beat_type"] == "beat":
                yield f"datasets/groove/{row['midi_filename']}", datasets / "groove" / row["midi_filename"], None
    else:
        manifest = json.loads((work / "data" / "trio_manifest.json").read_text())
        for name in sorted(manifest):
            yield f"$WORK/data/trio_midi/{name}", work / "data" / "trio_midi" / name, manifest[name]


def pick(fx, converter, datasets: Path, work: Path, out_dir: Path, name: str):
    """Writes NAME_in{k}.mid; returns (note sequences read back, sources). Each gives exactly one tensor."""
    seqs, sources = [], []
    for source, path, built_from in candidates(fx.data, datasets, work):
        ns = note_seq.midi_file_to_note_sequence(str(path))
        if len(ns.tempos) != 1:
            continue
        start, end = window(ns, FIRST_BAR[fx.data], fx.bars, fx.data)
        if end > ns.total_time:
            continue
        target = out_dir / f"{name}_in{len(seqs)}.mid"
        note_seq.sequence_proto_to_midi_file(cut(ns, start, end), str(target))
        back = note_seq.midi_file_to_note_sequence(str(target))
        if len(converter.to_tensors(copy.deepcopy(back)).inputs) != 1:
            target.unlink()
            continue
        entry = {"source": source, "window_seconds": [start, end]}
        if built_from:
            entry["built_from"] = built_from
        seqs.append(back)
        sources.append(entry)
        if len(seqs) == INPUTS:
            return seqs, sources
    raise SystemExit(f"{name}: fewer than {INPUTS} windows give exactly one tensor")
