"""Magenta's .mag files read as untrusted data: size checks, the GeneratorBundle message, and its header alone."""

from __future__ import annotations

import os
from pathlib import Path

from composer_app.models.checkpoints.bundle_proto import GeneratorBundle, WireFormatError, parse_bundle
from composer_app.models.errors import BundleError
from composer_app.user_files import read_limited

MAX_BUNDLE_BYTES = 512 * 1024 * 1024


def read_mag(path: str | os.PathLike) -> GeneratorBundle:
    """The GeneratorBundle in a .mag file; BundleError names the file and says what is wrong with it."""
    path = Path(path)
    return mag_from_bytes(read_limited(path, MAX_BUNDLE_BYTES, ".mag bundle", BundleError), path)


def mag_from_bytes(data: bytes, path: Path | None = None) -> GeneratorBundle:
    """Parse a .mag's bytes; a bundle with no generator id or no checkpoint is refused."""
    try:
        raw = parse_bundle(data)
    except WireFormatError as exc:
        problem = "the file is truncated" if "truncated" in str(exc) else "not a .mag bundle"
        raise BundleError(path, f"{problem} ({exc})") from None
    if not raw.generator_id or not raw.checkpoint_files:
        raise BundleError(path, "not a .mag bundle (no generator id or no checkpoint inside)")
    return raw


def read_mag_header(path: str | os.PathLike) -> tuple[str, str, str]:
    """(generator id, generator description, bundle description), for pickers that must stay instant."""
    raw = read_mag(path)
    return raw.generator_id, raw.generator_description, raw.bundle_description
