"""TensorFlow tables, V1 checkpoints and .mag bundles built byte by byte, without TensorFlow, for crafted tests."""

from __future__ import annotations

import struct
from dataclasses import dataclass, replace

import numpy as np

from composer_app.models.checkpoints import sstable
from composer_app.models.checkpoints.sstable import crc32c, mask_crc
from composer_app.models.checkpoints.tensor_protos import (
    DTYPES,
    fields,
    parse_saved_slice,
    parse_saved_tensor_slices,
    tensor_slice_key,
)

DT_FLOAT, DT_INT32, DT_STRING, DT_BOOL, DT_COMPLEX64, DT_HALF = 1, 3, 7, 10, 8, 19


def varint(n: int) -> bytes:
    n &= (1 << 64) - 1
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    return bytes(out + bytes([n]))


def num(field: int, value: int) -> bytes:
    return varint(field << 3) + varint(value)


def blob(field: int, payload: bytes) -> bytes:
    return varint(field << 3 | 2) + varint(len(payload)) + payload


def shape_proto(dims) -> bytes:
    return b"".join(blob(2, num(1, d)) for d in dims)


def slice_proto(extents) -> bytes:
    return b"".join(blob(1, b"" if n is None else num(1, s) + num(2, n)) for s, n in extents)


def block(items, restart: int = 2) -> bytes:
    out, restarts, previous = bytearray(), [], b""
    for i, (key, value) in enumerate(items):
        shared = 0
        if i % restart:
            while shared < min(len(key), len(previous)) and key[shared] == previous[shared]:
                shared += 1
        else:
            restarts.append(len(out))
        out += varint(shared) + varint(len(key) - shared) + varint(len(value)) + key[shared:] + value
        previous = key
    restarts = restarts or [0]
    return bytes(out) + struct.pack(f"<{len(restarts)}I", *restarts) + struct.pack("<I", len(restarts))


def snappy_literals(data: bytes) -> bytes:
    out = bytearray(varint(len(data)))
    for i in range(0, len(data), 60):
        piece = data[i:i + 60]
        out += bytes([(len(piece) - 1) << 2]) + piece
    return bytes(out)


def table(items, per_block: int = 2, snappy: bool = False) -> bytes:
    """A table as TensorFlow lays it out, per_block entries to a data block."""
    out, index = bytearray(), []

    def write(content: bytes) -> bytes:
        kind = 0
        if snappy:
            content, kind = snappy_literals(content), 1
        handle = varint(len(out)) + varint(len(content))
        out.extend(content + bytes([kind]) + struct.pack("<I", mask_crc(crc32c(content + bytes([kind])))))
        return handle

    items = sorted(items)
    for i in range(0, len(items), per_block):
        chunk = items[i:i + per_block]
        index.append((chunk[-1][0], write(block(chunk))))
    meta = write(block([]))
    handles = meta + write(block(index))
    return bytes(out) + handles.ljust(40, b"\0") + struct.pack("<Q", sstable.MAGIC)


def floats(values) -> bytes:
    return blob(5, np.asarray(values, dtype="<f4").tobytes())


def v1(tensors, versions: bytes = num(1, 1)) -> bytes:
    """tensors: (name, shape, dtype enum, [(extents, TensorProto bytes)])."""
    metas = b"".join(
        blob(1, blob(1, name.encode()) + blob(2, shape_proto(shape)) + num(3, dtype)
             + b"".join(blob(4, slice_proto(ext)) for ext, _ in parts))
        for name, shape, dtype, parts in tensors)
    items = [(b"", blob(1, metas + blob(2, versions)))]
    for name, _, _, parts in tensors:
        for ext, proto in parts:
            saved = blob(1, name.encode()) + blob(2, slice_proto(ext)) + blob(3, proto)
            items.append((tensor_slice_key(name, ext), blob(2, saved)))
    return table(items)


# -- whole tensors ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tensor:
    """One checkpoint tensor as its metadata lists it, and the TensorProto of each stored slice."""

    name: str
    shape: tuple[int, ...]
    dtype: int
    parts: tuple[tuple[tuple, bytes], ...]  # (extents, TensorProto bytes)

    def with_(self, **changes) -> Tensor:
        return replace(self, **changes)


def tensor_proto(value: np.ndarray, dtype: int = DT_FLOAT) -> bytes:
    """A TensorProto holding `value` as `dtype` (strings as string_val, the rest as tensor_content)."""
    if dtype == DT_STRING:
        return num(1, dtype) + b"".join(blob(8, str(v).encode()) for v in np.asarray(value).ravel())
    numpy_name = DTYPES[dtype][1]
    return num(1, dtype) + blob(4, np.asarray(value).astype(np.dtype(numpy_name).newbyteorder("<")).tobytes())


def whole(name: str, value, dtype: int = DT_FLOAT) -> Tensor:
    """A tensor stored in one slice that covers it."""
    value = np.asarray(value)
    extents = tuple((0, None) for _ in value.shape)
    return Tensor(name, tuple(value.shape), dtype, ((extents, tensor_proto(value, dtype)),))


def checkpoint(tensors) -> bytes:
    """V1 checkpoint bytes of Tensor records (or a {name: array} mapping of float32 tensors)."""
    if isinstance(tensors, dict):
        tensors = [whole(k, v) for k, v in tensors.items()]
    return v1([(t.name, t.shape, t.dtype, list(t.parts)) for t in tensors])


def tensors_of(data: bytes) -> list[Tensor]:
    """The tensors of a real V1 checkpoint as editable records (their TensorProto bytes kept as they are)."""
    from composer_app.models.checkpoints.tensor_protos import parse_slice_metas

    tab = sstable.Table(data)
    header = bytes(tab.get(b""))
    meta_span, _ = parse_saved_tensor_slices(header, 0, len(header))
    metas, _ = parse_slice_metas(header, *meta_span)
    out = []
    for meta in metas:
        parts = []
        for extents in meta.slices:
            value = bytes(tab.get(tensor_slice_key(meta.name, extents)))
            _, span = parse_saved_tensor_slices(value, 0, len(value))
            _, _, proto = parse_saved_slice(value, *span)
            parts.append((extents, value[proto[0]:proto[1]]))
        out.append(Tensor(meta.name, meta.shape, meta.dtype, tuple(parts)))
    return out


def metagraph(states, collection: str = "initial_state") -> bytes:
    """A MetaGraphDef with one node per (node name, output dims) and `collection` listing their first outputs."""
    nodes = b"".join(
        blob(1, blob(1, name.encode()) + blob(2, b"Const")
             + blob(5, blob(1, b"_output_shapes") + blob(2, blob(1, blob(7, shape_proto(dims))))))
        for name, dims in states)
    node_list = b"".join(blob(1, f"{name}:0".encode()) for name, _ in states)
    return blob(2, nodes) + blob(4, blob(1, collection.encode()) + blob(2, blob(1, node_list)))


def message_fields(data: bytes) -> list[tuple[int, int, object]]:
    """(number, wire, int or bytes) of each field of a message, in order."""
    return [(n, w, v if w == 0 else data[v[0]:v[1]]) for n, w, v in fields(data, 0, len(data))]


def encode_fields(items) -> bytes:
    """The inverse of message_fields."""
    out = bytearray()
    for number, wire, value in items:
        out += varint(number << 3 | wire)
        out += varint(value) if wire == 0 else (varint(len(value)) + value if wire == 2 else value)
    return bytes(out)
