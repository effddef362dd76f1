"""The few TensorFlow protobuf messages a checkpoint holds, decoded by hand from the wire format."""

from __future__ import annotations

import re
from dataclasses import dataclass

from composer_app.models.checkpoints.sstable import FormatError, read_varint
from composer_app.said import said

MAX_RANK = 8

# DataType enum -> (name, numpy dtype or None when numpy cannot hold it, TensorProto field with its values).
DTYPES: dict[int, tuple[str, str | None, int]] = {
    1: ("DT_FLOAT", "float32", 5),
    2: ("DT_DOUBLE", "float64", 6),
    3: ("DT_INT32", "int32", 7),
    4: ("DT_UINT8", "uint8", 7),
    5: ("DT_INT16", "int16", 7),
    6: ("DT_INT8", "int8", 7),
    7: ("DT_STRING", None, 8),
    8: ("DT_COMPLEX64", "complex64", 9),
    9: ("DT_INT64", "int64", 10),
    10: ("DT_BOOL", "bool", 11),
    11: ("DT_QINT8", None, 7),
    12: ("DT_QUINT8", None, 7),
    13: ("DT_QINT32", None, 7),
    14: ("DT_BFLOAT16", None, 13),
    15: ("DT_QINT16", None, 7),
    16: ("DT_QUINT16", None, 7),
    17: ("DT_UINT16", "uint16", 7),
    18: ("DT_COMPLEX128", "complex128", 12),
    19: ("DT_HALF", "float16", 13),
    20: ("DT_RESOURCE", None, 14),
    21: ("DT_VARIANT", None, 15),
    22: ("DT_UINT32", "uint32", 16),
    23: ("DT_UINT64", "uint64", 17),
}
DT_STRING = 7
FLOAT_VAL, DOUBLE_VAL, SCOMPLEX_VAL, INT64_VAL, BOOL_VAL, DCOMPLEX_VAL, HALF_VAL, UINT64_VAL = 5, 6, 9, 10, 11, 12, 13, 17


def dtype_name(enum: int) -> str:
    return DTYPES[enum][0] if enum in DTYPES else f"unknown DataType {enum}"


def _int(value: int, bits: int, what: str) -> int:
    """A varint read as a signed protobuf int32/int64 (negatives arrive sign-extended to 64 bits)."""
    if value >= 1 << 63:
        value -= 1 << 64
    if not -(1 << (bits - 1)) <= value < 1 << (bits - 1):
        raise FormatError(said("{what} {value} does not fit in int{bits}").format(what=what, value=value, bits=bits))
    return value


def fields(buf, start: int, end: int):
    """Yield (field number, wire type, value) of a message in buf[start:end]; value is an int or a (start, end) span."""
    pos = start
    while pos < end:
        key, pos = read_varint(buf, pos, end)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise FormatError(said("protobuf field number 0"))
        if wire == 0:
            value, pos = read_varint(buf, pos, end)
            yield number, wire, value
            continue
        if wire == 2:
            length, pos = read_varint(buf, pos, end)
        elif wire in (1, 5):
            length = 8 if wire == 1 else 4
        else:
            raise FormatError(said("protobuf wire type {wire} is not used by checkpoints").format(wire=wire))
        if length > end - pos:
            raise FormatError(said("protobuf field runs past its message"))
        yield number, wire, (pos, pos + length)
        pos += length


def _expect(wire: int, wanted: int, what: str) -> None:
    if wire != wanted:
        raise FormatError(said("{what} has wire type {wire}, expected {wanted}").format(
            what=what, wire=wire, wanted=wanted))


def _text(buf, span: tuple[int, int], what: str) -> str:
    try:
        return bytes(buf[span[0]:span[1]]).decode("utf-8")
    except UnicodeDecodeError:
        raise FormatError(said("{what} is not UTF-8").format(what=what)) from None


def parse_shape(buf, start: int, end: int) -> tuple[int, ...]:
    """TensorShapeProto: repeated Dim dim = 2 {int64 size = 1}; bool unknown_rank = 3."""
    dims = []
    for number, wire, value in fields(buf, start, end):
        if number == 2:
            _expect(wire, 2, "shape dim")
            if len(dims) >= MAX_RANK:
                raise FormatError(said("shape has more than {limit} dimensions").format(limit=MAX_RANK))
            size = 0
            for n, w, v in fields(buf, *value):
                if n == 1:
                    _expect(w, 0, "dim size")
                    size = _int(v, 64, "dim size")
            if size < 0:
                raise FormatError(said("shape has an unknown or negative dimension ({size})").format(size=size))
            dims.append(size)
        elif number == 3 and value:
            raise FormatError(said("shape of unknown rank"))
    return tuple(dims)


def parse_slice(buf, start: int, end: int) -> tuple[tuple[int, int | None], ...]:
    """TensorSliceProto: repeated Extent extent = 1 {int64 start = 1; oneof {int64 length = 2}}; None = whole dim."""
    extents = []
    for number, wire, value in fields(buf, start, end):
        if number != 1:
            continue
        _expect(wire, 2, "slice extent")
        if len(extents) >= MAX_RANK:
            raise FormatError(said("slice has more than {limit} dimensions").format(limit=MAX_RANK))
        first, length = 0, None
        for n, w, v in fields(buf, *value):
            if n == 1:
                _expect(w, 0, "extent start")
                first = _int(v, 64, "extent start")
            elif n == 2:
                _expect(w, 0, "extent length")
                length = _int(v, 64, "extent length")
        # TensorFlow ignores the start of a whole-dimension extent.
        extents.append((0, None) if length is None else (first, length))
    return tuple(extents)


def parse_versions(buf, start: int, end: int) -> tuple[int, int, tuple[int, ...]]:
    """VersionDef: int32 producer = 1; int32 min_consumer = 2; repeated int32 bad_consumers = 3."""
    producer = min_consumer = 0
    bad: list[int] = []
    for number, wire, value in fields(buf, start, end):
        if number == 1 and wire == 0:
            producer = _int(value, 32, "producer version")
        elif number == 2 and wire == 0:
            min_consumer = _int(value, 32, "min consumer version")
        elif number == 3 and wire == 0:
            bad.append(_int(value, 32, "bad consumer version"))
        elif number == 3 and wire == 2:
            pos, stop = value
            while pos < stop:
                item, pos = read_varint(buf, pos, stop)
                bad.append(_int(item, 32, "bad consumer version"))
    return producer, min_consumer, tuple(bad)


def _enum(value: int, what: str) -> int:
    value = _int(value, 32, what)
    if value not in DTYPES:
        raise FormatError(said("{what} {value} is not a TensorFlow DataType").format(what=what, value=value))
    return value


@dataclass(frozen=True)
class SliceMeta:
    name: str
    shape: tuple[int, ...]
    dtype: int
    slices: tuple[tuple[tuple[int, int | None], ...], ...]


def parse_saved_tensor_slices(buf, start: int, end: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """SavedTensorSlices: SavedTensorSliceMeta meta = 1; SavedSlice data = 2 (spans, not yet decoded)."""
    meta = data = None
    for number, wire, value in fields(buf, start, end):
        if number == 1:
            _expect(wire, 2, "slices meta")
            meta = value
        elif number == 2:
            _expect(wire, 2, "saved slice")
            data = value
    return meta, data


def parse_slice_metas(buf, start: int, end: int) -> tuple[list[SliceMeta], tuple[int, int, tuple[int, ...]]]:
    """SavedTensorSliceMeta: repeated SavedSliceMeta tensor = 1 {name = 1, shape = 2, type = 3, slice = 4}; versions = 2."""
    metas = []
    versions = (0, 0, ())
    for number, wire, value in fields(buf, start, end):
        if number == 2:
            _expect(wire, 2, "versions")
            versions = parse_versions(buf, *value)
        if number != 1:
            continue
        _expect(wire, 2, "tensor meta")
        name, shape, dtype, slices = None, (), 0, []
        for n, w, v in fields(buf, *value):
            if n == 1:
                _expect(w, 2, "tensor name")
                name = _text(buf, v, "tensor name")
            elif n == 2:
                _expect(w, 2, "tensor shape")
                shape = parse_shape(buf, *v)
            elif n == 3:
                _expect(w, 0, "tensor type")
                dtype = _enum(v, "tensor type")
            elif n == 4:
                _expect(w, 2, "tensor slice")
                slices.append(parse_slice(buf, *v))
        if not name:
            raise FormatError(said("a tensor in the metadata has no name"))
        if not dtype:
            raise FormatError(said("tensor {name!r} has no type in the metadata").format(name=name))
        metas.append(SliceMeta(name, shape, dtype, tuple(slices)))
    return metas, versions


def parse_saved_slice(buf, start: int, end: int) -> tuple[str, tuple, tuple[int, int] | None]:
    """SavedSlice: string name = 1; TensorSliceProto slice = 2; TensorProto data = 3."""
    name, extents, data = "", (), None
    for number, wire, value in fields(buf, start, end):
        if number == 1:
            _expect(wire, 2, "slice name")
            name = _text(buf, value, "slice name")
        elif number == 2:
            _expect(wire, 2, "slice extents")
            extents = parse_slice(buf, *value)
        elif number == 3:
            _expect(wire, 2, "slice data")
            data = value
    return name, extents, data


@dataclass(frozen=True)
class TensorFields:
    dtype: int
    shape: tuple[int, ...] | None
    content: tuple[int, int] | None
    values: tuple[tuple[int, int, object], ...]  # (field, wire, int or span) of every typed value field, in order


def parse_tensor_proto(buf, start: int, end: int) -> TensorFields:
    """TensorProto: dtype = 1, tensor_shape = 2, tensor_content = 4, typed repeated values in fields 5..17."""
    dtype, shape, content = 0, None, None
    values = []
    for number, wire, value in fields(buf, start, end):
        if number == 1:
            _expect(wire, 0, "tensor dtype")
            dtype = _enum(value, "tensor dtype")
        elif number == 2:
            _expect(wire, 2, "tensor shape")
            shape = parse_shape(buf, *value)
        elif number == 4:
            _expect(wire, 2, "tensor content")
            content = value
        elif 5 <= number <= 17:
            values.append((number, wire, value))
    return TensorFields(dtype, shape, content, tuple(values))


@dataclass(frozen=True)
class BundleEntry:
    dtype: int
    shape: tuple[int, ...]
    shard_id: int
    offset: int
    size: int
    crc32c: int
    slices: tuple[tuple[tuple[int, int | None], ...], ...]


def parse_bundle_header(buf, start: int, end: int) -> tuple[int, int, tuple[int, int, tuple[int, ...]]]:
    """BundleHeaderProto: int32 num_shards = 1; Endianness endianness = 2; VersionDef version = 3."""
    shards, endianness, versions = 0, 0, (0, 0, ())
    for number, wire, value in fields(buf, start, end):
        if number == 1:
            _expect(wire, 0, "shard count")
            shards = _int(value, 32, "shard count")
        elif number == 2:
            _expect(wire, 0, "endianness")
            endianness = _int(value, 32, "endianness")
        elif number == 3:
            _expect(wire, 2, "version")
            versions = parse_versions(buf, *value)
    return shards, endianness, versions


def parse_bundle_entry(buf, start: int, end: int) -> BundleEntry:
    """BundleEntryProto: dtype 1, shape 2, shard_id 3, offset 4, size 5, fixed32 crc32c 6, repeated slices 7."""
    dtype, shape, shard, offset, size, crc = 0, (), 0, 0, 0, 0
    slices = []
    for number, wire, value in fields(buf, start, end):
        if number == 1:
            _expect(wire, 0, "dtype")
            dtype = _enum(value, "dtype")
        elif number == 2:
            _expect(wire, 2, "shape")
            shape = parse_shape(buf, *value)
        elif number == 3:
            _expect(wire, 0, "shard id")
            shard = _int(value, 32, "shard id")
        elif number == 4:
            _expect(wire, 0, "offset")
            offset = _int(value, 64, "offset")
        elif number == 5:
            _expect(wire, 0, "size")
            size = _int(value, 64, "size")
        elif number == 6:
            _expect(wire, 5, "crc32c")
            crc = int.from_bytes(buf[value[0]:value[1]], "little")
        elif number == 7:
            _expect(wire, 2, "slice")
            slices.append(parse_slice(buf, *value))
    if not dtype:
        raise FormatError(said("entry has no dtype"))
    if shard < 0 or offset < 0 or size < 0:
        raise FormatError(said("entry has a negative shard, offset or size"))
    return BundleEntry(dtype, shape, shard, offset, size, crc, tuple(slices))


def _num_increasing(value: int) -> bytes:
    body = value.to_bytes((value.bit_length() + 7) // 8, "big")
    return bytes([len(body)]) + body


def _signed_num_increasing(value: int) -> bytes:
    """OrderedCode's signed numbers: a unary length header in the leading bits, then two's complement big-endian."""
    magnitude = ~value if value < 0 else value
    length = (magnitude.bit_length() + 1 + 6) // 7  # 7 bits of each byte carry value, one of them the sign
    body = value & ((1 << (8 * length)) - 1)
    header = ((1 << length) - 1) << (7 * length)  # `length` one-bits in front, over sign bits of the body
    return (body ^ header).to_bytes(length, "big")


_ESCAPES = re.compile(b"[\\x00\\xff]")
_ESCAPED = {b"\x00": b"\x00\xff", b"\xff": b"\xff\x00"}


def tensor_slice_key(name: str, extents) -> bytes:
    """The table key TensorFlow files a tensor slice under (its EncodeTensorNameSlice, in OrderedCode)."""
    escaped = _ESCAPES.sub(lambda m: _ESCAPED[m.group()], name.encode("utf-8"))
    key = _num_increasing(0) + escaped + b"\x00\x01" + _num_increasing(len(extents))
    for start, length in extents:
        key += _signed_num_increasing(start) + _signed_num_increasing(-1 if length is None else length)
    return key
