"""Train one of the app's shipped bundles (resources/bundles/CONFIG.mag + CONFIG.md) on the shipped corpora.

Usage: train_shipped_bundles.py CONFIG --steps N [--hparams H] [--eval-every K] [--max-minutes M] [--run-name R]
[--threads T] [--workers W] [--no-bucket] [--init-from BUNDLE]. Resumable: rerun to continue. Run state, metrics (JSON lines) and the result summary live in
~/.cache/composer-app/runs/R/ (R defaults to CONFIG).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_results import save_result  # noqa: E402
from shipped_data import RUNS, sources_for  # noqa: E402

from composer_app.models.training.loop import TrainingRequest, train  # noqa: E402

BUNDLES = Path(__file__).resolve().parents[1] / "composer_app" / "resources" / "bundles"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("config")
    ap.add_argument("--steps", type=int, required=True)
    ap.add_argument("--hparams", default=None)
    ap.add_argument("--eval-every", type=int, default=25)
    ap.add_argument("--output", type=Path, default=None)
    ap.add_argument("--max-minutes", type=float, default=None)
    ap.add_argument("--run-name", default=None)
    ap.add_argument("--threads", type=int, default=None, help="TensorFlow compute threads (two runs side by side: 1)")
    ap.add_argument("--workers", type=int, default=1, help="processes reading the corpus (cached after the first run)")
    ap.add_argument("--no-bucket", action="store_true", help="batches drawn at random, as Magenta's (not by length)")
    ap.add_argument("--window", type=int, default=None,
                    help="train on windows of at most this many events (more updates per pass; held-out stays whole)")
    ap.add_argument("--init-from", type=Path, default=None,
                    help="a .mag bundle whose network a new run continues (a run carried over from another machine)")
    args = ap.parse_args()
    if args.threads:
        import tensorflow as tf

        tf.config.threading.set_intra_op_parallelism_threads(args.threads)
        tf.config.threading.set_inter_op_parallelism_threads(args.threads)
    sources, description = sources_for(args.config)
    run = RUNS / (args.run_name or args.config)
    run.mkdir(parents=True, exist_ok=True)
    BUNDLES.mkdir(parents=True, exist_ok=True)
    output = args.output or BUNDLES / f"{args.config}.mag"
    request = TrainingRequest(
        config_id=args.config, output=output, sources=tuple(sources), hparams=args.hparams, steps=args.steps,
        time_limit_s=None if args.max_minutes is None else args.max_minutes * 60, eval_every=args.eval_every, report_every=5, checkpoint_every=10, run_dir=run,
        log_metrics=run / "metrics.jsonl", data_description=description, workers=args.workers,
        bucket=not args.no_bucket, init_from=args.init_from, window=args.window)
    t0 = time.time()

    def progress(p):
        if p.metrics is not None:
            print(f"[{time.time() - t0:7.0f}s] {p.metrics.line()}", flush=True)
        elif p.message:
            print(p.message, flush=True)

    result = train(request, progress=progress)
    save_result(result, run)
    print(f"done: {result.bundle} ({result.bundle.stat().st_size / 1e6:.2f} MB), wall {result.wall_time_s:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
