"""What a Performance RNN bundle's 30-second samples are like, beside held-out ASAP performances measured the same
way: notes a second, the share of note-offs that name a silent pitch (and of note-ons that strike a sounding one),
note lengths, notes sounding at once, notes still open at the end, and the share of notes in the best-fitting key.

Usage: performance_samples.py [--seed N] [--outputs N] [--temperature T] BUNDLE.mag ... | --data. The samples start
from silence, as the Performance tab's default does; `--data` measures the first 30 s span of one performance of
each held-out piece that note_off_share.py scores.
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
MAJOR = np.array([1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1])
MINOR = np.array([1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0])  # natural minor


def describe(events: list, num_velocity_bins: int) -> str:
    """One line of figures for a performance's events over its first 30 s (or all of it, when shorter: a training
    span stops at 512 events)."""
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
    notes = np.array(perf.notes_from_performance(events, num_velocity_bins, max_note_steps=500), float)
    if not len(notes):
        return "no notes"
    start, end, pitch = notes[:, 0] / 100, notes[:, 1] / 100, notes[:, 2].astype(int)
    length = end - start
    held = np.median([((start <= t) & (end > t)).sum() for t in np.linspace(0, seconds, 601)])
    classes = np.bincount(pitch % 12, minlength=12)
    in_key = max(np.roll(scale, k) @ classes for scale in (MAJOR, MINOR) for k in range(12)) / classes.sum()
    return (f"{seconds:4.1f} s, {len(notes) / seconds:4.1f} notes/s, note-offs of silent pitches {stray_offs / max(offs, 1):.2f}, "
            f"note-ons of sounding ones {restruck / max(ons, 1):.2f}, length median {np.median(length):.2f} s "
            f"(quartiles {np.percentile(length, 25):.2f}-{np.percentile(length, 75):.2f}), {held:.0f} sounding "
            f"(median), {sum(sounding.values())} open at the end, {in_key:.2f} in key")


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

        for i, events in enumerate(held_out_spans()):
            print(f"ASAP held-out {i + 1}: {describe(events, 32)}")
        return 0
    from threadpoolctl import threadpool_limits

    from composer_app.models.rnn.bundle import read_bundle
    from composer_app.models.rnn.timed_generator import TimedGenerator, TimedRequest
    from composer_app.models.rnn.timed_primers import performance_plan

    for path in args.bundles:
        bundle = read_bundle(path)
        bins = bundle.config.num_velocity_bins
        plan = performance_plan([], 0.0, STEPS, bins)
        with threadpool_limits(1):  # a step loop: one BLAS thread is the fast way (see bench_generation)
            result = TimedGenerator(bundle).generate(TimedRequest(
                bundle, plan.primer, plan.total_steps, num_outputs=args.outputs, seed=args.seed,
                temperature=args.temperature))
        for i, events in enumerate(result.events):
            print(f"{path.name} sample {i + 1}: {describe(events, bins)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
