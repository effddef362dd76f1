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

    hint = "Choose the checkpoint as Magenta saved it (a .tar, or the model.ckpt-N files), or a .mag bundle."

    def __init__(self, source: str, problem: str, tensor: str | None = None):
        self.source = source
        self.tensor = tensor
        where = f"tensor {tensor!r} of checkpoint {source}" if tensor is not None else f"checkpoint {source}"
        super().__init__(None, f"cannot read {where}: {problem}")
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
            raise CheckpointError(self.source, f"{dtype_name(tensor.dtype)} tensors are not supported", name)
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
            raise CheckpointError(self.source, f"{dtype_name(tensor.dtype)} tensors are not supported", name)
        try:
            return self._load(name, tensor)
        except FormatError as exc:
            raise CheckpointError(self.source, str(exc), name) from None

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
    _, min_consumer, bad = versions
    if min_consumer > supported or supported in bad:
        raise FormatError(f"written for a newer reader (needs format version {min_consumer})")


def _check_shape(shape: tuple[int, ...], dtype: int) -> None:
    numpy_name = DTYPES[dtype][1]
    itemsize = np.dtype(numpy_name).itemsize if numpy_name else 1
    if math.prod(shape) * itemsize > MAX_TENSOR_BYTES:
        raise FormatError(f"implausibly large shape {list(shape)}")


def _slice_plan(shape: tuple[int, ...], slices: Sequence[Extents]) -> list[tuple[tuple[slice, ...], tuple[int, ...]]]:
    """Where each stored slice goes in the whole tensor; the slices must tile it exactly."""
    if not slices:
        raise FormatError("no data is stored for it")
    if len(slices) > MAX_SLICES:
        raise FormatError(f"stored in {len(slices)} slices, more than {MAX_SLICES}")
    plan = []
    for extents in slices:
        if len(extents) != len(shape):
            raise FormatError(f"a slice of rank {len(extents)} for a tensor of rank {len(shape)}")
        index, sizes = [], []
        for (start, length), dim in zip(extents, shape):
            start, length = (0, dim) if length is None else (start, length)
            if start < 0 or length < 0 or start + length > dim:
                raise FormatError(f"slice {list(extents)} lies outside the shape {list(shape)}")
            index.append(slice(start, start + length))
            sizes.append(length)
        plan.append((tuple(index), tuple(sizes)))
    for i, (first, _) in enumerate(plan):
        for second, _ in plan[i + 1:]:
            if all(a.start < b.stop and b.start < a.stop for a, b in zip(first, second)):
                raise FormatError("two of its slices overlap")
    if sum(math.prod(sizes) for _, sizes in plan) != math.prod(shape):
        raise FormatError("its slices do not cover the whole tensor")
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
            raise FormatError("no metadata entry (not a V1 checkpoint)")
        meta_span, _ = parse_saved_tensor_slices(header, 0, len(header))
        if meta_span is None:
            raise FormatError("the metadata entry holds no metadata")
        metas, versions = parse_slice_metas(header, *meta_span)
        _check_versions(versions, V1_VERSION)
    except FormatError as exc:
        raise CheckpointError(source, str(exc)) from None
    tensors: dict[str, _Tensor] = {}
    for meta in metas:
        if meta.name in tensors:
            raise CheckpointError(source, "listed twice in the metadata", meta.name)
        try:
            _check_shape(meta.shape, meta.dtype)
        except FormatError as exc:
            raise CheckpointError(source, str(exc), meta.name) from None
        tensors[meta.name] = _Tensor(meta.shape, meta.dtype, meta.slices)

    def load(name: str, tensor: _Tensor) -> np.ndarray:
        plan = _slice_plan(tensor.shape, tensor.pieces)
        pieces = []
        for extents, (_, sizes) in zip(tensor.pieces, plan):
            value = table.get(tensor_slice_key(name, extents))
            if value is None:
                raise FormatError(f"the data of slice {list(extents)} is missing")
            _, saved_span = parse_saved_tensor_slices(value, 0, len(value))
            if saved_span is None:
                raise FormatError(f"the entry of slice {list(extents)} holds no data")
            saved_name, saved_extents, proto_span = parse_saved_slice(value, *saved_span)
            if saved_name != name or saved_extents != extents or proto_span is None:
                raise FormatError(f"the entry of slice {list(extents)} holds another tensor or slice")
            proto = parse_tensor_proto(value, *proto_span)
            if proto.dtype and proto.dtype != tensor.dtype:
                raise FormatError(f"data of type {dtype_name(proto.dtype)} for a {dtype_name(tensor.dtype)} tensor")
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
            raise FormatError("no header entry (not a V2 checkpoint index)")
        num_shards, endianness, versions = parse_bundle_header(first[1], 0, len(first[1]))
        _check_versions(versions, V2_VERSION)
        if endianness != 0:
            raise FormatError("big-endian checkpoints are not supported")
        if num_shards < 1:
            raise FormatError(f"{num_shards} data shards")
        entries: dict[bytes, BundleEntry] = {}
        previous = b""
        for key, value in table.items():
            if key and key <= previous:
                raise FormatError("index keys out of order")
            if key:
                entries[key] = parse_bundle_entry(value, 0, len(value))
                previous = key
    except FormatError as exc:
        raise CheckpointError(source, str(exc)) from None
    tensors: dict[str, _Tensor] = {}
    slice_keys: set[bytes] = set()
    for key, entry in entries.items():
        if entry.slices:
            try:
                name = key.decode("utf-8")
                slice_keys.update(tensor_slice_key(name, extents) for extents in entry.slices)
            except UnicodeDecodeError:
                raise CheckpointError(source, "a sliced tensor's name is not UTF-8") from None
    for key, entry in entries.items():
        if key in slice_keys:
            continue
        try:
            name = key.decode("utf-8")
        except UnicodeDecodeError:
            raise CheckpointError(source, f"tensor name {key[:40]!r} is not UTF-8") from None
        try:
            _check_shape(entry.shape, entry.dtype)
        except FormatError as exc:
            raise CheckpointError(source, str(exc), name) from None
        tensors[name] = _Tensor(entry.shape, entry.dtype, entry)
    fetched: dict[int, object] = {}

    def shard(number: int):
        if number >= num_shards:
            raise FormatError(f"stored in shard {number} of a checkpoint with {num_shards}")
        if number not in fetched:
            try:
                found = shards(number) if callable(shards) else shards[number]
            except FormatError:
                raise
            except Exception as exc:  # a caller's loader failing is reported as a missing shard
                raise FormatError(f"data shard {number} is unavailable ({type(exc).__name__}: {exc})") from None
            if found is None:
                raise FormatError(f"data shard {number} is unavailable")
            try:
                found = memoryview(found).cast("B")
            except (TypeError, ValueError):
                pass  # not a buffer: anything with len() and slicing will do
            fetched[number] = found
        return fetched[number]

    def data_of(entry: BundleEntry, count: int) -> np.ndarray:
        itemsize = np.dtype(DTYPES[entry.dtype][1]).itemsize
        if entry.size != count * itemsize:
            raise FormatError(f"{entry.size} bytes stored where its shape needs {count * itemsize}")
        data = shard(entry.shard_id)
        if entry.offset + entry.size > len(data):
            raise FormatError(f"its data (at {entry.offset}, {entry.size} bytes) runs past the end of its shard")
        raw = data[entry.offset:entry.offset + entry.size]
        if len(raw) != entry.size:
            raise FormatError("its shard is shorter than its index says")
        if crc32c(raw) != unmask_crc(entry.crc32c):
            raise FormatError("checksum mismatch in its data")
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
                raise FormatError(f"the data of slice {list(extents)} is missing")
            if part.dtype != entry.dtype:
                raise FormatError(f"slice {list(extents)} has type {dtype_name(part.dtype)}")
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
        raise CheckpointError(source, str(exc)) from None
    try:
        index_name = next((name for name in tar.members if name.endswith(".index")), None)
        if index_name is None:
            raise FormatError("no .index member in the tar")
        stored = tar.data(index_name, MAX_INDEX_BYTES)
        index = bytes(stored[0:len(stored)])
        num_shards = _shard_count(index)
        prefix = index_name[: -len(".index")]
        shard_names = [f"{prefix}.data-{i:05d}-of-{num_shards:05d}" for i in range(num_shards)]
        missing = [name for name in shard_names if name not in tar.members]
        if missing:
            raise FormatError(f"the tar lacks the data shard {missing[0]}")
        return read_v2_checkpoint(index, lambda i: tar.data(shard_names[i]), source, tar.close)
    except FormatError as exc:
        tar.close()
        raise CheckpointError(source, str(exc)) from None
    except BaseException:
        tar.close()
        raise


def _shard_count(index: bytes) -> int:
    first = Table(index).first()
    if first is None or first[0] != b"":
        raise FormatError("no header entry (not a V2 checkpoint index)")
    num_shards = parse_bundle_header(first[1], 0, len(first[1]))[0]
    if not 1 <= num_shards <= MAX_TAR_MEMBERS:
        raise FormatError(f"{num_shards} data shards")
    return num_shards
