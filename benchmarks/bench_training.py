"""Training throughput (steps/s): this app's trainer vs Magenta 2.1.4's, same data, hparams and machine, one run.

attention_rnn [128,128] batch 64 and drum_kit [256,256,256] batch 64, on the shipped corpora (the melody and
Groove training sets, as encoded by this app and written as TFRecords for Magenta). Usage:
  bench_training.py [--steps N] [--configs attention_rnn,drum_kit] [--skip-magenta]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from shipped_data import prepared  # noqa: E402

from composer_app.models.rnn.configs import get_config  # noqa: E402
from composer_app.models.training.dataset import BatchOrder, pad_batch, write_sequence_examples  # noqa: E402
from composer_app.models.training.loop import Trainer  # noqa: E402

MAGENTA_BIN = Path("/root/.cache/magenta-reference/venv/bin")
SETTINGS = {
    "attention_rnn": "batch_size=64,rnn_layer_sizes=[128,128],dropout_keep_prob=0.5,attn_length=40,clip_norm=3",
    "drum_kit": "batch_size=64,rnn_layer_sizes=[256,256,256],dropout_keep_prob=0.5,attn_length=32,clip_norm=3",
}


def ours(config_id: str, data, steps: int, bucket: bool) -> float:
    config = get_config(config_id)
    hparams = config.hparams.with_overrides(SETTINGS[config_id])
    trainer = Trainer(config, hparams, data.train.input_size, data.train.num_classes, None)
    batches = BatchOrder(data.train.lengths(), hparams.batch_size, seed=0, bucket=bucket).from_position(0, 0)
    x, y, m = pad_batch(data.train, next(batches)[2])
    trainer.train_fn(x, y, m)  # tracing
    start = time.perf_counter()
    for _ in range(steps):
        x, y, m = pad_batch(data.train, next(batches)[2])
        trainer.train_fn(x, y, m)
    return steps / (time.perf_counter() - start)


def magenta(config_id: str, data, steps: int) -> float | None:
    family = "drums" if get_config(config_id).is_drums else "melody"
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "training.tfrecord"
        write_sequence_examples(data.train, records)
        proc = subprocess.run(
            [str(MAGENTA_BIN / f"{family}_rnn_train"), f"--config={config_id}", f"--run_dir={tmp}/run",
             f"--sequence_example_file={records}", f"--hparams={SETTINGS[config_id]}",
             f"--num_training_steps={steps + 2}", "--summary_frequency=1"],
            capture_output=True, text=True)
    rates = [float(r) for r in re.findall(r"global_step/sec: ([0-9.]+)", proc.stdout + proc.stderr)]
    # The first rates include graph building and queue warm-up; Magenta's steady state is what we compare with.
    rates = rates[2:] or rates
    return sum(rates) / len(rates) if rates else None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--configs", default="attention_rnn,drum_kit")
    ap.add_argument("--skip-magenta", action="store_true")
    args = ap.parse_args()
    results = {}
    for config_id in args.configs.split(","):
        data = prepared(config_id)
        row = {"hparams": SETTINGS[config_id], "train_sequences": len(data.train),
               "ours_steps_per_s": ours(config_id, data, args.steps, bucket=True),
               "ours_unbucketed_steps_per_s": ours(config_id, data, args.steps, bucket=False)}
        if not args.skip_magenta:
            row["magenta_steps_per_s"] = magenta(config_id, data, args.steps)
            if row["magenta_steps_per_s"]:
                row["speedup"] = row["ours_steps_per_s"] / row["magenta_steps_per_s"]
                row["speedup_unbucketed"] = row["ours_unbucketed_steps_per_s"] / row["magenta_steps_per_s"]
        results[config_id] = row
        print(json.dumps({config_id: row}), flush=True)
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
