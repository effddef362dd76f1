"""MusicVAE's NADE drum configs: the roll-output converter, the NADE decoder and how its checkpoints are told."""

import numpy as np
import pytest

from composer_app.models.engine.layers import dense, lstm_cell
from composer_app.models.engine.nade import nade_sample
from composer_app.models.errors import BundleError, GenerationError
from composer_app.models.musicvae.checkpoint import WeightTensors, weights_from
from composer_app.models.musicvae.configs import ConfigMismatchError, detect_config, get_config
from composer_app.models.musicvae.decoder import initial_state
from composer_app.music.song import PPQ, Note, Song, TempoChange, drum_track
from tests.models.musicvae.conftest import random_tensors, random_vae

CONFIGS = ["nade-drums_2bar_reduced", "nade-drums_2bar_full"]


def drums(hits) -> Song:
    """Two bars of 16ths: hits[k] is the list of pitches on step k (cycled)."""
    notes = [Note(s * PPQ // 4, p, PPQ // 4, 100) for s in range(32) for p in hits[s % len(hits)]]
    return Song(tracks=(drum_track("Drums", notes),), tempos=(TempoChange(0, 120.0),))


@pytest.mark.parametrize("config_id, classes", [(CONFIGS[0], 9), (CONFIGS[1], 61)])
def test_the_converter_rolls_in_and_out(config_id, classes):
    """Input: a roll of the classes plus the NOR bit; output depth: the classes themselves (no 2^n one-hot)."""
    conv = get_config(config_id).converter()
    assert (conv.input_depth, conv.output_depth, conv.roll_output) == (classes + 1, classes, True)
    windows = conv.to_windows(drums([[36, 42], [], [38], [35]]))
    roll = windows.inputs[0]
    assert roll.shape == (32, classes + 1)
    assert roll[1].tolist() == [0] * classes + [1]
    assert roll[0, conv.pitch_class[36]] == roll[0, conv.pitch_class[42]] == 1 and roll[0].sum() == 2


def test_the_full_map_keeps_every_general_midi_drum_apart():
    """35 and 36 share the kick class in the reduced map but are classes 1 and 0 of the full one."""
    full, reduced = (get_config(c).converter() for c in reversed(CONFIGS))
    assert (full.pitch_class[36], full.pitch_class[35]) == (0, 1)
    assert reduced.pitch_class[36] == reduced.pitch_class[35] == 0
    assert len(full.pitch_class) == 61 and full.pitch_classes[60] == (82,)


def test_pitches_outside_the_map_are_left_out_not_a_key_error():
    """A drum pitch the full map lacks (25) is skipped, as Magenta skips it; the rest still converts."""
    windows = get_config(CONFIGS[1]).converter().to_windows(drums([[25, 36], [25]]))
    assert windows.inputs[0][:, 0].sum() == 16 and windows.inputs[0][1, -1] == 1


def test_a_decoded_roll_becomes_the_class_exemplars_at_velocity_80():
    """Row bits k are drum class k, written as the class's first pitch, one 16th long, velocity 80, 120 qpm."""
    conv = get_config(CONFIGS[0]).converter()
    roll = np.zeros((32, 9), np.float32)
    roll[0, [0, 2]] = 1
    roll[5, 1] = 1
    notes = conv.to_song(roll).tracks[0].notes
    assert [(n.start, n.pitch, n.duration, n.velocity) for n in notes] == [
        (0, 36, 240, 80), (0, 42, 240, 80), (5 * 240, 38, 240, 80)]


@pytest.mark.parametrize("config_id", CONFIGS)
def test_the_checkpoint_is_detected_by_its_depths_and_nade(config_id):
    """A NADE checkpoint of either map is its config; a categorical drum config is refused for it."""
    model = random_vae(config_id)
    assert model.nade and detect_config(model.weights).id == config_id
    assert model.output_depth == get_config(config_id).converter().output_depth
    with pytest.raises(ConfigMismatchError, match=config_id):
        detect_config(model.weights, "cat-drums_2bar_small")


def test_a_projection_too_narrow_for_the_nade_is_named():
    """The output projection must give hidden + dims biases; a wrong width names the tensor."""
    tensors = random_tensors(CONFIGS[0])
    tensors["decoder/output_projection/kernel"] = tensors["decoder/output_projection/kernel"][:, :20]
    tensors["decoder/output_projection/bias"] = tensors["decoder/output_projection/bias"][:20]
    with pytest.raises(BundleError, match="output_projection/kernel' has shape"):
        weights_from(WeightTensors("narrow.tar", tensors))


def test_each_step_reads_the_previous_rows_bits_and_z():
    """The decode equals a hand-run of Magenta's graph: LSTM stack on [previous bits, z], projection split into
    [NADE encoder bias, decoder bias], the NADE's bits fed to the next step."""
    model = random_vae(CONFIGS[0], seed=3)
    z = np.random.default_rng(1).standard_normal((2, 8)).astype(np.float32)
    out = model.decode_nade(z, 6, temperature=0)
    w = model.weights.decoder
    state = initial_state(w.z_to_initial_state, w.cells, z)
    previous = np.zeros((2, 9), np.float32)
    for t in range(6):
        x = np.concatenate([previous, z], axis=1)
        for k, cell in enumerate(w.cells):
            state[k] = lstm_cell(x, *state[k], cell.kernel, cell.bias)
            x = state[k][1]
        projection = dense(x, w.output_projection.kernel, w.output_projection.bias)
        previous = nade_sample(projection[:, :12], projection[:, 12:], w.nade.w_enc, w.nade.w_dec_t)[0]
        assert (out[:, t] == previous).all()
    assert out.any() and not out.all()


def test_sampling_is_seeded_and_the_categorical_decode_is_refused():
    """decode_nade repeats for a seed and differs across seeds; decode (categorical) refuses a NADE model."""
    model = random_vae(CONFIGS[1], seed=2)
    z = np.random.default_rng(0).standard_normal((4, 8)).astype(np.float32)
    a = model.decode_nade(z, 32, 1.0, np.random.default_rng(5))
    assert a.shape == (4, 32, 61) and set(np.unique(a)) <= {0.0, 1.0}
    assert (a == model.decode_nade(z, 32, 1.0, np.random.default_rng(5))).all()
    assert (a != model.decode_nade(z, 32, 1.0, np.random.default_rng(6))).any()
    with pytest.raises(GenerationError, match="not categorical"):
        model.decode(z, 32)
    with pytest.raises(GenerationError, match="no NADE"):
        random_vae("cat-drums_2bar_small").decode_nade(z, 32)
