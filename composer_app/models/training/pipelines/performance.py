"""Performance RNN's training pipeline, as Magenta's performance_pipeline: the sustain pedal applied (when the MIDI
file is read), stretched by ±5%, split every 30 s, quantized to 100 steps a second, transposed by -3..+3
semitones, one performance per span (32 to 512 events); the held-out side is neither stretched nor transposed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from composer_app.models.rnn.configs import ModelConfig
from composer_app.models.training.pipelines.polyphony import TimedSequence
from composer_app.models.training.pipelines.timing import (
    Timed,
    one_program,
    quantized,
    split_every,
    stretched,
    timed_song,
)
from composer_app.models.training.pipelines.timing import transposed as moved_by
from composer_app.music.encodings import performance as perf

STRETCH_FACTORS = (0.95, 0.975, 1.0, 1.025, 1.05)
TRANSPOSITIONS = range(-3, 4)  # no more than a major third
HOP_SECONDS = 30.0
MIN_EVENTS, MAX_EVENTS = 32, 512  # performance_rnn_create_dataset's extractor bounds


def performance_pieces(path) -> list[Timed]:
    """A file's music as the pipeline starts from: a MIDI file's notes in seconds with the sustain pedal applied
    (SustainPipeline), a score's notes as written (scores have no pedal)."""
    from composer_app.music.io import MIDI_SUFFIXES, read_songs
    from composer_app.music.midi_io import read_midi_seconds

    if Path(path).suffix.lower() in MIDI_SUFFIXES:
        notes = read_midi_seconds(path, sustain=True)
        return [Timed(tuple(notes), max((n[1] for n in notes), default=0.0))]
    return [timed_song(song) for song in read_songs(path)]


def extract_performances(timed: Timed, num_velocity_bins: int) -> tuple[list[TimedSequence], Counter]:
    """Every augmented span's performance, with Magenta's counts.

    The augmentation is made for the training side; `plain` marks the one unstretched, untransposed copy of each
    span, all that the held-out side keeps (Magenta's eval pipeline stretches by 1.0 and transposes by 0 only).
    """
    stats: Counter = Counter()
    found = []
    for factor in STRETCH_FACTORS:
        for span in split_every(stretched(timed, factor), HOP_SECONDS):
            notes, _total = quantized(span, perf.STEPS_PER_SECOND)
            for amount in TRANSPOSITIONS:
                moved = moved_by(notes, amount)
                if moved is None:
                    stats["skipped_due_to_range_exceeded"] += 1
                    continue
                events = _performance(moved, [n[:2] for n in span.notes], num_velocity_bins, stats)
                if events is not None:
                    found.append(TimedSequence(tuple(events), plain=factor == 1.0 and amount == 0))
    return found, stats


def _performance(notes: list, seconds: list, num_velocity_bins: int, stats: Counter) -> list | None:
    """extract_performances on one quantized span (notes in span order, with their times in seconds)."""
    if not one_program(notes):
        stats["performances_discarded_more_than_1_program"] += 1
        return None
    # note_seq orders notes by unquantized start, then pitch (Python's stable sort).
    order = sorted(range(len(notes)), key=lambda i: (seconds[i][0], notes[i][2]))
    events = perf.performance_from_notes([notes[i][:4] for i in order], num_velocity_bins, ordered=True)
    if len(events) > MAX_EVENTS:
        events = events[:MAX_EVENTS]
        stats["performances_truncated"] += 1
    if len(events) < MIN_EVENTS:
        stats["performances_discarded_too_short"] += 1
        return None
    stats["performances_kept"] += 1
    return events


def control_sequence(config: ModelConfig, events) -> list:
    """EncoderPipeline's control events: one tuple per event, a value per control signal."""
    return list(zip(*[signal.extract(events) for signal in config.control_signals]))


def performance_examples(events, config: ModelConfig):
    """(inputs, labels) arrays as Magenta's EncoderPipeline encodes a performance: conditioned configs on their
    control signals, the optional one twice (conditioning on, then off)."""
    encoder = config.encoder()
    events = list(events)
    if not config.control_signals:
        yield encoder.encode_array(events)
        return
    controls = control_sequence(config, events)
    variants = [list(zip([disable] * len(controls), controls)) for disable in (False, True)] \
        if config.optional_conditioning else [controls]
    labels = encoder.labels_array(events)[1:]
    for variant in variants:
        yield encoder.inputs_array(variant, events)[:-1], labels


def plain_only(sequences) -> list:
    return [s for s in sequences if s.plain]


__all__ = ["STRETCH_FACTORS", "TRANSPOSITIONS", "extract_performances", "performance_examples", "plain_only",
           "control_sequence"]
