"""Magenta's GrooveConverter in training mode: a chunk of a performance to (hits, velocities, offsets) [steps, 9];
and the app's windows of a whole performance, which keep the downbeats a drummer plays a little early.

Training reads drums with data.ROLAND_DRUM_PITCH_CLASSES (the Roland V-Drums' pitches of the Groove MIDI Dataset,
in the same 9 classes as the inference map) and note_seq's quantization: one tempo and one metre (a change, or an
implicit change from 120 qpm or 4/4 at time 0, drops the chunk), 4/4 only, a note's step int(seconds * steps per
second + 0.5), the loudest note (the first of equals) of each class and step, padded to whole bars. Pitches outside
the map are left out (Magenta's converter would stop on them; the Groove MIDI Dataset has none).
"""

from __future__ import annotations

import math

import numpy as np

ROLAND_DRUM_PITCH_CLASSES = ((36,), (38, 37, 40), (42, 22, 44), (46, 26), (43, 58), (47, 45), (50, 48),
                             (49, 52, 55, 57), (51, 53, 59))
NUM_DRUMS = len(ROLAND_DRUM_PITCH_CLASSES)
STEPS_PER_QUARTER = 4
STEPS_PER_BAR = 16
DEFAULT_QPM = 120.0
_CLASS = {p: k for k, pitches in enumerate(ROLAND_DRUM_PITCH_CLASSES) for p in pitches}


def _single_metre(pm) -> tuple[int, int] | None:
    """note_seq's time signature checks: (numerator, denominator), or None where quantizing would raise."""
    signatures = sorted(pm.time_signature_changes, key=lambda s: s.time)
    if not signatures:
        return 4, 4
    first = signatures[0]
    if first.time != 0 and (first.numerator, first.denominator) != (4, 4):
        return None
    if any((s.numerator, s.denominator) != (pm.time_signature_changes[0].numerator,
                                            pm.time_signature_changes[0].denominator) for s in signatures[1:]):
        return None
    numerator, denominator = pm.time_signature_changes[0].numerator, pm.time_signature_changes[0].denominator
    if numerator == 0 or denominator <= 0 or denominator & (denominator - 1):
        return None
    return numerator, denominator


def _single_tempo(pm) -> float | None:
    """note_seq's tempo checks: the one qpm, or None where quantizing would raise."""
    times, qpms = pm.get_tempo_changes()
    if not len(qpms):
        return DEFAULT_QPM
    order = np.argsort(times, kind="stable")
    if times[order[0]] != 0 and qpms[order[0]] != DEFAULT_QPM:
        return None
    if any(qpms[k] != qpms[0] for k in order[1:]):
        return None
    return float(qpms[0])


def chunk_grid(pm) -> tuple[np.ndarray, float] | None:
    """The chunk's [steps, 27] grid (hits, velocities / 127, offsets scaled to [-1, 1], positive when played
    early) padded to whole bars, and its 16th's length in seconds; None where Magenta's converter gives nothing
    (not 4/4, tempo or metre changes, a note before 0, no notes)."""
    metre, qpm = _single_metre(pm), _single_tempo(pm)
    if metre is None or qpm is None:
        return None
    if STEPS_PER_QUARTER * (4.0 / metre[1] * metre[0]) != STEPS_PER_BAR:
        return None
    steps_per_second = STEPS_PER_QUARTER * qpm / 60.0
    notes = [n for instrument in pm.instruments for n in instrument.notes]
    if not notes:
        return None
    placed = []
    for note in notes:
        start, end = int(note.start * steps_per_second + 0.5), int(note.end * steps_per_second + 0.5)
        end = end + 1 if end == start else end
        if start < 0 or end < 0:
            return None  # note_seq's NegativeTimeError
        placed.append((start, note))
    step_length = 60.0 / qpm / STEPS_PER_QUARTER
    total = STEPS_PER_BAR * math.ceil((max(s for s, _ in placed) + 1) / STEPS_PER_BAR)
    chosen: dict[tuple[int, int], object] = {}
    for step, note in placed:
        drum = _CLASS.get(note.pitch)
        if drum is None:
            continue
        held = chosen.get((step, drum))
        if held is None or note.velocity > held.velocity:  # max() keeps the first of equals
            chosen[(step, drum)] = note
    grid = np.zeros((total, 3 * NUM_DRUMS))
    for (step, drum), note in chosen.items():
        grid[step, drum] = 1.0
        grid[step, NUM_DRUMS + drum] = note.velocity / 127.0
        grid[step, 2 * NUM_DRUMS + drum] = (step_length * step - note.start) / step_length * 2
    return grid.astype(np.float32), step_length


def windows_of(grid: np.ndarray, split_bars: int = 2) -> list[np.ndarray]:
    """Magenta's _extract_windows: windows of split_bars bars, a window apart, the last partial one dropped."""
    size = STEPS_PER_BAR * split_bars
    return [grid[i:i + size] for i in range(0, len(grid) - size + 1, size)]


def performance_windows(pm, bar_seconds: float, split_bars: int = 2) -> list[tuple[np.ndarray, float]]:
    """The [steps, 27] windows of `split_bars` bars a bar apart, cut from the whole performance as the app's groove
    tool cuts a song: each window's 16ths counted from its bar line, so a hit played up to half a 16th before the
    bar line is the window's first step, played early (positive offset), as chunk_grid would place it anywhere
    else. TFDS's chunks cut at the bar line instead, which leaves such downbeats out of every window (kept in
    `two_bar_chunks` for Magenta's own data). Bars as TFDS counts them; the metre, tempo and loudest-hit rules are
    chunk_grid's; windows without a hit are left out. Returns (window, 16th in seconds) each."""
    metre, qpm = _single_metre(pm), _single_tempo(pm)
    if metre is None or qpm is None or STEPS_PER_QUARTER * (4.0 / metre[1] * metre[0]) != STEPS_PER_BAR:
        return []
    steps_per_second = STEPS_PER_QUARTER * qpm / 60.0
    step_length = 60.0 / qpm / STEPS_PER_QUARTER
    size = STEPS_PER_BAR * split_bars
    onsets = sorted(((note.start, _CLASS[note.pitch], note.velocity) for instrument in pm.instruments
                     for note in instrument.notes if note.pitch in _CLASS), key=lambda hit: hit[0])
    total_bars = int(round(pm.get_end_time() / bar_seconds))
    found = []
    for bar in range(total_bars - split_bars + 1):
        origin = bar * bar_seconds
        chosen: dict[tuple[int, int], tuple[float, int]] = {}
        for start, drum, velocity in onsets:
            step = math.floor((start - origin) * steps_per_second + 0.5)
            if not 0 <= step < size:
                continue
            held = chosen.get((step, drum))
            if held is None or velocity > held[1]:  # the loudest, the first of equals
                chosen[(step, drum)] = (start - origin, velocity)
        if not chosen:
            continue
        grid = np.zeros((size, 3 * NUM_DRUMS))
        for (step, drum), (start, velocity) in chosen.items():
            grid[step, drum] = 1.0
            grid[step, NUM_DRUMS + drum] = velocity / 127.0
            grid[step, 2 * NUM_DRUMS + drum] = (step_length * step - start) / step_length * 2
        found.append((grid.astype(np.float32), step_length))
    return found
