"""Songs as note_seq's NoteSequences see them: notes in seconds, split at time changes or every few seconds,
stretched, transposed and quantized, with note_seq's rules (sequences_lib and note_sequence_pipelines)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from composer_app.music.song import Song

# A note in seconds: (start, end, pitch, velocity, program, is_drum), in the song's track order.
SecondsNote = tuple


@dataclass(frozen=True)
class Timed:
    """An unquantized stretch of music: notes in seconds from its start, its total time, and the tempo and metre
    in force (for quantizing in steps per quarter)."""

    notes: tuple
    total_time: float
    qpm: float = 120.0
    metre: tuple[int, int] = (4, 4)


def timed_song(song: Song) -> Timed:
    """A song's notes in seconds (drums included, as note_seq keeps them), its total time the last note end."""
    seconds = song.tick_to_seconds
    notes = [(seconds(n.start), seconds(n.end), n.pitch, n.velocity, t.program, t.is_drum)
             for t in song.tracks for n in t.notes]
    return Timed(tuple(notes), max((n[1] for n in notes), default=0.0))


def subsequences(timed: Timed, split_times: list[float], qpms=None, metres=None) -> list[Timed]:
    """note_seq's _extract_subsequences: notes go to the span their start falls in, cut at its end, timed from
    its start; each span's total time is its last note end."""
    spans = []
    by_start = sorted(timed.notes, key=lambda n: n[0])  # stable, as note_seq's sort
    index = 0
    for i, (begin, end) in enumerate(zip(split_times, split_times[1:])):
        kept = []
        while index < len(by_start) and by_start[index][0] < end:
            n = by_start[index]
            index += 1
            if n[0] >= begin:
                kept.append((n[0] - begin, min(n[1], end) - begin) + n[2:])
        spans.append(Timed(tuple(kept), max((n[1] for n in kept), default=0.0),
                           qpms[i] if qpms else timed.qpm, metres[i] if metres else timed.metre))
    return spans


def split_on_time_changes(song: Song, timed: Timed) -> list[Timed]:
    """note_seq's split_note_sequence_on_time_changes: a new span wherever the tempo or the metre changes."""
    changes = sorted([(song.tick_to_seconds(s.tick), 0, (s.numerator, s.denominator)) for s in song.time_signatures]
                     + [(song.tick_to_seconds(t.tick), 1, t.qpm) for t in song.tempos], key=lambda c: c[0])
    metre, qpm = (4, 4), 120.0
    splits, qpms, metres = [0.0], [], []
    for at, kind, value in (c for c in changes if c[0] < timed.total_time):
        if value == (metre if kind == 0 else qpm):
            continue
        if at > splits[-1]:
            splits.append(at)
            qpms.append(qpm)
            metres.append(metre)
        if kind == 0:
            metre = value
        else:
            qpm = value
    if timed.total_time > splits[-1]:
        splits.append(timed.total_time)
        qpms.append(qpm)
        metres.append(metre)
    return subsequences(timed, splits, qpms, metres) if len(splits) > 1 else []


def split_every(timed: Timed, hop_seconds: float) -> list[Timed]:
    """note_seq's split_note_sequence with a hop size (notes are not kept whole: a split may fall inside one)."""
    splits = [0.0] + [float(t) for t in np.arange(hop_seconds, timed.total_time, hop_seconds)]
    if timed.total_time > splits[-1]:
        splits.append(timed.total_time)
    return subsequences(timed, splits) if len(splits) > 1 else []


def stretched(timed: Timed, factor: float) -> Timed:
    """note_seq's stretch_note_sequence: every time times the factor (the tempo divided by it)."""
    if factor == 1.0:
        return timed
    notes = tuple((n[0] * factor, n[1] * factor) + n[2:] for n in timed.notes)
    return replace(timed, notes=notes, total_time=timed.total_time * factor, qpm=timed.qpm / factor)


def transposed(notes: list, amount: int) -> list | None:
    """TranspositionPipeline: pitched notes moved by `amount`, or None when one would leave 0..127."""
    out = []
    for n in notes:
        if n[5]:  # drums keep their pitches
            out.append(n)
            continue
        pitch = n[2] + amount
        if not 0 <= pitch <= 127:
            return None
        out.append(n[:2] + (pitch,) + n[3:])
    return out


def quantize_to_step(seconds: float, steps_per_second: float) -> int:
    """note_seq's quantize_to_step with its default cutoff (half a step rounds up)."""
    return int(seconds * steps_per_second + 0.5)


def quantized(timed: Timed, steps_per_second: float) -> tuple[list, int]:
    """(start step, end step, pitch, velocity, program, is_drum) per note, in the same order, a note at least one
    step long; and the total steps (the total time's, or the last note end's where later)."""
    out = []
    total = quantize_to_step(timed.total_time, steps_per_second)
    for n in timed.notes:
        start, end = quantize_to_step(n[0], steps_per_second), quantize_to_step(n[1], steps_per_second)
        if end == start:
            end += 1
        total = max(total, end)
        out.append((start, end) + n[2:])
    return out, total


def one_program(notes) -> bool:
    """Whether every note has the same program (note_seq's extractors drop sequences with more)."""
    return len({n[4] for n in notes}) <= 1
