"""Train the app's own MusicVAE models: a melody one (cat-mel_2bar_small, or hierdec-mel_16bar) on the melody corpus
the shipped RNNs use (melody_sources.json), the 2-bar drum one (cat-drums_2bar_small) and the GrooVAEs on Groove with
its own split.

Usage: train_shipped_vae.py --steps N [--config C] [--run-name R] [--hparams H] [--max-minutes M] [--eval-every K]
[--output OUT.tar] [--threads T] [--workers W]. Resumable: rerun to continue. Run state (checkpoints, the read
windows, metrics as JSON lines) lives in ~/.cache/composer-app/runs/CONFIG/; the .tar (Magenta's checkpoint form)
defaults to that folder's parent.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shipped_corpora import SHARED, drum_sources  # noqa: E402
from shipped_data import RUNS, load_frozen  # noqa: E402

from composer_app.models.training.data import gather_sources  # noqa: E402
from composer_app.models.training.vae.run import VaeTrainingRequest, train_vae  # noqa: E402


def groove_files() -> list:
    """Every file of the Groove MIDI Dataset: the GrooVAE reader takes each file's side from its info.csv."""
    return gather_sources([SHARED / "groove"], ())


# Each config and the files it learns from: the melody list the shipped RNNs use, or Groove (the drum RNN's).
CONFIGS = {"cat-mel_2bar_small": load_frozen, "hierdec-mel_16bar": load_frozen, "cat-drums_2bar_small": drum_sources,
           **{f"groovae_2bar_{v}": groove_files for v in ("humanize", "tap_fixed_velocity", "add_closed_hh")}}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, required=True)
    ap.add_argument("--config", choices=tuple(CONFIGS), default="cat-mel_2bar_small")
    ap.add_argument("--hparams", default=None)
    ap.add_argument("--eval-every", type=int, default=100)
    ap.add_argument("--checkpoint-every", type=int, default=25)
    ap.add_argument("--max-minutes", type=float, default=None)
    ap.add_argument("--output", type=Path, default=None, help="default: RUNS/CONFIG.tar")
    ap.add_argument("--threads", type=int, default=None, help="TensorFlow compute threads")
    ap.add_argument("--workers", type=int, default=2, help="processes reading the corpus (kept after the first run)")
    ap.add_argument("--run-name", default=None, help="the run folder under RUNS (default: CONFIG); a new name reuses "
                    "CONFIG's read windows")
    ap.add_argument("--all-windows", action="store_true", help="every window of each file, not Magenta's 5")
    ap.add_argument("--tfds-windows", action="store_true", help="GrooVAE: TFDS's windows (Magenta's data to the bit)")
    ap.add_argument("--init-from", type=Path, default=None,
                    help="a MusicVAE checkpoint whose weights the run starts from (a tap2drum run from humanize)")
    args = ap.parse_args()
    if args.threads:
        import tensorflow as tf

        tf.config.threading.set_intra_op_parallelism_threads(args.threads)
        tf.config.threading.set_inter_op_parallelism_threads(args.threads)
    run = RUNS / (args.run_name or args.config)
    windows = run / "windows.npz"
    if not windows.exists() and (RUNS / args.config / "windows.npz").exists():
        from composer_app.models.training.run_folder import note_made, open_run_folder

        open_run_folder(run)
        shutil.copyfile(RUNS / args.config / "windows.npz", windows)  # the same files: not parsed again
        note_made(run, windows)
    request = VaeTrainingRequest(
        config_id=args.config, output=args.output or RUNS / f"{args.config}.tar", sources=tuple(CONFIGS[args.config]()),
        hparams=args.hparams, steps=args.steps,
        time_limit_s=None if args.max_minutes is None else args.max_minutes * 60, eval_every=args.eval_every,
        checkpoint_every=args.checkpoint_every, run_dir=run, log_metrics=run / "metrics.jsonl",
        workers=args.workers, init_from=args.init_from, groove_windowing="tfds" if args.tfds_windows else "downbeats",
        **({"windows_per_song": None} if args.all_windows else {}))
    t0 = time.time()
    first_step: list[float] = []  # when the first step of this invocation ended: reading the corpus is not training

    def progress(item) -> None:
        if hasattr(item, "held_out") and not item.held_out and not first_step:
            first_step.append(time.time())
        print(f"[{time.time() - t0:7.0f}s] {item.line() if hasattr(item, 'line') else item}", flush=True)

    result = train_vae(request, progress=progress)
    record_result(run, result, time.time() - first_step[0] if first_step else 0.0, request)
    held = result.held_out
    print(f"done: {result.output} at step {result.steps}"
          + (f"; held-out accuracy {held.accuracy:.3f}, ELBO {held.elbo:.2f} nats, KL {held.kl_bits:.2f} bits"
             if held else ""))
    return 0


def record_result(run: Path, result, seconds: float, request) -> None:
    """RUN/result.json for the card: steps, training wall time summed over resumed invocations, held-out figures."""
    path = run / "result.json"
    earlier = json.loads(path.read_text()) if path.exists() else {}
    data = result.data
    held = result.held_out
    path.write_text(json.dumps({
        "config_id": request.config_id, "output": str(result.output), "steps": result.steps,
        "hparams": request.hparams, "windows_per_song": request.windows_per_song,
        "init_from": None if request.init_from is None else str(request.init_from),
        "groove_windowing": request.groove_windowing,
        "wall_time_s": earlier.get("wall_time_s", 0.0) + seconds,
        # Steps an earlier tool ran without timing them (finish_shipped_vae.wall_time), written by hand once.
        **({"untimed": earlier["untimed"]} if "untimed" in earlier else {}),
        "files": data.files, "train_files": data.train_files, "eval_files": data.eval_files,
        "unreadable": len(data.unreadable), "train_windows": len(data.train), "eval_windows": len(data.eval),
        "held_out": None if held is None else {"step": held.step, "accuracy": held.accuracy, "r_loss": held.r_loss,
                                               "kl_bits": held.kl_bits, "elbo": held.elbo, "loss": held.loss},
        "groove": result.groove},
        indent=1))


if __name__ == "__main__":
    sys.exit(main())
