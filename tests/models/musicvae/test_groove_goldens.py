"""GrooVAE configs beyond humanize (groovae_4bar, hits control, tap with fixed velocity, add closed hi-hat) against
Magenta's own outputs for its tiny checkpoints; regrooving a fixture input gives Magenta's decode of its mu."""

import numpy as np
import pytest

from composer_app.models.musicvae import decoder
from composer_app.models.musicvae.configs import detect_config, get_config
from composer_app.models.musicvae.groove_song import regroove
from composer_app.models.musicvae.layout import magenta_shapes
from composer_app.models.musicvae.model import MusicVae, interpolate
from composer_app.music.io import read_song
from composer_app.music.song import PPQ
from tests.models.musicvae.magenta_data import data_path, golden

NAMES = ["groovae4_tiny", "groovae_hits_tiny", "groovae_tap_tiny", "groovae_closed_hh_tiny"]


@pytest.fixture(scope="module", params=NAMES)
def case(request):
    g = golden(request.param)
    return request.param, MusicVae.load(data_path(request.param + ".tar")), g


def controls_of(g: dict, which) -> np.ndarray | None:
    """The controls [n, T, 9] of the inputs `which` (indices), or None for a model without controls."""
    if not g["converter"]["control_depth"]:
        return None
    return np.asarray([g["input_controls"][k]["value"] for k in which], np.float32)


def decode_controls(g: dict) -> np.ndarray | None:
    """The controls of each golden z [3, T, 9]: z[k] was decoded with input k's hits (see the fixture's README)."""
    return controls_of(g, range(len(g["z"])))


def test_the_checkpoint_takes_its_config_as_asked_with_magentas_variables(case):
    """The tensors fit the config (hits control is found alone; groovae_4bar only when asked, its weights being
    the 2-bar GrooVAE's) and Magenta saved exactly the layout's variables."""
    _, model, g = case
    hp = g["hparams_full"]
    control = g["converter"]["control_depth"]
    assert detect_config(model.weights, g["config"]).id == g["config"]
    if control:
        assert detect_config(model.weights).id == g["config"]
    else:
        assert detect_config(model.weights).id == "groovae_2bar_humanize"
    assert model.control_depth == control
    saved = {n: tuple(s) for n, s in g["variables"]
             if not n.endswith(("/Adam", "/Adam_1")) and n not in ("beta1_power", "beta2_power", "global_step")}
    assert magenta_shapes((27, 27), hp["z_size"], hp["enc_rnn_size"], hp["dec_rnn_size"], False, 0, control) == saved


@pytest.mark.parametrize("k", [0, 1, 2])
def test_reading_the_inputs_gives_magentas_tensors_and_controls(case, k):
    """Each NAME_in{k}.mid gives one window: Magenta's [T, 27] input (to 1e-6) and, for hits control, its hits
    as the controls exactly."""
    name, _, g = case
    windows = get_config(g["config"]).converter().to_windows(read_song(data_path(f"{name}_in{k}.mid")))
    assert len(windows) == 1 and windows.lengths == (g["input_lengths"][k],)
    np.testing.assert_allclose(windows.inputs[0], g["input_tensors"][k]["value"], atol=1e-6, rtol=0)
    if g["converter"]["control_depth"]:
        assert windows.controls[0].astype(int).tolist() == g["input_controls"][k]["value"]
    else:
        assert windows.controls is None


def test_encode_matches_magentas_mu_and_sigma(case):
    """The encoder (reading the controls after the inputs for hits control) gives Magenta's mu and sigma to 1e-5."""
    _, model, g = case
    x = np.asarray([t["value"] for t in g["input_tensors"]], np.float32)
    mu, sigma = model.encode(x, g["input_lengths"], controls_of(g, range(len(x))))
    np.testing.assert_allclose(mu, g["mu"], atol=1e-5, rtol=0)
    np.testing.assert_allclose(sigma, g["sigma"], atol=1e-5, rtol=0)


def test_decoder_rnn_output_matches_magenta(case):
    """The output projection along the decoded path of z[0] equals Magenta's rnn_output to 1e-5."""
    _, model, g = case
    controls = decode_controls(g)
    out = decoder.decode_groove(model.weights.decoder, np.asarray(g["z"][:1], np.float32), g["max_seq_len"],
                                controls=None if controls is None else controls[:1])
    expected = np.asarray(g["decode_rnn_output_z0"]["value"], np.float32)
    np.testing.assert_allclose(out.logits[0, :len(expected)], expected, atol=1e-5, rtol=0)


def test_decoded_tensors_and_notes_match_magenta(case):
    """At temperature 0 the hits of the three z are Magenta's exactly, velocities and offsets to 1e-5, and the
    notes (pitch, velocity, times to 1e-6) are its notes."""
    _, model, g = case
    out = model.decode_groove(np.asarray(g["z"], np.float32), g["max_seq_len"], 0, controls=decode_controls(g))
    conv = get_config(g["config"]).converter()
    for row, want, notes in zip(out, g["decode_tensors"], g["decode"], strict=True):
        assert row[:, :9].astype(int).tolist() == want["hits"]
        np.testing.assert_allclose(row[:, 9:18], want["velocities"], atol=1e-5, rtol=0)
        np.testing.assert_allclose(row[:, 18:], want["offsets"], atol=1e-5, rtol=0)
        rows = conv.note_rows(row)
        assert [r[:2] for r in rows] == [n[:2] for n in notes]
        np.testing.assert_allclose([r[2:4] for r in rows], [n[2:4] for n in notes], atol=1e-6, rtol=0)


def test_interpolation_matches_magenta(case):
    """slerp between the inputs' mu gives Magenta's z to 1e-5 and decodes to its hits exactly."""
    _, model, g = case
    a, b = g["interpolate"]["between"]
    x = np.asarray([t["value"] for t in g["input_tensors"]], np.float32)
    mu, _ = model.encode(x, g["input_lengths"], controls_of(g, range(len(x))))
    z = interpolate(mu[a], mu[b], g["interpolate"]["num_steps"])
    np.testing.assert_allclose(z, g["interpolate"]["z"], atol=1e-5, rtol=0)
    source = g["interpolate"].get("controls_from")
    controls = None if source is None else controls_of(g, [source])[0]
    out = model.decode_groove(z, g["max_seq_len"], 0, controls=controls)
    assert [row[:, :9].astype(int).tolist() for row in out] == [t["hits"] for t in g["interpolate"]["tensors"]]


def test_regrooving_an_input_is_magentas_decode_of_its_mu(case):
    """`regroove` of input `a` (one window) writes the notes Magenta decodes from mu[a] (the interpolation's first
    step), at the input's own grid: pitch and velocity exact, start within a tick."""
    name, model, g = case
    a = g["interpolate"]["between"][0]
    if g["interpolate"].get("controls_from", a) != a:
        pytest.skip("the interpolation of this fixture decodes with another input's hits")
    song = read_song(data_path(f"{name}_in{a}.mid"))
    result = regroove(model, get_config(g["config"]), song, temperature=0)
    assert result.windows == 1
    got = sorted((n.start, n.pitch, n.velocity) for t in result.song.tracks if t.is_drum for n in t.notes)
    seconds_to_ticks = 120.0 / 60.0 * PPQ  # Magenta writes its notes at 120 qpm
    want = sorted((max(0, round(s * seconds_to_ticks)), p, max(1, v)) for p, v, s, *_ in g["interpolate"]["notes"][0])
    assert [r[1:] for r in got] == [r[1:] for r in want]
    assert max(abs(x[0] - y[0]) for x, y in zip(got, want)) <= 1
