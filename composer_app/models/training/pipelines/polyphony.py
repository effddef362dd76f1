"""Polyphony RNN's training pipeline, as Magenta's polyphony_rnn_pipeline: split at time changes, quantize to the
config's steps per quarter, transpose by -4..+4 semitones, extract one polyphonic sequence per span."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from composer_app.models.training.pipelines.timing import (
    one_program,
    quantized,
    split_on_time_changes,
    timed_song,
    transposed,
)
from composer_app.music.encodings import polyphony as poly
from composer_app.music.song import Song

# polyphony_rnn_create_dataset's extractor bounds (80 steps: five 4/4 bars of 16ths); longer spans are dropped.
MIN_STEPS, MAX_STEPS = 80, 512
# Up to a major third either way (Magenta: more would leave the singing range of its Bach chorales).
TRANSPOSITIONS = range(-4, 5)


@dataclass(frozen=True)
class TimedSequence:
    """Extracted events of a timed family; `plain` when neither stretched nor transposed (what a held-out set of a
    pipeline that augments only its training side keeps)."""

    events: tuple
    plain: bool = True


def extract_polyphony(song: Song, steps_per_quarter: int = 4) -> tuple[list[TimedSequence], Counter]:
    """Every span's polyphonic sequences in all the transpositions that stay in 0..127, with Magenta's counts."""
    stats: Counter = Counter()
    found = []
    for span in split_on_time_changes(song, timed_song(song)):
        notes, total = quantized(span, steps_per_quarter * span.qpm / 60.0)
        for amount in TRANSPOSITIONS:
            moved = transposed(notes, amount)
            if moved is None:
                stats["skipped_due_to_range_exceeded"] += 1
                continue
            stats["transpositions_generated"] += 1
            if not one_program(moved):
                stats["polyphonic_tracks_discarded_more_than_1_program"] += 1
                continue
            # A polyphonic sequence has one step per quantized step: its length is the span's, notes or not.
            if total < MIN_STEPS:
                stats["polyphonic_tracks_discarded_too_short"] += 1
            elif total > MAX_STEPS:
                stats["polyphonic_tracks_discarded_too_long"] += 1
            else:
                stats["polyphonic_tracks_kept"] += 1
                events = poly.events_from_notes([(n[0], n[1], n[2]) for n in moved], total)
                found.append(TimedSequence(tuple(events), plain=amount == 0))
    return found, stats
