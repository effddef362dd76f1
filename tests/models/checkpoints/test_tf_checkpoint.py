"""Our TensorFlow checkpoint reader against TensorFlow itself, on real and crafted V1 and V2 checkpoints."""

from __future__ import annotations

import gzip
import io
import random
import struct
import tarfile
from pathlib import Path, PurePosixPath

import numpy as np
import pytest

from composer_app.models.checkpoints import sstable, tensor_values, tf_checkpoint
from composer_app.models.checkpoints.bundle_proto import parse_bundle
from composer_app.models.checkpoints.sstable import crc32c, mask_crc, snappy_decompress, unmask_crc
from composer_app.models.checkpoints.tensor_protos import tensor_slice_key
from composer_app.models.checkpoints.tf_checkpoint import (
    CheckpointError,
    is_training_state,
    read_checkpoint_tar,
    read_v1_checkpoint,
    read_v2_checkpoint,
)
from tests.conftest import ROOT, shared_path
from tests.models.checkpoints import builders

SHIPPED = sorted((ROOT / "composer_app" / "resources" / "bundles").glob("*.mag"))


# -- helpers: real fixtures -----------------------------------------------------------------------------------------


def _mag_files() -> list[Path]:
    found = sorted(shared_path("fixtures", "magenta").glob("*.mag"))
    found += sorted(shared_path("fixtures", "magenta-rnn2").glob("*.mag"))
    return found + SHIPPED


def _vae_tars() -> list[Path]:
    return sorted(shared_path("fixtures", "magenta-vae").glob("*.tar"))


def _v1_bytes(path: Path) -> bytes:
    return parse_bundle(path.read_bytes()).checkpoint_files[0]


def _tar_parts(path: Path) -> tuple[bytes, bytes]:
    """(index, the one data shard) of a fixture tar."""
    with tarfile.open(path) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isreg()}
    index = next(v for k, v in members.items() if k.endswith(".index"))
    data = next(v for k, v in members.items() if ".data-" in k)
    return index, data


@pytest.fixture(scope="module")
def tf():
    import tensorflow as tf

    return tf


def _same_bits(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def _assert_matches_tensorflow(tf, ours, prefix: str) -> None:
    theirs = tf.train.load_checkpoint(prefix)
    shapes, dtypes = theirs.get_variable_to_shape_map(), theirs.get_variable_to_dtype_map()
    assert ours.names() == sorted(shapes)
    for name in shapes:
        assert ours.shape(name) == tuple(shapes[name]), name
        assert ours.dtype(name) == np.dtype(dtypes[name].as_numpy_dtype), name
        assert _same_bits(ours.read(name), theirs.get_tensor(name)), name


# -- helpers: crafting tables and protos ----------------------------------------------------------------------------

_bytes, _block, _floats, _num, _shape = builders.blob, builders.block, builders.floats, builders.num, builders.shape_proto
_slice, _table, _v1, _varint = builders.slice_proto, builders.table, builders.v1, builders.varint


def _entry(dtype: int, shape, offset: int, data: bytes, shard: int = 0, crc: int | None = None, slices=()) -> bytes:
    crc = mask_crc(crc32c(data)) if crc is None else crc
    return (_num(1, dtype) + _bytes(2, _shape(shape)) + _num(3, shard) + _num(4, offset) + _num(5, len(data))
            + _varint(6 << 3 | 5) + struct.pack("<I", crc) + b"".join(_bytes(7, _slice(s)) for s in slices))


def _v2_index(entries, shards: int = 1, endianness: int = 0) -> bytes:
    header = _num(1, shards) + _num(2, endianness) + _bytes(3, _num(1, 1))
    return _table([(b"", header)] + [(k if isinstance(k, bytes) else k.encode(), v) for k, v in entries])


def _blocks(table: bytes) -> list[tuple[int, int]]:
    """(offset, size) of every block of a table, the index block last."""
    footer = table[-48:]
    _, _, pos = sstable._read_handle(footer, 0, 40)
    offset, size, _ = sstable._read_handle(footer, pos, 40)
    index = table[offset:offset + size]
    handles = [sstable._read_handle(index, s, e)[:2] for _, s, e in sstable.parse_block(index)]
    return handles + [(offset, size)]


def _reseal(data: bytearray, offset: int, size: int) -> None:
    data[offset + size + 1:offset + size + 5] = struct.pack("<I", mask_crc(crc32c(bytes(data[offset:offset + size + 1]))))


# -- the codecs -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("crc", [crc32c, sstable.crc32c_numpy], ids=["default", "numpy"])
def test_crc32c_matches_the_standard_and_the_byte_loop(crc):
    """CRC-32C (the C extension and the numpy fallback) gives the published check value, chains, and equals the
    byte-at-a-time loop."""
    assert crc(b"123456789") == 0xE3069283
    assert crc(b"") == 0
    rng = np.random.default_rng(7)
    for size in (4095, 4096, 4100, 65541, 300_007):
        data = rng.integers(0, 256, size, dtype=np.uint8).tobytes()
        expected = sstable._crc_bytes(0xFFFFFFFF, data) ^ 0xFFFFFFFF
        assert crc(data) == expected
        assert crc(data[size // 3:], crc(data[:size // 3])) == expected
        assert crc(memoryview(data)[1:]) == sstable._crc_bytes(0xFFFFFFFF, data[1:]) ^ 0xFFFFFFFF
    assert unmask_crc(mask_crc(0x12345678)) == 0x12345678


def test_snappy_blocks_decompress_and_bad_ones_fail():
    """Snappy literals and overlapping copies decode; copies before the start or past the length are refused."""
    assert snappy_decompress(bytes([11, 0x08]) + b"abc" + bytes([0x01 | 4 << 2, 3])) == b"abcabcabcab"
    assert snappy_decompress(bytes([5, 0x00]) + b"x" + bytes([0x0E, 1, 0])) == b"xxxxx"
    for bad in (bytes([11, 0x08]) + b"abc" + bytes([0x01 | 4 << 2, 9]), bytes([3, 0x08]) + b"abcd",
                bytes([9, 0x08]) + b"abc", bytes([0xFF] * 6)):
        with pytest.raises(sstable.FormatError):
            snappy_decompress(bad)


def test_slice_keys_use_tensorflows_ordered_code():
    """Slice keys escape 0x00/0xff in names and encode signed numbers with a length header, as TensorFlow does."""
    assert tensor_slice_key("a", [(0, None)]) == b"\x00a\x00\x01\x01\x01\x80\x7f"
    assert tensor_slice_key("w", [(100, 50), (0, None)]) == b"\x00w\x00\x01\x01\x02\xc0\x64\xb2\x80\x7f"
    assert tensor_slice_key("s", []) == b"\x00s\x00\x01\x00"


# -- agreement with TensorFlow --------------------------------------------------------------------------------------


def test_every_bundle_checkpoint_matches_tensorflow(tf, tmp_path):
    """Every tensor of every fixture and shipped .mag equals TensorFlow's reading bit for bit, as do names, shapes, dtypes."""
    files = _mag_files()
    assert len(files) >= 17
    for path in files:
        data = _v1_bytes(path)
        (tmp_path / "model.ckpt").write_bytes(data)
        _assert_matches_tensorflow(tf, read_v1_checkpoint(data, str(path)), str(tmp_path / "model.ckpt"))


def test_every_vae_tar_matches_tensorflow(tf, tmp_path):
    """Every tensor of every MusicVAE .tar (Adam slots and global_step included) equals TensorFlow's reading."""
    tars = _vae_tars()
    assert len(tars) == 4
    for path in tars:
        folder = tmp_path / path.stem
        folder.mkdir()
        with tarfile.open(path) as tar:
            for member in tar.getmembers():
                (folder / PurePosixPath(member.name).name).write_bytes(tar.extractfile(member).read())
        prefix = str(next(folder.glob("*.index")))[: -len(".index")]
        with read_checkpoint_tar(path) as ours:
            assert any(name.endswith("/Adam_1") for name in ours.names()) and "global_step" in ours.names()
            _assert_matches_tensorflow(tf, ours, prefix)


@pytest.fixture(scope="module")
def every_dtype(tf, tmp_path_factory):
    """V1 and V2 checkpoints written by TensorFlow with every common dtype, a scalar, an empty and a sliced tensor."""
    rng = np.random.default_rng(3)
    arrays = {
        "f32": rng.standard_normal((3, 4)).astype(np.float32),
        "f64": rng.standard_normal(5),
        "i32": rng.integers(-2**31, 2**31, (2, 3), dtype=np.int32),
        "i64": rng.integers(-2**63, 2**63 - 1, 4, dtype=np.int64),
        "u8": rng.integers(0, 256, 7, dtype=np.uint8),
        "i8": rng.integers(-128, 128, 7, dtype=np.int8),
        "i16": rng.integers(-2**15, 2**15, 7, dtype=np.int16),
        "u16": rng.integers(0, 2**16, 7, dtype=np.uint16),
        "bool": rng.integers(0, 2, 9).astype(bool),
        "f16": rng.standard_normal(6).astype(np.float16),
        "c64": (rng.standard_normal(3) + 1j * rng.standard_normal(3)).astype(np.complex64),
        "c128": rng.standard_normal(3) + 1j * rng.standard_normal(3),
        "scalar": np.float32(np.nan),
        "empty": np.zeros((0, 3), np.float32),
        "part": rng.standard_normal((300, 7)).astype(np.float32),
    }
    names, specs, tensors = [], [], []
    for name, value in arrays.items():
        pieces = [(0, 100), (100, 150), (250, 50)] if name == "part" else [(None, None)]
        for start, length in pieces:
            names.append(name)
            specs.append("" if start is None else f"300 7 {start},{length}:-")
            tensors.append(tf.constant(value if start is None else value[start:start + length]))
    names.append("text")
    specs.append("")
    tensors.append(tf.constant([b"ab", b"c\xff"]))
    folder = tmp_path_factory.mktemp("every_dtype")
    tf.raw_ops.SaveSlices(filename=str(folder / "v1.ckpt"), tensor_names=names, shapes_and_slices=specs, data=tensors)
    tf.raw_ops.SaveV2(prefix=str(folder / "v2"), tensor_names=names, shape_and_slices=specs, tensors=tensors)
    return arrays, folder


def test_every_dtype_and_sliced_tensors_read_exactly(tf, every_dtype):
    """All numeric dtypes, scalars, empty and multi-slice tensors equal the saved arrays in both formats and TF's reading."""
    arrays, folder = every_dtype
    v1 = read_v1_checkpoint((folder / "v1.ckpt").read_bytes(), "v1.ckpt")
    v2 = read_v2_checkpoint((folder / "v2.index").read_bytes(), [(folder / "v2.data-00000-of-00001").read_bytes()], "v2")
    for prefix, ours in ((folder / "v1.ckpt", v1), (folder / "v2", v2)):
        theirs = tf.train.load_checkpoint(str(prefix))
        assert ours.names() == sorted(theirs.get_variable_to_shape_map())
        assert ours.dtype("text") == np.dtype(object) and ours.shape("text") == (2,)
        with pytest.raises(CheckpointError, match="DT_STRING"):
            ours.read("text")
        for name, value in arrays.items():
            assert _same_bits(ours.read(name), value), (prefix.name, name)
            assert ours.dtype(name) == np.dtype(theirs.get_variable_to_dtype_map()[name].as_numpy_dtype)
            try:
                expected = theirs.get_tensor(name)
            except Exception:  # TF's V1 reader lacks some dtypes and multi-slice tensors
                assert prefix.name == "v1.ckpt"
                continue
            assert _same_bits(ours.read(name), expected), (prefix.name, name)


def test_listing_decodes_no_tensor_and_skipped_tensors_are_never_read(monkeypatch):
    """names/shape/dtype decode no data and fetch no shard; read_all(skip=is_training_state) reads only the weights."""
    v1 = _v1_bytes(_mag_files()[0])
    index, data = _tar_parts(_vae_tars()[0])
    decoded = []

    def refuse(*args):
        raise AssertionError("tensor data decoded while listing")

    monkeypatch.setattr(tf_checkpoint, "decode_values", refuse)
    monkeypatch.setattr(tf_checkpoint, "decode_raw", refuse)
    fetched = []
    readers = [read_v1_checkpoint(v1, "v1"), read_v2_checkpoint(index, lambda i: fetched.append(i) or data, "v2")]
    for reader in readers:
        assert [(reader.shape(n), reader.dtype(n)) for n in reader.names()]
    assert fetched == []
    real = tensor_values.decode_raw
    monkeypatch.setattr(tf_checkpoint, "decode_raw", lambda raw, *a: decoded.append(len(raw)) or real(raw, *a))
    weights = readers[1].read_all(skip=is_training_state)
    assert fetched == [0] and len(decoded) == len(weights)
    assert not any(n.endswith(("/Adam", "/Adam_1")) or n == "global_step" for n in weights)
    assert len(weights) < len(readers[1].names()) / 2


# -- crafted checkpoints --------------------------------------------------------------------------------------------


def test_crafted_v1_encodings_are_decoded():
    """Slices are assembled, unpacked and packed varints, bools and tensor_content all decode as TensorFlow would."""
    whole = np.arange(12, dtype=np.float32).reshape(3, 4)
    ints = np.array([-5, 0, 2**31 - 1, -2**31], dtype=np.int32)
    data = _v1([
        ("w", (3, 4), 1, [([(0, 2), (0, None)], _floats(whole[:2])), ([(2, 1), (0, None)], _floats(whole[2:]))]),
        ("i", (4,), 3, [([(0, None)], b"".join(_num(7, int(v)) for v in ints))]),
        ("p", (4,), 3, [([(0, None)], _bytes(7, b"".join(_varint(int(v)) for v in ints)))]),
        ("b", (3,), 10, [([(0, None)], _bytes(11, bytes([1, 0, 1])))]),
        ("c", (2,), 2, [([(0, None)], _bytes(4, np.array([1.5, -2.0], "<f8").tobytes()))]),
        ("s", (), 1, [([], _varint(5 << 3 | 5) + struct.pack("<f", 2.5))]),
    ])
    reader = read_v1_checkpoint(data, "crafted")
    assert _same_bits(reader.read("w"), whole)
    assert _same_bits(reader.read("i"), ints) and _same_bits(reader.read("p"), ints)
    assert _same_bits(reader.read("b"), np.array([True, False, True]))
    assert _same_bits(reader.read("c"), np.array([1.5, -2.0]))
    assert _same_bits(reader.read("s"), np.array(2.5, np.float32))


@pytest.mark.parametrize("tensor, problem", [
    (("w", (1 << 40, 1 << 40), 1, [([(0, None)] * 2, _floats([1]))]), "implausibly large"),
    (("w", (1,) * 9, 1, [([(0, None)] * 9, _floats([1]))]), "more than 8"),
    (("w", (-1,), 1, [([(0, None)], _floats([1]))]), "negative"),
    (("w", (2,), 99, [([(0, None)], _floats([1, 2]))]), "DataType"),
    (("w", (2,), 1, [([(0, None)], _floats([1, 2, 3]))]), "shape needs 2"),
    (("w", (2,), 1, [([(1, 2)], _floats([1, 2]))]), "outside"),
    (("w", (4,), 1, [([(0, 3)], _floats([1, 2, 3])), ([(2, 2)], _floats([3, 4]))]), "overlap"),
    (("w", (4,), 1, [([(0, 3)], _floats([1, 2, 3]))]), "cover"),
    (("w", (2,), 6, [([(0, None)], _bytes(7, _varint(1) + _varint(300)))]), "out of range"),
    (("w", (1,), 3, [([(0, None)], _bytes(7, b"\x01\x80"))]), "mid-value"),
    (("w", (2,), 1, [([(0, None)], _num(1, 2) + _floats([1, 2]))]), "DT_DOUBLE"),
    (("w", (2,), 1, []), "no data"),
])
def test_crafted_v1_problems_raise_checkpoint_error(tensor, problem):
    """Huge or negative shapes, bad dtypes, bad slices and miscounted data raise CheckpointError naming the problem."""
    with pytest.raises(CheckpointError, match=problem):
        read_v1_checkpoint(_v1([tensor]), "crafted").read_all()


def test_crafted_v2_shards_slices_and_problems():
    """Several shards (callable or mapping) and sliced entries read; bad offsets, sizes, checksums and headers fail."""
    a, b = np.arange(6, dtype="<f4"), np.array([1, 0], dtype=np.uint8)
    shards = {0: b"pad" + a.tobytes(), 1: b.tobytes()}
    top, bottom = a[:4].tobytes(), a[4:].tobytes()
    entries = [("a", _entry(1, (2, 3), 3, a.tobytes())), ("b", _entry(10, (2,), 0, b.tobytes(), shard=1)),
               ("s", _entry(1, (6,), 0, b"", slices=[[(0, 4)], [(4, 2)]])),
               (tensor_slice_key("s", [(0, 4)]), _entry(1, (4,), 3, top)),
               (tensor_slice_key("s", [(4, 2)]), _entry(1, (2,), 3 + len(top), bottom))]
    index = _v2_index(entries, shards=2)
    for source in (shards, lambda i: shards[i]):
        reader = read_v2_checkpoint(index, source, "two shards")
        assert reader.names() == ["a", "b", "s"]
        assert _same_bits(reader.read("a"), a.reshape(2, 3)) and _same_bits(reader.read("s"), a)
        assert _same_bits(reader.read("b"), np.array([True, False]))
    bad = {
        "past the end": _entry(1, (2, 3), 10, a.tobytes()),
        "checksum": _entry(1, (2, 3), 3, a.tobytes(), crc=1),
        "shape needs": _entry(1, (2, 2), 3, a.tobytes()),
        "shard 5": _entry(1, (2, 3), 3, a.tobytes(), shard=5),
        "0 and 1": _entry(10, (2,), 0, b"\x02\x00", shard=1),
    }
    for problem, entry in bad.items():
        reader = read_v2_checkpoint(_v2_index([("a", entry)], shards=2), {0: shards[0], 1: b"\x02\x00"}, "bad")
        with pytest.raises(CheckpointError, match=problem) as caught:
            reader.read("a")
        assert caught.value.tensor == "a" and "bad" in str(caught.value) and "'a'" in str(caught.value)
    for index, problem in ((_v2_index([], endianness=1), "big-endian"), (_v2_index([], shards=0), "0 data shards"),
                           (_table([(b"x", b"")]), "no header")):
        with pytest.raises(CheckpointError, match=problem):
            read_v2_checkpoint(index, [], "bad header")
    with pytest.raises(CheckpointError, match="unavailable"):
        read_v2_checkpoint(_v2_index([("a", _entry(1, (2, 3), 0, a.tobytes()))]), [], "none").read("a")


def test_table_structure_problems_raise_checkpoint_error():
    """Bad magic, short files, handles past the end, unknown compression and unsorted keys fail; snappy blocks read."""
    good = _v1([("w", (2,), 1, [([(0, None)], _floats([1, 2]))])])
    assert _same_bits(read_v1_checkpoint(good, "good").read("w"), np.array([1, 2], np.float32))
    snappy = _table([(b"", _bytes(1, _bytes(1, _bytes(1, b"w") + _num(3, 1) + _bytes(2, _shape([0])))))], snappy=True)
    assert read_v1_checkpoint(snappy, "snappy").shape("w") == (0,)
    bad_magic = good[:-1] + bytes([good[-1] ^ 1])
    past_end = bytearray(good)
    past_end[-48:-8] = (_varint(0) + _varint(10) + _varint(len(good)) + _varint(5)).ljust(40, b"\0")
    unknown_kind = bytearray(good)
    offset, size = _blocks(good)[0]
    unknown_kind[offset + size] = 2
    _reseal(unknown_kind, offset, size)
    cases = {"bad magic": bad_magic, "too short": good[:20], "runs past": bytes(past_end),
             "compression type 2": bytes(unknown_kind), "checksum": good[:10] + b"\xff" + good[11:]}
    for problem, data in cases.items():
        with pytest.raises(CheckpointError, match=problem) as caught:
            read_v1_checkpoint(data, "crafted.ckpt")
        assert caught.value.source == "crafted.ckpt" and caught.value.tensor is None
    block = _block([(b"b", b""), (b"a", b"")], restart=1)
    with pytest.raises(sstable.FormatError, match="out of order"):
        sstable.parse_block(block)


# -- mutations of real checkpoints ----------------------------------------------------------------------------------


def _load_all(load) -> dict | None:
    """Every tensor read, or None when the reader reports a CheckpointError (any other exception fails the test)."""
    try:
        reader = load()
        return {name: reader.read(name) for name in reader.names()}
    except CheckpointError:
        return None


def _mutations(data: bytes, rng: random.Random, count: int):
    """(mutated bytes, whether the damage is sealed under a fresh block checksum)."""
    blocks = _blocks(data)
    for _ in range(count):
        out = bytearray(data)
        kind = rng.randrange(6)
        if kind == 0:
            yield bytes(out[:rng.randrange(len(out))]), False
            continue
        if kind == 1:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
            yield bytes(out), False
            continue
        offset, size = rng.choice(blocks)
        if size < 4:
            continue
        # Half the damage lands in a block's first 2 KB, where the headers and metadata are.
        at = offset + rng.randrange(size if rng.random() < 0.5 else min(size, 2048))
        if kind == 2:
            out[at] ^= 1 << rng.randrange(8)
        elif kind == 3:
            out[at] = rng.choice([0x00, 0x7F, 0x80, 0xFF])
        elif kind == 4:
            run = min(4, offset + size - at)
            out[at:at + run] = bytes(rng.choice([0x80, 0xFF]) for _ in range(run))
        else:
            out[offset + size - 4:offset + size] = struct.pack("<I", rng.randrange(1 << 32))
        _reseal(out, offset, size)
        yield bytes(out), True


def test_mutated_v1_checkpoints_load_or_raise_checkpoint_error():
    """A few hundred seeded mutations of a real bundle checkpoint each load the right values or raise CheckpointError."""
    data = _v1_bytes(shared_path("fixtures", "magenta", "basic_tiny.mag"))
    original = _load_all(lambda: read_v1_checkpoint(data, "basic_tiny"))
    rng = random.Random(2024)
    outcomes = {True: 0, False: 0}
    for mutated, sealed in _mutations(data, rng, 400):
        loaded = _load_all(lambda m=mutated: read_v1_checkpoint(m, "mutated"))
        outcomes[loaded is None] += 1
        if loaded is not None and not sealed:
            assert loaded.keys() == original.keys()
            assert all(_same_bits(loaded[k], original[k]) for k in original)
    assert outcomes[True] > 100 and outcomes[False] > 10


def test_mutated_v2_checkpoints_load_or_raise_checkpoint_error():
    """Seeded mutations of a real MusicVAE index and of its data shard each load correctly or raise CheckpointError."""
    index, data = _tar_parts(shared_path("fixtures", "magenta-vae", "groovae_humanize_tiny.tar"))
    original = _load_all(lambda: read_v2_checkpoint(index, [data], "groovae"))
    rng = random.Random(7)
    for mutated, sealed in _mutations(index, rng, 250):
        loaded = _load_all(lambda m=mutated: read_v2_checkpoint(m, [data], "mutated"))
        if loaded is not None and not sealed:
            assert all(_same_bits(loaded[k], original[k]) for k in original)
    for _ in range(40):
        mutated = bytearray(data)
        mutated[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        assert _load_all(lambda m=bytes(mutated): read_v2_checkpoint(index, [m], "mutated")) is None
        cut = data[:rng.randrange(len(data))]
        assert _load_all(lambda m=cut: read_v2_checkpoint(index, [m], "cut")) is None


def test_truncation_at_every_offset_of_a_small_checkpoint():
    """Cutting a real V2 index anywhere, and a V1 checkpoint at many offsets near its tail, raises CheckpointError."""
    index, data = _tar_parts(shared_path("fixtures", "magenta-vae", "mel2bar_tiny.tar"))
    for end in range(len(index)):
        with pytest.raises(CheckpointError):
            read_v2_checkpoint(index[:end], [data], "cut")
    v1 = _v1_bytes(shared_path("fixtures", "magenta", "basic_tiny.mag"))
    for end in [*range(len(v1) - 200, len(v1)), *range(0, len(v1), 997)]:
        with pytest.raises(CheckpointError):
            read_v1_checkpoint(v1[:end], "cut").read_all()


# -- tars -----------------------------------------------------------------------------------------------------------


def _tar(path: Path, members, compress: bool = False) -> Path:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data, kind in members:
            info = tarfile.TarInfo(name)
            info.type = kind
            if kind == tarfile.SYMTYPE:
                info.linkname = "elsewhere.index"
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    path.write_bytes(gzip.compress(buffer.getvalue()) if compress else buffer.getvalue())
    return path


def test_tars_are_read_safely(tmp_path):
    """Only regular, safely named members count; gzip tars read; missing shards, truncation and non-tars fail cleanly."""
    index, data = _tar_parts(shared_path("fixtures", "magenta-vae", "mel2bar_tiny.tar"))
    shard = "m.data-00000-of-00001"
    good = [("m.index", index, tarfile.REGTYPE), (shard, data, tarfile.REGTYPE)]
    with read_checkpoint_tar(_tar(tmp_path / "gz.tar", good, compress=True)) as reader:
        assert _same_bits(reader.read("global_step"), np.array(100, np.int64))
    cases = {
        "no .index": [("m.index", b"", tarfile.SYMTYPE), ("../x.index", index, tarfile.REGTYPE),
                      ("/abs.index", index, tarfile.REGTYPE), (shard, data, tarfile.REGTYPE)],
        "lacks the data shard": [("m.index", index, tarfile.REGTYPE), ("../" + shard, data, tarfile.REGTYPE)],
    }
    for problem, members in cases.items():
        with pytest.raises(CheckpointError, match=problem):
            read_checkpoint_tar(_tar(tmp_path / "bad.tar", members))
    whole = _tar(tmp_path / "whole.tar", good).read_bytes()
    (tmp_path / "cut.tar").write_bytes(whole[:len(whole) // 2])
    (tmp_path / "junk.tar").write_bytes(b"not a tar at all" * 64)
    for name in ("cut.tar", "junk.tar", "absent.tar"):
        with pytest.raises(CheckpointError):
            read_checkpoint_tar(tmp_path / name).read_all()
