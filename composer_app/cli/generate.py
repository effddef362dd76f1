"""`composer-app generate`, `melody_rnn_generate` and `drums_rnn_generate` with Magenta's flags."""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
from pathlib import Path

from composer_app.cli.errors import UserError, reports_user_errors

MAX_STEPS = 100_000  # about 390 bars of 4/4: far past any use, and each sequence keeps its whole history
MAX_SEED = 2**32 - 1  # numpy's (and so Magenta's) seed range
MAX_QPM = 1000.0


def _whole_number(text: str) -> int:
    """An integer, also when written like 1e3; anything else is refused."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value.is_integer():
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}")
    return int(value)


def _positive_int(text: str) -> int:
    value = _whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _num_steps(text: str) -> int:
    value = _positive_int(text)
    if value > MAX_STEPS:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_STEPS} steps (this app's limit), got {value}")
    return value


def _seed(text: str) -> int:
    value = _whole_number(text)
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"a seed is a whole number from 0 to {MAX_SEED}, got {value}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {value:g}")
    return value


def _qpm(text: str) -> float:
    value = _positive_float(text)
    if value > MAX_QPM:
        raise argparse.ArgumentTypeError(f"expected a tempo of at most {MAX_QPM:g} qpm, got {value:g}")
    return value


def add_generate_arguments(p: argparse.ArgumentParser, family: str | None, default_config: str | None) -> None:
    from composer_app.models.rnn.configs import all_configs

    choices = [c.id for c in all_configs() if family is None or c.family == family]
    p.add_argument("--config", default=default_config, required=default_config is None, choices=choices,
                   help="the model (Magenta generator id)")
    p.add_argument("--bundle_file", type=Path, help="a .mag bundle (default: the one shipped with this app)")
    p.add_argument("--output_dir", type=Path, default=Path("generated"), help="where to write the MIDI files")
    p.add_argument("--num_outputs", type=_positive_int, default=10, help="how many files to generate")
    p.add_argument("--num_steps", type=_num_steps, default=128,
                   help=f"total length in steps, primer included (16 steps = one 4/4 bar; at most {MAX_STEPS})")
    primer = p.add_mutually_exclusive_group()
    if family in (None, "melody"):
        primer.add_argument("--primer_melody", help='e.g. "[60, -2, 60, -2, 67, -2, 67, -2]"')
    if family in (None, "drums"):
        primer.add_argument("--primer_drums", help='e.g. "[(36, 42), (), (42,)]"')
    primer.add_argument("--primer_midi", type=Path, help="a MIDI (or MusicXML, ABC) file to continue")
    p.add_argument("--qpm", type=_qpm, help="tempo (default: the primer file's, else 120)")
    add_sampling_flags(p)
    if family in (None, "melody"):
        steer = p.add_argument_group("steering (melody models)")
        steer.add_argument("--key", help="keep notes in this key, e.g. C, F#, Bb")
        steer.add_argument("--scale", default="major", help="scale for --key (major, natural minor, dorian, ...)")
        steer.add_argument("--min_pitch", type=int, help="lowest MIDI pitch to generate")
        steer.add_argument("--max_pitch", type=int, help="highest MIDI pitch to generate")
        steer.add_argument("--avoid_primer_copy", action="store_true",
                           help="never repeat the primer verbatim right after itself")


def add_sampling_flags(p) -> None:
    """The sampling and beam flags every events-RNN generate script shares, with --hparams, --seed and --run_dir."""
    p.add_argument("--temperature", type=_positive_float, default=1.0, help="randomness; 1.0 samples as trained")
    p.add_argument("--beam_size", type=_positive_int, default=1)
    p.add_argument("--branch_factor", type=_positive_int, default=1)
    p.add_argument("--steps_per_iteration", type=_positive_int, default=1)
    p.add_argument("--hparams", help="Magenta's hparams, checked; the bundle's own network sizes are used")
    p.add_argument("--seed", type=_seed, help=f"random seed from 0 to {MAX_SEED}: the same seed gives the same music")
    p.add_argument("--run_dir", help=argparse.SUPPRESS)


def refuse_run_dir(args) -> None:
    """Magenta's generate scripts take a training folder; these take the bundle it saves."""
    if args.run_dir:
        raise UserError("--run_dir (a training folder) is not supported; save a bundle and pass --bundle_file")


def add_parser(sub) -> None:
    p = sub.add_parser("generate", help="generate melodies or drums with a model (Magenta's flags)")
    add_generate_arguments(p, None, None)
    p.set_defaults(func=run)


def _steering(args):
    from composer_app.models.errors import GenerationError
    from composer_app.models.rnn.steering import PitchSteering
    from composer_app.music.scales import pitch_class

    key = getattr(args, "key", None)
    low, high = getattr(args, "min_pitch", None), getattr(args, "max_pitch", None)
    if key is None and low is None and high is None:
        return None
    tonic, scale = 0, "chromatic"
    if key is not None:
        tonic = pitch_class(key)
        if tonic is None:
            raise UserError(f"unknown key {key!r}; use a note name such as C, F# or Bb")
        scale = args.scale
    try:
        return PitchSteering(tonic, scale, 0 if low is None else low, 127 if high is None else high)
    except GenerationError as exc:
        raise UserError(str(exc)) from None


def _primer(args, config):
    """Primer (events or a Track) and the tempo that goes with it."""
    from composer_app.models.rnn.extraction import primer_track
    from composer_app.music.io import read_song
    from composer_app.music.primers import parse_drums_primer, parse_melody_primer

    qpm = args.qpm
    if getattr(args, "primer_melody", None):
        if not config.is_melody:
            raise UserError(f"--primer_melody is for melody models; {config.id} takes --primer_drums")
        return tuple(parse_melody_primer(args.primer_melody)), qpm or 120.0
    if getattr(args, "primer_drums", None):
        if not config.is_drums:
            raise UserError(f"--primer_drums is for drum models; {config.id} takes --primer_melody")
        return tuple(parse_drums_primer(args.primer_drums)), qpm or 120.0
    if args.primer_midi:
        song = read_song(args.primer_midi)
        return primer_track(song, config, str(args.primer_midi)), qpm or song.qpm
    return None, qpm or 120.0


@reports_user_errors
def run(args) -> int:
    from composer_app.models.rnn.configs import get_config
    from composer_app.models.rnn.generator import generate
    from composer_app.models.rnn.requests import GenerateRequest

    config = get_config(args.config)
    refuse_run_dir(args)
    config.hparams.with_overrides(args.hparams)  # Magenta parses them too; a bundle's graph fixes the sizes
    primer, qpm = _primer(args, config)
    request = GenerateRequest(
        config_id=config.id, total_steps=args.num_steps, primer=primer, bundle=args.bundle_file,
        temperature=args.temperature, beam_size=args.beam_size, branch_factor=args.branch_factor,
        steps_per_iteration=args.steps_per_iteration, num_outputs=args.num_outputs, seed=args.seed, qpm=qpm,
        steering=_steering(args), avoid_primer_copy=getattr(args, "avoid_primer_copy", False),
    )
    result = generate(request)
    write_outputs([c.song for c in result.candidates], args.output_dir)
    print(f"Wrote {len(result.candidates)} MIDI files to {args.output_dir} "
          f"({config.id}, seed {result.seed}, {result.seconds:.2f} s)")
    return 0


def write_outputs(songs, output_dir: Path) -> list[Path]:
    """Write the songs as Magenta names its outputs: DATE_TIME_N.mid, N zero-padded to the count's width."""
    from composer_app.music.io import write_song

    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create the output folder {output_dir}: {exc.strerror or exc}") from None
    stamp = dt.datetime.now().strftime("%Y-%m-%d_%H%M%S")
    digits = len(str(len(songs)))
    names = [f"{stamp}_{str(i + 1).zfill(digits)}" for i in range(len(songs))]
    # Magenta names files by the second; a second run within it would overwrite the first run's files.
    run = 1
    while any((output_dir / f"{name}{'' if run == 1 else f'-{run}'}.mid").exists() for name in names):
        run += 1
    paths = [output_dir / f"{name}{'' if run == 1 else f'-{run}'}.mid" for name in names]
    for song, path in zip(songs, paths):
        write_song(song, path)
    return paths


def _magenta_main(family: str, default_config: str, prog: str) -> int:
    from composer_app.cli.main import OneLineParser

    parser = OneLineParser(prog=prog, description=f"Generate with a {family} model, as Magenta's {prog}.")
    add_generate_arguments(parser, family, default_config)
    args = parser.parse_args(sys.argv[1:])
    return run(args)


def melody_main() -> int:
    """Console script `melody_rnn_generate`."""
    return _magenta_main("melody", "basic_rnn", "melody_rnn_generate")


def drums_main() -> int:
    """Console script `drums_rnn_generate`."""
    return _magenta_main("drums", "drum_kit", "drums_rnn_generate")
