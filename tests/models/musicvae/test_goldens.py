"""MusicVAE on the numpy engine against Magenta's own outputs for its tiny mel2bar, drums2bar and hierdec checkpoints."""

import json

import numpy as np
import pytest

from composer_app.models.musicvae import decoder
from composer_app.models.musicvae.model import MusicVae, interpolate
from tests.conftest import shared_path

NAMES = ["mel2bar_tiny", "drums2bar_tiny", "hierdec_mel16_tiny"]


def fixture(name: str) -> tuple[MusicVae, dict]:
    golden = json.loads(shared_path("fixtures", "magenta-vae", name + ".json").read_text())
    return MusicVae.load(shared_path("fixtures", "magenta-vae", name + ".tar")), golden


def input_tensors(golden: dict) -> np.ndarray:
    """The encoder inputs: melodies are stored as the argmax class per step, drums as the roll itself."""
    values = [np.asarray(t["value"]) for t in golden["input_tensors"]]
    if values[0].ndim == 1:
        depth = golden["converter"]["input_depth"]
        return np.stack([np.eye(depth, dtype=np.float32)[v] for v in values])
    return np.stack(values).astype(np.float32)


@pytest.fixture(scope="module", params=NAMES)
def case(request):
    return fixture(request.param)


def test_sizes_come_from_the_tensors(case):
    """z size, input and output depth are read from the checkpoint and agree with Magenta's converter."""
    model, golden = case
    assert model.z_size == golden["hparams_full"]["z_size"]
    assert model.input_depth == golden["converter"]["input_depth"]
    assert model.output_depth == golden["converter"]["output_depth"]
    assert [fw.units for fw, _ in model.weights.encoder.layers] == golden["hparams_full"]["enc_rnn_size"]
    assert [c.units for c in model.weights.decoder.cells] == golden["hparams_full"]["dec_rnn_size"]


def test_encode_matches_magentas_mu_and_sigma(case):
    """The bidirectional encoder gives Magenta's mu and softplus sigma to 1e-5."""
    model, golden = case
    mu, sigma = model.encode(input_tensors(golden), golden["input_lengths"])
    np.testing.assert_allclose(mu, golden["mu"], atol=1e-5, rtol=0)
    np.testing.assert_allclose(sigma, golden["sigma"], atol=1e-5, rtol=0)


def test_encode_honours_lengths(case):
    """Steps past a row's length do not change its encoding (dynamic_rnn stops there, both directions)."""
    model, golden = case
    x = input_tensors(golden)[:1]
    short = model.encode(x[:, :20], [20])
    padded = np.concatenate([x[:, :20], np.ones_like(x[:, 20:])], axis=1)
    np.testing.assert_allclose(model.encode(padded, [20])[0], short[0], atol=1e-6)
    assert not np.allclose(model.encode(padded, [32])[0], short[0], atol=1e-3)


def test_decoder_rnn_output_matches_magenta(case):
    """The decoder's pre-softmax output for z[0] along the argmax path equals Magenta's to 1e-5."""
    model, golden = case
    z = np.asarray(golden["z"], np.float32)
    if model.hierarchical:
        out = decoder.decode_hierarchical(model.weights.conductor, model.weights.decoder, z, *model.level_lengths)
    else:
        out = decoder.decode(model.weights.decoder, z, golden["max_seq_len"])
    expected = np.asarray(golden["decode_rnn_output_z0"]["value"], np.float32)
    np.testing.assert_allclose(out.logits[0, :len(expected)], expected, atol=1e-5, rtol=0)


def test_argmax_decode_matches_magentas_classes(case):
    """Decoding the three golden z at temperature 0 gives exactly Magenta's classes (drums: 512-way, bit k = class k)."""
    model, golden = case
    classes = model.decode(np.asarray(golden["z"], np.float32), golden["max_seq_len"], temperature=0)
    assert classes.tolist() == golden["decode_tensors"]


def test_drum_classes_are_bit_sets_of_the_decoded_notes():
    """A decoded 512-way drum class has bit k set exactly when Magenta's decoded notes hold drum class k."""
    model, golden = fixture("drums2bar_tiny")
    pitches = [36, 38, 42, 46, 45, 48, 50, 49, 51]
    classes = model.decode(np.asarray(golden["z"], np.float32), golden["max_seq_len"], temperature=0)
    for row, notes in zip(classes, golden["decode"]):
        hits = {(round(n[2] / 0.125), pitches.index(n[0])) for n in notes}
        assert hits == {(t, k) for t, c in enumerate(row) for k in range(9) if c >> k & 1}


def test_sampling_is_seeded_and_cold_sampling_is_argmax():
    """Sampling repeats for a seed, differs across seeds, and at a tiny temperature gives the argmax decode."""
    model, golden = fixture("mel2bar_tiny")
    z = np.asarray(golden["z"], np.float32)
    first = model.decode(z, 32, temperature=1.0, rng=np.random.default_rng(7))
    assert (first == model.decode(z, 32, temperature=1.0, rng=np.random.default_rng(7))).all()
    assert (first != model.decode(z, 32, temperature=1.0, rng=np.random.default_rng(8))).any()
    assert model.decode(z, 32, temperature=1e-6, rng=np.random.default_rng(0)).tolist() == golden["decode_tensors"]


@pytest.mark.parametrize("name", ["mel2bar_tiny", "hierdec_mel16_tiny"])
def test_interpolation_matches_magentas_slerp_and_decodes(name):
    """slerp between the encoded mu of inputs 0 and 1 gives Magenta's 5 z (endpoints included) and its classes."""
    model, golden = fixture(name)
    a, b = golden["interpolate"]["between"]
    mu, _ = model.encode(input_tensors(golden), golden["input_lengths"])
    z = interpolate(mu[a], mu[b], golden["interpolate"]["num_steps"])
    np.testing.assert_allclose(z, golden["interpolate"]["z"], atol=1e-5, rtol=0)
    np.testing.assert_allclose(z[[0, -1]], mu[[a, b]], atol=1e-6, rtol=0)
    assert model.decode(z, golden["max_seq_len"], temperature=0).tolist() == golden["interpolate"]["tensors"]


def test_hierarchical_decode_prefix_and_limits():
    """A shorter hierdec decode is the prefix of the full one; beyond the conductor's 16 bars it is refused."""
    from composer_app.models.errors import GenerationError

    model, golden = fixture("hierdec_mel16_tiny")
    z = np.asarray(golden["z"], np.float32)
    assert model.decode(z, 40, temperature=0).tolist() == [row[:40] for row in golden["decode_tensors"]]
    with pytest.raises(GenerationError, match="1 to 256 steps"):
        model.decode(z, 257, temperature=0)
