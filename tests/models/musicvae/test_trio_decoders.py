"""The trio decoders on hand-built tiny weights: flat-trio's multi-output decoder and hierdec-trio's split one,
their config detection and their sampling."""

import numpy as np
import pytest

from composer_app.models.engine.layers import dense, lstm_cell
from composer_app.models.errors import BundleError, GenerationError
from composer_app.models.musicvae import decoder
from composer_app.models.musicvae.checkpoint import SplitDecoderWeights, WeightTensors, weights_from
from composer_app.models.musicvae.configs import ConfigMismatchError, detect_config
from composer_app.models.musicvae.inspect import describe_weights
from composer_app.models.musicvae.model import MusicVae
from tests.models.musicvae.conftest import random_tensors, random_vae

TRIO_PARTS = (90, 90, 512)

Z = np.random.default_rng(11).normal(size=(3, 8)).astype(np.float32)


def trio(hierarchical: bool):
    """Random weights of flat-trio or hierdec-trio (z 8, layers of 16)."""
    return random_vae("hierdec-trio_16bar" if hierarchical else "flat-trio_16bar").weights


def reference_flat(weights, z, steps):
    """flat-trio written out densely: each step reads [one-hot melody, one-hot bass, one-hot drums, z]."""
    bounds = np.cumsum((0, *TRIO_PARTS))
    state = decoder.initial_state(weights.z_to_initial_state, weights.cells, z)
    previous = np.zeros((len(z), bounds[-1]), np.float32)
    rows, all_logits = [], []
    for _ in range(steps):
        x = np.concatenate([previous, z], axis=1)
        for k, cell in enumerate(weights.cells):
            state[k] = lstm_cell(x, *state[k], cell.kernel, cell.bias)
            x = state[k][1]
        logits = dense(x, weights.output_projection.kernel, weights.output_projection.bias)
        chosen = np.stack([logits[:, a:b].argmax(axis=1) for a, b in zip(bounds, bounds[1:])], axis=1)
        previous = np.zeros_like(previous)
        for part, start in enumerate(bounds[:-1]):
            previous[np.arange(len(z)), start + chosen[:, part]] = 1.0
        rows.append(chosen)
        all_logits.append(logits)
    return np.stack(rows, axis=1), np.stack(all_logits, axis=1)


def test_flat_trio_samples_each_part_and_feeds_back_the_three_one_hots():
    """The multi-output decoder equals the dense reference: logits split 90/90/512, argmax per part."""
    weights = trio(False).decoder
    out = decoder.decode_multi(weights, Z, 40, TRIO_PARTS)
    classes, logits = reference_flat(weights, Z, 40)
    assert out.classes.shape == (3, 40, 3)
    np.testing.assert_array_equal(out.classes, classes)
    np.testing.assert_allclose(out.logits, logits, atol=1e-5, rtol=0)
    assert len({tuple(row) for row in out.classes[0].tolist()}) > 3  # the weights do not decode one constant step


def test_hierdec_trio_parts_are_independent_hierarchical_decoders():
    """Each part of the split decoder is its own core decoder on the shared conductor output: its classes are
    those of a hierarchical decoder with that part's weights alone, and the logits sit side by side."""
    weights = trio(True)
    assert isinstance(weights.decoder, SplitDecoderWeights) and weights.decoder.output_depths == TRIO_PARTS
    out = decoder.decode_hierarchical(weights.conductor, weights.decoder, Z, 4, 16)
    assert out.classes.shape == (3, 64, 3) and out.logits.shape == (3, 64, 692)
    bounds = np.cumsum((0, *TRIO_PARTS))
    for k, part in enumerate(weights.decoder.parts):
        alone = decoder.decode_hierarchical(weights.conductor, part, Z, 4, 16)
        np.testing.assert_array_equal(out.classes[:, :, k], alone.classes)
        np.testing.assert_allclose(out.logits[:, :, bounds[k]:bounds[k + 1]], alone.logits, atol=0, rtol=0)


@pytest.mark.parametrize("hierarchical", [False, True])
def test_model_decode_gives_per_step_melody_bass_drums(hierarchical):
    """MusicVae.decode of a trio is [batch, length, 3]; at temperature 0 the argmax path, seeded sampling repeats
    and a tiny temperature gives the argmax decode."""
    model = MusicVae(trio(hierarchical))
    cold = model.decode(Z, 256, temperature=0)
    assert cold.shape == (3, 256, 3)
    assert (cold.max(axis=(0, 1)) < np.array(TRIO_PARTS)).all()
    first = model.decode(Z, 48, temperature=1.0, rng=np.random.default_rng(4))
    assert np.array_equal(first, model.decode(Z, 48, temperature=1.0, rng=np.random.default_rng(4)))
    assert not np.array_equal(first, model.decode(Z, 48, temperature=1.0, rng=np.random.default_rng(5)))
    assert np.array_equal(model.decode(Z, 48, temperature=1e-7, rng=np.random.default_rng(0)), cold[:, :48])
    assert np.array_equal(model.decode(Z, 20, temperature=0), cold[:, :20])


def test_hierdec_trio_refuses_more_than_its_16_bars():
    with pytest.raises(GenerationError, match="1 to 256 steps"):
        MusicVae(trio(True)).decode(Z, 257, temperature=0)


@pytest.mark.parametrize("hierarchical, config_id", [(False, "flat-trio_16bar"), (True, "hierdec-trio_16bar")])
def test_trio_checkpoints_are_recognised_and_a_wrong_config_named(hierarchical, config_id):
    """Depth 692 in and out makes a trio; the conductor makes it hierdec; asking for another config names both."""
    weights = trio(hierarchical)
    assert detect_config(weights).id == config_id
    assert detect_config(weights, config_id).id == config_id
    other = "hierdec-mel_16bar" if hierarchical else "hierdec-trio_16bar"
    with pytest.raises(ConfigMismatchError, match=f"{config_id} checkpoint, not {other}"):
        detect_config(weights, other)
    info = describe_weights(weights)
    assert info["output_parts"] == list(TRIO_PARTS)
    assert info["core_decoders"] == (3 if hierarchical else 1)


def test_a_hierarchical_trio_without_split_decoders_is_not_a_magenta_config():
    """A conductor over one 692-deep core decoder, or split parts of other depths, fit no config."""
    rng = np.random.default_rng(0)
    from composer_app.models.musicvae.layout import magenta_shapes

    one_core = magenta_shapes((692, 692), 8, [12], [10, 10], True)
    weights = weights_from(WeightTensors("x.tar", {n: rng.normal(size=s).astype(np.float32)
                                                   for n, s in one_core.items()}))
    with pytest.raises(BundleError, match="one core decoder"):
        detect_config(weights)
    swapped = magenta_shapes((692, 692), 8, [12], [10, 10], True, split=(512, 90, 90))
    weights = weights_from(WeightTensors("x.tar", {n: rng.normal(size=s).astype(np.float32)
                                                   for n, s in swapped.items()}))
    with pytest.raises(BundleError, match=r"depths \[512, 90, 90\]"):
        detect_config(weights)


def test_split_core_decoders_of_different_sizes_are_refused():
    """Magenta builds every part from dec_rnn_size; a checkpoint whose parts differ names the odd one."""
    from composer_app.models.musicvae import layout

    tensors = {n: v for n, v in random_tensors("hierdec-trio_16bar").items()
               if not n.startswith("core_decoder/core_decoder_1/")}
    # Part 1 reads the conductor's 16 outputs like the others, but with layers of 16 and 6 units.
    tensors |= {n: np.zeros(s, np.float32)
                for n, s in layout.decoder("core_decoder/core_decoder_1/decoder", 16, 90, [16, 6]).items()}
    with pytest.raises(BundleError, match="core decoder 1 has layers of \\[16, 6\\] units"):
        weights_from(WeightTensors("x.tar", tensors))
