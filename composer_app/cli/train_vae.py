"""`composer-app train --config cat-mel_2bar_small`: a MusicVAE trained on folders of music into a Magenta .tar."""

from __future__ import annotations

import json
import os
import sys

from composer_app.cli.errors import UserError
from composer_app.errors import ComposerError
from composer_app.said import said, to_plain

# models/training/vae/spec.py TRAINABLE, named here so that the parser imports nothing heavy.
VAE_CONFIGS = ("cat-mel_2bar_small", "cat-drums_2bar_small", "groovae_2bar_humanize", "groovae_2bar_tap_fixed_velocity",
               "groovae_2bar_add_closed_hh", "hierdec-mel_16bar")
_NOT_FOR_VAE = (("keep_best", "--keep-best"), ("infer_chords", "--infer-chords"))


def run_vae_train(args) -> int:
    for name, flag in _NOT_FOR_VAE:
        if getattr(args, name, None):
            raise UserError(f"{flag} applies to the event RNNs, not to MusicVAE ({args.config})")
    if args.max_minutes is not None and args.max_minutes <= 0:
        raise UserError("--max-minutes must be above 0")
    if not 0.0 <= args.eval_ratio < 1.0:
        raise UserError("--eval-ratio must be at least 0 and below 1")
    if not 0 <= getattr(args, "nice", 0) <= 19:
        raise UserError("--nice must be between 0 and 19")
    if getattr(args, "nice", 0) and hasattr(os, "nice"):  # Windows has no nice: the process keeps its priority
        os.nice(args.nice)
    try:
        return _train(args)
    except ComposerError as exc:
        if args.progress_json:  # the app shows it in the user's language; the line on stderr stays English
            what = exc.args[0] if len(exc.args) == 1 else str(exc)
            _say_json({"phase": "error", "message": str(what), "said": to_plain(what), "hint": to_plain(exc.hint)})
        raise


def _train(args) -> int:
    from composer_app.models.training.data import gather_sources
    from composer_app.models.training.errors import TrainingCancelled, TrainingError
    from composer_app.models.training.run_folder import clear_run
    from composer_app.models.training.vae.progress import ProgressRecords
    from composer_app.models.training.vae.run import VaeTrainingRequest, train_vae

    run_dir = args.run_dir or args.output.with_name(args.output.stem + ".run")
    folder = args.output.parent
    if not folder.is_dir():  # before the training, not after it
        raise TrainingError(said("cannot write {output}: folder {folder} does not exist").format(
            output=str(args.output), folder=str(folder)))
    if args.restart:
        left = clear_run(run_dir)
        if left:
            print(f"--restart kept what composer-app did not make in {run_dir}: "
                  + ", ".join(p.name for p in left[:5]), file=sys.stderr)
    if args.resume and not (run_dir / "checkpoints" / "checkpoint").exists():
        raise UserError(f"--resume: no checkpoint in {run_dir}")
    sources = gather_sources(args.input, (), args.tracks)  # said() errors: a missing or empty folder
    request = VaeTrainingRequest(
        config_id=args.config, output=args.output, sources=tuple(sources), hparams=args.hparams, steps=args.steps,
        time_limit_s=None if args.max_minutes is None else args.max_minutes * 60, eval_ratio=args.eval_ratio,
        eval_every=args.eval_every, checkpoint_every=args.checkpoint_every, run_dir=run_dir, seed=args.seed,
        log_metrics=args.log_metrics, workers=args.workers, init_from=args.init_from,
        groove_windowing="tfds" if args.tfds_windows else "downbeats",
        **({"windows_per_song": None} if args.all_windows else {}))
    records = ProgressRecords(args.steps) if args.progress_json else None

    def progress(item) -> None:
        for record in records.feed(item) if records is not None else ():
            _say_json(record)
        if not args.quiet:
            print(item.line() if hasattr(item, "line") else str(item), file=sys.stderr)

    stop_file = args.stop_file
    cancelled = (lambda: stop_file.exists()) if stop_file is not None else None
    try:
        result = train_vae(request, progress=progress, cancelled=cancelled)
    except (TrainingCancelled, KeyboardInterrupt):
        if records is not None:
            for record in records.flush():
                _say_json(record)
            _say_json({"phase": "stopped", "run_dir": str(run_dir)})
        print(f"interrupted; rerun the same command to resume from the last checkpoint in {run_dir}", file=sys.stderr)
        return 130
    held = result.held_out
    if records is not None:
        for record in records.flush():
            _say_json(record)
        _say_json({"phase": "result", "bundle": str(result.output), "card": None, "steps": result.steps,
                   "train_sequences": len(result.data.train), "eval_sequences": len(result.data.eval),
                   "eval_accuracy": held.accuracy if held else None, "eval_kl_bits": held.kl_bits if held else None,
                   "eval_elbo": held.elbo if held else None})
        return 0
    print(f"wrote {result.output}: {len(result.data.train)} training windows, {result.steps} steps"
          + (f", held-out accuracy {held.accuracy:.3f}, ELBO {held.elbo:.2f} nats, KL {held.kl_bits:.2f} bits"
             if held else ""))
    return 0


def _say_json(record: dict) -> None:
    print(json.dumps(record), flush=True)
