"""Training sequences from a song, as Magenta's melody and drum extractors make them (a pure function)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from composer_app.models.configs import ModelConfig
from composer_app.music.events import (
    DrumTrack,
    Melody,
    PolyphonicMelodyError,
    drums_from_track,
    melody_from_track,
    steps_per_bar_for,
)
from composer_app.music.song import Song, Track


@dataclass(frozen=True)
class ExtractorSettings:
    """Magenta's MelodyExtractor / DrumsExtractor settings for the events-RNN pipelines."""

    min_bars: int = 7
    max_steps: int = 512
    min_unique_pitches: int = 5
    gap_bars: float = 1.0
    ignore_polyphonic_notes: bool = False


def extract_sequences(song: Song, config: ModelConfig, settings: ExtractorSettings = ExtractorSettings()
                      ) -> tuple[list, Counter]:
    """Melodies (per non-drum track) or drum tracks (all drum tracks together), with discard statistics."""
    stats: Counter = Counter()
    try:
        steps_per_bar = steps_per_bar_for(song.time_signature, config.steps_per_quarter)
    except ValueError:
        stats["skipped_non_integer_steps_per_bar"] += 1
        return [], stats
    if config.is_drums:
        drum_notes = [n for t in song.tracks if t.is_drum for n in t.notes]
        if not drum_notes:
            stats["no_drum_tracks"] += 1
            return [], stats
        merged = Track(name="Drums", is_drum=True, channel=9, notes=tuple(drum_notes))
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


def model_events(sequence, config: ModelConfig) -> list:
    """The events a model trains on: melodies squashed into its range and key, as Magenta's EncoderPipeline."""
    if config.is_melody:
        melody = Melody(list(sequence), steps_per_quarter=config.steps_per_quarter)
        melody.squash(config.min_note, config.max_note, config.transpose_to_key)
        return list(melody)
    return list(sequence)
