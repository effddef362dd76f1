"""Performance RNN's training pipeline, as Magenta's performance_pipeline: the sustain pedal applied (when the MIDI
file is read), stretched by ±5%, split every 30 s, quantized to 100 steps a second, transposed by -3..+3
semitones, one performance per span (32 to 512 events); the held-out side is neither stretched nor transposed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

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


def window_keeper(config: ModelConfig):
    """For a performance config, which events a training window cut from a span keeps (else None).

    A span starts clean (every NOTE_OFF follows its NOTE_ON), but a window cut from its middle starts with notes
    sounding that the network, starting from a zero state, never saw begin. Their NOTE_OFFs as they stand would
    teach it that silent pitches end (its samples then spent a third of their note-offs on silent pitches); dropped,
    they would teach it that a note older than a window never ends. So the window starts as if its sounding notes
    were struck at its start: the velocity in force, then a NOTE_ON for each, in the order they began. Those are
    context only (EncodedSet.skips): learnt as labels, they taught the model to open with bursts of note-ons.
    """
    if config.family != "performance":
        return None
    encoder = config.encoder()
    table = [encoder.class_index_to_event(c, []) for c in range(encoder.num_classes)]
    # Index num_classes stands for an unknown event (a first event whose input is not a class number).
    kinds = np.array([e[0] for e in table] + [0], np.int16)
    values = np.array([e[1] for e in table] + [0], np.int32)

    def keep(events: np.ndarray):
        """For one span's event classes, the positions that its window of events start..end reads."""
        events = np.where(events < 0, len(table), events)
        kind, pitch = kinds[events], values[events]
        begun = _note_on_positions(kind, pitch)
        ons, velocities = np.flatnonzero(kind == perf.NOTE_ON), np.flatnonzero(kind == perf.VELOCITY)
        ended = np.full(len(kind), len(kind), np.int64)  # for each NOTE_ON, where its note ends (len: never)
        offs = np.flatnonzero(begun >= 0)
        ended[begun[offs]] = offs

        def window(start: int, end: int) -> np.ndarray:
            positions = np.arange(start, end + 1)
            if start == 0:
                return positions
            positions = positions[(kind[positions] != perf.NOTE_OFF) | (begun[positions] >= 0)]
            sounding = ons[(ons < start) & (ended[ons] >= start)]
            first_on = _first(positions, kind == perf.NOTE_ON)
            first_velocity = _first(positions, kind == perf.VELOCITY)
            # A NOTE_ON, struck or in the window, needs the velocity in force unless the window sets its own first.
            needs_velocity = len(sounding) > 0 or (
                first_on is not None and (first_velocity is None or first_velocity > first_on))
            velocity = velocities[velocities < start][-1:] if needs_velocity else velocities[:0]
            return np.concatenate([velocity, sounding, positions])

        return window

    return keep


def _first(positions: np.ndarray, mask: np.ndarray):
    hits = positions[mask[positions]]
    return int(hits[0]) if len(hits) else None


def _note_on_positions(kind: np.ndarray, pitch: np.ndarray) -> np.ndarray:
    """For each NOTE_OFF, the position of the NOTE_ON it ends (the oldest open one of its pitch, as Magenta's
    decoder pairs them); -1 for an unmatched NOTE_OFF and for every other event."""
    begun = np.full(len(kind), -1, np.int64)
    ons, offs = np.flatnonzero(kind == perf.NOTE_ON), np.flatnonzero(kind == perf.NOTE_OFF)
    if not len(ons) or not len(offs):
        return begun
    on_keys, off_keys = _pitch_and_rank(pitch[ons], ons), _pitch_and_rank(pitch[offs], offs)
    order = np.argsort(on_keys)
    found = np.searchsorted(on_keys[order], off_keys)
    found = np.minimum(found, len(ons) - 1)
    matched = on_keys[order][found] == off_keys
    begun[offs[matched]] = ons[order][found[matched]]
    return begun


def _pitch_and_rank(pitches: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """pitch * 2**32 + how many events of that pitch came before: the k-th NOTE_OFF of a pitch ends its k-th
    NOTE_ON in a span where every note is ended at most once."""
    order = np.lexsort((positions, pitches))
    sorted_pitches = pitches[order]
    starts = np.flatnonzero(np.r_[True, sorted_pitches[1:] != sorted_pitches[:-1]])
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    keys = np.empty(len(order), np.int64)
    keys[order] = sorted_pitches.astype(np.int64) * 2**32 + rank
    return keys


def plain_only(sequences) -> list:
    return [s for s in sequences if s.plain]


__all__ = ["STRETCH_FACTORS", "TRANSPOSITIONS", "extract_performances", "performance_examples", "plain_only",
           "control_sequence", "window_keeper"]
