"""`composer-app train --config cat-mel_2bar_small`: a MusicVAE trained on folders of music into a Magenta .tar."""

from __future__ import annotations

import sys
from pathlib import Path

from composer_app.cli.errors import UserError

# models/training/vae/spec.py TRAINABLE, named here so that the parser imports nothing heavy.
VAE_CONFIGS = ("cat-mel_2bar_small", "cat-drums_2bar_small", "groovae_2bar_humanize", "groovae_2bar_tap_fixed_velocity",
               "groovae_2bar_add_closed_hh", "hierdec-mel_16bar")
_NOT_FOR_VAE = (("keep_best", "--keep-best"), ("init_from", "--init-from"), ("infer_chords", "--infer-chords"),
                ("progress_json", "--progress-json"))


def run_vae_train(args) -> int:
    from composer_app.models.training.corpus import find_sources
    from composer_app.models.training.errors import TrainingCancelled
    from composer_app.models.training.run_folder import clear_run
    from composer_app.models.training.vae.run import VaeTrainingRequest, train_vae

    for name, flag in _NOT_FOR_VAE:
        if getattr(args, name, None):
            raise UserError(f"{flag} applies to the event RNNs, not to MusicVAE ({args.config})")
    if args.max_minutes is not None and args.max_minutes <= 0:
        raise UserError("--max-minutes must be above 0")
    if not 0.0 <= args.eval_ratio < 1.0:
        raise UserError("--eval-ratio must be at least 0 and below 1")
    run_dir = args.run_dir or args.output.with_name(args.output.stem + ".run")
    if args.restart:
        left = clear_run(run_dir)
        if left:
            print(f"--restart kept what composer-app did not make in {run_dir}: "
                  + ", ".join(p.name for p in left[:5]), file=sys.stderr)
    if args.resume and not (run_dir / "checkpoints" / "checkpoint").exists():
        raise UserError(f"--resume: no checkpoint in {run_dir}")
    sources = []
    for folder in args.input:
        if not Path(folder).exists():
            raise UserError(f"input folder {folder} does not exist")
        sources += find_sources([folder], args.tracks)
    if not sources:
        raise UserError("the input folders hold no MIDI, MusicXML (.xml/.mxl), ABC or Humdrum files")
    request = VaeTrainingRequest(
        config_id=args.config, output=args.output, sources=tuple(sources), hparams=args.hparams, steps=args.steps,
        time_limit_s=None if args.max_minutes is None else args.max_minutes * 60, eval_ratio=args.eval_ratio,
        eval_every=args.eval_every, checkpoint_every=args.checkpoint_every, run_dir=run_dir, seed=args.seed,
        log_metrics=args.log_metrics, workers=args.workers)

    def progress(item) -> None:
        if not args.quiet:
            print(item.line() if hasattr(item, "line") else str(item), file=sys.stderr)

    stop_file = args.stop_file
    cancelled = (lambda: stop_file.exists()) if stop_file is not None else None
    try:
        result = train_vae(request, progress=progress, cancelled=cancelled)
    except (TrainingCancelled, KeyboardInterrupt):
        print(f"interrupted; rerun the same command to resume from the last checkpoint in {run_dir}", file=sys.stderr)
        return 130
    held = result.held_out
    print(f"wrote {result.output}: {len(result.data.train)} training windows, {result.steps} steps"
          + (f", held-out accuracy {held.accuracy:.3f}, ELBO {held.elbo:.2f} nats, KL {held.kl_bits:.2f} bits"
             if held else ""))
    return 0
