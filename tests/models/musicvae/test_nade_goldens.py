"""NADE drum MusicVAEs on the numpy engine against Magenta's own outputs for its tiny nade-drums checkpoints."""

import numpy as np
import pytest

from composer_app.models.engine.nade import nade_sample
from composer_app.models.musicvae import decoder
from composer_app.models.musicvae.configs import detect_config, get_config
from composer_app.models.musicvae.layout import magenta_shapes
from composer_app.models.musicvae.model import MusicVae, interpolate
from composer_app.music.io import read_song
from composer_app.music.song import PPQ
from tests.models.musicvae.magenta_data import data_path, golden

NAMES = ["nade_reduced_tiny", "nade_full_tiny"]


@pytest.fixture(scope="module", params=NAMES)
def case(request):
    g = golden(request.param)
    return request.param, MusicVae.load(data_path(request.param + ".tar")), g


def inputs(g: dict) -> np.ndarray:
    return np.asarray([t["value"] for t in g["input_tensors"]], np.float32)


def test_the_checkpoint_is_its_config_with_magentas_variables(case):
    """The tensors give the config, z size, layer and NADE sizes; Magenta saved exactly the layout's variables."""
    _, model, g = case
    config = detect_config(model.weights)
    hp = g["hparams_full"]
    assert config.id == g["config"] and model.nade
    assert (model.z_size, model.weights.decoder.nade.hidden) == (hp["z_size"], hp["nade_num_hidden"])
    assert (model.input_depth, model.output_depth) == (g["converter"]["input_depth"], g["converter"]["output_depth"])
    saved = {n: tuple(s) for n, s in g["variables"]
             if not n.endswith(("/Adam", "/Adam_1")) and n not in ("beta1_power", "beta2_power", "global_step")}
    assert magenta_shapes((model.input_depth, model.output_depth), hp["z_size"], hp["enc_rnn_size"],
                          hp["dec_rnn_size"], False, hp["nade_num_hidden"]) == saved


@pytest.mark.parametrize("k", [0, 1, 2])
def test_reading_the_inputs_gives_magentas_rolls(case, k):
    """Each NAME_in{k}.mid gives one window whose roll (classes + NOR bit) is Magenta's input tensor exactly."""
    name, _, g = case
    windows = get_config(g["config"]).converter().to_windows(read_song(data_path(f"{name}_in{k}.mid")))
    assert len(windows) == 1 and windows.lengths == (g["input_lengths"][k],)
    assert windows.inputs[0].astype(int).tolist() == g["input_tensors"][k]["value"]


def test_encode_matches_magentas_mu_and_sigma(case):
    """The encoder gives Magenta's mu and sigma to 1e-5."""
    _, model, g = case
    mu, sigma = model.encode(inputs(g), g["input_lengths"])
    np.testing.assert_allclose(mu, g["mu"], atol=1e-5, rtol=0)
    np.testing.assert_allclose(sigma, g["sigma"], atol=1e-5, rtol=0)


def test_decoder_rnn_output_and_nade_logits_match_magenta(case):
    """Along Magenta's path for z[0], the projection (NADE biases) and each class's NADE logit agree to 1e-5."""
    _, model, g = case
    w = model.weights.decoder
    out = decoder.decode_nade(w, np.asarray(g["z"][:1], np.float32), g["max_seq_len"])
    raw = np.asarray(g["decode_rnn_output_z0"]["value"], np.float32)
    np.testing.assert_allclose(out.logits[0, :len(raw)], raw, atol=1e-5, rtol=0)
    assert g["decode_rnn_output_z0"]["split"]["nade_b_enc"] == [0, w.nade.hidden]
    bits = np.asarray(g["decode_tensors"][0], np.float32)
    for t, want in enumerate(g["decode_nade_logits_z0"]["value"]):
        b_enc, b_dec = raw[t:t + 1, :w.nade.hidden], raw[t:t + 1, w.nade.hidden:]
        _, logits = nade_sample(b_enc, b_dec, w.nade.w_enc, w.nade.w_dec_t, lambda _l, i, t=t: bits[t, i:i + 1])
        np.testing.assert_allclose(logits[0], want, atol=1e-5, rtol=0)


def test_cold_decode_gives_magentas_multi_hot_rows_and_notes(case):
    """At temperature 0 (and sampled at 1e-6) the three z decode to Magenta's rows exactly, and those rows to its
    notes: class exemplar pitches, velocity 80, one 16th at 120 qpm."""
    _, model, g = case
    z = np.asarray(g["z"], np.float32)
    rows = model.decode_nade(z, g["max_seq_len"], temperature=0)
    assert rows.astype(int).tolist() == g["decode_tensors"]
    assert (model.decode_nade(z, g["max_seq_len"], 1e-6, np.random.default_rng(0)) == rows).all()
    conv = get_config(g["config"]).converter()
    seconds = 60.0 / 120.0 / PPQ
    for row, notes in zip(rows, g["decode"], strict=True):
        got = sorted((n.pitch, n.velocity, round(n.start * seconds, 6), round(n.end * seconds, 6))
                     for n in conv.to_song(row).tracks[0].notes)
        assert got == sorted((p, v, round(s, 6), round(e, 6)) for p, v, s, e, *_ in notes)
        assert all(n[4] and n[5] == 9 for n in notes)


def test_interpolation_matches_magenta(case):
    """slerp between the inputs' mu gives Magenta's z to 1e-5 and decodes to its rows exactly."""
    _, model, g = case
    a, b = g["interpolate"]["between"]
    mu, _ = model.encode(inputs(g), g["input_lengths"])
    z = interpolate(mu[a], mu[b], g["interpolate"]["num_steps"])
    np.testing.assert_allclose(z, g["interpolate"]["z"], atol=1e-5, rtol=0)
    assert model.decode_nade(z, g["max_seq_len"], temperature=0).astype(int).tolist() == g["interpolate"]["tensors"]
