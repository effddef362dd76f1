"""What a Performance RNN bundle's 30-second samples are like, beside held-out ASAP performances measured the same
way: the model cards' statistics (notes a second, note lengths, notes sounding at once, silence, key, velocity), plus
the share of note-offs that name a silent pitch, of note-ons that strike a sounding one, and the notes open at the end.

Usage: performance_samples.py [--seed N] [--outputs N] [--temperature T] BUNDLE.mag ... | --data. The samples start
from silence, as the Performance tab's default does; `--data` measures the first 30 s span of one performance of
each held-out piece that note_off_share.py scores.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

STEPS = 3000  # 30 s in 10 ms steps


def describe(events: list, config) -> str:
    """One line of figures for a performance's events over its first 30 s (or all of it, when shorter: a training
    span stops at 512 events): the model cards' statistics (timed_card_stats) plus the stray-event counts."""
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
        return "no notes"
    s = timed_stats([[(a / 100, b / 100, p, v) for a, b, p, v in notes]], config)
    return (f"{seconds:4.1f} s, {s['notes_per_second']:4.1f} notes/s, note-offs of silent pitches "
            f"{stray_offs / max(offs, 1):.2f}, note-ons of sounding ones {restruck / max(ons, 1):.2f}, "
            f"length median {s['median_note_length']:.2f} s, {s['mean_notes_sounding']:.1f} sounding "
            f"(mean, while any sounds), {s['fraction_of_time_silent']:.2f} silent, {sum(sounding.values())} open "
            f"at the end, {s['fraction_in_key']:.2f} in key, velocity {s['mean_velocity']:.0f}"
            f"±{s['velocity_standard_deviation']:.0f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundles", nargs="*", type=Path)
    ap.add_argument("--data", action="store_true", help="measure held-out ASAP performances instead")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--outputs", type=int, default=2)
    ap.add_argument("--temperature", type=float, default=1.0)
    args = ap.parse_args()
    if args.data:
        from note_off_share import held_out_spans

        from composer_app.models.rnn.configs import get_config

        config = get_config("performance_with_dynamics")
        for i, events in enumerate(held_out_spans()):
            print(f"ASAP held-out {i + 1}: {describe(events, config)}")
        return 0
    from threadpoolctl import threadpool_limits

    from composer_app.models.rnn.bundle import read_bundle
    from composer_app.models.rnn.timed_generator import TimedGenerator, TimedRequest
    from composer_app.models.rnn.timed_primers import performance_plan

    for path in args.bundles:
        bundle = read_bundle(path)
        plan = performance_plan([], 0.0, STEPS, bundle.config.num_velocity_bins)
        with threadpool_limits(1):  # a step loop: one BLAS thread is the fast way (see bench_generation)
            result = TimedGenerator(bundle).generate(TimedRequest(
                bundle, plan.primer, plan.total_steps, num_outputs=args.outputs, seed=args.seed,
                temperature=args.temperature))
        for i, events in enumerate(result.events):
            print(f"{path.name} sample {i + 1}: {describe(events, bundle.config)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
