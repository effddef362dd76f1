"""`composer-app train`: a folder of music in, a .mag bundle and its model card out, in one command."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from composer_app.cli.errors import UserError, reports_user_errors
from composer_app.errors import ComposerError
from composer_app.said import Said, to_plain


def add_parser(sub) -> None:
    p = sub.add_parser("train", help="train a model on folders of MIDI/MusicXML/ABC/Humdrum files into a .mag bundle")
    p.add_argument("--config", required=True,
                   help="model id, e.g. attention_rnn, basic_rnn, drum_kit, chord_pitches_improv (melodies over the "
                        "chord symbols of lead sheets), polyphony, or performance_with_dynamics (MIDI performances; "
                        "an ASAP folder is read from its metadata.csv, held out by piece); cat-mel_2bar_small or "
                        "cat-drums_2bar_small train a MusicVAE into a Magenta .tar")
    p.add_argument("--input", action="append", type=Path, required=True, metavar="DIR",
                   help="folder of music files (searched recursively); repeat for more folders")
    p.add_argument("--output", type=Path, required=True, help="the .mag to write; its model card goes beside it")
    p.add_argument("--hparams", help='overrides, e.g. "batch_size=64,rnn_layer_sizes=[64,64]"')
    p.add_argument("--steps", type=int, default=1000, help="training steps (default 1000)")
    p.add_argument("--max-minutes", type=float, metavar="M",
                   help="stop after M minutes of training (with a checkpoint) and write the bundle then")
    p.add_argument("--eval-ratio", type=float, default=0.1, help="share of source files held out (default 0.1)")
    p.add_argument("--eval-every", type=int, default=100, help="steps between held-out evaluations")
    p.add_argument("--checkpoint-every", type=int, default=100, help="steps between checkpoints")
    p.add_argument("--log-metrics", type=Path, metavar="FILE", help="append metrics as JSON lines to FILE")
    p.add_argument("--run-dir", type=Path, metavar="DIR",
                   help="checkpoints and run state (default: OUTPUT.run beside the output); rerun to resume")
    p.add_argument("--resume", action="store_true", help="require an existing run to continue")
    p.add_argument("--restart", action="store_true",
                   help="first delete the files an earlier run made in the run folder (only a folder it made)")
    p.add_argument("--tracks", choices=("all", "first"), default="all",
                   help="melodies from every part, or from the first part only (e.g. the voice of a song)")
    p.add_argument("--infer-chords", action="store_true",
                   help="Improv RNN: infer chords from the notes of pieces that have no chord symbols")
    p.add_argument("--workers", type=int, default=1, help="processes for reading files")
    p.add_argument("--no-cache", action="store_true", help="re-read every file instead of using the corpus cache")
    p.add_argument("--keep-best", action="store_true",
                   help="write the weights of the best held-out evaluation, not the last step's (small corpora "
                        "that start to overfit)")
    p.add_argument("--init-from", type=Path, metavar="FILE",
                   help="start from the network of this .mag bundle, or for MusicVAE of this checkpoint .tar "
                        "(Magenta's or the app's, made for the same model), instead of fresh weights; its layer "
                        "sizes apply")
    p.add_argument("--window", type=int, metavar="N",
                   help="event RNNs: learn from windows of at most N events of each piece (many more updates per "
                        "pass over long pieces such as chorales); held-out pieces are scored whole")
    p.add_argument("--all-windows", action="store_true",
                   help="MusicVAE: learn from every window of each file, not Magenta's 5 drawn from it (a few long "
                        "recordings, such as a class's drum takes)")
    p.add_argument("--tfds-windows", action="store_true",
                   help="GrooVAE: cut each performance's 2-bar windows as TensorFlow Datasets does for Magenta (its "
                        "data to the bit), which drops the downbeats a drummer plays a little early; by default they "
                        "are cut from the whole performance and keep them")
    p.add_argument("--stop-file", type=Path, metavar="FILE",
                   help="stop with a checkpoint as soon as FILE exists (rerun to resume); the app's Pause uses it")
    p.add_argument("--progress-json", action="store_true",
                   help="print progress and the result as JSON lines on stdout (what the app's Training panel reads)")
    p.add_argument("--nice", type=int, default=0, metavar="N",
                   help="lower this process's priority by N (1-19) so that other programs stay responsive")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=run_train)


@reports_user_errors
def run_train(args) -> int:
    from composer_app.cli.train_vae import VAE_CONFIGS, run_vae_train

    if args.config in VAE_CONFIGS:
        if args.window is not None:
            raise UserError(f"--window applies to the event RNNs, not to MusicVAE ({args.config})")
        return run_vae_train(args)
    from composer_app.models.rnn.extraction import ExtractorSettings
    from composer_app.models.training.errors import TrainingCancelled
    from composer_app.models.training.loop import TrainingRequest, train
    from composer_app.models.training.run_folder import clear_run

    for flag, given in (("--all-windows", args.all_windows), ("--tfds-windows", args.tfds_windows)):
        if given:
            raise UserError(f"{flag} applies to MusicVAE, not to the event RNNs ({args.config})")
    if args.max_minutes is not None and args.max_minutes <= 0:
        raise UserError("--max-minutes must be above 0")
    if not 0.0 <= args.eval_ratio < 1.0:
        raise UserError("--eval-ratio must be at least 0 and below 1")
    if not 0 <= args.nice <= 19:
        raise UserError("--nice must be between 0 and 19")
    if args.nice and hasattr(os, "nice"):  # Windows has no nice: the process keeps its priority
        os.nice(args.nice)
    run_dir = args.run_dir or args.output.with_name(args.output.stem + ".run")
    if args.restart:
        # Only a folder the trainer made, and in it only the trainer's files: --run-dir may name any folder.
        left = clear_run(run_dir)
        if left:
            names = ", ".join(p.name for p in left[:5]) + (f" and {len(left) - 5} more" if len(left) > 5 else "")
            print(f"--restart kept what composer-app did not make in {run_dir}: {names}", file=sys.stderr)
    if args.resume and not (run_dir / "checkpoints" / "checkpoint").exists():
        raise UserError(f"--resume: no checkpoint in {run_dir}")
    request = TrainingRequest(
        config_id=args.config, output=args.output, inputs=tuple(args.input), tracks=args.tracks,
        hparams=args.hparams, steps=args.steps,
        time_limit_s=None if args.max_minutes is None else args.max_minutes * 60, eval_ratio=args.eval_ratio, eval_every=args.eval_every,
        checkpoint_every=args.checkpoint_every, run_dir=run_dir, log_metrics=args.log_metrics, seed=args.seed,
        workers=args.workers, use_cache=not args.no_cache, keep_best=args.keep_best, init_from=args.init_from,
        window=args.window,
        settings=ExtractorSettings(infer_chords=args.infer_chords))

    def progress(p):
        if args.progress_json:
            _say_json(progress_record(p))
        if args.quiet:
            return
        if p.phase == "reading":
            if p.message and not p.files_total:
                print(p.message, file=sys.stderr)
            elif p.files_total and (p.files_done == p.files_total or p.files_done % 100 == 0):
                print(f"read {p.files_done}/{p.files_total} files", file=sys.stderr)
        elif p.metrics is not None:
            print(p.metrics.line(), file=sys.stderr)
        elif p.message:
            print(p.message, file=sys.stderr)

    stop_file = args.stop_file
    cancelled = (lambda: stop_file.exists()) if stop_file is not None else None
    try:
        result = train(request, progress=progress, cancelled=cancelled)  # a TrainingError: one line, with its hint
    except (TrainingCancelled, KeyboardInterrupt):
        if args.progress_json:
            _say_json({"phase": "stopped", "run_dir": str(run_dir)})
        print(f"interrupted; rerun the same command to resume from the last checkpoint in {run_dir}", file=sys.stderr)
        return 130
    except ComposerError as exc:
        if args.progress_json:  # the app shows it in the user's language; the line on stderr stays English
            what = exc.args[0] if len(exc.args) == 1 else str(exc)
            _say_json({"phase": "error", "message": str(what), "said": to_plain(what), "hint": to_plain(exc.hint)})
        raise
    r = result.report
    held = result.held_out
    if args.progress_json:
        _say_json({"phase": "result", "bundle": str(result.bundle), "card": str(result.card), "steps": result.steps,
                   "train_sequences": r.train_sequences,
                   "eval_perplexity": held.perplexity if held else None,
                   "eval_accuracy": held.accuracy if held else None})
        return 0
    kept = f" (kept step {result.kept_step}, the best held-out)" if result.kept_step is not None else ""
    print(f"wrote {result.bundle} and {result.card}: {r.train_sequences} training sequences, {result.steps} steps"
          + kept
          + (f", held-out perplexity {held.perplexity:.3f}, accuracy {held.accuracy:.3f}" if held else ""))
    return 0


def progress_record(p) -> dict:
    """One TrainingProgress as a JSON-ready dict (figures that are not numbers, NaN at step 0, left out)."""
    from dataclasses import asdict

    record = {"phase": p.phase, "step": p.step, "total_steps": p.total_steps, "files_done": p.files_done,
              "files_total": p.files_total, "message": p.message}
    if isinstance(p.message, Said):
        record["said"] = to_plain(p.message)  # the app shows it in the user's language
    if p.metrics is not None:
        record["metrics"] = {k: v for k, v in asdict(p.metrics).items()
                             if v is not None and not (isinstance(v, float) and v != v)}
    return record


def _say_json(record: dict) -> None:
    print(json.dumps(record), flush=True)
