"""Magenta's TrioConverter: a Song's melody, bass and drums as 16-bar windows [T, 692], and decoded classes back."""

from __future__ import annotations

import itertools
import math

import numpy as np

from composer_app.models.errors import ModelError
from composer_app.models.musicvae.converters import (
    OUTPUT_QPM,
    STEPS_PER_BAR,
    STEPS_PER_QUARTER,
    DrumsConverter,
    MelodyConverter,
    NoMusicError,
    Piece,
    Windows,
    pieces,
)
from composer_app.music.events import drums_from_track, melody_from_track
from composer_app.music.song import Song, TempoChange, Track, drum_track, tick_to_step
from composer_app.said import said

MEL_PROGRAMS = range(0, 32)  # piano, chromatic percussion, organ, guitar
BASS_PROGRAMS = range(32, 40)
ELECTRIC_BASS_PROGRAM = 33  # what Magenta writes the decoded bass as
BASS_CHANNEL = 1
TRIO_GAP_BARS = 2
TRIO_MAX_BARS = 1024
MAX_INSTRUMENT = 127  # note_seq's instrument numbers; tracks past it are skipped, as Magenta does
MAX_WINDOWS = 5  # max_tensors_per_notesequence: in infer mode the first five windows are kept
MELODY, BASS, DRUMS = "melody", "bass", "drums"
PART_NAMES = {MELODY: said("melody"), BASS: said("bass"), DRUMS: said("drums")}
PART_HINTS = {MELODY: said("a pitched track with a GM program {low}-{high} (piano, chromatic percussion, organ or "
                           "guitar)").format(low=MEL_PROGRAMS.start, high=MEL_PROGRAMS.stop - 1),
              BASS: said("a track with a bass program {low}-{high}").format(
                  low=BASS_PROGRAMS.start, high=BASS_PROGRAMS.stop - 1),
              DRUMS: said("a drum track (MIDI channel 10)")}


class NoTrioError(NoMusicError):
    """A file lacks one of the three parts the trio model reads, or they never play together for long enough."""

    hint = said("Give a 4/4 MIDI file with a melody (GM program 0-31), a bass (program 32-39) and drums (channel 10) "
                "that play together for 16 bars, with gaps of at most 2 bars.")


def _quantized(track: Track) -> list[tuple[int, int]]:
    """(start step, end step) per note, an end on its start moved a step later, as note_seq quantizes."""
    out = []
    for note in track.notes:
        start = tick_to_step(note.start, STEPS_PER_QUARTER)
        out.append((start, max(tick_to_step(note.end, STEPS_PER_QUARTER), start + 1)))
    return out


class TrioConverter:
    """Magenta's TrioConverter (slice_bars 16, gap_bars 2, max_bars 1024) in infer mode.

    Each track is a note_seq instrument: drums, melody (programs 0-31) or bass (32-39); other programs are not
    read. Each melody and bass track is one melody over the whole piece (no gap ends it) and each drum track one
    drum track, both padded to the piece's whole bars. A bar counts as played by a track when one of its notes
    sounds in it, or in a bar up to gap_bars away. For each (melody, bass, drums) choice of tracks, in track
    order, every 16-bar window in which all three play is kept (the first and last gap_bars bars count as played
    when any of the three plays there), side by side as [melody 90, bass 90, drums 512] one-hots, without
    removing duplicates; Magenta then keeps the first five. Where Magenta returns nothing, this names what is
    missing (NoTrioError).
    """

    kind = "trio"
    parts = (MELODY, BASS, DRUMS)

    def __init__(self, slice_bars: int = 16, gap_bars: int = TRIO_GAP_BARS):
        self.slice_bars = slice_bars
        self.gap_bars = gap_bars
        self.melody = MelodyConverter(slice_bars)
        self.drums = DrumsConverter(slice_bars)
        # The drums are a 512-way one-hot in and out here, not the cat-drums configs' roll input.
        self.output_depths = (self.melody.output_depth, self.melody.output_depth, self.drums.output_depth)
        self.input_depth = self.output_depth = sum(self.output_depths)

    @property
    def slice_steps(self) -> int:
        return self.slice_bars * STEPS_PER_BAR

    def part_of(self, track: Track) -> str | None:
        """The part a track can play (None: none, its program is neither melody nor bass)."""
        if track.is_drum:
            return DRUMS
        if track.program in MEL_PROGRAMS:
            return MELODY
        return BASS if track.program in BASS_PROGRAMS else None

    def melody_classes(self, track: Track, total: int) -> list[int] | None:
        """The track's one melody as classes over `total` steps, or None when it has none in 21..108."""
        valid = track.with_notes(n for n in track.notes if self.melody.min_pitch <= n.pitch <= self.melody.max_pitch)
        melody = melody_from_track(valid, STEPS_PER_QUARTER, STEPS_PER_BAR, gap_bars=math.inf,
                                   ignore_polyphonic_notes=True, pad_end=True)
        if len(melody) < STEPS_PER_BAR:
            return None
        melody[:0] = [-2] * melody.start_step  # pad_to_total_time pads on the left first, then on the right
        melody.set_length(total)
        return [self.melody.event_class(e) for e in melody]

    def drum_classes(self, track: Track, total: int) -> list[int] | None:
        """The track's one drum track as 512-way classes over `total` steps, or None when no pitch is mapped."""
        notes = [n.moved(dpitch=self.drums.pitch_class[n.pitch] - n.pitch)
                 for n in track.notes if n.pitch in self.drums.pitch_class]
        drums = drums_from_track(drum_track("Drums", notes), STEPS_PER_QUARTER, STEPS_PER_BAR, gap_bars=math.inf,
                                 pad_end=True)
        if len(drums) < STEPS_PER_BAR:
            return None
        drums[:0] = [frozenset()] * drums.start_step
        drums.set_length(total)
        return [self.drums.event_class(e) for e in drums]

    def piece_windows(self, piece: Piece) -> tuple[list[tuple[tuple[tuple[int, int, int], ...], int]], dict[str, int]]:
        """The windows of one piece (classes per step, and the bar of the piece where each starts), and how many
        tracks of each part it has."""
        steps = [_quantized(t) for t in piece.tracks]
        total_bars = min(-(-max((e for s in steps for _, e in s), default=0) // STEPS_PER_BAR), TRIO_MAX_BARS)
        tracks, steps = piece.tracks[:MAX_INSTRUMENT + 1], steps[:MAX_INSTRUMENT + 1]
        total = total_bars * STEPS_PER_BAR
        coverage = np.zeros((total_bars, len(tracks)), bool)
        by_part: dict[str, list[int]] = {part: [] for part in self.parts}
        for i, (track, notes) in enumerate(zip(tracks, steps)):
            part = self.part_of(track)
            if notes and part is not None:
                by_part[part].append(i)
            for start, end in notes:
                if start // STEPS_PER_BAR < total_bars:
                    coverage[start // STEPS_PER_BAR:min(-(-end // STEPS_PER_BAR), total_bars), i] = True
        counts = {part: len(found) for part, found in by_part.items()}
        if not all(counts.values()):
            return [], counts
        encoded = {}
        for part, found in by_part.items():
            for i in found:
                classes = (self.drum_classes if part == DRUMS else self.melody_classes)(tracks[i], total)
                if classes is None:
                    coverage[:, i] = False
                else:
                    encoded[i] = classes
        gap = self.gap_bars
        played = np.array([coverage[max(0, j - gap):min(total_bars, j + gap) + 1].any(axis=0)
                           for j in range(total_bars)]).reshape(total_bars, len(tracks))
        windows = []
        for group in itertools.product(*by_part.values()):
            together = played[:, group].all(axis=1)
            # The ends count as played when any of the three plays there, which eases re-encoding slices.
            together[:gap] = played[:gap, group].any()
            together[-gap:] = played[-gap:, group].any()
            if not all(i in encoded for i in group):
                continue
            for j in range(total_bars - self.slice_bars + 1):
                if together[j:j + self.slice_bars].all():
                    cut = slice(j * STEPS_PER_BAR, (j + self.slice_bars) * STEPS_PER_BAR)
                    windows.append((tuple(zip(*(encoded[i][cut] for i in group))), j))
        return windows, counts

    def to_windows(self, song: Song) -> Windows:
        """The first five trio windows of the song; NoTrioError says which part is missing when there is none."""
        windows, counts, metres = [], dict.fromkeys(self.parts, 0), set()
        for piece in pieces(song):
            if piece.steps_per_bar != STEPS_PER_BAR:
                metres.add(piece.metre)
                continue
            found, piece_counts = self.piece_windows(piece)
            first_bar = int(song.tick_to_bar(piece.start))
            windows += [(w, first_bar + j) for w, j in found[:MAX_WINDOWS]]
            for part, count in piece_counts.items():
                counts[part] = max(counts[part], count)
        windows = windows[:MAX_WINDOWS]
        if not windows:
            raise NoTrioError(self._nothing_found(song, counts, metres))
        inputs = np.stack([self.one_hot(w) for w, _ in windows])
        return Windows(inputs, tuple(len(w) for w, _ in windows), tuple(w for w, _ in windows),
                       tuple(bar for _, bar in windows))

    def _nothing_found(self, song: Song, counts: dict[str, int], metres: set[str]) -> str:
        if metres and not any(counts.values()):
            return said("the song is in {metre}; MusicVAE's trio converter reads only 4/4").format(
                metre=", ".join(sorted(metres)))
        missing = [said("{part} ({where})").format(part=PART_NAMES[part], where=PART_HINTS[part])
                   for part in self.parts if not counts[part]]
        if missing:
            listed = said("no {part}").format(part=missing[0])
            for part in missing[1:]:
                listed = said("{parts} and no {part}").format(parts=listed, part=part)
            other = sorted({t.program for t in song.tracks if t.notes and self.part_of(t) is None})
            if other:
                return said("{parts} was found; tracks with programs {programs} are neither melody nor bass").format(
                    parts=listed, programs=str(other))
            return said("{parts} was found").format(parts=listed)
        return said("melody, bass and drums never play together for {bars} bars (with gaps of at most {gap} bars)"
                    ).format(bars=self.slice_bars, gap=self.gap_bars)

    def one_hot(self, classes) -> np.ndarray:
        """The encoder input [steps, 692] of classes [steps, 3]."""
        classes = self._check(classes)
        offsets = np.cumsum((0, *self.output_depths[:-1]))
        out = np.zeros((len(classes), self.input_depth), np.float32)
        out[np.arange(len(classes))[:, None], classes + offsets] = 1.0
        return out

    def _check(self, classes) -> np.ndarray:
        classes = np.asarray(classes, np.int64).reshape(-1, len(self.parts))
        for part, depth, column in zip(self.parts, self.output_depths, classes.T):
            if ((column < 0) | (column >= depth)).any():
                raise ModelError(said("a {part} class is outside 0..{highest}").format(
                    part=PART_NAMES[part], highest=depth - 1))
        return classes

    def to_song(self, classes) -> Song:
        """Magenta's decoded trio at 120 qpm, velocity 80: the melody (program 0), the bass (program 33) and the
        drums on the drum channel; classes [steps, 3] are per step [melody, bass, drums]."""
        classes = self._check(classes)
        melody = self.melody.to_song(classes[:, 0]).tracks[0]
        bass = self.melody.to_song(classes[:, 1]).tracks[0].replace(name="Bass", program=ELECTRIC_BASS_PROGRAM,
                                                                  channel=BASS_CHANNEL)
        drums = self.drums.to_song(classes[:, 2]).tracks[0]
        return Song(tracks=(melody, bass, drums), tempos=(TempoChange(0, OUTPUT_QPM),))
