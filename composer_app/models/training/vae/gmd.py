"""The Groove MIDI Dataset as Magenta trains GrooVAE on it: each file's row of info.csv (tempo, metre, split) and
the 2-bar chunks TensorFlow Datasets' `groove/2bar-midionly` cuts from a performance.

TFDS's builder takes the bar from info.csv (60 / int(bpm) * the metre's numerator), counts round(end / bar) bars
(pretty_midi's end time, control changes included), and for each bar i keeps the notes lying within bars i and
i + 1 (pretty_midi's adjust_times: start at or after the window, end at or before its end), shifted to start at 0
with the tempo scaled to fit, the original time signatures kept; each chunk is written as MIDI and read back (as
note_seq reads it). The same library calls run here, so the chunks are the data set's to the bit.
"""

from __future__ import annotations

import copy
import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

INFO = "info.csv"
_COLUMNS = {"midi_filename", "bpm", "time_signature", "split"}
# info.csv's split to the trainer's side: Magenta trains on 'train' and evaluates on 'validation' (TFDS's
# VALIDATION split in data.get_dataset); 'test' is left unseen.
SIDES = {"train": "train", "validation": "eval", "test": None}
SEARCH_LEVELS = 4  # info.csv lies at the data set's root: groove/drummerN/session/file.mid


@dataclass(frozen=True)
class GmdRow:
    """What info.csv says of one performance."""

    bpm: int
    beats_per_bar: int
    split: str


@lru_cache(maxsize=16)
def _table(info: Path) -> dict[Path, GmdRow] | None:
    try:
        with open(info, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeError, csv.Error):
        return None
    if not rows or not set(rows[0]) >= _COLUMNS:
        return None
    table = {}
    for row in rows:
        try:
            table[(info.parent / row["midi_filename"]).resolve()] = GmdRow(
                int(row["bpm"]), int(row["time_signature"].split("-")[0]), row["split"])
        except (ValueError, KeyError):
            continue
    return table


def gmd_row(path: Path) -> GmdRow | None:
    """The info.csv row of a Groove MIDI Dataset file (found in the folders above it), or None for other files."""
    path = Path(path).resolve()
    for folder in list(path.parents)[:SEARCH_LEVELS]:
        info = folder / INFO
        if info.is_file():
            table = _table(info)
            if table is not None and path in table:
                return table[path]
    return None


def gmd_key(path: Path) -> list | None:
    """What info.csv says of the file, as JSON values (None: not listed): part of its windows' cache key."""
    row = gmd_row(path)
    return None if row is None else [row.bpm, row.beats_per_bar, row.split]


def gmd_side(path: Path) -> tuple[bool, str | None]:
    """(listed, side): whether info.csv lists the file, and its side ("train", "eval", or None for 'test')."""
    row = gmd_row(path)
    return (False, None) if row is None else (True, SIDES.get(row.split))


def _bar_seconds(pm, row: GmdRow | None) -> float:
    """info.csv's bar; for a file outside the data set, its own first tempo and metre give it."""
    if row is not None:
        return 60 / row.bpm * row.beats_per_bar
    qpm = float(pm.get_tempo_changes()[1][0]) if len(pm.get_tempo_changes()[1]) else 120.0
    signatures = pm.time_signature_changes
    beats = signatures[0].numerator if signatures else 4
    return 60 / qpm * beats


def bar_seconds(pm, path: Path) -> float:
    """A performance's bar as TFDS takes it: info.csv's where the file is listed there."""
    return _bar_seconds(pm, gmd_row(path))


def two_bar_chunks(path: Path, split_bars: int = 2):
    """The performance's chunks of `split_bars` bars, a bar apart, each a pretty_midi.PrettyMIDI read back from the
    MIDI TFDS writes for it."""
    import pretty_midi

    pm = pretty_midi.PrettyMIDI(str(path))
    bar = _bar_seconds(pm, gmd_row(path))
    total_bars = int(round(pm.get_end_time() / bar))
    # Only the notes matter to the chunks: a template without notes, control changes and pitch bends is copied
    # per chunk (a whole performance holds thousands of hi-hat pedal changes), and adjust_times copies the notes
    # it keeps. The tempo map, resolution and metre, which place the notes, are the original's.
    notes = [list(instrument.notes) for instrument in pm.instruments]
    template = copy.copy(pm)
    template.instruments = [copy.copy(instrument) for instrument in pm.instruments]
    for instrument in template.instruments:
        instrument.notes, instrument.control_changes, instrument.pitch_bends = [], [], []
    template = copy.deepcopy(template)
    chunks = []
    for i in range(total_bars - split_bars + 1):
        chunk = copy.deepcopy(template)
        for instrument, kept in zip(chunk.instruments, notes):
            instrument.notes = list(kept)
        chunk.adjust_times([i * bar, (i + split_bars) * bar], [0, split_bars * bar])
        chunk.time_signature_changes = pm.time_signature_changes
        midi = io.BytesIO()
        chunk.write(midi)
        chunks.append(pretty_midi.PrettyMIDI(io.BytesIO(midi.getvalue())))
    return chunks
