"""Compare training runs of one config on held-out data, for a model card's "Choice of hparams".

Usage: compare_runs.py RUN [RUN ...] (run folders under ~/.cache/composer-app/runs). Prints a markdown table of
each run's hparams, steps, wall time and final held-out figures, and each run's held-out perplexity at the
wall times all runs reached, read from their metrics logs.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_results import load_result  # noqa: E402
from shipped_data import RUNS  # noqa: E402

from composer_app.models.training.metrics import read_metrics  # noqa: E402

SHOWN = ("batch_size", "rnn_layer_sizes", "attn_length", "dropout_keep_prob", "clip_norm", "learning_rate")


def _result(run: str):
    return load_result(RUNS / run)


def _perplexity_at(run: str, seconds: float) -> float | None:
    """Held-out perplexity of the last evaluation made within `seconds` of training."""
    rows = [r for r in read_metrics(RUNS / run / "metrics.jsonl") if "eval_perplexity" in r]
    within = [r for r in rows if r["elapsed_s"] <= seconds]
    return within[-1]["eval_perplexity"] if within else None


def table(runs: list[str]) -> str:
    results = {run: _result(run) for run in runs}
    lines = ["| run | hparams | steps | wall time | held-out perplexity | held-out accuracy |",
             "|---|---|---|---|---|---|"]
    for run, r in results.items():
        hp = ", ".join(f"{k}={v}" for k, v in r.hparams.items() if k in SHOWN)
        lines.append(f"| {run} | {hp} | {r.steps} | {r.wall_time_s / 60:.1f} min | {r.held_out.perplexity:.3f} | "
                     f"{r.held_out.accuracy:.3f} |")
    shortest = min(r.wall_time_s for r in results.values())
    marks = [m for m in (shortest / 4, shortest / 2, shortest) if m > 0]
    lines += ["", "Held-out perplexity at equal training time (last evaluation within it):", "",
              "| run | " + " | ".join(f"{m / 60:.0f} min" for m in marks) + " |",
              "|---|" + "---|" * len(marks)]
    for run in runs:
        cells = [_perplexity_at(run, m) for m in marks]
        lines.append(f"| {run} | " + " | ".join("-" if c is None else f"{c:.3f}" for c in cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(sys.argv[1:]))
