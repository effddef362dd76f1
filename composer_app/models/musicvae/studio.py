"""What the app's MusicVAE tools ask of a checkpoint: load it, sample clips, regroove a drum part, interpolate, and
make variations of a clip.

Each request is a frozen dataclass whose `run(progress, cancelled)` the app's generation worker calls in its
thread; results are Songs in ticks (tempo-free), which the app places in the song. Qt-free, so it is tested alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from composer_app.models.checkpoints.checkpoint_paths import checkpoint_places
from composer_app.models.errors import GenerationCancelled, GenerationError
from composer_app.models.musicvae.configs import CONFIGS, VaeConfig, detect_config
from composer_app.models.musicvae.model import MusicVae, interpolate, slerp
from composer_app.music.song import PPQ, Note, Song, TempoChange, Track
from composer_app.said import said

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
STEP_TICKS = PPQ // 4  # every MusicVAE config works in 16ths
GROOVE_CHUNK_WINDOWS = 8  # windows regrooved between two progress reports (and cancel checks)


@dataclass(frozen=True)
class LoadedVae:
    """A checkpoint in memory: the model, the config it is taken for, and the configs its tensors cannot tell apart
    from that one (the GrooVAE variants)."""

    path: str
    model: MusicVae = field(repr=False, compare=False)
    config: VaeConfig
    alike: tuple[str, ...] = ()

    @property
    def clip_steps(self) -> int:
        return self.config.max_seq_len

    def with_config(self, config_id: str) -> LoadedVae:
        """The same weights taken as another config of the same structure (the user's choice among look-alikes)."""
        from dataclasses import replace

        return replace(self, config=detect_config(self.model.weights, config_id))


def checkpoint_name(path: str | os.PathLike) -> str:
    """The name a user knows a checkpoint by: the file, or the folder for model.ckpt-N and training folders."""
    text = os.fspath(path).rstrip("/")
    base = os.path.basename(text)
    if base.startswith("model.ckpt"):
        return os.path.basename(os.path.dirname(text)) or base
    return base


def look_alikes(config: VaeConfig) -> tuple[str, ...]:
    """The configs a checkpoint of `config` could be as well that make different music of it (window length, the
    GrooVAE input variant), `config` first; empty when there is no choice. Small and big differ only in sizes,
    which the checkpoint settles, so they are no choice."""
    def music(c: VaeConfig) -> tuple:
        return c.kind, c.slice_bars, c.groove, c.full_drum_map

    alike = [c.id for c in CONFIGS if c.structure() == config.structure() and music(c) != music(config)]
    return (config.id, *dict.fromkeys(alike)) if alike else ()


def looks_like_checkpoint(path: str | os.PathLike) -> bool:
    """Whether a dropped path is a MusicVAE checkpoint by its name: Magenta's .tar, a model.ckpt-N file, or a
    folder holding one (itself, or in train/ or checkpoints/, as a training run leaves it). Reading it says for sure."""
    path = os.fspath(path)
    name = os.path.basename(path.rstrip("/"))
    if name.endswith(".tar") or name.startswith("model.ckpt-"):
        return True
    if os.path.isdir(path):
        for folder in checkpoint_places(path):
            try:
                if any(f.startswith("model.ckpt-") and f.endswith(".index") for f in os.listdir(folder)):
                    return True
            except OSError:
                continue
    return False


@dataclass(frozen=True)
class LoadRequest:
    """Read a checkpoint and detect its config (a 0.5-2 GB file takes a second or two, so it runs in the worker)."""

    path: str
    config_id: str | None = None  # known beforehand (a shipped checkpoint): taken as asked, with no look-alikes

    @property
    def label(self) -> str:
        return checkpoint_name(self.path)

    def run(self, progress: Progress, cancelled: Cancelled) -> LoadedVae:
        path = self.path
        for suffix in (".index", ".data-00000-of-00001"):  # a model.ckpt-N file names its checkpoint
            path = path[:-len(suffix)] if path.endswith(suffix) else path
        model = MusicVae.load(path)
        config = detect_config(model.weights, self.config_id)
        return LoadedVae(path, model, config, () if self.config_id else look_alikes(config))


@dataclass(frozen=True)
class VaeResult:
    """A tool's output: one Song per clip (ticks from the clip's start), and the seed that made them."""

    request: object
    songs: tuple[Song, ...]
    seed: int
    notes: str = ""  # what the user should know, e.g. drum pitches outside the model's map


def _stop_if(cancelled: Cancelled) -> None:
    if cancelled():
        raise GenerationCancelled(said("cancelled"))


def melody_mask(loaded: LoadedVae, pitches: frozenset[int] | None) -> np.ndarray | None:
    """Which output classes a melody may choose when only `pitches` are allowed (rests and note-offs always);
    None where nothing is steered (no pitches given, or not a melody model)."""
    if pitches is None or loaded.config.kind != "melody":
        return None
    from composer_app.models.musicvae.converters import MELODY_FIRST_PITCH_CLASS

    converter = loaded.config.converter()
    depth = loaded.model.output_depths[0]
    mask = np.array([cls < MELODY_FIRST_PITCH_CLASS or converter.class_event(cls) in pitches
                     for cls in range(depth)])
    if not mask[MELODY_FIRST_PITCH_CLASS:].any():
        raise GenerationError(said("no pitch the model can play is in the chosen key and range"),
                              hint=said("Widen the pitch range or choose another key."))
    return mask


def _decode(loaded: LoadedVae, z: np.ndarray, temperature: float, rng, controls=None,
            allowed: np.ndarray | None = None) -> np.ndarray:
    kind, length, model = loaded.config.kind, loaded.clip_steps, loaded.model
    if kind == "groove":
        return model.decode_groove(z, length, temperature, rng, controls)
    if kind == "nade":
        return model.decode_nade(z, length, temperature, rng)
    return model.decode(z, length, temperature, rng, allowed)


def _song(loaded: LoadedVae, row: np.ndarray, qpm: float) -> Song:
    """A decoded clip as a Song at the project's tempo (ticks do not depend on it)."""
    from composer_app.models.musicvae.groove_song import steps_to_notes
    from composer_app.music.song import drum_track

    converter = loaded.config.converter()
    if loaded.config.kind == "groove":
        song = Song(tracks=(drum_track("Drums", steps_to_notes(row, converter)),))
    else:
        song = converter.to_song(row)
    return song.replace(tempos=(TempoChange(0, qpm),))


@dataclass(frozen=True)
class SampleRequest:
    """N new clips from z drawn from the prior, decoded one at a time so progress and cancel work between clips."""

    loaded: LoadedVae
    num_outputs: int
    temperature: float
    seed: int
    qpm: float = 120.0
    pitches: frozenset[int] | None = None  # melody steering: the pitches a melody may use

    def run(self, progress: Progress, cancelled: Cancelled) -> VaeResult:
        if self.loaded.model.control_depth:
            raise GenerationError(said("{config} decodes over the hits of a drum part, so it cannot sample from "
                                       "nothing").format(config=self.loaded.config.id),
                                  hint=said("Use Groove on a drum track with this checkpoint."))
        rng = np.random.default_rng(self.seed)
        z = rng.standard_normal((self.num_outputs, self.loaded.model.z_size)).astype(np.float32)
        return VaeResult(self, _decode_each(self.loaded, z, self.temperature, rng, self.qpm, progress, cancelled,
                                            self.pitches), self.seed)


def _decode_each(loaded, z: np.ndarray, temperature: float, rng, qpm: float, progress: Progress,
                 cancelled: Cancelled, pitches: frozenset[int] | None = None) -> tuple[Song, ...]:
    """A song per latent vector, one at a time so that progress shows and Cancel is heard between them."""
    allowed = melody_mask(loaded, pitches)
    songs = []
    for k in range(len(z)):
        _stop_if(cancelled)
        songs.append(_song(loaded, _decode(loaded, z[k:k + 1], temperature, rng, allowed=allowed)[0], qpm))
        progress(k + 1, len(z))
    return tuple(songs)


@dataclass(frozen=True)
class GrooveRequest:
    """A drum part (ticks from a bar line, 4/4, one tempo) through a GrooVAE, window by window."""

    loaded: LoadedVae
    drums: Track = field(repr=False)
    bars: int
    temperature: float
    seed: int
    qpm: float = 120.0
    num_outputs: int = 1
    keep_hits: bool = False  # humanize: the part's own hits, only their timing and dynamics change

    def run(self, progress: Progress, cancelled: Cancelled) -> VaeResult:
        from composer_app.models.musicvae.groove_song import regroove

        config = self.loaded.config
        chunk_ticks = config.slice_bars * GROOVE_CHUNK_WINDOWS * 16 * STEP_TICKS
        span = self.bars * 16 * STEP_TICKS
        chunks = [(t, [n.moved(-t) for n in self.drums.notes if t <= n.start < t + chunk_ticks])
                  for t in range(0, span, chunk_ticks)]
        chunks = [(t, notes) for t, notes in chunks if notes]  # an empty stretch stays empty
        if not chunks:
            raise GenerationError(said("the drum part has no notes to groove"),
                                  hint=said("Select drum notes, or a drum track with notes, and try again."))
        rng = np.random.default_rng(self.seed)
        songs, unmapped = [], set()
        total = len(chunks) * self.num_outputs
        for k in range(self.num_outputs):
            notes = []
            for i, (start, part) in enumerate(chunks):
                _stop_if(cancelled)
                song = Song(tracks=(self.drums.with_notes(part),), tempos=(TempoChange(0, self.qpm),))
                result = regroove(self.loaded.model, config, song, self.temperature, rng, self.keep_hits)
                unmapped |= set(result.unmapped_pitches)
                notes += [n.moved(start) for t in result.song.tracks for n in t.notes]
                progress(k * len(chunks) + i + 1, total)
            # A hit played late in the last step must not reach past the part into the bars that follow.
            kept = [Note(n.start, n.pitch, max(1, min(n.end, span) - n.start), n.velocity) for n in notes
                    if n.start < span]
            songs.append(Song(tracks=(self.drums.with_notes(sorted(kept)),), tempos=(TempoChange(0, self.qpm),)))
        note = said("drum pitches {pitches} are outside {config}'s drum map").format(
            pitches=sorted(unmapped), config=config.id) if unmapped else ""
        return VaeResult(self, tuple(songs), self.seed, note)


def _encode_first(loaded: LoadedVae, song: Song) -> np.ndarray:
    """The mu of a clip's first window (what Magenta's encode gives for a one-window sequence)."""
    windows = loaded.config.converter().to_windows(song)
    mu, _ = loaded.model.encode(windows.inputs[:1], list(windows.lengths[:1]))
    return mu[0]


def _not_groove(loaded: LoadedVae, tool) -> None:
    if loaded.config.kind == "groove":
        raise GenerationError(said("GrooVAE checkpoints groove a drum part; they do not {tool} here").format(
            tool=tool), hint=said("Open a melody, drum or trio MusicVAE checkpoint for this tool."))


@dataclass(frozen=True)
class VariationsRequest:
    """Clips like a given one: its z (the mu of its encoding) moved towards random points of the prior.

    As magenta.js's `similar`: each variation slerps from the clip's z to a fresh random z by 1 - similarity, so 1
    repeats the clip (as the model hears it) and 0 forgets it.
    """

    loaded: LoadedVae
    song: Song = field(repr=False)
    num_outputs: int
    similarity: float
    temperature: float
    seed: int
    qpm: float = 120.0
    pitches: frozenset[int] | None = None

    def run(self, progress: Progress, cancelled: Cancelled) -> VaeResult:
        _not_groove(self.loaded, said("make variations"))
        if not 0.0 <= self.similarity <= 1.0:
            raise GenerationError(said("similarity must be between 0 and 1, not {value}").format(
                value=self.similarity))
        mu = _encode_first(self.loaded, self.song)
        rng = np.random.default_rng(self.seed)
        away = rng.standard_normal((self.num_outputs, self.loaded.model.z_size)).astype(np.float32)
        z = np.stack([slerp(mu, point, 1.0 - self.similarity) for point in away]).astype(np.float32)
        return VaeResult(self, _decode_each(self.loaded, z, self.temperature, rng, self.qpm, progress, cancelled,
                                            self.pitches), self.seed)


@dataclass(frozen=True)
class InterpolateRequest:
    """Clips from A to B: both encoded to their mu, the path between them slerped, every point decoded."""

    loaded: LoadedVae
    song_a: Song = field(repr=False)
    song_b: Song = field(repr=False)
    num_outputs: int
    temperature: float
    seed: int
    qpm: float = 120.0
    pitches: frozenset[int] | None = None

    def run(self, progress: Progress, cancelled: Cancelled) -> VaeResult:
        _not_groove(self.loaded, said("interpolate"))
        mus = [_encode_first(self.loaded, song) for song in (self.song_a, self.song_b)]
        z = interpolate(mus[0], mus[1], self.num_outputs)
        rng = np.random.default_rng(self.seed)
        return VaeResult(self, _decode_each(self.loaded, z, self.temperature, rng, self.qpm, progress, cancelled,
                                            self.pitches), self.seed)
