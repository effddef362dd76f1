"""`polyphony_rnn_generate` and `performance_rnn_generate`: Magenta's flags, plus --seed.

Both prepare the primer as Magenta's generators do (composer_app.models.rnn.timed_primers) and sample on the numpy
engine. Unlike Magenta, a primer MIDI file with several programs is not dropped for silence: its parts are merged
into one, and the command says so; `performance_rnn_generate --piano_rules` samples by the piano's rules.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

from composer_app.cli.errors import UserError, reports_user_errors
from composer_app.cli.generate import (
    _positive_int,
    _qpm,
    add_sampling_flags,
    refuse_run_dir,
    write_outputs,
)


def _flag(text: str) -> bool:
    """absl's boolean spellings: true/false, 1/0, yes/no."""
    value = text.strip().lower()
    if value in ("true", "t", "1", "yes"):
        return True
    if value in ("false", "f", "0", "no"):
        return False
    raise argparse.ArgumentTypeError(f"expected true or false, got {text!r}")


def _common(p: argparse.ArgumentParser, family: str, num_steps: int, step_help: str) -> None:
    from composer_app.models.rnn.configs import all_configs

    p.add_argument("--config", choices=[c.id for c in all_configs() if c.family == family],
                   help="the model (Magenta config id); by default the bundle's")
    p.add_argument("--bundle_file", type=Path, help=f"a .mag bundle of a {family.title()} RNN model")
    p.add_argument("--output_dir", type=Path, default=Path("generated"), help="where to write the MIDI files")
    p.add_argument("--num_outputs", type=_positive_int, default=10, help="how many files to generate")
    p.add_argument("--num_steps", type=_positive_int, default=num_steps, help=step_help)
    primer = p.add_mutually_exclusive_group()
    primer.add_argument("--primer_pitches", help='a chord held for a quarter note, e.g. "[60, 64, 67]"')
    primer.add_argument("--primer_melody", help='Magenta melody events, e.g. "[60, -2, 60, -2, 67, -2]"')
    primer.add_argument("--primer_midi", type=Path, help="a MIDI (or MusicXML, ABC) file to continue")
    add_sampling_flags(p)


def add_polyphony_arguments(p: argparse.ArgumentParser) -> None:
    """Magenta's polyphony_rnn_generate flags (the defaults are Magenta's, but for --output_dir)."""
    _common(p, "polyphony", 128, "total length in 16th steps, primer included")
    p.add_argument("--condition_on_primer", type=_flag, nargs="?", const=True, default=False,
                   help="feed the primer to the model before generating")
    p.add_argument("--inject_primer_during_generation", type=_flag, nargs="?", const=True, default=True,
                   help="replay the primer in the generated part, so the model harmonises it (default true)")
    p.add_argument("--qpm", type=_qpm, help="tempo (default: the primer file's, else 120)")


def add_performance_arguments(p: argparse.ArgumentParser) -> None:
    """Magenta's performance_rnn_generate flags (the defaults are Magenta's, but for --output_dir)."""
    _common(p, "performance", 3000, "total length in 10 ms steps, primer included (3000 = 30 s)")
    p.add_argument("--notes_per_second", help="note density: a number, or a list of numbers over time")
    p.add_argument("--pitch_class_histogram",
                   help="12 pitch-class weights from C, e.g. \"[2, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1]\", or a list "
                        "of such lists over time")
    p.add_argument("--disable_conditioning", help="optional conditioning off: True/False, or a list over time")
    p.add_argument("--piano_rules", type=_flag, nargs="?", const=True, default=False,
                   help="not Magenta's: sample by the piano's rules (no release of a key that is up; a key struck "
                        "while down is lifted first), so that a small model's slips do not pile up held notes")


def _config_and_bundle(args, family: str):
    """The config (from --config, else the bundle's id and widths) and the loaded bundle, checked together."""
    from composer_app.models.checkpoints.mag_file import read_mag_header
    from composer_app.models.rnn.bundle import read_bundle, shipped_bundle_path
    from composer_app.models.rnn.configs import get_config

    refuse_run_dir(args)
    if args.bundle_file is None:
        if args.config is None:
            raise UserError(f"give --bundle_file (a {family.title()} RNN .mag bundle), or --config to use the "
                            "bundle this app ships for it")
        path = shipped_bundle_path(args.config)
        if not path.exists():
            raise UserError(f"no bundle ships with this app for {args.config} yet; give one with --bundle_file")
        return read_bundle(path, get_config(args.config))
    generator_id, _, _ = read_mag_header(args.bundle_file)
    bundle = read_bundle(args.bundle_file, get_config(args.config) if args.config else None)
    if bundle.config.family != family:
        raise UserError(f"{args.bundle_file} is a {generator_id} bundle, not a {family.title()} RNN model; it goes "
                        f"to {bundle.config.family}_rnn_generate")
    return bundle


def _primer_notes(args, qpm: float) -> tuple[list, float, float | None]:
    """The primer as notes in seconds, its total time and, for a file, its tempo (Magenta's CLI primers)."""
    from composer_app.models.rnn.timed_primers import song_seconds_notes
    from composer_app.music.io import read_song
    from composer_app.music.primers import parse_melody_primer, parse_pitches_primer

    if args.primer_pitches:
        pitches = parse_pitches_primer(args.primer_pitches)
        return [(0.0, 60.0 / qpm, p, 100) for p in pitches], 60.0 / qpm, None
    if args.primer_melody:
        events = parse_melody_primer(args.primer_melody)
        step = 60.0 / qpm / 4
        notes, current = [], None
        for i, event in enumerate(events):
            if event >= -1 and current is not None:
                notes.append((current[0] * step, i * step, current[1], 100))
                current = None
            if event >= 0:
                current = (i, event)
        if current is not None:
            notes.append((current[0] * step, len(events) * step, current[1], 100))
        return notes, (notes[-1][1] if notes else 0.0), None
    if args.primer_midi:
        song = read_song(args.primer_midi)
        notes, total, merged = song_seconds_notes(song)
        if merged:
            print(f"note: the primer's parts ({', '.join(merged)}) use {len(merged)} programs; Magenta would drop "
                  "the primer, this app merges them into one part", file=sys.stderr)
        return notes, total, song.qpm
    return [], 0.0, None


def _run(args, bundle, request, song_of) -> int:
    from composer_app.models.rnn.timed_generator import TimedGenerator

    result = TimedGenerator(bundle).generate(request)
    songs = [song_of(events) for events in result.events]
    write_outputs(songs, args.output_dir)
    print(f"Wrote {len(songs)} MIDI files to {args.output_dir} ({bundle.config.id}, seed {result.seed}, "
          f"{result.seconds:.2f} s)")
    return 0


@reports_user_errors
def run_polyphony(args) -> int:
    """Generate polyphonic parts (or harmonise the primer) and write them as MIDI files."""
    from composer_app.models.rnn.timed_generator import TimedRequest
    from composer_app.models.rnn.timed_primers import polyphony_plan, polyphony_song

    bundle = _config_and_bundle(args, "polyphony")
    bundle.config.hparams.with_overrides(args.hparams)
    qpm = args.qpm or 120.0
    notes, total_time, file_qpm = _primer_notes(args, qpm)
    qpm = file_qpm or qpm  # a primer file's tempo wins, as in Magenta
    try:
        plan = polyphony_plan(notes, total_time, qpm, args.num_steps, args.condition_on_primer,
                              args.inject_primer_during_generation)
    except ValueError as exc:
        raise UserError(f"{exc}; ask for more --num_steps or give a shorter primer") from None
    request = TimedRequest(bundle, plan.primer, plan.total_steps, args.num_outputs, args.temperature,
                           args.beam_size, args.branch_factor, args.steps_per_iteration, args.seed,
                           plan.inject, plan.inject_start)
    return _run(args, bundle, request, lambda events: polyphony_song(events, plan, qpm, notes))


def _literal(text: str, flag: str):
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        raise UserError(f"--{flag}={text!r} is not a Python literal (a number, True/False, or a list)") from None


def control_schedule(args, config) -> tuple[tuple, tuple]:
    """The control values over time (one list per signal) and the disable flags, checked as Magenta's generator
    checks them; a value given to a model without that control is ignored with a note, as Magenta warns."""
    values = []
    for name in ("notes_per_second", "pitch_class_histogram"):
        given = getattr(args, name)
        signal = next((s for s in config.control_signals if s.name == name), None)
        if given is not None and signal is None:
            print(f"note: {config.id} is not conditioned on {name}; --{name} is ignored", file=sys.stderr)
    for signal in config.control_signals:
        given = getattr(args, signal.name)
        value = signal.default_value if given is None else _literal(given, signal.name)
        if signal.validate(value):
            values.append((tuple(value) if isinstance(value, list) else value,))
        elif isinstance(value, list) and value and all(signal.validate(v) for v in value):
            values.append(tuple(tuple(v) if isinstance(v, list) else v for v in value))
        else:
            raise UserError(f"--{signal.name}={given} is not valid: give "
                            + ("a number of notes per second (0 or more), or a list of them"
                               if signal.name == "notes_per_second" else
                               "12 numbers (one weight per pitch class from C), or a list of such lists"))
    flags: tuple = (False,)
    if args.disable_conditioning is not None:
        if not config.optional_conditioning:
            print(f"note: {config.id} has no optional conditioning; --disable_conditioning is ignored",
                  file=sys.stderr)
        else:
            value = _literal(args.disable_conditioning, "disable_conditioning")
            if isinstance(value, bool):
                flags = (value,)
            elif isinstance(value, list) and value and all(isinstance(v, bool) for v in value):
                flags = tuple(value)
            else:
                raise UserError(f"--disable_conditioning={args.disable_conditioning} is not True, False or a "
                                "list of them")
    return tuple(values), flags


@reports_user_errors
def run_performance(args) -> int:
    """Generate expressive performances and write them as MIDI files."""
    from composer_app.models.rnn import timed_primers as primers
    from composer_app.models.rnn.timed_generator import TimedRequest
    from composer_app.music.encodings.note_performance import NotePerformanceError

    bundle = _config_and_bundle(args, "performance")
    config = bundle.config
    config.hparams.with_overrides(args.hparams)
    values, flags = control_schedule(args, config)
    notes, total_time, _ = _primer_notes(args, 120.0)
    note_encoding = config.writes_whole_notes
    try:
        plan = (primers.note_performance_plan if note_encoding else primers.performance_plan)(
            notes, total_time, args.num_steps, config.num_velocity_bins)
    except NotePerformanceError as exc:
        raise UserError(str(exc), hint="Give a primer (--primer_midi, --primer_pitches or --primer_melody) "
                                       "whose gaps and notes last at most 10 s.") from None
    except ValueError as exc:
        raise UserError(f"{exc}; ask for more --num_steps or give a shorter primer") from None
    request = TimedRequest(bundle, plan.primer, plan.total_steps, args.num_outputs, args.temperature,
                           args.beam_size, args.branch_factor, args.steps_per_iteration, args.seed,
                           control_values=values, disable_conditioning=flags, piano_rules=args.piano_rules)
    if note_encoding:
        return _run(args, bundle, request,
                    lambda events: primers.note_performance_song(events, plan, config.num_velocity_bins))
    return _run(args, bundle, request,
                lambda events: primers.performance_song(events, plan, config.num_velocity_bins))


def _main(prog: str, description: str, add, run) -> int:
    from composer_app.cli.main import OneLineParser

    parser = OneLineParser(prog=prog, description=description)
    add(parser)
    return run(parser.parse_args(sys.argv[1:]))


def polyphony_main() -> int:
    """Console script `polyphony_rnn_generate`."""
    return _main("polyphony_rnn_generate", "Generate polyphonic music, as Magenta's polyphony_rnn_generate.",
                 add_polyphony_arguments, run_polyphony)


def performance_main() -> int:
    """Console script `performance_rnn_generate`."""
    return _main("performance_rnn_generate", "Generate expressive piano, as Magenta's performance_rnn_generate.",
                 add_performance_arguments, run_performance)
