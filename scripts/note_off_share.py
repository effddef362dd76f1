"""How well a Performance RNN bundle has learnt its note-offs: of the probability it gives to NOTE_OFF events, the
share that goes to pitches sounding at that moment, over held-out ASAP performances (a trained pianist's data has
no note-off for a silent pitch, so a good model's share is near 1; a model that has not learnt them spreads it over
all 128 pitches, and its samples hold notes for seconds).

Usage: note_off_share.py BUNDLE.mag [BUNDLE.mag ...]. Scores the first unaugmented 30 s span of one performance
of each of the first PIECES held-out pieces (the training split's own rule), with this app's engine.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PIECES = 6
EVAL_RATIO = 0.1  # the trainer's held-out share


def held_out_spans(pieces: int = PIECES, every_span: bool = False) -> list:
    """The first plain span's events (or every plain span's) of one performance of each of `pieces` held-out
    pieces, drawn in a fixed order."""
    from shipped_corpora import asap_performance_sources

    from composer_app.models.training.dataset import split_by_source
    from composer_app.models.training.pipelines.performance import extract_performances, performance_pieces

    every = asap_performance_sources()
    sides = split_by_source([f"group:{s.group}" for s in every], EVAL_RATIO, [s.split for s in every])
    sources = [s for s, side in zip(every, sides) if side == "eval"]  # the trainer's held_out_split, by piece
    random.Random(0).shuffle(sources)
    spans, seen = [], set()
    for source in sources:
        if source.group in seen:
            continue
        seen.add(source.group)
        found, _ = extract_performances(performance_pieces(source.path)[0], 32)
        plain = [s.events for s in found if s.plain]
        spans += plain if every_span else plain[:1]
        if len(seen) == pieces:
            break
    return spans


def note_off_share(bundle_path: str, spans: list) -> tuple[float, float, int]:
    """(share on sounding pitches, share on the true pitch, note-offs scored), averaged over the note-offs."""
    from composer_app.models.rnn.bundle import read_bundle
    from composer_app.models.rnn.scoring import score_events
    from composer_app.music.encodings.performance import NOTE_OFF, NOTE_ON

    bundle = read_bundle(bundle_path)
    decode = bundle.config.encoder().class_index_to_event
    offs_of = {e[1]: c for c in range(bundle.config.encoder().num_classes) if (e := decode(c, None))[0] == NOTE_OFF}
    sounding_share = true_share = 0.0
    count = 0
    for events in spans:
        softmax = score_events(bundle, list(events), raw=True).softmax
        sounding: set[int] = set()
        for t, ((kind, value), (next_kind, next_value)) in enumerate(zip(events, events[1:])):
            if kind == NOTE_ON:
                sounding.add(value)
            elif kind == NOTE_OFF:
                sounding.discard(value)
            if next_kind == NOTE_OFF and sounding:
                offs = softmax[t, list(offs_of.values())].sum()
                sounding_share += softmax[t, [offs_of[p] for p in sounding]].sum() / offs
                true_share += softmax[t, offs_of[next_value]] / offs
                count += 1
    return sounding_share / count, true_share / count, count


def main(paths: list[str]) -> int:
    spans = held_out_spans()
    for path in paths:
        sounding, true, count = note_off_share(path, spans)
        print(f"{path}: {count} note-offs; share on sounding pitches {sounding:.3f}, on the true pitch {true:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
