"""Jam slack: how long the model takes to answer a 2-bar call, against the time the jam gives it.

Run: python benchmarks/bench_jam.py [BUNDLE.mag ...]   (the jam answers LOOKAHEAD_S before the loop comes round;
slack = the rest). Each shipped bundle of a family that jams answers a 2-bar call with 2 bars, 30 times, and so does
each bundle named on the command line (Magenta's performance_with_dynamics.mag, say: no Performance bundle ships yet).
Improv RNN plays over C | G; polyphonic and performance models answer the melody's call, drum models a beat. The
first answer (which loads the bundle) is reported apart, as the jam loads the bundle when it starts. On a machine
busy with other work, BENCH_CPU_TIME=1 reports this process's CPU time instead of wall time.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from composer_app.gui.midi.jam import LOOKAHEAD_S  # noqa: E402
from composer_app.models.rnn.bundle import BUNDLE_DIR, read_bundle  # noqa: E402
from composer_app.models.rnn.configs import get_config, known_ids  # noqa: E402
from composer_app.models.rnn.jam import JAM_FAMILIES, answer  # noqa: E402
from composer_app.music.song import PPQ, ChordSymbol, Note, Track, drum_track  # noqa: E402

BAR = 4 * PPQ


CLOCK = time.process_time if os.environ.get("BENCH_CPU_TIME") == "1" else time.perf_counter


def _answer_ms(call: Track, config_id: str, bundle, seed: int) -> float:
    start = CLOCK()
    answer(call, 2 * BAR, config_id, bundle=bundle, seed=seed, chords=(ChordSymbol(0, "C"), ChordSymbol(BAR, "G")))
    return (CLOCK() - start) * 1000


def main(paths: list[str]) -> None:
    melody = Track("Call", notes=tuple(Note(i * PPQ // 2, 60 + (i * 5) % 12, PPQ // 2, 90) for i in range(14)))
    beat = drum_track(notes=tuple(Note(i * PPQ // 2, (36, 42, 38, 42)[i % 4], 120, 100) for i in range(16)))
    shipped = sorted(p.stem for p in BUNDLE_DIR.glob("*.mag") if p.stem in known_ids()
                     and get_config(p.stem).family in JAM_FAMILIES)
    models = [(config_id, None, beat if get_config(config_id).is_drums else melody) for config_id in shipped]
    for path in paths:  # read here for its model only: the first answer loads it, as a jam's start does
        config = read_bundle(path).config
        models.append((config.id, path, beat if config.is_drums else melody))
    for config_id, bundle, call in models:
        first = _answer_ms(call, config_id, bundle, 0)
        times = [_answer_ms(call, config_id, bundle, seed) for seed in range(1, 31)]
        median = statistics.median(times)
        print(f"{config_id}: 2-bar answer median {median:.1f} ms, worst {max(times):.1f} ms (first, loading the "
              f"bundle: {first:.0f} ms); slack before the loop comes round {LOOKAHEAD_S * 1000 - max(times):.0f} ms "
              f"of {LOOKAHEAD_S * 1000:.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
