"""A .mag's header read for the model picker: the same details as a full read, without reading the checkpoint."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from composer_app.models.checkpoints.bundle_proto import GeneratorBundle, serialize_bundle
from composer_app.models.checkpoints.mag_file import read_mag, read_mag_header
from composer_app.models.errors import BundleError

BUNDLES = sorted((Path(__file__).resolve().parents[3] / "composer_app" / "resources" / "bundles").glob("*.mag"))


@pytest.mark.parametrize("path", BUNDLES, ids=[p.stem for p in BUNDLES])
def test_header_equals_the_full_read(path):
    """Generator id and both descriptions are those a full parse finds."""
    raw = read_mag(path)
    assert read_mag_header(path) == (raw.generator_id, raw.generator_description, raw.bundle_description)


def test_a_big_checkpoint_is_seeked_over_not_read(tmp_path):
    """A bundle with a 64 MB checkpoint answers its header using far less memory than the checkpoint's size."""
    path = tmp_path / "big.mag"
    path.write_bytes(serialize_bundle(GeneratorBundle("basic_rnn", "Melody", (bytes(64 << 20),), b"meta", "ours")))
    tracemalloc.start()
    try:
        header = read_mag_header(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert header == ("basic_rnn", "Melody", "ours") and peak < 1 << 20


@pytest.mark.parametrize("cut", [1, 3, 10, 40])
def test_a_truncated_bundle_names_the_file(tmp_path, cut):
    """Cut anywhere, the header read raises BundleError naming the file."""
    data = serialize_bundle(GeneratorBundle("basic_rnn", "Melody", (b"x" * 100,), b"meta", "ours"))
    path = tmp_path / "cut.mag"
    path.write_bytes(data[:-cut])
    with pytest.raises(BundleError, match="cut.mag"):
        read_mag_header(path)


def test_a_bundle_without_a_checkpoint_is_refused(tmp_path):
    """Details alone are not a bundle."""
    path = tmp_path / "empty.mag"
    path.write_bytes(serialize_bundle(GeneratorBundle("basic_rnn", "Melody", (), b"", "")))
    with pytest.raises(BundleError, match="no checkpoint"):
        read_mag_header(path)
