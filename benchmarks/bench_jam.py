"""Jam slack: how long the model takes to answer a 2-bar call, against the time the jam gives it.

Run: python benchmarks/bench_jam.py   (the jam answers LOOKAHEAD_S before the loop comes round; slack = the rest)
Each shipped melody and drum bundle answers a 2-bar call with 2 bars, 30 times; the first answer (which loads the
bundle) is reported apart, as the jam loads the bundle when it starts. On a machine busy with other work,
BENCH_CPU_TIME=1 reports this process's CPU time instead of wall time.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from composer_app.gui.midi.jam import LOOKAHEAD_S  # noqa: E402
from composer_app.models.rnn.jam import answer  # noqa: E402
from composer_app.music.song import PPQ, Note, Track, drum_track  # noqa: E402

BAR = 4 * PPQ


CLOCK = time.process_time if os.environ.get("BENCH_CPU_TIME") == "1" else time.perf_counter


def main() -> None:
    melody = Track("Call", notes=tuple(Note(i * PPQ // 2, 60 + (i * 5) % 12, PPQ // 2, 90) for i in range(14)))
    beat = drum_track(notes=tuple(Note(i * PPQ // 2, (36, 42, 38, 42)[i % 4], 120, 100) for i in range(16)))
    for config_id, call in (("basic_rnn", melody), ("lookback_rnn", melody), ("attention_rnn", melody),
                            ("drum_kit", beat)):
        start = CLOCK()
        answer(call, 2 * BAR, config_id, seed=0)
        first = (CLOCK() - start) * 1000
        times = []
        for seed in range(1, 31):
            start = CLOCK()
            answer(call, 2 * BAR, config_id, seed=seed)
            times.append((CLOCK() - start) * 1000)
        median = statistics.median(times)
        print(f"{config_id}: 2-bar answer median {median:.1f} ms, worst {max(times):.1f} ms (first, loading the "
              f"bundle: {first:.0f} ms); slack before the loop comes round {LOOKAHEAD_S * 1000 - max(times):.0f} ms "
              f"of {LOOKAHEAD_S * 1000:.0f} ms")


if __name__ == "__main__":
    main()
