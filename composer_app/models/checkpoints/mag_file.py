"""Magenta's .mag files read as untrusted data: size checks, the GeneratorBundle message, and its header alone."""

from __future__ import annotations

import os
from pathlib import Path

from composer_app.models.checkpoints.bundle_proto import GeneratorBundle, WireFormatError, encode_varint, parse_bundle
from composer_app.models.errors import BundleError
from composer_app.said import said
from composer_app.user_files import checked_size, read_limited

MAX_BUNDLE_BYTES = 512 * 1024 * 1024


def read_mag(path: str | os.PathLike) -> GeneratorBundle:
    """The GeneratorBundle in a .mag file; BundleError names the file and says what is wrong with it."""
    path = Path(path)
    return mag_from_bytes(read_limited(path, MAX_BUNDLE_BYTES, said(".mag bundle"), BundleError), path)


def mag_from_bytes(data: bytes, path: Path | None = None) -> GeneratorBundle:
    """Parse a .mag's bytes; a bundle with no generator id or no checkpoint is refused."""
    try:
        raw = parse_bundle(data)
    except WireFormatError as exc:
        raise BundleError(path, _damaged_bundle(exc.problem)) from None
    if not raw.generator_id or not raw.checkpoint_files:
        raise BundleError(path, said("not a .mag bundle (no generator id or no checkpoint inside)"))
    return raw


def _damaged_bundle(detail: str) -> str:
    problem = said("the file is truncated") if "truncated" in detail else said("not a .mag bundle")
    return said("{problem} ({detail})").format(problem=problem, detail=detail)


HEADER_FIELD_LIMIT = 1 << 20  # the generator and bundle details are a few lines of text


def read_mag_header(path: str | os.PathLike) -> tuple[str, str, str]:
    """(generator id, generator description, bundle description), for pickers that must stay instant.

    Reads only the two small detail fields and seeks over the checkpoint and metagraph, so a bundle of any size
    answers at once and never fills memory.
    """
    path = Path(path)
    size = checked_size(path, MAX_BUNDLE_BYTES, said(".mag bundle"), BundleError)
    kept, checkpoints = bytearray(), 0
    try:
        with open(path, "rb") as fh:
            while fh.tell() < size:
                key = _stream_varint(fh)
                number, wire = key >> 3, key & 7
                if number == 0:
                    raise WireFormatError(said("field number 0"))
                if wire != 2:
                    skip = {0: None, 1: 8, 5: 4}.get(wire, -1)
                    if skip == -1:
                        raise WireFormatError(said("unsupported wire type {wire}").format(wire=wire))
                    _stream_varint(fh) if skip is None else fh.seek(skip, os.SEEK_CUR)
                    continue
                length = _stream_varint(fh)
                if fh.tell() + length > size:
                    raise WireFormatError(said("truncated field"))
                if number in (1, 4):
                    if length > HEADER_FIELD_LIMIT:
                        raise WireFormatError(said("a details field of {length} bytes").format(length=length))
                    kept += encode_varint(key) + encode_varint(length) + fh.read(length)
                else:
                    checkpoints += number == 2
                    fh.seek(length, os.SEEK_CUR)
    except OSError as exc:
        raise BundleError(path, exc.strerror or str(exc)) from None
    except WireFormatError as exc:
        raise BundleError(path, _damaged_bundle(exc.problem)) from None
    raw = parse_bundle(bytes(kept))
    if not raw.generator_id or not checkpoints:
        raise BundleError(path, said("not a .mag bundle (no generator id or no checkpoint inside)"))
    return raw.generator_id, raw.generator_description, raw.bundle_description


def _stream_varint(fh) -> int:
    result = shift = 0
    while True:
        byte = fh.read(1)
        if not byte:
            raise WireFormatError(said("truncated varint"))
        result |= (byte[0] & 0x7F) << shift
        if byte[0] < 0x80:
            return result
        shift += 7
        if shift > 63:
            raise WireFormatError(said("varint too long"))
