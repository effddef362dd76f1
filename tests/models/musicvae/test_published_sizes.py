"""Magenta's published MusicVAE checkpoints, by their variable names and shapes, load and are recognised.

The sizes are the hparams of magenta/models/music_vae/configs.py (Magenta 2.1.4); the names and the kernel layouts
are those Magenta's graph writes (see the fixtures' README). The tensors are zero views of one scalar, so the test
allocates almost nothing although cat-mel_2bar_big alone has about 134 million weights.
"""

import json

import numpy as np
import pytest

from composer_app.models.musicvae.checkpoint import WeightTensors, weights_from
from composer_app.models.musicvae.configs import detect_config
from composer_app.models.musicvae.inspect import describe_weights
from composer_app.models.musicvae.layout import magenta_shapes
from composer_app.models.musicvae.model import MusicVae
from tests.conftest import shared_path

MELODY = (90, 90)  # one-hot melody classes in and out
DRUMS = (10, 512)  # the drum roll (9 classes + no-event bit) in, 2^9 drum combinations out
NADE_REDUCED = (10, 9)  # the same roll in, its 9 classes out (multi-label, through a NADE)
NADE_FULL = (62, 61)  # FULL_DRUM_PITCH_CLASSES: 61 classes
GROOVE = (27, 27)  # hits, velocities, offsets of 9 drums
TRIO = (692, 692)  # melody 90 + bass 90 + drums 512 one-hots, in and out
TRIO_PARTS = (90, 90, 512)  # hierdec-trio's split core decoders

# config: (converter depths, z_size, enc_rnn_size, dec_rnn_size, hierarchical[, nade_num_hidden, control depth,
# split core decoder depths])
PUBLISHED = {
    "cat-mel_2bar_small": (MELODY, 256, [512], [256, 256], False),
    "cat-mel_2bar_big": (MELODY, 512, [2048], [2048, 2048, 2048], False),
    "hierdec-mel_16bar": (MELODY, 512, [2048, 2048], [1024, 1024], True),
    "cat-drums_2bar_small": (DRUMS, 256, [512], [256, 256], False),
    "cat-drums_2bar_big": (DRUMS, 512, [2048], [2048, 2048, 2048], False),
    "nade-drums_2bar_reduced": (NADE_REDUCED, 256, [1024], [512, 512], False, 128),
    "nade-drums_2bar_full": (NADE_FULL, 256, [1024], [512, 512], False, 128),
    "groovae_2bar_humanize": (GROOVE, 256, [512], [256, 256], False),
    "groovae_2bar_hits_control_tfds": (GROOVE, 256, [512], [256, 256], False, 0, 9),
    "flat-trio_16bar": (TRIO, 512, [2048, 2048], [2048, 2048, 2048], False),
    "hierdec-trio_16bar": (TRIO, 512, [2048, 2048], [1024, 1024], True, 0, 0, TRIO_PARTS),
}


def zero_tensors(shapes: dict[str, tuple]) -> dict[str, np.ndarray]:
    return {name: np.broadcast_to(np.float32(0), shape) for name, shape in shapes.items()}


@pytest.mark.parametrize("config_id", list(PUBLISHED))
def test_published_shapes_load_and_detect_their_config(config_id):
    depths, z, enc, dec, hierarchical, nade, controls, split = (*PUBLISHED[config_id], 0, 0, ())[:8]
    shapes = magenta_shapes(*PUBLISHED[config_id])
    weights = weights_from(WeightTensors(config_id, zero_tensors(shapes)))
    config = detect_config(weights)
    assert config.id == config_id
    assert (config.z_size, list(config.enc_rnn_size), list(config.dec_rnn_size)) == (z, enc, dec)
    assert config.nade_hidden == nade
    info = describe_weights(weights)
    assert info["config"] == config_id
    assert (info["z_size"], info["encoder_sizes"], info["decoder_sizes"]) == (z, enc, dec)
    # The encoder reads the controls after the converter's inputs.
    assert (info["input_depth"], info["output_depth"]) == (depths[0] + controls, depths[1])
    assert (info["nade_hidden"] or 0, info["control_depth"]) == (nade, controls)
    assert info["conductor_sizes"] == (dec if hierarchical else None)
    assert info["layout"] == ("hierarchical" if hierarchical else "flat")
    assert info["core_decoders"] == (len(split) if split else 1)
    assert info["output_parts"] == list(TRIO_PARTS if depths == TRIO else depths[1:])
    model = MusicVae(weights)
    assert (model.z_size, model.input_depth, model.output_depth, model.hierarchical) == (
        z, depths[0] + controls, depths[1], hierarchical)


def test_nade_checkpoints_hold_magentas_nade_variables():
    """The NADE's weights sit under decoder/nade ([dims, 1, hidden] and [dims, hidden, 1]); the projection
    gives hidden + dims biases a step, and the first cell reads the 9 previous bits and z."""
    shapes = magenta_shapes(*PUBLISHED["nade-drums_2bar_reduced"])
    assert shapes["decoder/nade/w_enc"] == (9, 1, 128) and shapes["decoder/nade/w_dec_t"] == (9, 128, 1)
    assert shapes["decoder/output_projection/kernel"] == (512, 128 + 9)
    assert shapes["decoder/multi_rnn_cell/cell_0/lstm_cell/kernel"] == (9 + 256 + 512, 2048)
    assert shapes["encoder/cell_0/bidirectional_rnn/fw/multi_rnn_cell/cell_0/lstm_cell/kernel"] == (10 + 1024, 4096)


def test_hits_control_reads_the_hits_in_the_encoder_and_at_every_decoder_step():
    """groovae_2bar_hits_control: the encoder reads 27 + 9 columns, the decoder's first cell 27 + z + 9."""
    shapes = magenta_shapes(*PUBLISHED["groovae_2bar_hits_control_tfds"])
    assert shapes["encoder/cell_0/bidirectional_rnn/fw/multi_rnn_cell/cell_0/lstm_cell/kernel"] == (36 + 512, 2048)
    assert shapes["decoder/multi_rnn_cell/cell_0/lstm_cell/kernel"] == (27 + 256 + 9 + 256, 1024)


def test_groovae_4bar_cannot_be_told_from_the_2bar_models():
    """groovae_4bar's weights are the 2-bar GrooVAE's: detected as groovae_2bar_humanize, taken as asked, and
    inspect names the others it could be."""
    weights = weights_from(WeightTensors("g", zero_tensors(magenta_shapes(*PUBLISHED["groovae_2bar_humanize"]))))
    assert detect_config(weights).id == "groovae_2bar_humanize"
    assert detect_config(weights, "groovae_4bar").max_seq_len == 64
    assert "groovae_4bar" in describe_weights(weights)["also_fits"]
    assert "groovae_2bar_hits_control_tfds" not in describe_weights(weights)["also_fits"]


@pytest.mark.parametrize("name, config_id", [("mel2bar_tiny", "cat-mel_2bar_small"),
                                            ("drums2bar_tiny", "cat-drums_2bar_small"),
                                            ("hierdec_mel16_tiny", "hierdec-mel_16bar")])
def test_the_names_and_shapes_are_those_magenta_wrote(name, config_id):
    """At the fixtures' sizes (z 16, layers of 32) the layout is exactly the variables Magenta's training saved."""
    depths, _, enc, dec, hierarchical = PUBLISHED[config_id]
    shapes = magenta_shapes(depths, 16, [32] * len(enc), [32] * len(dec), hierarchical)
    golden = json.loads(shared_path("fixtures", "magenta-vae", name + ".json").read_text())
    saved = {n: tuple(s) for n, s in golden["variables"]
             if not n.endswith(("/Adam", "/Adam_1")) and n not in ("beta1_power", "beta2_power", "global_step")}
    assert shapes == saved


def test_cat_mel_2bar_big_weighs_about_half_a_gigabyte():
    shapes = magenta_shapes(*PUBLISHED["cat-mel_2bar_big"])
    assert sum(int(np.prod(s)) for s in shapes.values()) == 134_571_098


def test_big_and_small_are_told_apart_only_by_sizes():
    """The same names with small sizes are the small config; asking for the big one of it is allowed."""
    small = weights_from(WeightTensors("s", zero_tensors(magenta_shapes(*PUBLISHED["cat-mel_2bar_small"]))))
    assert detect_config(small).id == "cat-mel_2bar_small"
    assert detect_config(small, "cat-mel_2bar_big").id == "cat-mel_2bar_big"


def test_published_trio_decoders():
    """flat-trio's one decoder reads the three one-hots and z; each of hierdec-trio's reads its part and the
    conductor's 1024 outputs, and starts from them."""
    flat = magenta_shapes(*PUBLISHED["flat-trio_16bar"])
    assert flat["decoder/multi_rnn_cell/cell_0/lstm_cell/kernel"] == (692 + 512 + 2048, 4 * 2048)
    assert flat["decoder/output_projection/kernel"] == (2048, 692)
    hier = magenta_shapes(*PUBLISHED["hierdec-trio_16bar"])
    for k, depth in enumerate(TRIO_PARTS):
        scope = f"core_decoder/core_decoder_{k}/decoder"
        assert hier[f"{scope}/multi_rnn_cell/cell_0/lstm_cell/kernel"] == (depth + 1024 + 1024, 4 * 1024)
        assert hier[f"{scope}/z_to_initial_state/kernel"] == (1024, 4 * 1024)
        assert hier[f"{scope}/output_projection/kernel"] == (1024, depth)
    assert not any(name.startswith("core_decoder/decoder/") for name in hier)


def test_published_drums_decoder_reads_512_outputs_plus_z():
    depths, z, enc, dec, hierarchical = PUBLISHED["cat-drums_2bar_small"]
    shapes = magenta_shapes(depths, z, enc, dec, hierarchical)
    assert shapes["decoder/multi_rnn_cell/cell_0/lstm_cell/kernel"] == (512 + 256 + 256, 1024)
    assert shapes["encoder/cell_0/bidirectional_rnn/fw/multi_rnn_cell/cell_0/lstm_cell/kernel"] == (10 + 512, 2048)
    assert shapes["decoder/output_projection/kernel"] == (256, 512)
