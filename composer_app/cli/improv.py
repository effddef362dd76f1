"""`improv_rnn_generate`: melodies over backing chords with Magenta's flags, plus --seed."""

from __future__ import annotations

import argparse
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

DEFAULT_CHORDS = "C G Am F C G F C"


def add_improv_arguments(p: argparse.ArgumentParser) -> None:
    """Magenta's improv_rnn_generate flags (the defaults are Magenta's, but for --output_dir)."""
    from composer_app.models.rnn.configs import all_configs

    p.add_argument("--config", choices=[c.id for c in all_configs() if c.needs_chords],
                   help="the model (Magenta generator id); by default the bundle's")
    p.add_argument("--bundle_file", type=Path, help="a .mag bundle of an Improv RNN model")
    p.add_argument("--output_dir", type=Path, default=Path("generated"), help="where to write the MIDI files")
    p.add_argument("--num_outputs", type=_positive_int, default=10, help="how many files to generate")
    primer = p.add_mutually_exclusive_group()
    primer.add_argument("--primer_melody", help='e.g. "[60, -2, 60, -2, 67, -2, 67, -2]" (default: a middle C)')
    primer.add_argument("--primer_midi", type=Path, help="a MIDI (or MusicXML, ABC) file whose melody to continue")
    p.add_argument("--backing_chords", default=DEFAULT_CHORDS,
                   help=f'chord symbols separated by spaces (default "{DEFAULT_CHORDS}"); they set the length')
    p.add_argument("--steps_per_chord", type=_positive_int, default=16,
                   help="steps each chord lasts (16 steps = one 4/4 bar)")
    p.add_argument("--render_chords", action="store_true", help="also play the chords, on a second track")
    p.add_argument("--qpm", type=_qpm, help="tempo (default: the primer file's, else 120)")
    add_sampling_flags(p)


def magenta_primer(events: list[int], qpm: float, steps_per_quarter: int = 4) -> list[int]:
    """The primer melody Magenta's improv_rnn_generate actually continues.

    It writes the primer as notes, starts generating one step after the last note ends, and reads the melody
    back up to there: trailing rests are dropped, the last note is ended by a NOTE_OFF, and the step after it is
    a rest (or not, where the float arithmetic of seconds rounds the start step down). A primer without notes
    is kept as it is (Magenta fails on one).
    """
    notes: list[tuple[int, int, int]] = []
    sounding: tuple[int, int] | None = None
    for step, event in enumerate(events):
        if event >= -1 and sounding is not None:
            notes.append((sounding[0], step, sounding[1]))
            sounding = None
        if event >= 0:
            sounding = (step, event)
    if sounding is not None:
        notes.append((sounding[0], len(events), sounding[1]))
    if not notes:
        return list(events)
    last_end = max(end for _, end, _ in notes)
    melody = [-2] * last_end
    for _, end, _ in notes:
        if end < last_end:
            melody[end] = -1
    for start, _, pitch in notes:
        melody[start] = pitch
    # Magenta's seconds, in the same float operations: start = last end + one step, quantized with cutoff 0.
    seconds_per_step = 60.0 / qpm / steps_per_quarter
    start_time = last_end * seconds_per_step + seconds_per_step
    start_step = int(start_time * (steps_per_quarter * qpm / 60.0) + 1.0)
    if start_step <= last_end:
        return melody[:start_step]
    return melody + [-1] + [-2] * (start_step - last_end - 1)


def _config_and_bundle(args):
    """The config (from --config, else the bundle's id) and the bundle path, checked against each other."""
    from composer_app.models.checkpoints.mag_file import read_mag_header
    from composer_app.models.rnn.configs import get_config

    refuse_run_dir(args)
    if args.bundle_file is None:
        if args.config is None:
            raise UserError("give --bundle_file (an Improv RNN .mag bundle), or --config to use the bundle this app "
                            "ships for it")
        return get_config(args.config), None
    generator_id, _, _ = read_mag_header(args.bundle_file)
    config_id = args.config or generator_id
    if generator_id != config_id:
        raise UserError(f"{args.bundle_file} is a {generator_id} bundle, not {config_id}; "
                        f"drop --config or pass --config={generator_id}")
    try:
        config = get_config(generator_id)
    except KeyError:
        config = None
    if config is None or not config.needs_chords:
        raise UserError(f"{args.bundle_file} is a {generator_id} bundle, not an Improv RNN model "
                        "(basic_improv, attention_improv or chord_pitches_improv); melody and drum bundles go to "
                        "melody_rnn_generate or drums_rnn_generate")
    return config, args.bundle_file


def _primer(args, config) -> tuple[list[int], float]:
    """The primer's events as given (Magenta's middle C without one) and the tempo."""
    from composer_app.models.rnn.extraction import primer_track, track_events
    from composer_app.music.io import read_song
    from composer_app.music.primers import parse_melody_primer

    if args.primer_melody:
        return list(parse_melody_primer(args.primer_melody)), args.qpm or 120.0
    if args.primer_midi:
        song = read_song(args.primer_midi)
        return list(track_events(primer_track(song, config, str(args.primer_midi)), config)), args.qpm or song.qpm
    return [60], args.qpm or 120.0


@reports_user_errors
def run(args) -> int:
    """Generate num_outputs melodies over the backing chords and write them as MIDI files."""
    from composer_app.models.rnn.generator import generate
    from composer_app.models.rnn.requests import GenerateRequest
    from composer_app.music.chords import backing_chords, render_chords

    config, bundle = _config_and_bundle(args)
    config.hparams.with_overrides(args.hparams)  # Magenta parses them too; a bundle's graph fixes the sizes
    chords = backing_chords(args.backing_chords, args.steps_per_chord)
    events, qpm = _primer(args, config)
    primer = magenta_primer(events, qpm, config.steps_per_quarter)
    if len(primer) >= len(chords):
        raise UserError(f"the primer ({len(primer)} steps, up to one step after its last note) is not shorter than "
                        f"the {len(chords)} steps of the backing chords; give more chords or a shorter primer")
    request = GenerateRequest(
        config_id=config.id, total_steps=len(chords), primer=tuple(primer), bundle=bundle, chords=chords,
        temperature=args.temperature, beam_size=args.beam_size, branch_factor=args.branch_factor,
        steps_per_iteration=args.steps_per_iteration, num_outputs=args.num_outputs, seed=args.seed, qpm=qpm)
    result = generate(request)
    songs = [c.song for c in result.candidates]
    if args.render_chords:
        chord_track = render_chords(chords, config.steps_per_quarter)
        songs = [song.replace(tracks=(*song.tracks, chord_track)) for song in songs]
    write_outputs(songs, args.output_dir)
    print(f"Wrote {len(songs)} MIDI files to {args.output_dir} "
          f"({config.id}, seed {result.seed}, {result.seconds:.2f} s)")
    return 0


def main() -> int:
    """Console script `improv_rnn_generate`."""
    from composer_app.cli.main import OneLineParser

    parser = OneLineParser(prog="improv_rnn_generate",
                           description="Generate melodies over backing chords, as Magenta's improv_rnn_generate.")
    add_improv_arguments(parser)
    return run(parser.parse_args(sys.argv[1:]))
