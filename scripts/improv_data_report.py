"""What the shipped Improv RNN's lead sheets are: per collection, the share of files that give a training example,
and how well the chords fit the tune (the share of melody notes that are chord tones, with the chords in place and
moved by a beat, half a bar or a bar: a peak in place says the chords are lined up with the music).

Usage: PYTHONPATH=. .venv/bin/python scripts/improv_data_report.py (reads through the corpus cache the training
filled; the first run parses every file).
"""

from __future__ import annotations

import sys
from collections import Counter
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shipped_corpora import SHARED  # noqa: E402
from shipped_data import sources_for  # noqa: E402

from composer_app.models.rnn.configs import get_config  # noqa: E402
from composer_app.models.training.corpus import CorpusCache, read_corpus  # noqa: E402
from composer_app.music.chords import NO_CHORD, chord_pitches  # noqa: E402

SHIFTS = (-16, -8, -4, 0, 4, 8, 16)  # steps of a 4/4 bar: a bar, half a bar and a beat either way
COLLECTIONS = (("openewld", SHARED / "openewld" / "dataset"), ("lieder", SHARED / "lieder"))


@cache
def _tones(figure: str) -> frozenset | None:
    return None if figure == NO_CHORD else frozenset(p % 12 for p in chord_pitches(figure))


def chord_tone_shares(pairs) -> dict[int, float]:
    """For each shift, the share of melody note onsets whose pitch class is in the chord `shift` steps away."""
    hits, total = Counter(), Counter()
    for melody, chords in pairs:
        for i, event in enumerate(melody):
            if event < 0:
                continue
            for shift in SHIFTS:
                j = i + shift
                tones = _tones(chords[j]) if 0 <= j < len(chords) else None
                if tones is not None:
                    total[shift] += 1
                    hits[shift] += (event % 12) in tones
    return {s: hits[s] / total[s] for s in SHIFTS if total[s]}


def main() -> int:
    sources, _ = sources_for("chord_pitches_improv")
    results = read_corpus(sources, get_config("chord_pitches_improv"), cache=CorpusCache(), workers=2)
    for key, folder in COLLECTIONS:
        mine = [r for r in results if key in str(r.source.path)]
        every = sum(1 for _ in folder.rglob("*.mxl"))
        good = sum(bool(r.sequences) for r in mine)
        print(f"{key}: {len(mine)} files listed of {every}; {good} give a lead sheet ({100 * good / len(mine):.1f}% "
              f"of those listed, {100 * good / every:.1f}% of all); {sum(len(r.sequences) for r in mine)} lead sheets")
        shares = chord_tone_shares(p for r in mine for p in r.sequences)
        print("  melody notes on chord tones, chords moved by N steps: "
              + ", ".join(f"{s:+d}: {100 * v:.1f}%" for s, v in shares.items()))
    counts = Counter()
    for r in results:
        counts.update({k: v for k, v in r.stats.items() if k.startswith(("roman", "chords_from"))})
    print("analyses: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
