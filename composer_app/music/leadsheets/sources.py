"""Reading a lead-sheet file: scores with their chord symbols and pickups aligned, MIDI with chord text events."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from composer_app.music.errors import MusicFileError
from composer_app.music.io import MIDI_SUFFIXES, read_songs
from composer_app.music.leadsheets.figures import repair_figure
from composer_app.music.leadsheets.roman_analyses import RomanAnalysis, analysis_path
from composer_app.music.score_io import SCORE_SUFFIXES, read_scores
from composer_app.music.song import PPQ, ChordSymbol, Song
from composer_app.said import said
from composer_app.user_files import read_limited

LEAD_SHEET_SUFFIXES = SCORE_SUFFIXES + MIDI_SUFFIXES
_TEXT_TYPES = ("text", "marker", "cue_marker")  # not lyrics: a sung "A" or "Am" is a word, not a chord
MIN_CHORD_SHARE = 0.8  # a track's text events are chords when this share of them reads as chord symbols


def read_lead_sheet_songs(path: str | os.PathLike, counts: Counter, first_part: bool = False) -> list[Song]:
    """Every piece in the file, with its chord symbols (from a RomanText analysis beside a score that has none);
    MusicFileError when it cannot be read. `first_part`: only the first part's melody is wanted."""
    path = Path(path)
    if path.suffix.lower() in SCORE_SUFFIXES:
        found = analysis_path(path)
        return read_scores(path, report=counts, align_pickup=True,
                           analysis=RomanAnalysis(found) if found else None, first_part=first_part)
    songs = read_songs(path)
    if len(songs) == 1 and not songs[0].chords:
        chords = midi_chord_events(path)
        counts["midi_chord_text_events"] += len(chords)
        songs = [songs[0].replace(chords=chords)]
    return songs


def midi_chord_events(path: Path) -> tuple[ChordSymbol, ...]:
    """Chord symbols written as text or marker events on any track of a MIDI file (many lead-sheet exports do)."""
    from composer_app.music.midi_io import MAX_FILE_BYTES
    from composer_app.music.smf.events import reread_smf_events

    try:
        smf = reread_smf_events(read_limited(path, MAX_FILE_BYTES, said("MIDI song"), MusicFileError), path)
    except MusicFileError:  # read_midi already read this file, so this is at worst a file without chords
        return ()
    chords: dict[int, str] = {}
    for events in smf.tracks:
        found, texts = [], 0
        for event in events:
            if event[1] in _TEXT_TYPES and event[2].strip():
                texts += 1
                figure = repair_figure(event[2])
                if figure:
                    found.append((round(event[0] * PPQ / smf.division), figure))
        if texts and len(found) >= MIN_CHORD_SHARE * texts:
            for at, figure in found:
                chords.setdefault(at, figure)
    return tuple(ChordSymbol(t, f) for t, f in sorted(chords.items()))


__all__ = ["LEAD_SHEET_SUFFIXES", "read_lead_sheet_songs", "midi_chord_events"]
