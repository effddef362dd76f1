"""GrooVAE (Magenta's GrooveConverter and GrooveLstmDecoder) against Magenta's groovae_humanize_tiny outputs."""

import json

import numpy as np
import pytest

from composer_app.models.errors import GenerationError
from composer_app.models.musicvae import decoder
from composer_app.models.musicvae.configs import ConfigMismatchError, detect_config, get_config
from composer_app.models.musicvae.converters import NoMusicError
from composer_app.models.musicvae.groove import GrooveConverter
from composer_app.models.musicvae.model import MusicVae
from composer_app.music.io import read_song
from composer_app.music.song import PPQ, Note, Song, TempoChange, drum_track
from tests.conftest import shared_path

NAME = "groovae_humanize_tiny"


def fixture(name: str):
    return shared_path("fixtures", "magenta-vae", name)


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(fixture(NAME + ".json").read_text())


@pytest.fixture(scope="module")
def model() -> MusicVae:
    return MusicVae.load(fixture(NAME + ".tar"))


def song(k: int) -> Song:
    return read_song(fixture(f"{NAME}_in{k}.mid"))


def humanize() -> GrooveConverter:
    return get_config("groovae_2bar_humanize").converter()


def test_the_checkpoint_is_detected_as_groovae_humanize(model):
    """A 27-in, 27-out checkpoint is groovae_2bar_humanize; another GrooVAE variant is taken as asked."""
    assert detect_config(model.weights).id == "groovae_2bar_humanize"
    assert detect_config(model.weights, "groovae_2bar_tap_fixed_velocity").id == "groovae_2bar_tap_fixed_velocity"
    with pytest.raises(ConfigMismatchError):
        detect_config(model.weights, "cat-drums_2bar_small")


def test_decoder_rnn_output_matches_magenta(model, golden):
    """The output projection along the decoded path of z[0] equals Magenta's rnn_output to 1e-5."""
    out = decoder.decode_groove(model.weights.decoder, np.asarray(golden["z"][:1], np.float32), 32)
    np.testing.assert_allclose(out.logits[0], golden["decode_rnn_output_z0"]["value"], atol=1e-5, rtol=0)


def test_decoded_tensors_match_magenta(model, golden):
    """At temperature 0 the hits equal Magenta's exactly, velocities and offsets to 1e-5, for the three z."""
    out = model.decode_groove(np.asarray(golden["z"], np.float32), 32, temperature=0)
    for row, want in zip(out, golden["decode_tensors"]):
        np.testing.assert_array_equal(row[:, :9], want["hits"])
        np.testing.assert_allclose(row[:, 9:18], want["velocities"], atol=1e-5, rtol=0)
        np.testing.assert_allclose(row[:, 18:], want["offsets"], atol=1e-5, rtol=0)


def test_decoded_notes_match_magenta(model, golden):
    """The notes of each decoded tensor equal Magenta's: pitch, velocity, instrument 9, times to 1e-6."""
    out = model.decode_groove(np.asarray(golden["z"], np.float32), 32, temperature=0)
    for row, want in zip(out, golden["decode"]):
        rows = humanize().note_rows(row)
        assert [(r[0], r[1], r[4], r[5]) for r in rows] == [(w[0], w[1], w[4], w[5]) for w in want]
        np.testing.assert_allclose([r[2:4] for r in rows], [w[2:4] for w in want], atol=1e-6, rtol=0)
    assert min(w[2] for w in golden["decode"][0]) < 0


def test_input_tensors_and_encoding_match_magenta(model, golden):
    """The humanize converter gives Magenta's input tensors to 1e-6, and the encoder its mu and sigma to 1e-5."""
    inputs = []
    for k, want in enumerate(golden["input_tensors"]):
        windows = humanize().to_windows(song(k))
        assert len(windows) == 1 and windows.lengths == (golden["input_lengths"][k],)
        np.testing.assert_allclose(windows.inputs[0], want["value"], atol=1e-6, rtol=0)
        inputs.append(windows.inputs[0])
    mu, sigma = model.encode(np.stack(inputs), golden["input_lengths"])
    np.testing.assert_allclose(mu, golden["mu"], atol=1e-5, rtol=0)
    np.testing.assert_allclose(sigma, golden["sigma"], atol=1e-5, rtol=0)


def test_unflattened_grid_gives_back_the_played_notes(golden):
    """Without humanize each hit's velocity and offset give back an input note's velocity and start to 1e-6."""
    conv = GrooveConverter(2)
    for k, notes in enumerate(golden["input_notes"]):
        s = song(k)
        step_seconds = round(60_000_000 / s.qpm) / 1e6 / 4  # the file's own tempo, in whole microseconds
        hits, velocities, offsets = conv.grid(s)
        assert hits.sum() > 0 and np.abs(offsets).max() > 0
        for step, drum in zip(*np.nonzero(hits)):
            start = (step - offsets[step, drum] / 2) * step_seconds
            assert any(conv.pitch_class[n[0]] == drum and n[1] == round(velocities[step, drum] * 127)
                       and abs(n[2] - start) < 1e-6 for n in notes)


def test_tapify_puts_every_step_on_one_class_with_flat_velocity():
    """groovae_2bar_tap_fixed_velocity: input hits only on the open hi-hat class, at every step with a hit."""
    conv = get_config("groovae_2bar_tap_fixed_velocity").converter()
    windows = conv.to_windows(song(0))
    inputs, targets = windows.inputs[0], windows.outputs[0]
    assert inputs[:, :9].sum(axis=0).nonzero()[0].tolist() == [3]
    np.testing.assert_array_equal(inputs[:, 3], targets[:, :9].max(axis=1))
    assert not inputs[:, 9:18].any() and inputs[:, 18:].any()


def test_add_closed_hh_removes_the_closed_hi_hat_from_the_input_only():
    """groovae_2bar_add_closed_hh: class 2 is empty in the input and kept in the target."""
    windows = get_config("groovae_2bar_add_closed_hh").converter().to_windows(song(0))
    assert windows.outputs[0][:, 2].any()
    assert not windows.inputs[0][:, [2, 11, 20]].any()
    np.testing.assert_array_equal(np.delete(windows.inputs[0], [2, 11, 20], 1),
                                  np.delete(windows.outputs[0], [2, 11, 20], 1))


def _drums(pitches) -> Song:
    notes = [Note(i * PPQ // 4, p, PPQ // 4, 90) for i, p in enumerate(pitches * 32)]
    return Song(tracks=(drum_track("Drums", notes),), tempos=(TempoChange(0, 120.0),))


def test_pitches_outside_the_map_are_left_out_or_reported():
    """An unmapped drum pitch is skipped beside mapped ones, and named when nothing else is there."""
    windows = humanize().to_windows(_drums([36, 100]))
    assert windows.inputs[0][:, 0].sum() == 16
    with pytest.raises(NoMusicError, match="100"):
        humanize().to_windows(_drums([100]))


def test_an_early_first_hit_starts_at_zero_in_the_song():
    """A decoded hit before 0 s keeps its negative start in the rows and starts at tick 0 in the Song."""
    tensor = np.zeros((32, 27), np.float32)
    tensor[0, 0], tensor[0, 9], tensor[0, 18] = 1, 0.5, 0.4
    row = humanize().note_rows(tensor)[0]
    assert row[:2] == [36, 64] and row[2] == pytest.approx(-0.025)
    assert humanize().to_song(tensor).tracks[0].notes[0].start == 0


def test_sampling_is_seeded_and_cold_sampling_thresholds(model, golden):
    """decode_groove at a temperature repeats with a seed; near 0 it gives the thresholded hits."""
    z = np.asarray(golden["z"], np.float32)
    a = model.decode_groove(z, 32, 1.0, np.random.default_rng(3))
    b = model.decode_groove(z, 32, 1.0, np.random.default_rng(3))
    np.testing.assert_array_equal(a, b)
    cold = model.decode_groove(z, 32, 1e-6, np.random.default_rng(0))
    np.testing.assert_array_equal(cold[:, :, :9], [t["hits"] for t in golden["decode_tensors"]])


def _controls_model():
    from tests.models.musicvae.conftest import random_vae

    return random_vae("groovae_2bar_hits_control_tfds", seed=4)


def test_hits_control_gives_the_hits_as_controls_and_the_full_grid_as_input():
    """hits_as_controls flattens nothing: the input is the played grid, the controls its hits [T, 9]."""
    conv = get_config("groovae_2bar_hits_control").converter()
    assert conv.control_depth == 9 and get_config("groovae_2bar_hits_control").id == "groovae_2bar_hits_control_tfds"
    windows = conv.to_windows(song(0))
    np.testing.assert_array_equal(windows.inputs, windows.outputs)
    np.testing.assert_array_equal(windows.controls, windows.outputs[:, :, :9])
    assert humanize().to_windows(song(0)).controls is None


def test_the_encoder_reads_the_controls_after_the_inputs():
    """encode(inputs, controls) is the bidirectional encoder of [inputs, controls], as Magenta concatenates them."""
    from composer_app.models.musicvae import encoder

    model = _controls_model()
    windows = get_config("groovae_2bar_hits_control").converter().to_windows(song(1))
    mu, sigma = model.encode(windows.inputs, list(windows.lengths), windows.controls)
    joined = np.concatenate([windows.inputs, windows.controls], axis=2)
    expected = encoder.encode(model.weights.encoder, joined, list(windows.lengths))
    np.testing.assert_array_equal(mu, expected[0])
    np.testing.assert_array_equal(sigma, expected[1])
    with pytest.raises(GenerationError, match="controls"):
        model.encode(windows.inputs, list(windows.lengths))


def test_each_decoder_step_reads_that_steps_controls():
    """A control changed at step 5 leaves steps 0-4 as they were and changes what follows; one [T, 9] sequence
    serves every row, as Magenta's c_input; the decode stops where the controls end."""
    model = _controls_model()
    z = np.random.default_rng(0).standard_normal((2, 8)).astype(np.float32)
    controls = np.zeros((32, 9), np.float32)
    controls[::4, 0] = 1
    a = model.decode_groove(z, 32, 0, controls=controls)
    changed = controls.copy()
    changed[5:, 2] = 1
    b = model.decode_groove(z, 32, 0, controls=changed)
    np.testing.assert_array_equal(a[:, :5], b[:, :5])
    assert not np.allclose(a[:, 5:], b[:, 5:])
    np.testing.assert_array_equal(model.decode_groove(z, 32, 0, controls=np.stack([controls] * 2)), a)
    assert model.decode_groove(z, 32, 0, controls=controls[:20]).shape == (2, 20, 27)
    with pytest.raises(GenerationError, match="with controls"):
        model.decode_groove(z, 32, 0)
    with pytest.raises(GenerationError, match=r"controls must be \[2, steps, 9\]"):
        model.decode_groove(z, 32, 0, controls=np.zeros((32, 8)))


def test_a_model_without_controls_refuses_them(model, golden):
    """Controls given to the humanize checkpoint are an error, not silently dropped."""
    with pytest.raises(GenerationError, match="no controls"):
        model.decode_groove(np.asarray(golden["z"], np.float32), 32, 0, controls=np.zeros((32, 9)))


def test_the_4bar_converter_cuts_64_step_windows_without_flattening():
    """groovae_4bar: windows of 4 bars, the input the full played grid (no humanize)."""
    conv = get_config("groovae_4bar").converter()
    four_bars = Song(tracks=(drum_track("D", [Note(i * PPQ // 2, 36 + 2 * (i % 2), 60, 60 + i) for i in range(32)]),),
                     tempos=(TempoChange(0, 120.0),))
    windows = conv.to_windows(four_bars)
    assert windows.inputs.shape == (1, 64, 27)
    np.testing.assert_array_equal(windows.inputs, windows.outputs)
    assert windows.inputs[0, :, 9:18].any()


@pytest.mark.parametrize("qpm, step", [(138.0, 31), (120.0, 32)])
def test_a_note_on_a_half_step_quantizes_as_magentas_floats_do(qpm, step):
    """A hit exactly half a 16th after step 31 goes where note_seq's seconds * steps-per-second puts it: at 138
    qpm that product is just under 31.5 (step 31, as in Magenta's groovae4_tiny input 1), at 120 exactly 31.5."""
    song = Song(tracks=(drum_track("D", [Note(0, 36, 60, 90), Note(31 * 240 + 120, 44, 60, 77)]),),
                tempos=(TempoChange(0, qpm),))
    hits, _, offsets = humanize().grid(song)
    assert hits[step, 2] == 1 and offsets[step, 2] == pytest.approx(-1.0 if step == 31 else 1.0, abs=1e-9)
