"""A MusicVAE checkpoint unpacked from its .tar (model.ckpt-N.index and .data-*) loads as the .tar does."""

import json
import tarfile

import numpy as np
import pytest

from composer_app.models.errors import BundleError
from composer_app.models.musicvae import checkpoint
from composer_app.models.musicvae.model import MusicVae
from tests.conftest import shared_path


def fixture(name: str):
    return shared_path("fixtures", "magenta-vae", name)


def unpack(name: str, folder) -> str:
    """The fixture's members extracted into `folder`; the checkpoint prefix model.ckpt-N."""
    with tarfile.open(fixture(name + ".tar")) as tar:
        tar.extractall(folder, filter="data")
        index = next(n for n in tar.getnames() if n.endswith(".index"))
    return str(folder / index[: -len(".index")])


@pytest.mark.parametrize("name", ["mel2bar_tiny", "hierdec_mel16_tiny"])
def test_prefix_gives_the_tars_weights(name, tmp_path):
    prefix = unpack(name, tmp_path)
    assert prefix.endswith("model.ckpt-" + str(json.loads(fixture(name + ".json").read_text())["steps"]))
    from_prefix = checkpoint.read_tensors(prefix).tensors
    from_tar = checkpoint.read_tensors(fixture(name + ".tar")).tensors
    assert from_prefix.keys() == from_tar.keys()
    for key in from_tar:
        np.testing.assert_array_equal(from_prefix[key], from_tar[key])


def test_the_index_file_names_the_same_checkpoint(tmp_path):
    prefix = unpack("mel2bar_tiny", tmp_path)
    assert checkpoint.checkpoint_prefix(prefix + ".index") == prefix
    assert checkpoint.checkpoint_prefix(prefix) == prefix
    assert checkpoint.checkpoint_prefix(fixture("mel2bar_tiny.tar")) is None


def test_model_from_a_prefix_decodes_magentas_classes(tmp_path):
    """MusicVae.load of the prefix decodes the golden z to Magenta's classes, as from the .tar."""
    g = json.loads(fixture("mel2bar_tiny.json").read_text())
    model = MusicVae.load(unpack("mel2bar_tiny", tmp_path))
    classes = model.decode(np.asarray(g["z"], np.float32), 32, temperature=0)
    assert classes.tolist() == g["decode_tensors"]


def test_a_missing_data_shard_raises_bundle_error(tmp_path):
    prefix = unpack("mel2bar_tiny", tmp_path)
    (tmp_path / (prefix.rsplit("/", 1)[1] + ".data-00000-of-00001")).unlink()
    with pytest.raises(BundleError, match="data-00000-of-00001"):
        checkpoint.load_weights(prefix)


def test_a_damaged_index_raises_bundle_error(tmp_path):
    prefix = unpack("mel2bar_tiny", tmp_path)
    with open(prefix + ".index", "r+b") as f:
        f.truncate(20)
    with pytest.raises(BundleError, match="model.ckpt"):
        checkpoint.load_weights(prefix)
