"""Tensor values out of a TensorProto's repeated fields or out of raw little-endian bytes, as numpy arrays."""

from __future__ import annotations

import numpy as np

from composer_app.models.checkpoints.sstable import FormatError
from composer_app.models.checkpoints.tensor_protos import (
    DCOMPLEX_VAL,
    DOUBLE_VAL,
    DTYPES,
    FLOAT_VAL,
    HALF_VAL,
    INT64_VAL,
    SCOMPLEX_VAL,
    UINT64_VAL,
    TensorFields,
)
from composer_app.said import said

# Complex values are stored as (real, imaginary) pairs of the float width.
_FIXED_WIDTHS = {FLOAT_VAL: 4, DOUBLE_VAL: 8, SCOMPLEX_VAL: 4, DCOMPLEX_VAL: 8}


def _varint_array(raw: np.ndarray) -> np.ndarray:
    """Decode a packed run of varints at once; every value must end inside the run."""
    if raw.size == 0:
        return np.zeros(0, dtype=np.uint64)
    ends = np.flatnonzero(raw < 0x80)
    if ends.size == 0 or ends[-1] != raw.size - 1:
        raise FormatError(said("packed varints end mid-value"))
    starts = np.concatenate(([0], ends[:-1] + 1))
    lengths = ends - starts + 1
    if lengths.max() > 10 or np.any(raw[ends[lengths == 10]] > 1):
        raise FormatError(said("packed varint longer than 64 bits"))
    place = np.arange(raw.size) - np.repeat(starts, lengths)
    parts = (raw & 0x7F).astype(np.uint64) << (7 * place).astype(np.uint64)
    return np.add.reduceat(parts, starts)


def _varints(buf, parts, count: int) -> np.ndarray:
    runs, found = [], 0
    for wire, value in parts:
        if wire == 0:
            runs.append(np.array([value], dtype=np.uint64))
            found += 1
        else:
            raw = np.frombuffer(buf[value[0]:value[1]], dtype=np.uint8)
            found += int(np.count_nonzero(raw < 0x80))
            runs.append(raw)
    if found != count:
        raise FormatError(said("holds {found} values where its shape needs {count}").format(found=found, count=count))
    decoded = [run if run.dtype == np.uint64 else _varint_array(run) for run in runs]
    return np.concatenate(decoded) if decoded else np.zeros(0, dtype=np.uint64)


def decode_values(buf, tensor: TensorFields, dtype: int, count: int) -> np.ndarray:
    """The count values of a TensorProto as a flat numpy array of the checkpoint's dtype (a fresh copy)."""
    name, np_name, field = DTYPES[dtype]
    if np_name is None:
        raise FormatError(said("{dtype} tensors are not supported").format(dtype=name))
    target = np.dtype(np_name)
    parts = [(wire, value) for number, wire, value in tensor.values if number == field]
    if not parts and tensor.content is not None:
        start, stop = tensor.content
        if stop - start != count * target.itemsize:
            raise FormatError(said("tensor_content holds {size} bytes where its shape needs {needed}").format(
                size=stop - start, needed=count * target.itemsize))
        return decode_raw(buf[start:stop], dtype, count)
    if field in _FIXED_WIDTHS:
        unpacked = 5 if _FIXED_WIDTHS[field] == 4 else 1
        if any(wire not in (2, unpacked) for wire, _ in parts):
            raise FormatError(said("{dtype} values have the wrong wire type").format(dtype=name))
        total = sum(stop - start for _, (start, stop) in parts)
        if total != count * target.itemsize:
            raise FormatError(said("holds {found} values where its shape needs {count}").format(
                found=total // target.itemsize, count=count))
        spans = [value for _, value in parts]
        joined = buf[spans[0][0]:spans[0][1]] if len(spans) == 1 else b"".join(bytes(buf[a:b]) for a, b in spans)
        return np.frombuffer(joined, dtype=target.newbyteorder("<")).astype(target)
    for wire, _ in parts:
        if wire not in (0, 2):
            raise FormatError(said("{dtype} values have wire type {wire}").format(dtype=name, wire=wire))
    raw = _varints(buf, parts, count)
    if target == np.bool_:
        return raw != 0
    if field in (INT64_VAL, UINT64_VAL):
        return raw.view(np.int64).copy() if field == INT64_VAL else raw
    signed = raw.view(np.int64)
    if field == HALF_VAL:  # float16 travels as its 16 raw bits in an int32 field
        lo, hi = 0, 0xFFFF
    else:
        info = np.iinfo(target)
        lo, hi = int(info.min), int(info.max)
    if signed.size and (int(signed.min()) < lo or int(signed.max()) > hi):
        raise FormatError(said("{dtype} values out of range").format(dtype=name))
    if field == HALF_VAL:
        return signed.astype(np.uint16).view(np.float16)
    return signed.astype(target)


def decode_raw(data, dtype: int, count: int) -> np.ndarray:
    """Little-endian raw bytes (V2 data, tensor_content) as a flat array of the checkpoint's dtype: a read-only view
    of immutable bytes, else a fresh copy."""
    name, np_name, _ = DTYPES[dtype]
    if np_name is None:
        raise FormatError(said("{dtype} tensors are not supported").format(dtype=name))
    target = np.dtype(np_name)
    if len(data) != count * target.itemsize:
        raise FormatError(said("holds {size} bytes where its shape needs {needed}").format(
            size=len(data), needed=count * target.itemsize))
    if target == np.bool_:
        raw = np.frombuffer(data, dtype=np.uint8)
        if raw.size and raw.max() > 1:
            raise FormatError(said("bool values other than 0 and 1"))
        return raw.astype(np.bool_)
    values = np.frombuffer(data, dtype=target.newbyteorder("<"))
    if isinstance(data, bytes) and values.dtype == target:
        # Copying half a gigabyte of weights cost more than reading it; bytes cannot change under the view.
        return values
    return values.astype(target)
