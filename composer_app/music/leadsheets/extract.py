"""(melody, chords) training pairs for Improv RNN from a song or a file, with a count of everything repaired or
skipped, as Magenta's LeadSheetExtractor makes them but without dropping what it cannot take."""

from __future__ import annotations

import bisect
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from composer_app.music.chords import NO_CHORD, ChordSymbolError, parse_chord_symbol
from composer_app.music.events import Melody, melody_from_track
from composer_app.music.leadsheets.figures import nearest_triad, repair_figure, transpose_figure
from composer_app.music.leadsheets.voices import bar_grid, top_voice
from composer_app.music.song import Song, tick_to_step

MELODY_CHOICES = ("first", "all")


@dataclass(frozen=True)
class LeadSheetSettings:
    """Magenta's improv pipeline settings (LeadSheetExtractor as improv_rnn_pipeline sets it), plus our choices.

    `triads` maps chords to the nearest triad for basic_improv and attention_improv; `melody` takes the first
    melodic part (a lead sheet's tune) or every part; `infer_chords` infers chords for a piece that has none.
    """

    steps_per_quarter: int = 4
    min_bars: int = 7
    max_steps: int = 512
    min_unique_pitches: int = 3
    gap_bars: float = 1.0
    triads: bool = False
    melody: str = "first"
    infer_chords: bool = False


@dataclass(frozen=True)
class LeadSheet:
    """A melody (Magenta's melody events) and the chord figure of every step, from `start_step` of the piece."""

    melody: tuple[int, ...]
    chords: tuple[str, ...]
    start_step: int = 0
    steps_per_bar: int = 16

    def transposed(self, amount: int) -> LeadSheet:
        """Moved by `amount` semitones, notes folded by octaves into MIDI's range, as note_seq's LeadSheet.transpose."""
        melody = Melody(self.melody, steps_per_bar=self.steps_per_bar)
        melody.transpose(amount)
        cache = {f: transpose_figure(f, amount) for f in set(self.chords)}
        return LeadSheet(tuple(melody), tuple(cache[f] for f in self.chords), self.start_step, self.steps_per_bar)


@dataclass
class LeadSheetFile:
    """What one file gave: its lead sheets, the counts of what was repaired or skipped, or why it was unreadable."""

    path: Path
    lead_sheets: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    songs: int = 0
    error: str | None = None


def _chord_changes(chords, settings: LeadSheetSettings, counts: Counter) -> tuple[list[int], list[str]]:
    """(steps, figures) where the chord changes, every figure readable (and a triad when asked)."""
    by_step: dict[int, str] = {}
    for chord in chords:
        figure = chord.figure
        try:
            parse_chord_symbol(figure)
        except ChordSymbolError:
            figure = repair_figure(figure)
            if figure is None:
                counts["chord_symbols_unreadable"] += 1
                continue  # the chord before it holds on
            counts["chord_symbols_repaired"] += 1
        if settings.triads and figure != NO_CHORD:
            kind = parse_chord_symbol(figure).kind
            figure, mapped = nearest_triad(figure)
            if mapped:  # counted by kind too, so a report says which chords the triad configs could not take
                counts["chords_mapped_to_triad"] += 1
                counts[f"chords_mapped_to_triad:{kind}"] += 1
        step = tick_to_step(chord.tick, settings.steps_per_quarter)
        if by_step.get(step, figure) != figure:
            counts["coincident_chords_resolved"] += 1  # Magenta drops the melody; the later chord wins here
        by_step[step] = figure
    steps = sorted(by_step)
    return steps, [by_step[s] for s in steps]


def _chords_for(steps: list[int], figures: list[str], start: int, length: int) -> tuple[str, ...]:
    """The chord sounding at each step of [start, start + length): the last change at or before it, else N.C."""
    out = []
    for step in range(start, start + length):
        i = bisect.bisect_right(steps, step) - 1
        out.append(figures[i] if i >= 0 else NO_CHORD)
    return tuple(out)


def extract_lead_sheets(song: Song, settings: LeadSheetSettings = LeadSheetSettings(),
                        counts: Counter | None = None) -> tuple[list[LeadSheet], Counter]:
    """Lead sheets of at least `min_bars` bars, cut at gaps of `gap_bars`, truncated to `max_steps`."""
    counts = Counter() if counts is None else counts
    tracks = [t for t in song.tracks if not t.is_drum and t.notes]
    if not tracks:
        counts["no_melodic_tracks"] += 1
        return [], counts
    chords = song.chords
    if not any(c.figure != NO_CHORD for c in chords):
        if not settings.infer_chords:
            counts["songs_without_chord_symbols"] += 1
            return [], counts
        from composer_app.music.leadsheets.inference import infer_chords

        chords = infer_chords(song)
        counts["songs_with_inferred_chords"] += 1
    steps, figures = _chord_changes(chords, settings, counts)
    grid = bar_grid(song, settings.steps_per_quarter, counts)
    if grid is None:
        return [], counts
    steps_per_bar, phase = grid
    found = []
    for track in tracks[:1] if settings.melody == "first" else tracks:
        found += _melodies(top_voice(track, counts), steps_per_bar, phase, steps, figures, settings, counts)
    return found, counts


def _melodies(track, steps_per_bar, phase, steps, figures, settings, counts) -> list[LeadSheet]:
    found = []
    # One bar before the main metre's first bar line, so a pickup (even one in its own metre) is kept.
    search_start = phase - steps_per_bar if phase else 0
    while True:
        melody = melody_from_track(track, steps_per_quarter=settings.steps_per_quarter, steps_per_bar=steps_per_bar,
                                   search_start_step=search_start, gap_bars=settings.gap_bars,
                                   ignore_polyphonic_notes=True)
        if not melody:
            break
        search_start = melody.end_step + (search_start - melody.end_step) % steps_per_bar
        if len(melody) < steps_per_bar * settings.min_bars:
            counts["melodies_discarded_too_short"] += 1
            continue
        if len(melody) > settings.max_steps:
            melody.set_length(settings.max_steps)
            counts["melodies_truncated"] += 1
        if int((melody.get_note_histogram() > 0).sum()) < settings.min_unique_pitches:
            counts["melodies_discarded_too_few_pitches"] += 1
            continue
        chords = _chords_for(steps, figures, melody.start_step, len(melody))
        if all(c == NO_CHORD for c in chords):
            counts["melodies_discarded_no_chords"] += 1
            continue
        counts["lead_sheets"] += 1
        found.append(LeadSheet(tuple(melody), chords, melody.start_step, steps_per_bar))
    return found


def extract_file(path: str | os.PathLike, settings: LeadSheetSettings = LeadSheetSettings()) -> LeadSheetFile:
    """Every piece in a MusicXML (.xml, .musicxml, .mxl), ABC, Humdrum or MIDI file, never raising for bad input."""
    from composer_app.music.errors import MusicFileError
    from composer_app.music.leadsheets.sources import read_lead_sheet_songs

    result = LeadSheetFile(Path(path))
    try:
        songs = read_lead_sheet_songs(result.path, result.counts)
    except MusicFileError as exc:
        result.error = exc.problem
        return result
    except Exception as exc:  # a parser crash on one bad file must not stop a whole corpus
        result.error = f"could not be read ({type(exc).__name__}: {exc})"
        return result
    result.songs = len(songs)
    for song in songs:
        result.lead_sheets += extract_lead_sheets(song, settings, result.counts)[0]
    return result


__all__ = ["MELODY_CHOICES", "LeadSheetSettings", "LeadSheet", "LeadSheetFile", "extract_lead_sheets",
           "extract_file"]
