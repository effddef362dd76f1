"""Reading and writing .mag bundles, and the clear errors a user's bad bundle gets."""

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from composer_app.models.checkpoints.bundle_proto import GeneratorBundle, parse_bundle, serialize_bundle
from composer_app.models.errors import BundleError
from composer_app.models.rnn.bundle import read_bundle
from composer_app.models.rnn.configs import get_config
from composer_app.models.rnn.scoring import score_events
from composer_app.models.training.bundle_writer import write_bundle
from tests.models.conftest import FIXTURES, fixture_bundle_path, fixture_golden

MAGENTA_VENV = Path(os.environ.get("MAGENTA_REFERENCE_VENV", Path.home() / ".cache/magenta-reference/venv"))


@pytest.mark.parametrize("config_id", list(FIXTURES))
def test_wire_format_round_trips_byte_for_byte(config_id):
    """Parsing and re-serializing a Magenta-made bundle gives the same bytes."""
    data = fixture_bundle_path(config_id).read_bytes()
    assert serialize_bundle(parse_bundle(data)) == data


def test_not_a_bundle(tmp_path):
    """A MIDI file renamed to .mag is reported as not a bundle."""
    p = tmp_path / "song.mag"
    p.write_bytes(b"MThd\x00\x00\x00\x06\x00\x01\x00\x01\x01\xe0")
    with pytest.raises(BundleError, match="not a .mag bundle") as info:
        read_bundle(p)
    assert "song.mag" in str(info.value)


def test_empty_file(tmp_path):
    """An empty file says it is empty."""
    p = tmp_path / "empty.mag"
    p.write_bytes(b"")
    with pytest.raises(BundleError, match="empty"):
        read_bundle(p)


def test_truncated_bundle(tmp_path):
    """A bundle cut short is reported as truncated."""
    data = fixture_bundle_path("basic_rnn").read_bytes()
    p = tmp_path / "cut.mag"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(BundleError, match="truncated"):
        read_bundle(p)


def test_unknown_generator_id_lists_known_ones(tmp_path):
    """A bundle for a model this app lacks names the known models."""
    raw = parse_bundle(fixture_bundle_path("basic_rnn").read_bytes())
    p = tmp_path / "future.mag"
    p.write_bytes(serialize_bundle(GeneratorBundle("chord_pitches_rnn", "", raw.checkpoint_files, raw.metagraph)))
    with pytest.raises(BundleError, match="chord_pitches_rnn.*known models: basic_rnn"):
        read_bundle(p)


def test_bundle_of_another_model(tmp_path):
    """Choosing attention_rnn with a drum_kit bundle says which model the bundle is for."""
    with pytest.raises(BundleError, match="it is a drum_kit bundle, not attention_rnn"):
        read_bundle(fixture_bundle_path("drum_kit"), get_config("attention_rnn"))


def test_bundle_that_does_not_fit_its_encoding(tmp_path):
    """A basic_rnn id over a mono_rnn network is refused with both sizes."""
    mono = parse_bundle(fixture_bundle_path("mono_rnn").read_bytes())
    p = tmp_path / "mislabelled.mag"
    p.write_bytes(serialize_bundle(GeneratorBundle("basic_rnn", "", mono.checkpoint_files, mono.metagraph)))
    with pytest.raises(BundleError, match="130 inputs.*38 inputs"):
        read_bundle(p)


def test_missing_variable(tmp_path):
    """A checkpoint without the output layer names the missing variable."""
    from composer_app.models.rnn.weights import to_variables
    from tests.models.rnn.test_network import _write_checkpoint

    w = read_bundle(fixture_bundle_path("basic_rnn")).weights
    variables = to_variables(w)
    del variables["fully_connected/biases"]
    raw = parse_bundle(fixture_bundle_path("basic_rnn").read_bytes())
    p = tmp_path / "missing.mag"
    p.write_bytes(serialize_bundle(GeneratorBundle("basic_rnn", "", (_write_checkpoint(variables, tmp_path),),
                                                   raw.metagraph)))
    with pytest.raises(BundleError, match="missing variable fully_connected/biases"):
        read_bundle(p)


def test_no_metagraph_falls_back_to_config_attn_length(tmp_path):
    """Without a metagraph, attn_length comes from the config default and says so."""
    raw = parse_bundle(fixture_bundle_path("attention_rnn").read_bytes())
    p = tmp_path / "nometa.mag"
    p.write_bytes(serialize_bundle(GeneratorBundle("attention_rnn", "", raw.checkpoint_files)))
    b = read_bundle(p)
    assert b.weights.attn_length == 40 and b.attn_length_source == "config default"


@pytest.mark.parametrize("config_id", ["attention_rnn", "drum_kit", "lookback_rnn"])
def test_written_bundle_reads_back_the_same(tmp_path, config_id):
    """A bundle written here reads back with its details, sizes, attn_length and the same softmax."""
    original = read_bundle(fixture_bundle_path(config_id))
    path = write_bundle(tmp_path / "out.mag", original.config, original.weights, "written by a test")
    again = read_bundle(path)
    assert again.generator_id == config_id and again.bundle_description == "written by a test"
    assert again.weights.describe() == original.weights.describe()
    assert again.attn_length_source == original.attn_length_source
    golden = fixture_golden(config_id)
    np.testing.assert_allclose(score_events(again, golden["events"], raw=True).softmax,
                               np.array(golden["softmax"]), atol=1e-5)
    assert [p.name for p in tmp_path.iterdir()] == ["out.mag"]


def test_unwritable_bundle_folder(tmp_path):
    """Writing a bundle into a missing folder is a BundleError, not an OSError."""
    b = read_bundle(fixture_bundle_path("basic_rnn"))
    with pytest.raises(BundleError, match="cannot write"):
        write_bundle(tmp_path / "nope" / "x.mag", b.config, b.weights)


@pytest.mark.parametrize("config_id,script,primer", [
    ("attention_rnn", "melody_rnn_generate", "--primer_melody=[60, -2, 60, -2, 67, -2, 67, -2]"),
    ("drum_kit", "drums_rnn_generate", "--primer_drums=[(36, 42), (), (42,)]"),
])
def test_written_bundle_runs_in_magenta(tmp_path, config_id, script, primer):
    """Magenta 2.1.4's own generate script imports a bundle written here and writes MIDI files."""
    exe = MAGENTA_VENV / "bin" / script
    if not exe.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    original = read_bundle(fixture_bundle_path(config_id))
    path = write_bundle(tmp_path / "ours.mag", original.config, original.weights, "from composer-app")
    out = tmp_path / "out"
    proc = subprocess.run([str(exe), f"--config={config_id}", f"--bundle_file={path}", f"--output_dir={out}",
                           "--num_outputs=2", "--num_steps=48", primer, "--beam_size=2", "--branch_factor=2"],
                          capture_output=True, text=True, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(list(out.glob("*.mid"))) == 2
    shutil.rmtree(out)
