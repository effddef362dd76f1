"""MusicVAE training data: songs to the converter's windows with Magenta's training-time handling, split by file
content, and the batches of a step.

As Magenta's training pipeline does: for cat-mel only melodic programs 0-31 (data.MEL_PROGRAMS; hierdec-mel reads
every program), each song transposed once by a random amount in the config's range (NoteSequenceAugmenter, cached
with the data set), its distinct windows sampled down to 5 (max_tensors_per_notesequence; held-out files keep
their first 5, untransposed).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from composer_app.atomic_file import write_atomically
from composer_app.models.musicvae.converters import DrumsConverter, MelodyConverter, NoMusicError
from composer_app.models.training.corpus import FileSequences, SourceFile, content_digest
from composer_app.models.training.data import held_out_split
from composer_app.music.song import Note, Song

MEL_PROGRAMS = range(0, 32)
MAX_WINDOWS_PER_SONG = 5  # Magenta's max_tensors_per_notesequence: a long song must not outweigh short ones


@dataclass
class WindowSet:
    """Windows as classes [n, steps]: the melody converter's one-hot index per step, or (drum_bits > 0) the drum
    converter's class of the step's hit set, whose bits are the encoder's roll (with a NOR bit after them)."""

    classes: np.ndarray
    depth: int
    drum_bits: int = 0

    def __len__(self) -> int:
        return len(self.classes)

    @property
    def total_steps(self) -> int:
        return int(self.classes.size)

    def batch(self, rows, max_seq_len: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(encoder inputs, one-hot targets [len(rows), steps, depth], mask [len(rows), steps]) cut to
        max_seq_len steps."""
        chosen = self.classes[np.asarray(rows)][:, :max_seq_len].astype(np.int64)
        targets = np.eye(self.depth, dtype=np.float32)[chosen]
        inputs = targets
        if self.drum_bits:
            bits = (chosen[..., None] >> np.arange(self.drum_bits) & 1).astype(np.float32)
            inputs = np.concatenate([bits, (bits.sum(axis=2, keepdims=True) == 0).astype(np.float32)], axis=2)
        return inputs, targets, np.ones(chosen.shape, np.float32)


@dataclass
class VaeData:
    train: WindowSet
    eval: WindowSet
    files: int = 0
    train_files: int = 0
    eval_files: int = 0
    unreadable: dict = field(default_factory=dict)
    left_out: int = 0  # files of no side (the Groove MIDI Dataset's test split)


def transposed(song: Song, amount: int) -> Song:
    """note_seq's transpose_note_sequence: pitched notes moved, those leaving 0..127 dropped, drums kept."""
    if not amount:
        return song
    tracks = tuple(t if t.is_drum else t.with_notes(Note(n.start, n.pitch + amount, n.duration, n.velocity)
                                                    for n in t.notes if 0 <= n.pitch + amount <= 127)
                   for t in song.tracks)
    return song.replace(tracks=tracks)


def song_windows(song: Song, converter: MelodyConverter | DrumsConverter, rng: np.random.Generator | None,
                 transpose: tuple[int, int] | None, programs=MEL_PROGRAMS, limit: int | None = MAX_WINDOWS_PER_SONG
                 ) -> list[tuple[int, ...]]:
    """The windows Magenta's training (rng given) or eval (rng None) pipeline takes from one song, from the
    parts whose program is in `programs` (None: every pitched part), at most `limit` of them (None: all)."""
    if converter.kind == "melody":
        melodic = tuple(t for t in song.tracks if not t.is_drum and (programs is None or t.program in programs))
        song = song.replace(tracks=melodic)
    if rng is not None and transpose is not None:
        song = transposed(song, int(rng.integers(transpose[0], transpose[1] + 1)))
    try:
        found = list(converter.to_windows(song).classes)
    except NoMusicError:
        return []
    if limit is None or len(found) <= limit:
        return found
    if rng is None:
        return found[:limit]
    return [found[i] for i in sorted(rng.choice(len(found), limit, replace=False))]


def file_windows(job) -> tuple[list, str | None]:
    """(windows, None) of one file, or ([], why it could not be read): the per-file step, run in workers.

    A file read with tracks "first" names its melody part, so the program filter (meant to pick the melodic parts
    of a multi-part MIDI file) does not apply to it: a song's voice is often a non-piano program."""
    from composer_app.music.io import read_songs

    source, converter, rng_seed, transpose, programs, limit = job
    try:
        songs = read_songs(source.path)
    except Exception as exc:  # one bad file must not stop a corpus
        return [], f"{type(exc).__name__}: {exc}"
    rng = None if rng_seed is None else np.random.default_rng(rng_seed)
    found: list = []
    for song in songs:
        valid = programs
        if source.tracks == "first" and converter.kind == "melody":
            song, valid = song.replace(tracks=tuple(t for t in song.tracks if not t.is_drum)[:1]), None
        found += song_windows(song, converter, rng, transpose if rng is not None else None, valid, limit)
    return found, None


def map_files(reader, jobs: list, workers: int, progress=None) -> list:
    """`reader` over each file's job, in `workers` processes when more than one, reporting files read."""
    from concurrent.futures import ProcessPoolExecutor

    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            return list(reported(pool.map(reader, jobs, chunksize=8), len(jobs), progress))
    return list(reported(map(reader, jobs), len(jobs), progress))


def windows_by_side(data: VaeData, outcome, sources, sides) -> dict[str, list]:
    """Each file's (windows, error) put on its side, counting the files of each side; unreadable files recorded
    on `data`."""
    rows: dict[str, list] = {"train": [], "eval": []}
    for (found, error), source, side in zip(outcome, sources, sides):
        if error is not None:
            data.unreadable[str(source.path)] = error
            continue
        rows[side] += found
        data.train_files += side == "train"
        data.eval_files += side == "eval"
    return rows


def read_windows(sources: list[SourceFile], converter: MelodyConverter, eval_ratio: float, seed: int,
                 transpose: tuple[int, int] | None, progress=None, workers: int = 1, programs=MEL_PROGRAMS,
                 limit: int | None = MAX_WINDOWS_PER_SONG) -> VaeData:
    """Every file's windows (at most `limit` of each song; None: all), files split by their content's hash (the
    RNN trainer's held-out split); training files drawn with a generator seeded by (seed, file index), so workers
    give the same windows; melodies only from parts whose program is in `programs` (None: every pitched part)."""
    sides = held_out_split([FileSequences(source) for source in sources], eval_ratio)
    jobs = [(source, converter, [seed, k] if side == "train" else None, transpose, programs, limit)
            for k, (source, side) in enumerate(zip(sources, sides))]
    data = VaeData(empty_set(converter), empty_set(converter), files=len(sources))
    rows = windows_by_side(data, map_files(file_windows, jobs, workers, progress), sources, sides)
    for side, target in (("train", data.train), ("eval", data.eval)):
        if rows[side]:
            target.classes = np.asarray(rows[side], np.int16)  # drum classes reach 511: int16 holds them
    return data


def reported(results, total: int, progress):
    """The results, telling `progress(done, total)` of each."""
    for done, result in enumerate(results, 1):
        if progress:
            progress(done, total)
        yield result


def batch_rows(count: int, batch_size: int, step: int, seed: int) -> np.ndarray:
    """The rows of the batch at a global step: a stream of seeded shuffles of the set, one per pass, cut in
    batches (Magenta's shuffle, repeat and batch with drop_remainder); a function of the step, so a resumed run
    reads on where it stopped."""
    start = step * batch_size
    rows = []
    while len(rows) < batch_size:
        epoch, offset = divmod(start + len(rows), count)
        order = np.random.default_rng([seed, epoch]).permutation(count)
        rows.extend(order[offset:offset + batch_size - len(rows)])
    return np.asarray(rows)


def data_key(sources: list[SourceFile], *settings) -> str:
    """What a set of windows depends on: each file (path, bytes, tracks, split) and settings."""
    # The bytes, not the time stamp, as CorpusCache does: a re-synced or copied corpus is not parsed again.
    files = [[str(s.path), content_digest(s.path), s.tracks, s.split] for s in sources]
    text = json.dumps([files, [list(x) if isinstance(x, tuple) else x for x in settings]])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def empty_set(converter) -> WindowSet:
    """No windows yet, for the converter's classes (and, for drums, the bits of its roll)."""
    return WindowSet(np.zeros((0, converter.slice_steps), np.int16), converter.output_depth,
                     converter.num_classes if converter.kind == "drums" else 0)


def load_windows(path: Path, key: str, converter) -> VaeData | None:
    """The windows saved for this key, or None (no file, another key, or a damaged file: read again)."""
    try:
        with np.load(path, allow_pickle=False) as saved:
            if str(saved["key"]) != key:
                return None
            counts = saved["counts"].tolist()
            train, held = empty_set(converter), empty_set(converter)
            train.classes, held.classes = saved["train"], saved["eval"]
            return VaeData(train, held, *counts,
                           unreadable=json.loads(str(saved["unreadable"])))
    except (OSError, KeyError, ValueError):
        return None


def save_windows(path: Path, key: str, data: VaeData) -> None:
    """Keep the read windows in the run folder, so that a resumed run does not parse the corpus again."""
    def write(fh) -> None:
        np.savez(fh, key=np.asarray(key), train=data.train.classes, eval=data.eval.classes,
                 counts=np.asarray([data.files, data.train_files, data.eval_files]),
                 unreadable=np.asarray(json.dumps(data.unreadable)))

    try:
        write_atomically(path, write)
    except OSError:
        pass  # only a cache: the run goes on, and a rerun reads the files again
