"""A MusicVAE checkpoint unpacked from its .tar (model.ckpt-N.index and .data-*), or a training folder holding it,
loads as the .tar does."""

import json
import tarfile

import numpy as np
import pytest

from composer_app.models.checkpoints.checkpoint_paths import checkpoint_prefix, latest_checkpoint
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
    """Every tensor read from the unpacked prefix equals the one read from the .tar."""
    prefix = unpack(name, tmp_path)
    assert prefix.endswith("model.ckpt-" + str(json.loads(fixture(name + ".json").read_text())["steps"]))
    from_prefix = checkpoint.read_tensors(prefix).tensors
    from_tar = checkpoint.read_tensors(fixture(name + ".tar")).tensors
    assert from_prefix.keys() == from_tar.keys()
    for key in from_tar:
        np.testing.assert_array_equal(from_prefix[key], from_tar[key])


def test_the_index_file_names_the_same_checkpoint(tmp_path):
    """The prefix and its .index name one checkpoint; a .tar is not a prefix."""
    prefix = unpack("mel2bar_tiny", tmp_path)
    assert checkpoint_prefix(prefix + ".index") == prefix
    assert checkpoint_prefix(prefix) == prefix
    assert checkpoint_prefix(fixture("mel2bar_tiny.tar")) is None


def test_model_from_a_prefix_decodes_magentas_classes(tmp_path):
    """MusicVae.load of the prefix decodes the golden z to Magenta's classes, as from the .tar."""
    g = json.loads(fixture("mel2bar_tiny.json").read_text())
    model = MusicVae.load(unpack("mel2bar_tiny", tmp_path))
    classes = model.decode(np.asarray(g["z"], np.float32), 32, temperature=0)
    assert classes.tolist() == g["decode_tensors"]


def test_a_missing_data_shard_raises_bundle_error(tmp_path):
    """A prefix whose data shard is gone names the shard."""
    prefix = unpack("mel2bar_tiny", tmp_path)
    (tmp_path / (prefix.rsplit("/", 1)[1] + ".data-00000-of-00001")).unlink()
    with pytest.raises(BundleError, match="data-00000-of-00001"):
        checkpoint.load_weights(prefix)


def test_a_damaged_index_raises_bundle_error(tmp_path):
    """A truncated index is a BundleError naming the checkpoint."""
    prefix = unpack("mel2bar_tiny", tmp_path)
    with open(prefix + ".index", "r+b") as f:
        f.truncate(20)
    with pytest.raises(BundleError, match="model.ckpt"):
        checkpoint.load_weights(prefix)


def test_a_run_folder_loads_the_checkpoint_its_state_file_names(tmp_path):
    """Magenta's run_dir: train/ with a `checkpoint` file naming the newest; absolute paths from a folder since
    moved still find the file beside it."""
    train = tmp_path / "run" / "train"
    train.mkdir(parents=True)
    prefix = unpack("mel2bar_tiny", train)
    (train / "checkpoint").write_text('model_checkpoint_path: "/elsewhere/train/model.ckpt-100"\n'
                                      'all_model_checkpoint_paths: "/elsewhere/train/model.ckpt-100"\n')
    assert latest_checkpoint(tmp_path / "run") == prefix
    assert latest_checkpoint(train) == prefix
    g = json.loads(fixture("mel2bar_tiny.json").read_text())
    model = MusicVae.load(tmp_path / "run")
    assert model.decode(np.asarray(g["z"], np.float32), 32, temperature=0).tolist() == g["decode_tensors"]


def test_this_apps_run_folder_loads_from_its_checkpoints_subfolder(tmp_path):
    """`composer-app train` keeps its checkpoints in RUN/checkpoints/: the run folder itself opens."""
    prefix = unpack("mel2bar_tiny", tmp_path / "run" / "checkpoints")
    assert latest_checkpoint(tmp_path / "run") == prefix
    g = json.loads(fixture("mel2bar_tiny.json").read_text())
    model = MusicVae.load(tmp_path / "run")
    assert model.decode(np.asarray(g["z"], np.float32), 32, temperature=0).tolist() == g["decode_tensors"]


def test_without_a_state_file_the_highest_step_is_taken(tmp_path):
    """With no `checkpoint` file the highest-numbered model.ckpt-N wins (numerically: 100 after 99)."""
    prefix = unpack("mel2bar_tiny", tmp_path)
    for step in (99, 7):
        (tmp_path / f"model.ckpt-{step}.index").write_bytes(b"")
    assert latest_checkpoint(tmp_path) == prefix


def test_a_folder_without_checkpoint_is_one_clear_error(tmp_path):
    """An empty folder says it holds no checkpoint."""
    with pytest.raises(BundleError, match="holds no checkpoint"):
        MusicVae.load(tmp_path)
