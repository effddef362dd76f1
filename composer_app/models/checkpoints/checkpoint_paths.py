"""Where a TensorFlow checkpoint is: a .tar as Magenta ships them, an unpacked prefix `model.ckpt-N`, or a folder."""

from __future__ import annotations

import os
import re

from composer_app.models.checkpoints.sstable import FormatError
from composer_app.models.checkpoints.tar_members import FileRange
from composer_app.models.checkpoints.tf_checkpoint import (
    MAX_INDEX_BYTES,
    CheckpointError,
    CheckpointReader,
    _shard_count,
    read_checkpoint_tar,
    read_v2_checkpoint,
)
from composer_app.said import said

MAX_STATE_BYTES = 1 << 20
_STATE_LINE = re.compile(r'^\s*model_checkpoint_path:\s*"((?:[^"\\]|\\.)*)"', re.MULTILINE)
_STEP = re.compile(r"-(\d+)\.index$")


def checkpoint_prefix(path: str | os.PathLike) -> str | None:
    """The V2 checkpoint prefix `path` names (`model.ckpt-N`, or its `.index` file), or None for a file (a .tar)."""
    text = os.fspath(path)
    if os.path.isfile(text + ".index") and not os.path.isfile(text):
        return text
    if text.endswith(".index") and os.path.isfile(text):
        return text[: -len(".index")]
    return None


def read_checkpoint_prefix(prefix: str) -> CheckpointReader:
    """An unpacked V2 checkpoint: `prefix.index` and the `prefix.data-K-of-N` files beside it, read lazily."""
    handles: list = []

    def close() -> None:
        for handle in handles:
            handle.close()

    try:
        try:
            with open(prefix + ".index", "rb") as f:
                index = f.read(MAX_INDEX_BYTES + 1)
        except OSError as exc:
            raise FormatError(said("cannot read {prefix}.index ({reason})").format(
                prefix=prefix, reason=exc.strerror or str(exc))) from None
        if len(index) > MAX_INDEX_BYTES:
            raise FormatError(said("{prefix}.index is implausibly large").format(prefix=prefix))
        num_shards = _shard_count(index)
        names = [f"{prefix}.data-{i:05d}-of-{num_shards:05d}" for i in range(num_shards)]
        missing = [name for name in names if not os.path.isfile(name)]
        if missing:
            raise FormatError(said("the data shard {name} is not beside the index").format(
                name=os.path.basename(missing[0])))

        def shard(number: int) -> FileRange:
            handle = open(names[number], "rb")  # noqa: SIM115 - closed by the reader's close()
            handles.append(handle)
            return FileRange(handle, 0, os.fstat(handle.fileno()).st_size)

        return read_v2_checkpoint(index, shard, prefix, close)
    except FormatError as exc:
        close()
        raise CheckpointError(prefix, exc.problem) from None
    except BaseException:
        close()
        raise


# Where a training folder keeps its checkpoints: Magenta's run_dir in train/, this app's run folder in checkpoints/
# (the trainers write there through this name).
RUN_CHECKPOINTS = "checkpoints"
RUN_SUBFOLDERS = ("train", RUN_CHECKPOINTS)


def checkpoint_places(folder: str | os.PathLike) -> list[str]:
    """The folder itself, then those of its RUN_SUBFOLDERS that exist."""
    folder = os.fspath(folder)
    return [folder, *(p for p in (os.path.join(folder, s) for s in RUN_SUBFOLDERS) if os.path.isdir(p))]


def latest_checkpoint(folder: str | os.PathLike) -> str:
    """The newest checkpoint prefix in a training folder (or in its `train/` or `checkpoints/` subfolder, as
    Magenta's and this app's trainers leave it): the one TensorFlow's `checkpoint` state file names, else the
    highest-numbered `*.index`."""
    folder = os.fspath(folder)
    for place in checkpoint_places(folder):
        named = _state_file_prefix(place)
        if named is not None:
            return named
        indexed = []
        for name in os.listdir(place):
            m = _STEP.search(name)
            if m and os.path.isfile(os.path.join(place, name)):
                indexed.append((int(m.group(1)), name[: -len(".index")]))
        if indexed:
            return os.path.join(place, max(indexed)[1])
    raise CheckpointError(folder, said("the folder holds no checkpoint (no model.ckpt-N.index, here, in train/ or in checkpoints/)"))


def _state_file_prefix(place: str) -> str | None:
    """The prefix TensorFlow's `checkpoint` file names, if it is there; a folder moved since keeps its own copy."""
    try:
        with open(os.path.join(place, "checkpoint"), "rb") as f:
            text = f.read(MAX_STATE_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    m = _STATE_LINE.search(text)
    if not m:
        return None
    named = m.group(1).encode().decode("unicode_escape")
    for prefix in (named if os.path.isabs(named) else os.path.join(place, named),
                   os.path.join(place, os.path.basename(named))):
        if os.path.isfile(prefix + ".index"):
            return prefix
    return None


def open_checkpoint(path: str | os.PathLike) -> CheckpointReader:
    """A checkpoint: a .tar as Magenta ships them, an unpacked prefix `model.ckpt-N`, or a training folder."""
    if os.path.isdir(path):
        return read_checkpoint_prefix(latest_checkpoint(path))
    prefix = checkpoint_prefix(path)
    return read_checkpoint_tar(path) if prefix is None else read_checkpoint_prefix(prefix)
