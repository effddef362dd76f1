"""What a Performance RNN bundle's 30-second samples are like, beside held-out ASAP performances measured the same
way: the model cards' statistics (notes a second, note lengths, notes sounding at once, silence, key, velocity), plus
the share of note-offs that name a silent pitch, of note-ons that strike a sounding one, and the notes open at the end.

Usage: performance_samples.py [--seed N] [--outputs N] [--temperature T] [--piano-rules] [--pieces N] BUNDLE.mag ...
| --data.
The samples start from silence, as the Performance tab's default does. Each is checked against the spread of every
30 s span of the first `--pieces` held-out pieces: a sample whose notes a second, notes sounding, median note length
or share in key falls outside the spans' 5th to 95th percentiles is marked, and a last line counts the samples that
fall inside on all four (how near a bundle plays to a pianist, in one figure); the spans themselves are counted the
same way, for scale (about 7 in 10 fall inside). `--data` prints only the spans' figures. `--piano-rules` samples
with the piano's rules (composer_app.music.encodings.piano_keys), as the app's Performance tab does by default.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

STEPS = 3000  # 30 s in 10 ms steps
CHECKED = {"notes_per_second": "notes/s", "mean_notes_sounding": "sounding", "median_note_length": "length",
           "fraction_in_key": "in key"}  # the figures a sample must match the data on


def figures(events: list, config) -> dict:
    """A performance's figures over its first 30 s (or all of it, when shorter: a training span stops at 512
    events): the model cards' statistics (timed_card_stats) plus the stray-event shares and the notes left open."""
    from timed_card_stats import timed_stats

    from composer_app.music.encodings import performance as perf

    seconds = min(STEPS, perf.performance_steps(events)) / 100
    events = perf.set_performance_length(list(events), int(seconds * 100))
    sounding, offs, stray_offs, ons, restruck = Counter(), 0, 0, 0, 0
    for kind, value in events:
        if kind == perf.NOTE_ON:
            ons += 1
            restruck += sounding[value] > 0
            sounding[value] += 1
        elif kind == perf.NOTE_OFF:
            offs += 1
            stray_offs += sounding[value] == 0
            sounding[value] = max(sounding[value] - 1, 0)
    # Magenta's generator cuts notes to 5 s when it writes them out.
    notes = perf.notes_from_performance(events, config.num_velocity_bins, max_note_steps=500)
    if not notes:
        return {}
    out = timed_stats([[(a / 100, b / 100, p, v) for a, b, p, v in notes]], config)
    return {**out, "seconds": seconds, "stray_offs": stray_offs / max(offs, 1), "restruck": restruck / max(ons, 1),
            "open": sum(sounding.values())}


def line(f: dict, outside: list[str]) -> str:
    """One sample's figures in words, with the ones outside the data's spread named."""
    if not f:
        return "no notes"
    mark = f"  OUTSIDE: {', '.join(outside)}" if outside else ""
    return (f"{f['seconds']:4.1f} s, {f['notes_per_second']:4.1f} notes/s, note-offs of silent pitches "
            f"{f['stray_offs']:.2f}, note-ons of sounding ones {f['restruck']:.2f}, length median "
            f"{f['median_note_length']:.2f} s, {f['mean_notes_sounding']:.1f} sounding (mean, while any sounds), "
            f"{f['fraction_of_time_silent']:.2f} silent, {f['open']} open at the end, {f['fraction_in_key']:.2f} in "
            f"key, velocity {f['mean_velocity']:.0f}±{f['velocity_standard_deviation']:.0f}{mark}")


def held_out_spread(pieces: int, config) -> dict[str, tuple[float, float]]:
    """The 5th and 95th percentiles of the checked figures over every plain 30 s span of held-out pieces."""
    from note_off_share import held_out_spans

    rows = [f for events in held_out_spans(pieces, every_span=True) if (f := figures(events, config))]
    spread = {key: tuple(np.percentile([r[key] for r in rows], [5, 95])) for key in CHECKED}
    inside = sum(all(low <= r[key] <= high for key, (low, high) in spread.items()) for r in rows)
    print(f"held-out: {len(rows)} spans of {pieces} pieces; 5th-95th percentiles: " + ", ".join(
        f"{name} {spread[key][0]:.2f}-{spread[key][1]:.2f}" for key, name in CHECKED.items())
        + f"; {inside} of the {len(rows)} spans ({inside / len(rows):.0%}) fall inside on all four")
    return spread


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundles", nargs="*", type=Path)
    ap.add_argument("--data", action="store_true", help="only print the held-out spans' spread")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--outputs", type=int, default=10)
    ap.add_argument("--temperature", type=float, default=1.0)
    ap.add_argument("--piano-rules", action="store_true", help="sample with the piano's rules")
    ap.add_argument("--pieces", type=int, default=40, help="held-out pieces whose spans give the spread")
    args = ap.parse_args()
    from threadpoolctl import threadpool_limits

    from composer_app.models.rnn.bundle import read_bundle
    from composer_app.models.rnn.configs import get_config
    from composer_app.models.rnn.timed_generator import TimedGenerator, TimedRequest
    from composer_app.models.rnn.timed_primers import performance_plan

    spread = held_out_spread(args.pieces, get_config("performance_with_dynamics"))
    if args.data:
        return 0
    for path in args.bundles:
        bundle = read_bundle(path)
        plan = performance_plan([], 0.0, STEPS, bundle.config.num_velocity_bins)
        with threadpool_limits(1):  # a step loop: one BLAS thread is the fast way (see bench_generation)
            result = TimedGenerator(bundle).generate(TimedRequest(
                bundle, plan.primer, plan.total_steps, num_outputs=args.outputs, seed=args.seed,
                temperature=args.temperature, piano_rules=args.piano_rules))
        inside = 0
        for i, events in enumerate(result.events):
            f = figures(events, bundle.config)
            outside = [name for key, name in CHECKED.items() if not f or not spread[key][0] <= f[key] <= spread[key][1]]
            inside += not outside
            print(f"{path.name} sample {i + 1}: {line(f, outside)}")
        print(f"{path.name}: {inside} of {len(result.events)} samples inside the held-out spread on all of "
              f"{', '.join(CHECKED.values())} (seed {args.seed}, temperature {args.temperature:g}"
              f"{', piano rules' if args.piano_rules else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
