"""GrooVAE training data: each performance's 2-bar windows as Magenta's groove configs train on them, the encoder
input of the config's variant made from them per batch, split as the Groove MIDI Dataset splits them, kept for a rerun.

A file listed in a Groove MIDI Dataset info.csv gets its side from there (train; validation held out, as Magenta's
eval reads TFDS's VALIDATION split; test left out); other files are split by content as for the other models.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from composer_app.atomic_file import write_atomically
from composer_app.models.musicvae.groove import GrooveConverter
from composer_app.models.training.corpus import FileSequences, SourceFile
from composer_app.models.training.data import held_out_split
from composer_app.models.training.vae.windows import VaeData, map_files, windows_by_side

DEPTH = 27


@dataclass
class GrooveWindowSet:
    """Windows as the decoder's targets [n, steps, 27] (hits, velocities, offsets of the performance) with each
    window's 16th in seconds; the encoder's input is the config's variant of the targets."""

    targets: np.ndarray
    step_seconds: np.ndarray
    converter: GrooveConverter

    def __len__(self) -> int:
        return len(self.targets)

    @property
    def total_steps(self) -> int:
        return int(self.targets.shape[0] * self.targets.shape[1])

    def encoder_inputs(self, targets: np.ndarray) -> np.ndarray:
        """The converter's input for targets [n, steps, 27]: humanized, tapped or without the hi-hat (row-wise, so
        the steps of every window go through at once)."""
        n, steps, depth = targets.shape
        flat = targets.reshape(n * steps, depth)
        drums = depth // 3
        made = self.converter.encoder_input(flat[:, :drums], flat[:, drums:2 * drums], flat[:, 2 * drums:])
        return made.reshape(n, steps, depth)

    def batch(self, rows, max_seq_len: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(encoder inputs, targets, mask) of the rows, cut to max_seq_len steps."""
        targets = self.targets[np.asarray(rows)][:, :max_seq_len].astype(np.float32)
        return self.encoder_inputs(targets), targets, np.ones(targets.shape[:2], np.float32)


def empty_groove_set(converter: GrooveConverter) -> GrooveWindowSet:
    return GrooveWindowSet(np.zeros((0, converter.slice_steps, DEPTH), np.float32), np.zeros(0), converter)


# How windows are cut: "tfds" as TensorFlow Datasets' groove/2bar-midionly chunks (Magenta's data, to the bit),
# "downbeats" from the whole performance, keeping the downbeats played early that TFDS's cut drops (the default).
WINDOWINGS = ("downbeats", "tfds")


def file_groove_windows(job) -> tuple[list, str | None]:
    """([(window [steps, 27], 16th in seconds)], None) of one performance, or ([], why it could not be read)."""
    from composer_app.models.training.vae.gmd import bar_seconds, two_bar_chunks
    from composer_app.models.training.vae.groove_grid import chunk_grid, performance_windows, windows_of

    path, split_bars, windowing = (*job, WINDOWINGS[0])[:3]
    try:
        if windowing == "downbeats":
            import pretty_midi

            pm = pretty_midi.PrettyMIDI(str(path))
            return performance_windows(pm, bar_seconds(pm, path), split_bars), None
        chunks = two_bar_chunks(path, split_bars)
    except Exception as exc:  # one bad file must not stop a corpus
        return [], f"{type(exc).__name__}: {exc}"
    found = []
    for chunk in chunks:
        grid = chunk_grid(chunk)
        if grid is not None:
            found += [(window, grid[1]) for window in windows_of(grid[0], split_bars)]
    return found, None


def groove_sides(sources: list[SourceFile], eval_ratio: float) -> list[str | None]:
    """Each file's side: info.csv's for a Groove MIDI Dataset file (None: its test split, left out), else its
    given split or the held-out split by content."""
    from composer_app.models.training.vae.gmd import gmd_side

    sides: list[str | None] = []
    others = []
    for k, source in enumerate(sources):
        listed, side = gmd_side(source.path) if source.split is None else (True, source.split)
        sides.append(side if side in ("train", "eval") else None)
        if not listed:
            others.append(k)
    for k, side in zip(others, held_out_split([FileSequences(sources[k]) for k in others], eval_ratio)):
        sides[k] = side
    return sides


def read_groove_windows(sources: list[SourceFile], converter: GrooveConverter, eval_ratio: float, progress=None,
                        workers: int = 1, windowing: str = WINDOWINGS[0]) -> VaeData:
    """Every file's windows (cut as `windowing` says) on its side; the files of no side (the data set's test split)
    are counted in `left_out` and not read."""
    sides = groove_sides(sources, eval_ratio)
    read = [(source, side) for source, side in zip(sources, sides) if side is not None]
    jobs = [(source.path, converter.slice_bars, windowing) for source, _ in read]
    outcome = map_files(file_groove_windows, jobs, workers, progress)
    data = VaeData(empty_groove_set(converter), empty_groove_set(converter), files=len(sources),
                   left_out=len(sources) - len(read))
    rows = windows_by_side(data, outcome, [source for source, _ in read], [side for _, side in read])
    for side, target in (("train", data.train), ("eval", data.eval)):
        if rows[side]:
            target.targets = np.stack([w for w, _ in rows[side]]).astype(np.float32)
            target.step_seconds = np.asarray([s for _, s in rows[side]], np.float64)
    return data


def load_groove_windows(path, key: str, converter: GrooveConverter) -> VaeData | None:
    """The windows saved for this key, or None (no file, another key, or a damaged file: read again)."""
    try:
        with np.load(path, allow_pickle=False) as saved:
            if str(saved["key"]) != key:
                return None
            sets = [GrooveWindowSet(saved[f"{side}_targets"], saved[f"{side}_seconds"], converter)
                    for side in ("train", "eval")]
            files, train_files, eval_files, left_out = saved["counts"].tolist()
            return VaeData(*sets, files, train_files, eval_files, json.loads(str(saved["unreadable"])),
                           left_out=left_out)
    except (OSError, KeyError, ValueError):
        return None


def save_groove_windows(path, key: str, data: VaeData) -> None:
    """Keep the read windows in the run folder (compressed: most of a drum grid is silence)."""
    def write(fh) -> None:
        np.savez_compressed(fh, key=np.asarray(key), train_targets=data.train.targets,
                            train_seconds=data.train.step_seconds, eval_targets=data.eval.targets,
                            eval_seconds=data.eval.step_seconds,
                            counts=np.asarray([data.files, data.train_files, data.eval_files, data.left_out]),
                            unreadable=np.asarray(json.dumps(data.unreadable)))

    try:
        write_atomically(path, write)
    except OSError:
        pass  # only a cache: the run goes on, and a rerun reads the files again
