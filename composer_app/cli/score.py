"""`composer-app score` and `composer-app evaluate`: how likely a model finds some music."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from composer_app.cli.errors import UserError, reports_user_errors


def add_parser(sub) -> None:
    p = sub.add_parser("score", help="per-step next-event probabilities, log-likelihood and perplexity")
    p.add_argument("bundle", type=Path)
    primer = p.add_mutually_exclusive_group(required=True)
    primer.add_argument("--primer_melody")
    primer.add_argument("--primer_drums")
    primer.add_argument("--primer_midi", type=Path, help="a MIDI (or MusicXML, ABC) file: its first melody or drum "
                        "track, or for Polyphony and Performance RNN all its notes")
    primer.add_argument("--events", type=Path,
                        help="a JSON file of events (and chords or control events) in the notation of Magenta's "
                             "rnn2 fixtures: any Improv, Polyphony or Performance RNN sequence")
    p.add_argument("--backing_chords", help='Improv RNN: chord symbols separated by spaces, e.g. "C G Am F"')
    p.add_argument("--steps_per_chord", type=int, default=16, help="Improv RNN: steps each chord lasts")
    p.add_argument("--raw", action="store_true",
                   help="feed the events exactly as given (no squash or transposition), as Magenta's encoder sees them")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.set_defaults(func=run_score)

    e = sub.add_parser("evaluate", help="perplexity and accuracy of a folder of music under a model")
    e.add_argument("bundle", type=Path)
    e.add_argument("folder", type=Path)
    e.add_argument("--json", action="store_true", help="print machine-readable JSON")
    e.set_defaults(func=run_evaluate)


def _events(args, config) -> list:
    from composer_app.models.rnn.extraction import primer_track, track_events
    from composer_app.music.io import read_song
    from composer_app.music.primers import parse_drums_primer, parse_melody_primer

    if args.primer_melody is not None:
        if not config.is_melody:
            raise UserError(f"--primer_melody is for melody models; this bundle is {config.id}")
        return parse_melody_primer(args.primer_melody)
    if args.primer_drums is not None:
        if not config.is_drums:
            raise UserError(f"--primer_drums is for drum models; this bundle is {config.id}")
        return parse_drums_primer(args.primer_drums)
    song = read_song(args.primer_midi)
    return track_events(primer_track(song, config, str(args.primer_midi)), config)


def _chords(args, config, length: int) -> list[str] | None:
    """The backing chords, one per step, for a model conditioned on them (refused for any other)."""
    from composer_app.music.chords import backing_chords

    if not config.needs_chords:
        if args.backing_chords is not None:
            raise UserError(f"--backing_chords is for Improv RNN models; this bundle is {config.id}")
        return None
    if args.backing_chords is None:
        raise UserError(f"{config.id} scores a melody over backing chords; give --backing_chords "
                        "(and --steps_per_chord)")
    chords = backing_chords(args.backing_chords, args.steps_per_chord)
    if len(chords) < length:
        raise UserError(f"the backing chords cover {len(chords)} steps, fewer than the {length} events scored; "
                        "give more chords or more steps per chord")
    config.encoder().control_inputs(list(dict.fromkeys(chords)))  # a chord the model cannot take: one line
    return list(chords)


def _events_file(path: Path, config) -> tuple[list, list | None, list | None]:
    """Events, chords and control events from a JSON file ({"events": [...], "chords" or "control_events": [...]}),
    as the rnn2 fixtures write them: [type, value] pairs for Polyphony and Performance RNN, melody ints for Improv."""
    from composer_app.user_files import read_limited

    data = read_limited(path, 64 << 20, "events file", lambda where, problem: UserError(f"{where}: {problem}"))
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise UserError(f"{path} is not JSON: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise UserError(f'{path} needs an object with an "events" list')
    events = doc["events"]
    if config.writes_whole_notes:
        if not all(isinstance(e, list) and len(e) == 4 for e in events):
            raise UserError(f"{path}: every note event is a [time shift, pitch, velocity bin, duration] list")
        events = [tuple(e) for e in events]
    elif config.is_timed:
        if not all(isinstance(e, list) and len(e) == 2 for e in events):
            raise UserError(f"{path}: every {config.family} event is a [type, value] pair")
        events = [tuple(e) for e in events]
    chords = doc.get("chords") or (doc.get("control_events") if config.needs_chords else None)
    controls = None
    if config.control_signals:
        controls = doc.get("control_events")
        if not isinstance(controls, list) or not all(isinstance(c, list) for c in controls):
            raise UserError(f'{config.id} is conditioned on {", ".join(s.name for s in config.control_signals)}: '
                            f'give "control_events", one list per event (see ../shared/fixtures/magenta-rnn2)')
        controls = [tuple(tuple(v) if isinstance(v, list) else v for v in c) for c in controls]
    return events, chords, controls


def timed_file_events(path: Path, config) -> tuple[list, list | None]:
    """A music file as a Polyphony or Performance RNN sees it whole: the file's notes (every part merged, at its
    first tempo) quantized as the generators quantize a primer, then encoded; with the control values the
    training pipeline computes from those events for a conditioned model (conditioning on)."""
    from composer_app.models.rnn.timed_primers import quantized_notes, song_seconds_notes
    from composer_app.models.training.pipelines.performance import control_sequence
    from composer_app.music.encodings import note_performance as note_encoding
    from composer_app.music.encodings import performance as perf
    from composer_app.music.encodings import polyphony as poly
    from composer_app.music.io import read_song

    song = read_song(path)
    notes, total, _merged = song_seconds_notes(song)
    if not notes:
        raise UserError(f"{path} has no pitched notes to score")
    if config.family == "polyphony":
        steps = quantized_notes(notes, config.steps_per_quarter * song.tempos[0].qpm / 60.0)
        length = max(e for _, e, _, _ in steps)
        return poly.events_from_notes([(s, e, p) for s, e, p, _ in steps], length), None
    steps = quantized_notes(notes, perf.STEPS_PER_SECOND)
    if config.writes_whole_notes:
        return note_encoding.note_performance_from_notes(steps, config.num_velocity_bins,
                                                         start_times=[n[0] for n in notes]), None
    events = perf.performance_from_notes(steps, config.num_velocity_bins)
    if not config.control_signals:
        return events, None
    controls = control_sequence(config, events)
    return events, (list(zip([False] * len(controls), controls)) if config.optional_conditioning else controls)


def _softmax_json(score) -> list:
    """The softmax rows, or with several heads one list of rows per head (Magenta's list of softmaxes)."""
    if not score.head_sizes:
        return score.softmax.tolist()
    ends = list(np.cumsum(score.head_sizes))
    return [part.tolist() for part in np.split(score.softmax, ends[:-1], axis=1)]


@reports_user_errors
def run_score(args) -> int:
    from composer_app.models.rnn.bundle import read_bundle
    from composer_app.models.rnn.scoring import score_events

    bundle = read_bundle(args.bundle)
    controls = None
    if args.events is not None:
        events, chords, controls = _events_file(args.events, bundle.config)
        if bundle.config.needs_chords and chords is None:
            chords = _chords(args, bundle.config, len(events))
    elif bundle.config.is_timed:
        if args.primer_midi is None:
            raise UserError(f"{bundle.config.id} scores a MIDI file (--primer_midi) or event sequences (--events)")
        events, controls = timed_file_events(args.primer_midi, bundle.config)
        chords = None
    else:
        events = _events(args, bundle.config)
        chords = None
    if len(events) < 1:
        raise UserError("nothing to score: the primer has no events")
    if chords is None:
        chords = _chords(args, bundle.config, len(events))
    try:
        score = score_events(bundle, events, raw=args.raw, chords=chords, controls=controls)
    except (ValueError, TypeError, IndexError, KeyError) as exc:
        raise UserError(f"the events do not fit {bundle.config.id}: {exc}") from None
    result = {
        "generator_id": bundle.generator_id,
        "events": [sorted(e) if isinstance(e, frozenset) else list(e) if isinstance(e, tuple) else e
                   for e in events],
        **({"chords": list(chords)} if chords else {}),
        "softmax": _softmax_json(score),
        "log_likelihood": score.log_likelihood,
        "perplexity": score.perplexity,
        "steps_scored": score.steps,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{bundle.generator_id}: {len(events)} events, log-likelihood {score.log_likelihood:.4f} over "
              f"{score.steps} steps, perplexity {score.perplexity:.3f}")
    return 0


@reports_user_errors
def run_evaluate(args) -> int:
    from composer_app.models.rnn.bundle import read_bundle
    from composer_app.models.rnn.evaluation import evaluate_folder

    bundle = read_bundle(args.bundle)
    report = evaluate_folder(bundle, args.folder)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(report.summary())
    return 0
