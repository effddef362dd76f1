"""Magenta's GrooveConverter: drums as per-step hits, velocities and offsets [T, 27], and back to timed notes.

Each step holds, for each of the 9 drum classes (note_seq's reduced map, which Magenta's converter uses in infer
mode), a hit (0/1), the velocity / 127 and the offset of the played onset from its 16th-note step, scaled from
[-0.5, 0.5] steps to [-1, 1] (positive: played early). Windows of `split_bars` bars are cut without overlap from
the song padded to a whole bar. The input variants of Magenta's GrooVAE configs flatten parts of the encoder input.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from composer_app.models.errors import ModelError
from composer_app.models.musicvae.converters import (
    OUTPUT_QPM,
    STEPS_PER_BAR,
    STEPS_PER_QUARTER,
    NoMusicError,
    Windows,
    check_metre,
)
from composer_app.music.encodings.drums import DEFAULT_DRUM_TYPE_PITCHES
from composer_app.music.song import PPQ, Note, Song, TempoChange, drum_track
from composer_app.said import said

NUM_DRUMS = len(DEFAULT_DRUM_TYPE_PITCHES)
TAP_DRUM = 3  # tapify squashes every step onto the open hi-hat class, as Magenta does
CLOSED_HH_DRUM = 2
# A note row as Magenta's NoteSequence writes it: [pitch, velocity, start s, end s, is_drum, instrument, program].
NoteRow = list


@dataclass(frozen=True)
class GrooveOptions:
    """The variants of GrooveConverter: humanize, tapify, fixed_velocities, add_instruments flatten parts of the
    encoder input; hits_as_controls gives the hits per step as controls to the encoder and the decoder."""

    humanize: bool = False
    tapify: bool = False
    fixed_velocities: bool = False
    add_instruments: tuple[int, ...] = ()
    hits_as_controls: bool = False


@dataclass(frozen=True)
class GrooveWindows(Windows):
    """Windows whose `classes` are the 512-way hit class per step, with the full target tensors [n, T, 27] and
    (hits control) the controls [n, T, 9]."""

    outputs: np.ndarray | None = None
    controls: np.ndarray | None = None


def magenta_seconds(ticks: list[int], qpm: float) -> tuple[list[float], float]:
    """The start times Magenta reads for notes at `ticks` of a song at one tempo, and the qpm it reads.

    pretty_midi times a tick as tick * 60 / ((6e7 / micros) * resolution), with the tempo as the file stores it
    (whole microseconds a quarter), and note_seq takes its qpm back from that scale. Computed with the same floats
    (at this app's PPQ, which gives the same bits for a file of 480, 240 or 960 ticks a quarter) a note on a
    half step quantizes as Magenta quantizes it."""
    micros = round(60_000_000 / qpm)
    tick_scale = 60.0 / ((6e7 / micros) * PPQ)
    magenta_qpm = 60.0 / (tick_scale * PPQ)
    return [tick_scale * tick for tick in ticks], magenta_qpm

    def subset(self, rows: list[int]) -> GrooveWindows:
        picked = super().subset(rows)
        return dataclasses.replace(picked, outputs=None if self.outputs is None else self.outputs[rows],
                                   controls=None if self.controls is None else self.controls[rows])


class GrooveConverter:
    """Magenta's GrooveConverter (continuous velocities and offsets, no split instruments) in infer mode."""

    kind = "groove"
    pitch_classes = DEFAULT_DRUM_TYPE_PITCHES
    num_classes = NUM_DRUMS
    input_depth = output_depth = 3 * NUM_DRUMS

    def __init__(self, slice_bars: int, options: GrooveOptions = GrooveOptions()):
        self.slice_bars = slice_bars
        self.options = options
        self.pitch_class = {p: i for i, pitches in enumerate(self.pitch_classes) for p in pitches}

    @property
    def slice_steps(self) -> int:
        return self.slice_bars * STEPS_PER_BAR

    def grid(self, song: Song) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(hits, velocities, offsets) [steps, 9] of the song's drum notes, padded to a whole bar.

        A step keeps the loudest note of each class. Pitches outside the map are left out; a song with none
        inside it raises NoMusicError naming them."""
        check_metre(song)
        if len({t.qpm for t in song.tempos}) > 1:
            raise NoMusicError(said("the song changes tempo; Magenta's GrooveConverter reads only a single tempo"))
        notes = [n for t in song.tracks if t.is_drum for n in t.notes]
        mapped = [n for n in notes if n.pitch in self.pitch_class]
        if not mapped:
            unmapped = sorted({n.pitch for n in notes})
            if unmapped:
                raise NoMusicError(said("no drum notes were found (only pitches outside the drum map: {pitches})")
                                   .format(pitches=str(unmapped)))
            raise NoMusicError(said("no drum notes were found"))
        starts, qpm = magenta_seconds([n.start for n in mapped], song.qpm)
        steps_per_second = STEPS_PER_QUARTER * qpm / 60.0
        step_seconds = 60.0 / qpm / STEPS_PER_QUARTER
        # note_seq's quantize_to_step with its default cutoff 0.5: seconds times steps per second, as Magenta
        # computes it, because a note exactly half a step off the grid is rounded by that product's last bit.
        steps = [int(s * steps_per_second + 0.5) for s in starts]
        total = STEPS_PER_BAR * -(-(max(steps) + 1) // STEPS_PER_BAR)
        hits, velocities, offsets = (np.zeros((total, NUM_DRUMS)) for _ in range(3))
        for note, start, step in sorted(zip(mapped, starts, steps), key=lambda x: x[0].velocity):
            drum = self.pitch_class[note.pitch]
            # Sorted by velocity, so the loudest note of a step and class is written last (Magenta's max; a tie
            # keeps the first of equals there, the last here, which only differs in the offset).
            hits[step, drum] = 1.0
            velocities[step, drum] = note.velocity / 127.0
            offsets[step, drum] = (step_seconds * step - start) / step_seconds * 2
        return hits, velocities, offsets

    def encoder_input(self, hits: np.ndarray, velocities: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        """The encoder's [steps, 27] with the config's variant applied to the target grid."""
        opts = self.options
        in_hits, in_vel, in_off = hits.copy(), velocities.copy(), offsets.copy()
        if opts.tapify:
            rows = np.arange(len(hits))
            loudest = np.argmax(velocities, axis=1)
            for grid, source in ((in_hits, hits), (in_vel, velocities), (in_off, offsets)):
                grid[:] = 0.0
                grid[:, TAP_DRUM] = source[rows, loudest]
        if opts.humanize:
            in_vel[:] = 0.0
            in_off[:] = 0.0
        if opts.fixed_velocities:
            in_vel[:] = 0.0
        for drum in opts.add_instruments:
            for grid in (in_hits, in_vel, in_off):
                grid[:, drum] = 0.0
        return np.concatenate([in_hits, in_vel, in_off], axis=1).astype(np.float32)

    @property
    def control_depth(self) -> int:
        """The controls' depth per step: the hits (9) with hits_as_controls, else none."""
        return NUM_DRUMS if self.options.hits_as_controls else 0

    def to_windows(self, song: Song, pad_last: bool = False) -> GrooveWindows:
        """The song's windows of `slice_bars` bars, a window's length apart; NoMusicError when there is none.

        As Magenta, a last part shorter than a window is dropped; with `pad_last` it is kept, padded with silent
        steps to a whole window (as the converter pads a song to a whole bar)."""
        hits, velocities, offsets = self.grid(song)
        size = self.slice_steps
        if pad_last:
            padded = -(-len(hits) // size) * size
            hits, velocities, offsets = (np.pad(g, ((0, padded - len(g)), (0, 0))) for g in (hits, velocities, offsets))
        inputs = self.encoder_input(hits, velocities, offsets)
        targets = np.concatenate([hits, velocities, offsets], axis=1).astype(np.float32)
        starts = range(0, len(hits) - size + 1, size)
        if not starts:
            raise NoMusicError(said("no drum part of {bars} bars or more was found").format(bars=self.slice_bars))
        bits = 1 << np.arange(NUM_DRUMS)
        classes = tuple(tuple(int(c) for c in (hits[s:s + size] @ bits).astype(int)) for s in starts)
        controls = None
        if self.control_depth:
            controls = np.stack([hits[s:s + size] for s in starts]).astype(np.float32)
        return GrooveWindows(np.stack([inputs[s:s + size] for s in starts]), tuple(size for _ in starts), classes,
                             tuple(s // STEPS_PER_BAR for s in starts),
                             outputs=np.stack([targets[s:s + size] for s in starts]), controls=controls)

    def _check(self, tensor) -> np.ndarray:
        tensor = np.asarray(tensor, np.float32)
        if tensor.ndim != 2 or tensor.shape[1] != self.output_depth:
            raise ModelError(said("a groove tensor must be [steps, {depth}], got {shape}").format(
                depth=self.output_depth, shape=str(list(tensor.shape))))
        return tensor

    def note_rows(self, tensor) -> list[NoteRow]:
        """Magenta's from_tensors at 120 qpm: a note per hit > 0.5, velocity round(v·127), start (step − offset/2)
        16ths (before 0 for an early first step), one 16th long; sorted by start, then pitch."""
        hits, velocities, offsets = np.split(self._check(tensor), 3, axis=1)
        step_seconds = 60.0 / OUTPUT_QPM / STEPS_PER_QUARTER
        rows = []
        for step, drum in zip(*np.nonzero(hits > 0.5)):
            velocity = int(np.clip(np.round(velocities[step, drum] * 127), 0, 127))
            offset = float(np.clip(offsets[step, drum] / 2, -0.5, 0.5))
            start = (int(step) - offset) * step_seconds
            rows.append([self.pitch_classes[drum][0], velocity, start, start + step_seconds, True, 9, 0])
        return sorted(rows, key=lambda r: (r[2], r[0]))

    def to_song(self, tensor) -> Song:
        """The decoded drums as a Song at 120 qpm; a note that starts before 0 is moved to 0 (MIDI has no
        negative time) and keeps its end."""
        ticks_per_second = PPQ * OUTPUT_QPM / 60.0
        notes = []
        for pitch, velocity, start, end, *_ in self.note_rows(tensor):
            on, off = max(0, round(start * ticks_per_second)), round(end * ticks_per_second)
            notes.append(Note(on, pitch, max(1, off - on), velocity))
        return Song(tracks=(drum_track("Drums", notes),), tempos=(TempoChange(0, OUTPUT_QPM),))


GROOVE_VARIANTS = {
    "humanize": GrooveOptions(humanize=True),
    "tap_fixed_velocity": GrooveOptions(tapify=True, fixed_velocities=True),
    "add_closed_hh": GrooveOptions(add_instruments=(CLOSED_HH_DRUM,)),
    "hits_control": GrooveOptions(hits_as_controls=True),
}
