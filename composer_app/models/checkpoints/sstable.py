"""LevelDB-style sorted string tables as TensorFlow writes them, with CRC-32C (Castagnoli) in C, or Python and numpy."""

from __future__ import annotations

import bisect
import functools
import struct

import numpy as np

from composer_app.models.errors import BundleError
from composer_app.said import said

try:
    # Hardware CRC runs at GB/s; numpy's table walk is what made reading a 0.5 GB checkpoint take seconds.
    import google_crc32c as _c_crc

    if _c_crc.implementation != "c":
        _c_crc = None
except ImportError:  # pragma: no cover - a declared dependency; the numpy path below stands in
    _c_crc = None

MAGIC = 0xDB4775248B80FB57
FOOTER_SIZE = 48
TRAILER_SIZE = 5
MAX_SNAPPY_OUTPUT = 1 << 30


class FormatError(BundleError):
    """Malformed data; the public reader adds which file and tensor it was reading."""

    def __init__(self, problem: str):
        super().__init__(None, problem)


# -- CRC-32C -------------------------------------------------------------------------------------------------------

_POLY = 0x82F63B78


def _byte_table() -> list[int]:
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ (_POLY if c & 1 else 0)
        table.append(c)
    return table


_TABLE = _byte_table()
_SLICES = [np.array(_TABLE, dtype=np.uint32)]
for _ in range(3):
    _SLICES.append((_SLICES[-1] >> 8) ^ _SLICES[0][_SLICES[-1] & 0xFF])
# Below this size numpy's per-call overhead costs more than a plain byte loop.
_VECTOR_THRESHOLD = 4096
_CHUNKS = 8192


def _advance_zeros(state: int, columns: list[int]) -> int:
    out = 0
    bit = 0
    while state:
        if state & 1:
            out ^= columns[bit]
        state >>= 1
        bit += 1
    return out


@functools.lru_cache(maxsize=16)
def _zeros_operator(nbytes: int) -> tuple[tuple[int, ...], ...]:
    """Byte tables of the linear map 'feed nbytes zero bytes' on the raw CRC register."""
    # CRC without pre/post inversion is linear over GF(2); square the one-zero-byte matrix up to nbytes.
    one = [(1 << i >> 8) ^ _TABLE[(1 << i) & 0xFF] for i in range(32)]
    result = [1 << i for i in range(32)]
    power = one
    n = nbytes
    while n:
        if n & 1:
            result = [_advance_zeros(c, power) for c in result]
        power = [_advance_zeros(c, power) for c in power]
        n >>= 1
    return tuple(tuple(_advance_zeros(x << (8 * b), result) for x in range(256)) for b in range(4))


def _crc_bytes(state: int, data) -> int:
    table = _TABLE
    for byte in data:
        state = table[(state ^ byte) & 0xFF] ^ (state >> 8)
    return state


def _crc_vector(state: int, data: np.ndarray) -> int:
    """Slicing-by-4 over many equal chunks at once, then the chunk CRCs folded together."""
    words_per_chunk = max(4, 1 << max(0, (len(data) // (4 * _CHUNKS)).bit_length() - 1))
    chunk = 4 * words_per_chunk
    count = len(data) // chunk
    main = count * chunk
    words = data[:main].view("<u4").reshape(count, words_per_chunk).T.astype(np.uint32, order="C")
    regs = np.zeros(count, dtype=np.uint32)
    regs[0] = state
    t3, t2, t1, t0 = _SLICES[3], _SLICES[2], _SLICES[1], _SLICES[0]
    for row in words:
        x = regs ^ row
        regs = t3[x & 0xFF] ^ t2[(x >> 8) & 0xFF] ^ t1[(x >> 16) & 0xFF] ^ t0[x >> 24]
    a0, a1, a2, a3 = _zeros_operator(chunk)
    state = 0
    for r in regs.tolist():
        state = a0[state & 0xFF] ^ a1[(state >> 8) & 0xFF] ^ a2[(state >> 16) & 0xFF] ^ a3[state >> 24] ^ r
    return _crc_bytes(state, data[main:].tobytes())


def crc32c(data, value: int = 0) -> int:
    """CRC-32C of data (bytes-like); pass a previous result as value to continue it."""
    if _c_crc is not None:
        # The extension takes only immutable bytes; the large buffers here (tensor data) already are.
        return _c_crc.extend(value, data if isinstance(data, bytes) else bytes(data))
    return crc32c_numpy(data, value)


def crc32c_numpy(data, value: int = 0) -> int:
    """crc32c without the C extension: a byte loop for short data, slicing-by-4 in numpy for long."""
    state = value ^ 0xFFFFFFFF
    view = memoryview(data).cast("B")
    if len(view) < _VECTOR_THRESHOLD:
        state = _crc_bytes(state, view)
    else:
        state = _crc_vector(state, np.frombuffer(view, dtype=np.uint8))
    return state ^ 0xFFFFFFFF


def unmask_crc(masked: int) -> int:
    rot = (masked - 0xA282EAD8) & 0xFFFFFFFF
    return ((rot >> 17) | (rot << 15)) & 0xFFFFFFFF


def mask_crc(crc: int) -> int:
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


# -- varints -------------------------------------------------------------------------------------------------------


def read_varint(buf, pos: int, end: int, bits: int = 64) -> tuple[int, int]:
    """Decode a base-128 varint in buf[pos:end] of at most `bits` bits; returns (value, next position)."""
    result = 0
    shift = 0
    while True:
        if pos >= end:
            raise FormatError(said("truncated varint"))
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            break
        shift += 7
        if shift >= bits:
            raise FormatError(said("varint longer than {bits} bits").format(bits=bits))
    if result >> bits:
        raise FormatError(said("varint larger than {bits} bits").format(bits=bits))
    return result, pos


# -- snappy (TF's default table option; its checkpoint writers turn it off) --------------------------------------


def snappy_decompress(data) -> bytes:
    """Decompress a raw snappy block, refusing anything inconsistent with its declared length."""
    size, pos = read_varint(data, 0, len(data), 32)
    if size > MAX_SNAPPY_OUTPUT:
        raise FormatError(said("snappy block claims an implausible size"))
    out = bytearray()
    end = len(data)
    while pos < end:
        tag = data[pos]
        pos += 1
        kind = tag & 3
        if kind == 0:
            length = tag >> 2
            if length >= 60:
                extra = length - 59
                if pos + extra > end:
                    raise FormatError(said("truncated snappy literal length"))
                length = int.from_bytes(data[pos:pos + extra], "little")
                pos += extra
            length += 1
            if pos + length > end or len(out) + length > size:
                raise FormatError(said("snappy literal runs past its block"))
            out += data[pos:pos + length]
            pos += length
            continue
        if kind == 1:
            if pos + 1 > end:
                raise FormatError(said("truncated snappy copy"))
            length = 4 + ((tag >> 2) & 7)
            offset = ((tag >> 5) << 8) | data[pos]
            pos += 1
        else:
            width = 2 if kind == 2 else 4
            if pos + width > end:
                raise FormatError(said("truncated snappy copy"))
            length = (tag >> 2) + 1
            offset = int.from_bytes(data[pos:pos + width], "little")
            pos += width
        if offset == 0 or offset > len(out) or len(out) + length > size:
            raise FormatError(said("snappy copy out of range"))
        # A copy may overlap its own output (run-length style), so extend piecewise.
        start = len(out) - offset
        while length > 0:
            piece = out[start:start + min(length, offset)]
            out += piece
            length -= len(piece)
    if len(out) != size:
        raise FormatError(said("snappy block shorter than declared"))
    return bytes(out)


# -- tables --------------------------------------------------------------------------------------------------------


def _read_handle(buf, pos: int, end: int) -> tuple[int, int, int]:
    offset, pos = read_varint(buf, pos, end)
    size, pos = read_varint(buf, pos, end)
    return offset, size, pos


def parse_block(block) -> list[tuple[bytes, int, int]]:
    """Entries of one block as (key, value start, value end) positions within the block."""
    if len(block) < 4:
        raise FormatError(said("block too short for its restart count"))
    (num_restarts,) = struct.unpack_from("<I", block, len(block) - 4)
    limit = len(block) - 4 - 4 * num_restarts
    if num_restarts < 1 or limit < 0:
        raise FormatError(said("block restart array does not fit"))
    restarts = set(struct.unpack_from(f"<{num_restarts}I", block, limit))
    if max(restarts) >= max(limit, 1):
        raise FormatError(said("block restart point out of range"))
    entries: list[tuple[bytes, int, int]] = []
    key = b""
    pos = 0
    while pos < limit:
        at = pos
        shared, pos = read_varint(block, pos, limit, 32)
        unshared, pos = read_varint(block, pos, limit, 32)
        value_len, pos = read_varint(block, pos, limit, 32)
        if shared > len(key) or (at in restarts and shared):
            raise FormatError(said("block entry shares more key than it has"))
        if pos + unshared + value_len > limit:
            raise FormatError(said("block entry runs past its block"))
        new_key = key[:shared] + bytes(block[pos:pos + unshared])
        if entries and new_key <= key:
            raise FormatError(said("block keys out of order"))
        key = new_key
        pos += unshared
        entries.append((key, pos, pos + value_len))
        pos += value_len
    return entries


class Table:
    """Read-only view of one table held in memory: lookups by exact key, blocks checked as they are read."""

    def __init__(self, data):
        self._data = memoryview(data).cast("B")
        size = len(self._data)
        if size < FOOTER_SIZE:
            raise FormatError(said("{size} bytes is too short for a table").format(size=size))
        footer = self._data[size - FOOTER_SIZE:]
        (magic,) = struct.unpack_from("<Q", footer, 40)
        if magic != MAGIC:
            raise FormatError(said("not a TensorFlow table (bad magic number)"))
        self._limit = size - FOOTER_SIZE
        meta_offset, meta_size, pos = _read_handle(footer, 0, 40)
        index_offset, index_size, _ = _read_handle(footer, pos, 40)
        self._check_handle(meta_offset, meta_size)
        self._blocks: dict[tuple[int, int], tuple[memoryview, list[tuple[bytes, int, int]], list[bytes]]] = {}
        index, entries, self._index_keys = self._block(index_offset, index_size)
        self._index_handles = []
        for _, start, end in entries:
            offset, block_size, _ = _read_handle(index, start, end)
            self._check_handle(offset, block_size)
            self._index_handles.append((offset, block_size))

    def _check_handle(self, offset: int, size: int) -> None:
        if offset + size + TRAILER_SIZE > self._limit:
            raise FormatError(said("block at {offset} (+{size} bytes) runs past the end of the table").format(
                offset=offset, size=size))

    def _block(self, offset: int, size: int) -> tuple[memoryview, list[tuple[bytes, int, int]], list[bytes]]:
        cached = self._blocks.get((offset, size))
        if cached is not None:
            return cached
        self._check_handle(offset, size)
        raw = self._data[offset:offset + size + 1]
        (stored,) = struct.unpack_from("<I", self._data, offset + size + 1)
        if crc32c(raw) != unmask_crc(stored):
            raise FormatError(said("checksum mismatch in the block at {offset}").format(offset=offset))
        kind = raw[size]
        if kind == 0:
            block = raw[:size]
        elif kind == 1:
            block = memoryview(snappy_decompress(raw[:size]))
        else:
            raise FormatError(said("unknown block compression type {kind}").format(kind=kind))
        entries = parse_block(block)
        parsed = (block, entries, [key for key, _, _ in entries])
        self._blocks[(offset, size)] = parsed
        return parsed

    def get(self, key: bytes) -> memoryview | None:
        """The value stored under key, or None; reads at most one data block."""
        at = bisect.bisect_left(self._index_keys, key)
        if at == len(self._index_keys):
            return None
        block, entries, keys = self._block(*self._index_handles[at])
        found = bisect.bisect_left(keys, key)
        if found == len(entries) or keys[found] != key:
            return None
        _, start, end = entries[found]
        return block[start:end]

    def first(self) -> tuple[bytes, memoryview] | None:
        """The smallest key and its value (TensorFlow keeps a checkpoint's header there)."""
        for handle in self._index_handles:
            block, entries, _ = self._block(*handle)
            if entries:
                key, start, end = entries[0]
                return key, block[start:end]
        return None

    def items(self):
        """Every (key, value) in key order."""
        for handle in self._index_handles:
            block, entries, _ = self._block(*handle)
            for key, start, end in entries:
                yield key, block[start:end]
