"""Magenta 2.1.4's own lead-sheet pipeline on a folder of scores: which files give Improv RNN training examples.

Run with the reference venv's python (it imports magenta and TensorFlow), once; benchmarks/bench_lead_sheets.py
reads the JSON it writes:

  TF_NUM_INTRAOP_THREADS=1 ~/.cache/magenta-reference/venv/bin/python scripts/magenta_lead_sheets.py \
      ../shared/datasets/openewld/dataset benchmarks/data/magenta_lead_sheets_openewld.json

It runs exactly what a Magenta user runs (convert_dir_to_note_sequences --recursive, then improv_rnn_create_dataset
--config=chord_pitches_improv --eval_ratio=0) and records that run's totals; to know *which* files gave examples it
then feeds each converted NoteSequence alone through the same improv_rnn_pipeline.get_pipeline DAG, for
chord_pitches_improv and for basic_improv (the triad encoding), and checks that the per-file sum equals the total.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = Path(sys.executable).parent
SUFFIXES = (".mid", ".midi", ".xml", ".mxl", ".abc")  # what convert_dir_to_note_sequences reads
CONFIGS = ("chord_pitches_improv", "basic_improv")


def _count_records(path: Path) -> int:
    import tensorflow as tf

    return sum(1 for _ in tf.data.TFRecordDataset(str(path))) if path.exists() else 0


def _per_file(tfrecord: Path) -> tuple[dict, dict]:
    """{filename: {config: examples}} and {config: merged pipeline statistics} for every converted sequence."""
    import note_seq
    from magenta.models.improv_rnn import improv_rnn_model, improv_rnn_pipeline
    from magenta.pipelines import pipeline, statistics

    results: dict = {}
    stats_out = {}
    for config_id in CONFIGS:
        dag = improv_rnn_pipeline.get_pipeline(improv_rnn_model.default_configs[config_id], 0.0)
        merged = []
        for sequence in pipeline.tf_record_iterator(str(tfrecord), note_seq.NoteSequence):
            outputs = dag.transform(sequence)
            merged = statistics.merge_statistics(merged + dag.get_stats())
            count = sum(len(v) for v in outputs.values())
            entry = results.setdefault(sequence.filename, {})
            entry[config_id] = entry.get(config_id, 0) + count
        stats_out[config_id] = {s.name: int(getattr(s, "count", 0)) for s in merged if hasattr(s, "count")}
    return results, stats_out


def _conversion_errors(data: Path, names: list[str]) -> dict:
    """Why convert_dir_to_note_sequences left each file out: the exception note_seq's reader raises for it."""
    from note_seq import abc_parser, midi_io, musicxml_reader

    reasons = {}
    for name in names:
        path = data / name
        try:
            if path.suffix.lower() in (".xml", ".mxl"):
                musicxml_reader.musicxml_file_to_sequence_proto(str(path))
            elif path.suffix.lower() == ".abc":
                abc_parser.parse_abc_tunebook_file(str(path))
            else:
                midi_io.midi_file_to_note_sequence(str(path))
            reasons[name] = "converted alone"
        except Exception as exc:  # the reason is the record
            reasons[name] = f"{type(exc).__name__}: {str(exc)[:120]}"
    return reasons


def main(data_dir: str, out_json: str) -> int:
    data = Path(data_dir).resolve()
    files = sorted(str(p.relative_to(data)) for p in data.rglob("*") if p.suffix.lower() in SUFFIXES)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sequences = tmp / "notesequences.tfrecord"
        subprocess.run([str(BIN / "convert_dir_to_note_sequences"), f"--input_dir={data}",
                        f"--output_file={sequences}", "--recursive", "--log=ERROR"], check=True)
        subprocess.run([str(BIN / "improv_rnn_create_dataset"), "--config=chord_pitches_improv",
                        f"--input={sequences}", f"--output_dir={tmp / 'dataset'}", "--eval_ratio=0",
                        "--log=ERROR"], check=True)
        total = _count_records(tmp / "dataset" / "training_lead_sheets.tfrecord")
        per_file, stats = _per_file(sequences)
    per_file_sum = sum(v["chord_pitches_improv"] for v in per_file.values())
    report = {
        "made_by": "scripts/magenta_lead_sheets.py with Magenta 2.1.4 (convert_dir_to_note_sequences --recursive; "
                   "improv_rnn_create_dataset --config=chord_pitches_improv --eval_ratio=0; then the same "
                   "improv_rnn_pipeline per NoteSequence for chord_pitches_improv and basic_improv)",
        "made_on": datetime.date.today().isoformat(),
        "data_dir": os.path.relpath(data, Path(out_json).resolve().parent),
        "files": len(files),
        "converted": len(per_file),
        "create_dataset_examples": total,
        "per_file_examples_sum": per_file_sum,
        "statistics": stats,
        "not_converted": _conversion_errors(data, sorted(set(files) - set(per_file))),
        "per_file": dict(sorted(per_file.items())),
    }
    Path(out_json).parent.mkdir(parents=True, exist_ok=True)
    Path(out_json).write_text(json.dumps(report, indent=1) + "\n")
    print(f"{len(files)} files, {len(per_file)} converted, create_dataset wrote {total} examples "
          f"(per-file sum {per_file_sum})")
    return 0 if per_file_sum == total else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
