"""Magenta event sequences from songs: training sequences as Magenta's extractors make them, and primers."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from composer_app.models.errors import GenerationError
from composer_app.models.rnn.configs import ModelConfig
from composer_app.music.events import (
    DrumTrack,
    Melody,
    PolyphonicMelodyError,
    TimeSignatureError,
    drums_from_track,
    melody_from_track,
    steps_per_bar_for,
)
from composer_app.music.song import Song, Track, drum_track, ticks_per_step
from composer_app.said import said


@dataclass(frozen=True)
class ExtractorSettings:
    """Magenta's MelodyExtractor / DrumsExtractor settings for the events-RNN pipelines."""

    min_bars: int = 7
    max_steps: int = 512
    min_unique_pitches: int = 5
    gap_bars: float = 1.0
    ignore_polyphonic_notes: bool = False
    infer_chords: bool = False  # Improv RNN: chords inferred from the notes of a piece that has no chord symbols


def extract_sequences(song: Song, config: ModelConfig, settings: ExtractorSettings = ExtractorSettings()
                      ) -> tuple[list, Counter]:
    """Melodies (per non-drum track) or drum tracks (all drum tracks together), with discard statistics."""
    stats: Counter = Counter()
    try:
        steps_per_bar = steps_per_bar_for(song.time_signature, config.steps_per_quarter)
    except TimeSignatureError:
        stats["skipped_non_integer_steps_per_bar"] += 1
        return [], stats
    if config.is_drums:
        drum_notes = [n for t in song.tracks if t.is_drum for n in t.notes]
        if not drum_notes:
            stats["no_drum_tracks"] += 1
            return [], stats
        merged = drum_track(notes=drum_notes)
        return _extract_drums(merged, config, steps_per_bar, settings, stats), stats
    melodies = []
    tracks = [t for t in song.tracks if not t.is_drum]
    if not tracks:
        stats["no_melodic_tracks"] += 1
    for track in tracks:
        melodies += _extract_melodies(track, config, steps_per_bar, settings, stats)
    return melodies, stats


def _extract_melodies(track, config, steps_per_bar, settings, stats) -> list[Melody]:
    found = []
    search_start = 0
    while True:
        try:
            melody = melody_from_track(track, steps_per_quarter=config.steps_per_quarter, steps_per_bar=steps_per_bar,
                                       search_start_step=search_start, gap_bars=settings.gap_bars,
                                       ignore_polyphonic_notes=settings.ignore_polyphonic_notes)
        except PolyphonicMelodyError:
            stats["polyphonic_tracks_discarded"] += 1
            break
        search_start = melody.end_step + (search_start - melody.end_step) % steps_per_bar
        if not melody:
            break
        if len(melody) < steps_per_bar * settings.min_bars:
            stats["melodies_discarded_too_short"] += 1
            continue
        if len(melody) > settings.max_steps:
            melody.set_length(settings.max_steps)
            stats["melodies_truncated"] += 1
        if int((melody.get_note_histogram() > 0).sum()) < settings.min_unique_pitches:
            stats["melodies_discarded_too_few_pitches"] += 1
            continue
        stats["melodies_kept"] += 1
        found.append(melody)
    return found


def _extract_drums(track, config, steps_per_bar, settings, stats) -> list[DrumTrack]:
    found = []
    search_start = 0
    while True:
        drums = drums_from_track(track, steps_per_quarter=config.steps_per_quarter, steps_per_bar=steps_per_bar,
                                 search_start_step=search_start, gap_bars=settings.gap_bars)
        search_start = drums.end_step + (search_start - drums.end_step) % steps_per_bar
        if not drums:
            break
        if len(drums) < steps_per_bar * settings.min_bars:
            stats["drum_tracks_discarded_too_short"] += 1
            continue
        if len(drums) > settings.max_steps:
            drums.set_length(settings.max_steps)
            stats["drum_tracks_truncated"] += 1
        stats["drum_tracks_kept"] += 1
        found.append(drums)
    return found


def reads_triads(config: ModelConfig) -> bool:
    """Whether an Improv RNN config hears chords as triads (basic_improv, attention_improv), not chord pitches."""
    from composer_app.music.encodings import TriadChordOneHotEncoding

    control = getattr(config.encoder(), "control_encoder", None)
    return isinstance(getattr(control, "one_hot_encoding", None), TriadChordOneHotEncoding)


def lead_sheet_settings(config: ModelConfig, settings: ExtractorSettings = ExtractorSettings(),
                        tracks: str = "all"):
    """The lead-sheet extraction an Improv RNN config trains on: Magenta's improv pipeline keeps melodies with
    3 different pitches (not Melody RNN's 5); the triad configs get every chord as a triad."""
    from composer_app.music.leadsheets.extract import LeadSheetSettings

    return LeadSheetSettings(steps_per_quarter=config.steps_per_quarter, min_bars=settings.min_bars,
                             max_steps=settings.max_steps, gap_bars=settings.gap_bars, triads=reads_triads(config),
                             melody="first" if tracks == "first" else "all", infer_chords=settings.infer_chords)


def model_events(sequence, config: ModelConfig) -> list:
    """The events a model trains on: melodies squashed into its range and key, as Magenta's EncoderPipeline."""
    if config.is_melody:
        melody = Melody(list(sequence), steps_per_quarter=config.steps_per_quarter)
        melody.squash(config.min_note, config.max_note, config.transpose_to_key)
        return list(melody)
    return list(sequence)


def primer_track(song: Song, config: ModelConfig, source: str) -> Track:
    """The track a song primes a model with: all its drum notes for a drum model, else its first melodic track.

    Magenta's generate scripts drop what they cannot use silently; here a song with nothing usable is an error.
    """
    if config.is_drums:
        notes = [n for t in song.tracks if t.is_drum for n in t.notes]
        if not notes:
            raise GenerationError(said("{source} has no drum notes (MIDI channel 10) to use as a primer").format(
                source=source), hint=said("Choose a file with a drum track, or a melody model."))
        return drum_track(notes=notes)
    tracks = [t for t in song.tracks if not t.is_drum and t.notes]
    if not tracks:
        raise GenerationError(said("{source} has no melody notes to use as a primer").format(source=source),
                              hint=said("Choose a file with a melodic track, or a drum model."))
    return tracks[0]


def track_events(track: Track, config: ModelConfig, origin: int | None = None, end: int | None = None) -> list:
    """A track's notes as the config's Magenta events (polyphony resolved as Magenta's primers do: highest note).

    Without `origin` the events start where Magenta's extractor starts them, at the bar of the first note, as
    Magenta's generate scripts read a primer file. With it, step 0 is that tick: notes before it are left out, a
    later first note is preceded by silence, and the events are padded or cut to end at `end`.
    """
    spq = config.steps_per_quarter
    if origin is not None:
        end = origin if end is None else end
        notes = [dataclasses.replace(n, start=n.start - origin) for n in track.notes if origin <= n.start < end]
        track = track.with_notes(notes)
    if config.is_drums:
        sequence = drums_from_track(track, steps_per_quarter=spq, gap_bars=10 ** 6)
        silence = frozenset()
    else:
        sequence = melody_from_track(track, steps_per_quarter=spq, gap_bars=10 ** 6, ignore_polyphonic_notes=True)
        silence = -2
    events = list(sequence)
    if origin is None:
        return events
    events = [silence] * sequence.start_step + events  # keep step 0 at the origin
    length = max(1, round((end - origin) / ticks_per_step(spq)))
    events = events[:length] + [silence] * (length - len(events))
    return events
