"""TensorFlow V1 and V2 checkpoints read without TensorFlow: names, shapes and dtypes first, tensors only on demand."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from composer_app.models.checkpoints.sstable import FormatError, Table, crc32c, unmask_crc
from composer_app.models.checkpoints.tar_members import MAX_MEMBERS as MAX_TAR_MEMBERS
from composer_app.models.checkpoints.tar_members import TarMembers
from composer_app.models.checkpoints.tensor_protos import (
    DT_STRING,
    DTYPES,
    BundleEntry,
    dtype_name,
    parse_bundle_entry,
    parse_bundle_header,
    parse_saved_slice,
    parse_saved_tensor_slices,
    parse_slice_metas,
    parse_tensor_proto,
    tensor_slice_key,
)
from composer_app.models.checkpoints.tensor_values import decode_raw, decode_values
from composer_app.models.errors import BundleError
from composer_app.said import said

MAX_TENSOR_BYTES = 1 << 34
MAX_SLICES = 1024
# The newest checkpoint format versions TensorFlow writes (TF_CHECKPOINT_VERSION, kTensorBundleVersion).
V1_VERSION = 1
V2_VERSION = 1
MAX_INDEX_BYTES = 256 << 20

_TRAINING_STATE = re.compile(r"(^|/)(Adam(_\d+)?|global_step|beta[12]_power(_\d+)?)$")

Extents = tuple[tuple[int, int | None], ...]


class CheckpointError(BundleError):
    """A checkpoint that cannot be read: damaged, truncated, crafted or in a form this reader does not support."""

    hint = said("Choose the checkpoint as Magenta saved it (a .tar, or the model.ckpt-N files), or a .mag bundle.")

    def __init__(self, source: str, problem: str, tensor: str | None = None):
        self.source = source
        self.tensor = tensor
        text = (said("cannot read tensor {tensor!r} of checkpoint {source}: {problem}") if tensor is not None
                else said("cannot read checkpoint {source}: {problem}"))
        super().__init__(None, text.format(tensor=tensor, source=source, problem=problem))
        self.problem = problem


def is_training_state(name: str) -> bool:
    """True for optimizer slots and counters (Adam, Adam_1, beta1_power, global_step): not needed to run a model."""
    return bool(_TRAINING_STATE.search(name))


@dataclass(frozen=True)
class _Tensor:
    shape: tuple[int, ...]
    dtype: int
    pieces: object  # V1: the slices' extents; V2: the BundleEntry


class CheckpointReader:
    """Tensors of one checkpoint by name; listing reads only metadata, each read decodes just that tensor."""

    def __init__(self, source: str, tensors: dict[str, _Tensor], load: Callable[[str, _Tensor], np.ndarray],
                 close: Callable[[], None] | None = None):
        self.source = source
        self._tensors = tensors
        self._load = load
        self._close = close

    @classmethod
    def from_v1(cls, data: bytes, source: str) -> CheckpointReader:
        """Same as read_v1_checkpoint."""
        return read_v1_checkpoint(data, source)

    @classmethod
    def from_v2(cls, index: bytes, shards, source: str) -> CheckpointReader:
        """Same as read_v2_checkpoint."""
        return read_v2_checkpoint(index, shards, source)

    def names(self) -> list[str]:
        return sorted(self._tensors)

    def __contains__(self, name: object) -> bool:
        return name in self._tensors

    def _get(self, name: str) -> _Tensor:
        try:
            return self._tensors[name]
        except KeyError:
            raise KeyError(f"checkpoint {self.source} has no tensor {name!r}") from None

    def shape(self, name: str) -> tuple[int, ...]:
        return self._get(name).shape

    def dtype(self, name: str) -> np.dtype:
        """The numpy dtype of a tensor; object for strings, which are listed but cannot be read."""
        tensor = self._get(name)
        if tensor.dtype == DT_STRING:
            return np.dtype(object)
        numpy_name = DTYPES[tensor.dtype][1]
        if numpy_name is None:
            raise CheckpointError(self.source, said("{dtype} tensors are not supported").format(
                dtype=dtype_name(tensor.dtype)), name)
        return np.dtype(numpy_name)

    def type_name(self, name: str) -> str:
        """TensorFlow's name for the tensor's type, e.g. DT_FLOAT."""
        return dtype_name(self._get(name).dtype)

    def is_floating(self, name: str) -> bool:
        """True for float16, float32 and float64 tensors (the only kinds a network's weights come in)."""
        numpy_name = DTYPES[self._get(name).dtype][1]
        return numpy_name is not None and np.dtype(numpy_name).kind == "f"

    def read(self, name: str) -> np.ndarray:
        """The tensor's exact values as a new numpy array."""
        tensor = self._get(name)
        if tensor.dtype == DT_STRING or DTYPES[tensor.dtype][1] is None:
            raise CheckpointError(self.source, said("{dtype} tensors are not supported").format(
                dtype=dtype_name(tensor.dtype)), name)
        try:
            return self._load(name, tensor)
        except FormatError as exc:
            raise CheckpointError(self.source, exc.problem, name) from None

    def read_all(self, skip: Callable[[str], bool] | None = None) -> dict[str, np.ndarray]:
        """Every tensor whose name `skip` does not select (e.g. skip=is_training_state), by name."""
        return {name: self.read(name) for name in self.names() if skip is None or not skip(name)}

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None

    def __enter__(self) -> CheckpointReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _check_versions(versions: tuple[int, int, tuple[int, ...]], supported: int) -> None:
    _, version, bad = versions
    if version > supported or supported in bad:
        raise FormatError(said("written for a newer reader (needs format version {version})").format(version=version))


def _check_shape(shape: tuple[int, ...], dtype: int) -> None:
    numpy_name = DTYPES[dtype][1]
    itemsize = np.dtype(numpy_name).itemsize if numpy_name else 1
    if math.prod(shape) * itemsize > MAX_TENSOR_BYTES:
        raise FormatError(said("implausibly large shape {shape}").format(shape=list(shape)))


def _slice_plan(shape: tuple[int, ...], slices: Sequence[Extents]) -> list[tuple[tuple[slice, ...], tuple[int, ...]]]:
    """Where each stored slice goes in the whole tensor; the slices must tile it exactly."""
    if not slices:
        raise FormatError(said("no data is stored for it"))
    if len(slices) > MAX_SLICES:
        raise FormatError(said("stored in {count} slices, more than {limit}").format(
            count=len(slices), limit=MAX_SLICES))
    plan = []
    for extents in slices:
        if len(extents) != len(shape):
            raise FormatError(said("a slice of rank {rank} for a tensor of rank {tensor_rank}").format(
                rank=len(extents), tensor_rank=len(shape)))
        index, sizes = [], []
        for (start, length), dim in zip(extents, shape):
            start, length = (0, dim) if length is None else (start, length)
            if start < 0 or length < 0 or start + length > dim:
                raise FormatError(said("slice {extents} lies outside the shape {shape}").format(
                    extents=list(extents), shape=list(shape)))
            index.append(slice(start, start + length))
            sizes.append(length)
        plan.append((tuple(index), tuple(sizes)))
    for i, (first, _) in enumerate(plan):
        for second, _ in plan[i + 1:]:
            if all(a.start < b.stop and b.start < a.stop for a, b in zip(first, second)):
                raise FormatError(said("two of its slices overlap"))
    if sum(math.prod(sizes) for _, sizes in plan) != math.prod(shape):
        raise FormatError(said("its slices do not cover the whole tensor"))
    return plan


def _assemble(shape, dtype: int, plan, pieces: list[np.ndarray]) -> np.ndarray:
    if len(plan) == 1:
        return pieces[0].reshape(shape)
    whole = np.empty(shape, dtype=np.dtype(DTYPES[dtype][1]))
    for (index, sizes), piece in zip(plan, pieces):
        whole[index] = piece.reshape(sizes)
    return whole


def read_v1_checkpoint(data: bytes, source: str) -> CheckpointReader:
    """A V1 single-file checkpoint (what a .mag bundle holds), from its bytes."""
    try:
        table = Table(data)
        header = table.get(b"")
        if header is None:
            raise FormatError(said("no metadata entry (not a V1 checkpoint)"))
        meta_span, _ = parse_saved_tensor_slices(header, 0, len(header))
        if meta_span is None:
            raise FormatError(said("the metadata entry holds no metadata"))
        metas, versions = parse_slice_metas(header, *meta_span)
        _check_versions(versions, V1_VERSION)
    except FormatError as exc:
        raise CheckpointError(source, exc.problem) from None
    tensors: dict[str, _Tensor] = {}
    for meta in metas:
        if meta.name in tensors:
            raise CheckpointError(source, said("listed twice in the metadata"), meta.name)
        try:
            _check_shape(meta.shape, meta.dtype)
        except FormatError as exc:
            raise CheckpointError(source, exc.problem, meta.name) from None
        tensors[meta.name] = _Tensor(meta.shape, meta.dtype, meta.slices)

    def load(name: str, tensor: _Tensor) -> np.ndarray:
        plan = _slice_plan(tensor.shape, tensor.pieces)
        pieces = []
        for extents, (_, sizes) in zip(tensor.pieces, plan):
            value = table.get(tensor_slice_key(name, extents))
            if value is None:
                raise FormatError(said("the data of slice {extents} is missing").format(extents=list(extents)))
            _, saved_span = parse_saved_tensor_slices(value, 0, len(value))
            if saved_span is None:
                raise FormatError(said("the entry of slice {extents} holds no data").format(extents=list(extents)))
            saved_name, saved_extents, proto_span = parse_saved_slice(value, *saved_span)
            if saved_name != name or saved_extents != extents or proto_span is None:
                raise FormatError(said("the entry of slice {extents} holds another tensor or slice").format(
                    extents=list(extents)))
            proto = parse_tensor_proto(value, *proto_span)
            if proto.dtype and proto.dtype != tensor.dtype:
                raise FormatError(said("data of type {stored} for a {dtype} tensor").format(
                    stored=dtype_name(proto.dtype), dtype=dtype_name(tensor.dtype)))
            pieces.append(decode_values(value, proto, tensor.dtype, math.prod(sizes)))
        return _assemble(tensor.shape, tensor.dtype, plan, pieces)

    return CheckpointReader(source, tensors, load)


def read_v2_checkpoint(index: bytes, shards: Callable[[int], bytes] | Sequence[bytes] | Mapping[int, bytes],
                       source: str, close: Callable[[], None] | None = None) -> CheckpointReader:
    """A V2 tensor bundle from its .index bytes and its data shards (by shard number: a callable, list or mapping).

    A shard may be any bytes-like object, or any object with len() and slicing that returns bytes; each shard is
    fetched once, when the first tensor in it is read. `close` is called by the reader's close().
    """
    try:
        table = Table(index)
        first = table.first()
        if first is None or first[0] != b"":
            raise FormatError(said("no header entry (not a V2 checkpoint index)"))
        num_shards, endianness, versions = parse_bundle_header(first[1], 0, len(first[1]))
        _check_versions(versions, V2_VERSION)
        if endianness != 0:
            raise FormatError(said("big-endian checkpoints are not supported"))
        if num_shards < 1:
            raise FormatError(said("{num_shards} data shards").format(num_shards=num_shards))
        entries: dict[bytes, BundleEntry] = {}
        previous = b""
        for key, value in table.items():
            if key and key <= previous:
                raise FormatError(said("index keys out of order"))
            if key:
                entries[key] = parse_bundle_entry(value, 0, len(value))
                previous = key
    except FormatError as exc:
        raise CheckpointError(source, exc.problem) from None
    tensors: dict[str, _Tensor] = {}
    slice_keys: set[bytes] = set()
    for key, entry in entries.items():
        if entry.slices:
            try:
                name = key.decode("utf-8")
                slice_keys.update(tensor_slice_key(name, extents) for extents in entry.slices)
            except UnicodeDecodeError:
                raise CheckpointError(source, said("a sliced tensor's name is not UTF-8")) from None
    for key, entry in entries.items():
        if key in slice_keys:
            continue
        try:
            name = key.decode("utf-8")
        except UnicodeDecodeError:
            raise CheckpointError(source, said("tensor name {key!r} is not UTF-8").format(key=key[:40])) from None
        try:
            _check_shape(entry.shape, entry.dtype)
        except FormatError as exc:
            raise CheckpointError(source, exc.problem, name) from None
        tensors[name] = _Tensor(entry.shape, entry.dtype, entry)
    fetched: dict[int, object] = {}

    def shard(number: int):
        if number >= num_shards:
            raise FormatError(said("stored in shard {number} of a checkpoint with {num_shards}").format(
                number=number, num_shards=num_shards))
        if number not in fetched:
            try:
                found = shards(number) if callable(shards) else shards[number]
            except FormatError:
                raise
            except Exception as exc:  # a caller's loader failing is reported as a missing shard
                raise FormatError(said("data shard {number} is unavailable ({error})").format(
                    number=number, error=f"{type(exc).__name__}: {exc}")) from None
            if found is None:
                raise FormatError(said("data shard {number} is unavailable").format(number=number))
            try:
                found = memoryview(found).cast("B")
            except (TypeError, ValueError):
                pass  # not a buffer: anything with len() and slicing will do
            fetched[number] = found
        return fetched[number]

    def data_of(entry: BundleEntry, count: int) -> np.ndarray:
        itemsize = np.dtype(DTYPES[entry.dtype][1]).itemsize
        if entry.size != count * itemsize:
            raise FormatError(said("{size} bytes stored where its shape needs {needed}").format(
                size=entry.size, needed=count * itemsize))
        data = shard(entry.shard_id)
        if entry.offset + entry.size > len(data):
            raise FormatError(said("its data (at {offset}, {size} bytes) runs past the end of its shard").format(
                offset=entry.offset, size=entry.size))
        raw = data[entry.offset:entry.offset + entry.size]
        if len(raw) != entry.size:
            raise FormatError(said("its shard is shorter than its index says"))
        if crc32c(raw) != unmask_crc(entry.crc32c):
            raise FormatError(said("checksum mismatch in its data"))
        return decode_raw(raw, entry.dtype, count)

    def load(name: str, tensor: _Tensor) -> np.ndarray:
        entry = tensor.pieces
        if not entry.slices:
            return data_of(entry, math.prod(tensor.shape)).reshape(tensor.shape)
        plan = _slice_plan(tensor.shape, entry.slices)
        pieces = []
        for extents, (_, sizes) in zip(entry.slices, plan):
            part = entries.get(tensor_slice_key(name, extents))
            if part is None:
                raise FormatError(said("the data of slice {extents} is missing").format(extents=list(extents)))
            if part.dtype != entry.dtype:
                raise FormatError(said("slice {extents} has type {dtype}").format(
                    extents=list(extents), dtype=dtype_name(part.dtype)))
            pieces.append(data_of(part, math.prod(sizes)))
        return _assemble(tensor.shape, tensor.dtype, plan, pieces)

    return CheckpointReader(source, tensors, load, close)


def read_checkpoint_tar(path: str | os.PathLike) -> CheckpointReader:
    """A V2 checkpoint packed in a .tar as Magenta ships them (the first *.index member and its data shards).

    Nothing is extracted: regular members are read in place, links and odd paths ignored. Close the reader (or use
    it as a context manager) to release the file.
    """
    source = str(path)
    try:
        tar = TarMembers(path)
    except FormatError as exc:
        raise CheckpointError(source, exc.problem) from None
    try:
        index_name = next((name for name in tar.members if name.endswith(".index")), None)
        if index_name is None:
            raise FormatError(said("no .index member in the tar"))
        stored = tar.data(index_name, MAX_INDEX_BYTES)
        index = bytes(stored[0:len(stored)])
        num_shards = _shard_count(index)
        prefix = index_name[: -len(".index")]
        shard_names = [f"{prefix}.data-{i:05d}-of-{num_shards:05d}" for i in range(num_shards)]
        missing = [name for name in shard_names if name not in tar.members]
        if missing:
            raise FormatError(said("the tar lacks the data shard {missing}").format(missing=missing[0]))
        return read_v2_checkpoint(index, lambda i: tar.data(shard_names[i]), source, tar.close)
    except FormatError as exc:
        tar.close()
        raise CheckpointError(source, exc.problem) from None
    except BaseException:
        tar.close()
        raise


def _shard_count(index: bytes) -> int:
    first = Table(index).first()
    if first is None or first[0] != b"":
        raise FormatError(said("no header entry (not a V2 checkpoint index)"))
    num_shards = parse_bundle_header(first[1], 0, len(first[1]))[0]
    if not 1 <= num_shards <= MAX_TAR_MEMBERS:
        raise FormatError(said("{num_shards} data shards").format(num_shards=num_shards))
    return num_shards
