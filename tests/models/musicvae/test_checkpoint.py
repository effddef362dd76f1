"""Loading MusicVAE checkpoints: the Adam slots are skipped, damaged or foreign tars raise BundleError."""

import json

import numpy as np
import pytest

from composer_app.models.errors import BundleError
from composer_app.models.musicvae import checkpoint
from composer_app.models.musicvae.model import MusicVae
from tests.conftest import shared_path


def tar_path(name: str):
    return shared_path("fixtures", "magenta-vae", name + ".tar")


def test_loading_skips_adam_slots_and_counters():
    """Only the weights are read: no Adam slot, beta power or global_step reaches the model."""
    names = set(checkpoint.read_tensors(tar_path("mel2bar_tiny")).tensors)
    assert "decoder/output_projection/kernel" in names
    assert not [n for n in names if n.endswith(("/Adam", "/Adam_1")) or "power" in n or n == "global_step"]
    golden = json.loads(shared_path("fixtures", "magenta-vae", "mel2bar_tiny.json").read_text())
    weights = {name for name, _ in golden["variables"]} - {"beta1_power", "beta2_power", "global_step"}
    assert names == {n for n in weights if not n.endswith(("/Adam", "/Adam_1"))}


def test_a_damaged_tar_raises_bundle_error_naming_the_file(tmp_path):
    """A truncated tar cannot be loaded, and the error names the file."""
    data = tar_path("mel2bar_tiny").read_bytes()
    bad = tmp_path / "damaged.tar"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(BundleError, match="damaged.tar"):
        MusicVae.load(bad)


def test_a_flipped_byte_in_the_weights_raises_bundle_error(tmp_path):
    """A flipped byte in the data shard fails the checksum rather than loading wrong weights."""
    data = bytearray(tar_path("mel2bar_tiny").read_bytes())
    data[2048] ^= 0xFF  # inside the first member's payload
    bad = tmp_path / "flipped.tar"
    bad.write_bytes(bytes(data))
    with pytest.raises(BundleError, match="flipped.tar"):
        MusicVae.load(bad)


def _fixture_weights() -> dict[str, np.ndarray]:
    return dict(checkpoint.read_tensors(tar_path("mel2bar_tiny")).tensors)


def _load(source: str, tensors: dict[str, np.ndarray]):
    return checkpoint.weights_from(checkpoint.WeightTensors(source, tensors))


def test_a_missing_tensor_is_named():
    """A checkpoint without the mu layer names the file and the missing tensor."""
    tensors = _fixture_weights()
    del tensors["encoder/mu/kernel"]
    with pytest.raises(BundleError, match=r"no_mu\.tar.*'encoder/mu/kernel' is missing"):
        _load("no_mu.tar", tensors)


def test_a_wrongly_shaped_tensor_is_named():
    """A decoder kernel of the wrong shape names the file, the tensor and the shapes."""
    tensors = _fixture_weights()
    tensors["decoder/multi_rnn_cell/cell_1/lstm_cell/kernel"] = np.zeros((63, 128), np.float32)
    with pytest.raises(BundleError, match=r"bad_shape\.tar.*cell_1/lstm_cell/kernel' has shape \[63, 128\]"):
        _load("bad_shape.tar", tensors)


def test_the_unedited_tensors_load():
    """The same tensors unedited load, so the failures above are the edits' doing."""
    assert _load("mel2bar_tiny.tar", _fixture_weights()).z_size == 16


def test_a_float64_tensor_or_a_nan_is_refused():
    """Weights of the wrong type or with NaN are named instead of running the network on them."""
    tensors = _fixture_weights()
    tensors["encoder/sigma/bias"] = tensors["encoder/sigma/bias"].astype(np.float64)
    with pytest.raises(BundleError, match="'encoder/sigma/bias' is float64"):
        _load("x.tar", tensors)
    tensors = _fixture_weights()
    tensors["decoder/output_projection/bias"] = tensors["decoder/output_projection/bias"].copy()
    tensors["decoder/output_projection/bias"][3] = np.nan
    with pytest.raises(BundleError, match="'decoder/output_projection/bias' holds NaN"):
        _load("x.tar", tensors)


def test_a_hierarchical_checkpoint_reads_its_conductor_and_core_decoder():
    """hierdec's conductor (1 zero input) and core decoder (reading [output, conductor h]) are found by shape."""
    model = MusicVae.load(tar_path("hierdec_mel16_tiny"))
    assert model.hierarchical and [c.units for c in model.weights.conductor.cells] == [32, 32]
    assert model.weights.conductor.cells[0].input_depth == 1
    assert model.weights.decoder.cells[0].input_depth == 90 + 32
    assert [fw.input_depth for fw, _ in model.weights.encoder.layers] == [90, 64]


def test_a_second_conductor_level_is_refused():
    """A deeper hierarchy than Magenta's hierdec configs is refused by name rather than decoded wrongly."""
    tensors = dict(checkpoint.read_tensors(tar_path("hierdec_mel16_tiny")).tensors)
    tensors["decoder/hierarchical_level_1/cell_0/lstm_cell/kernel"] = np.zeros((33, 128), np.float32)
    with pytest.raises(BundleError, match="more than one conductor level"):
        _load("deep.tar", tensors)
