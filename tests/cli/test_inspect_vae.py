"""`composer-app inspect` of MusicVAE checkpoints: the detected config, sizes and variable layout."""

import json
import tarfile

import pytest

from composer_app.cli.main import main
from tests.conftest import shared_path


def fixture(name: str):
    return shared_path("fixtures", "magenta-vae", name)


def inspect_json(path, capsys) -> dict:
    assert main(["inspect", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name, config, enc, dec, conductor, depth", [
    ("mel2bar_tiny", "cat-mel_2bar_small", [32], [32, 32], None, 90),
    ("drums2bar_tiny", "cat-drums_2bar_small", [32], [32, 32], None, 512),
    ("hierdec_mel16_tiny", "hierdec-mel_16bar", [32, 32], [32, 32], [32, 32], 90),
])
def test_json_gives_config_and_sizes(name, config, enc, dec, conductor, depth, capsys):
    info = inspect_json(fixture(name + ".tar"), capsys)
    assert info["config"] == config
    assert (info["z_size"], info["encoder_sizes"], info["decoder_sizes"]) == (16, enc, dec)
    assert info["conductor_sizes"] == conductor
    assert info["layout"] == ("hierarchical" if conductor else "flat")
    assert info["output_depth"] == depth
    golden = json.loads(fixture(name + ".json").read_text())
    weights = {n: s for n, s in golden["variables"]
               if not n.endswith(("/Adam", "/Adam_1")) and n not in ("beta1_power", "beta2_power", "global_step")}
    assert {v["name"]: v["shape"] for v in info["variables"]} == weights
    assert info["parameters"] == golden["trainable_weights"]
    assert info["training_state_entries"] == len(golden["variables"]) - len(weights)


def test_text_output_names_config_sizes_and_variables(capsys):
    assert main(["inspect", str(fixture("hierdec_mel16_tiny.tar"))]) == 0
    out = capsys.readouterr().out
    assert "hierdec-mel_16bar (detected)" in out
    assert "z size:         16" in out
    assert "encoder sizes:  [32, 32]" in out
    assert "conductor:      [32, 32]" in out
    assert "output depth:   90" in out
    assert "decoder/hierarchical_level_0/initial_state/kernel  [16, 128]" in out


def test_flat_text_says_no_conductor(capsys):
    assert main(["inspect", str(fixture("mel2bar_tiny.tar"))]) == 0
    out = capsys.readouterr().out
    assert "cat-mel_2bar_small (detected)" in out
    assert "none (flat decoder)" in out


def test_an_unpacked_checkpoint_prefix_is_inspected(tmp_path, capsys):
    with tarfile.open(fixture("mel2bar_tiny.tar")) as tar:
        tar.extractall(tmp_path, filter="data")
    info = inspect_json(tmp_path / "model.ckpt-100", capsys)
    assert info["config"] == "cat-mel_2bar_small"
    assert info["decoder_sizes"] == [32, 32]


def test_a_groovae_checkpoint_is_recognised(capsys):
    """GrooVAE's 27-wide tensors are detected as the humanize config, with their sizes."""
    info = inspect_json(fixture("groovae_humanize_tiny.tar"), capsys)
    assert (info["input_depth"], info["output_depth"], info["z_size"]) == (27, 27, 16)
    assert info["config"] == "groovae_2bar_humanize"


def test_a_damaged_tar_is_one_error_line(tmp_path, capsys):
    bad = tmp_path / "bad.tar"
    bad.write_bytes(fixture("mel2bar_tiny.tar").read_bytes()[:3000])
    assert main(["inspect", str(bad)]) != 0
    err = capsys.readouterr().err
    assert "bad.tar" in err
