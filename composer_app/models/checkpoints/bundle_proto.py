"""The GeneratorBundle protobuf (Magenta's .mag), read and written as plain wire format without protoc.

message GeneratorBundle {             // package magenta, proto3
  GeneratorDetails generator_details = 1;   // { string id = 1; string description = 2; }
  repeated bytes checkpoint_file = 2;       // the first holds a TF V1 single-file checkpoint
  bytes metagraph_file = 3;                 // a serialized MetaGraphDef
  BundleDetails bundle_details = 4;         // { string description = 1; }
}
"""

from __future__ import annotations

from dataclasses import dataclass, field

from composer_app.models.checkpoints.sstable import FormatError, read_varint
from composer_app.models.errors import BundleError
from composer_app.said import said


class WireFormatError(BundleError):
    """The bytes are not a well-formed protobuf message (the caller adds the file name)."""

    def __init__(self, problem: str):
        super().__init__(None, problem)


@dataclass(frozen=True)
class GeneratorBundle:
    generator_id: str
    generator_description: str = ""
    checkpoint_files: tuple[bytes, ...] = field(default=(), repr=False)
    metagraph: bytes = field(default=b"", repr=False)
    bundle_description: str = ""


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    try:
        return read_varint(data, pos, len(data))
    except FormatError as exc:
        raise WireFormatError(exc.problem) from None


def _fields(data: bytes):
    """Yield (field_number, wire_type, value) for each field of a message."""
    pos = 0
    while pos < len(data):
        key, pos = _read_varint(data, pos)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise WireFormatError(said("field number 0"))
        if wire == 0:
            value, pos = _read_varint(data, pos)
        elif wire == 1:
            value, pos = data[pos:pos + 8], pos + 8
        elif wire == 2:
            length, pos = _read_varint(data, pos)
            if pos + length > len(data):
                raise WireFormatError(said("truncated field"))
            value, pos = data[pos:pos + length], pos + length
        elif wire == 5:
            value, pos = data[pos:pos + 4], pos + 4
        else:
            raise WireFormatError(said("unsupported wire type {wire}").format(wire=wire))
        if pos > len(data):
            raise WireFormatError(said("truncated field"))
        yield number, wire, value


def _text(value: bytes) -> str:
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise WireFormatError(said("a text field is not UTF-8")) from None


def parse_bundle(data: bytes) -> GeneratorBundle:
    generator_id = description = bundle_description = ""
    checkpoints: list[bytes] = []
    metagraph = b""
    for number, wire, value in _fields(data):
        if wire != 2:
            continue  # proto3 readers skip what they do not know
        if number == 1:
            for n, w, v in _fields(value):
                if w == 2 and n == 1:
                    generator_id = _text(v)
                elif w == 2 and n == 2:
                    description = _text(v)
        elif number == 2:
            checkpoints.append(value)
        elif number == 3:
            metagraph = value
        elif number == 4:
            for n, w, v in _fields(value):
                if w == 2 and n == 1:
                    bundle_description = _text(v)
    return GeneratorBundle(generator_id, description, tuple(checkpoints), metagraph, bundle_description)


def encode_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _bytes_field(number: int, value: bytes) -> bytes:
    return encode_varint(number << 3 | 2) + encode_varint(len(value)) + value


def serialize_bundle(bundle: GeneratorBundle) -> bytes:
    details = _bytes_field(1, bundle.generator_id.encode())
    if bundle.generator_description:
        details += _bytes_field(2, bundle.generator_description.encode())
    out = _bytes_field(1, details)
    for ckpt in bundle.checkpoint_files:
        out += _bytes_field(2, ckpt)
    if bundle.metagraph:
        out += _bytes_field(3, bundle.metagraph)
    if bundle.bundle_description:
        out += _bytes_field(4, _bytes_field(1, bundle.bundle_description.encode()))
    return out
