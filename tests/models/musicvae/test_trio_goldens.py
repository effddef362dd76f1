"""The trio MusicVAEs on the numpy engine against Magenta's own outputs for its tiny flat-trio and hierdec-trio
checkpoints (tests/models/musicvae/data/magenta/, format in its README)."""

import json

import numpy as np
import pytest

from composer_app.cli.main import main
from composer_app.models.musicvae import decoder
from composer_app.models.musicvae.checkpoint import read_tensors
from composer_app.models.musicvae.configs import detect_config
from composer_app.models.musicvae.layout import magenta_shapes
from composer_app.models.musicvae.model import MusicVae, interpolate
from composer_app.models.musicvae.trio import TrioConverter
from composer_app.music.io import read_song
from composer_app.music.song import PPQ
from tests.models.musicvae.magenta_data import data_path, golden

NAMES = ["flat_trio_tiny", "hierdec_trio_tiny"]
TRAINING_STATE = ("beta1_power", "beta2_power", "global_step")


def fixture(name: str) -> tuple[MusicVae, dict]:
    return MusicVae.load(data_path(name + ".tar")), golden(name)


def input_tensors(g: dict) -> np.ndarray:
    """The encoder inputs [3, T, 692] from the stored per-step [melody, bass, drums] classes."""
    return np.stack([TrioConverter().one_hot(t["value"]) for t in g["input_tensors"]])


def rows(notes) -> list[tuple]:
    """Notes as (pitch, velocity, start s, end s, is_drum, program), rounded to a microsecond, sorted."""
    return sorted((p, v, round(s, 6), round(e, 6), bool(d), prog) for p, v, s, e, d, _i, prog in notes)


@pytest.fixture(scope="module", params=NAMES)
def case(request):
    return fixture(request.param)


def test_the_config_and_sizes_come_from_the_tensors(case):
    """The checkpoint is recognised as its Magenta config; z size and layer sizes are the trained ones."""
    model, g = case
    hp = g["hparams_full"]
    assert detect_config(model.weights).id == g["config"]
    assert (model.z_size, model.input_depth, model.output_depth) == (hp["z_size"], 692, 692)
    assert model.output_depths == (90, 90, 512)
    assert [fw.units for fw, _ in model.weights.encoder.layers] == hp["enc_rnn_size"]
    assert [c.units for c in model.weights.decoder.cells] == hp["dec_rnn_size"]


def test_the_layout_is_the_variables_magenta_saved(case):
    """layout.magenta_shapes at the fixture's sizes names exactly the weights of the checkpoint (Adam aside)."""
    model, g = case
    hp = g["hparams_full"]
    split = (90, 90, 512) if model.hierarchical else ()
    shapes = magenta_shapes((692, 692), hp["z_size"], hp["enc_rnn_size"], hp["dec_rnn_size"], model.hierarchical,
                            split=split)
    saved = {n: tuple(s) for n, s in g["variables"]
             if not n.endswith(("/Adam", "/Adam_1")) and n not in TRAINING_STATE}
    assert shapes == saved
    assert {n: v.shape for n, v in read_tensors(data_path(g["checkpoint"])).tensors.items()} == saved


@pytest.mark.parametrize("k", [0, 1, 2])
def test_the_converter_reads_magentas_input_tensor_from_each_midi(case, k):
    """NAME_in{k}.mid gives exactly one window, equal per step to Magenta's [melody, bass, drums] classes."""
    _, g = case
    name = g["checkpoint"][:-len(".tar")]
    windows = TrioConverter().to_windows(read_song(data_path(f"{name}_in{k}.mid")))
    assert len(windows) == 1
    assert windows.lengths == (g["input_lengths"][k],)
    assert [list(step) for step in windows.classes[0]] == g["input_tensors"][k]["value"]
    np.testing.assert_array_equal(windows.inputs[0], input_tensors(g)[k])


def test_encode_matches_magentas_mu_and_sigma(case):
    """The bidirectional encoder over the 692-wide inputs gives Magenta's mu and sigma to 1e-5."""
    model, g = case
    mu, sigma = model.encode(input_tensors(g), g["input_lengths"])
    np.testing.assert_allclose(mu, g["mu"], atol=1e-5, rtol=0)
    np.testing.assert_allclose(sigma, g["sigma"], atol=1e-5, rtol=0)


def test_decoder_rnn_output_matches_magenta(case):
    """The decoder's raw output projection for z[0] along the argmax path equals Magenta's [32, 692] to 1e-5
    (hierdec-trio: the three core decoders' outputs side by side)."""
    model, g = case
    z = np.asarray(g["z"], np.float32)
    if model.hierarchical:
        out = decoder.decode_hierarchical(model.weights.conductor, model.weights.decoder, z, *model.level_lengths)
    else:
        out = decoder.decode_multi(model.weights.decoder, z, g["max_seq_len"], model.output_depths)
    expected = np.asarray(g["decode_rnn_output_z0"]["value"], np.float32)
    assert expected.shape[1] == 692
    np.testing.assert_allclose(out.logits[0, :len(expected)], expected, atol=1e-5, rtol=0)


def test_argmax_decode_matches_magentas_classes(case):
    """Decoding the golden z at temperature 0 gives exactly Magenta's per-step [melody, bass, drums] classes."""
    model, g = case
    assert g["decode_tensors_format"] == "multi_categorical"
    classes = model.decode(np.asarray(g["z"], np.float32), g["max_seq_len"], temperature=0)
    assert classes.tolist() == g["decode_tensors"]


def test_decoded_classes_become_magentas_notes(case):
    """The golden classes become exactly Magenta's notes: pitch, velocity, start, end, drum flag and program."""
    _, g = case
    seconds = 60.0 / 120.0 / PPQ
    for classes, notes in zip(g["decode_tensors"], g["decode"], strict=True):
        song = TrioConverter().to_song(classes)
        ours = [[n.pitch, n.velocity, n.start * seconds, n.end * seconds, t.is_drum, 0, t.program]
                for t in song.tracks for n in t.notes]
        assert rows(ours) == rows(notes)


def test_interpolation_matches_magentas_slerp_and_decodes(case):
    """slerp between the encoded mu of the two inputs gives Magenta's 5 z and exactly its decoded classes."""
    model, g = case
    a, b = g["interpolate"]["between"]
    mu, _ = model.encode(input_tensors(g), g["input_lengths"])
    z = interpolate(mu[a], mu[b], g["interpolate"]["num_steps"])
    np.testing.assert_allclose(z, g["interpolate"]["z"], atol=1e-5, rtol=0)
    assert model.decode(z, g["max_seq_len"], temperature=0).tolist() == g["interpolate"]["tensors"]


def test_the_command_line_decodes_the_golden_z(case, tmp_path, capsys):
    """`vae decode --json` of the golden z at temperature 1e-4 prints Magenta's classes; `inspect` names the
    config."""
    _, g = case
    tar = str(data_path(g["checkpoint"]))
    (tmp_path / "z.json").write_text(json.dumps({"z": g["z"]}))
    assert main(["vae", "decode", tar, "--z", str(tmp_path / "z.json"), "--temperature", "1e-4", "--seed", "0",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["config"] == g["config"]
    assert [o["classes"] for o in out["outputs"]] == g["decode_tensors"]
    assert main(["inspect", tar]) == 0
    text = capsys.readouterr().out
    assert f"{g['config']} (detected)" in text and "parts [90, 90, 512]" in text
