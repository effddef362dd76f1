"""Improv RNN against Magenta's own bundles: exact inputs, softmax to 1e-6, generation's step inputs, bundles out."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import numpy as np
import pytest

import composer_app.models.rnn.inference as inference
from composer_app.models.engine.layers import OneHotInput
from composer_app.models.rnn.bundle import read_bundle
from composer_app.models.rnn.configs import get_config
from composer_app.models.rnn.generator import generate
from composer_app.models.rnn.inference import RnnInference
from composer_app.models.rnn.requests import GenerateRequest
from composer_app.models.rnn.scoring import score_events
from composer_app.models.training.bundle_writer import write_bundle
from composer_app.music.chords import backing_chords
from tests.conftest import shared_path
from tests.models.rnn.test_bundle import MAGENTA_VENV

IMPROV = ["basic_improv", "attention_improv", "chord_pitches_improv"]
# Magenta's bundles are float32 graphs: the numpy engine agrees to rounding (measured: at most 3.0e-7).
SOFTMAX_TOLERANCE = 1e-6
CHORDS = {"basic_improv": "C G7 Am F#m7b5 Eb+ Bbdim7 F C", "attention_improv": "C G7 Am F#m7b5 Eb+ Bbdim7 F C",
          "chord_pitches_improv": "C Gsus4 Am7/G C5 Bb/C Dsus2 Ab6/9 N.C."}


def improv_bundle(config_id: str):
    return shared_path("fixtures", "magenta-rnn2", f"{config_id}.mag")


def improv_golden(config_id: str) -> dict:
    return json.loads(shared_path("fixtures", "magenta-rnn2", f"{config_id}.json").read_text())


@pytest.mark.parametrize("config_id", IMPROV)
def test_bundle_loads_as_its_config(config_id):
    """Magenta's improv bundle names its config and has the encoder's input and class counts."""
    bundle = read_bundle(improv_bundle(config_id))
    golden = improv_golden(config_id)
    encoder = get_config(config_id).encoder()
    assert bundle.generator_id == config_id == golden["generator_id"]
    assert (bundle.weights.input_size, bundle.weights.num_classes) == (
        golden["meta"]["input_size"], golden["meta"]["num_classes"]) == (encoder.input_size, encoder.num_classes)
    assert bundle.weights.layout == ("layer0" if config_id == "attention_improv" else "none")


@pytest.mark.parametrize("config_id", IMPROV)
def test_inputs_are_magentas_exactly(config_id):
    """Row i is [chord i + 1 | melody i], bit for bit, with the 49th chord given or repeated from the 48th."""
    golden = improv_golden(config_id)
    encoder = get_config(config_id).encoder()
    expected = np.array(golden["inputs"], np.float32)
    np.testing.assert_array_equal(encoder.inputs_array(golden["control_events"], golden["events"]), expected)
    np.testing.assert_array_equal(encoder.inputs_array(golden["control_events"][:48], golden["events"]), expected)
    np.testing.assert_array_equal(encoder.labels_array(golden["events"]), golden["meta"]["labels"])


@pytest.mark.parametrize("config_id", IMPROV)
def test_softmax_matches_magenta(config_id):
    """The numpy engine's per-step softmax equals the bundle's own TensorFlow graph to 1e-6."""
    golden = improv_golden(config_id)
    bundle = read_bundle(improv_bundle(config_id))
    inputs = np.array(golden["inputs"], np.float32)
    softmax = RnnInference(bundle.weights).softmax(inputs[None])[0]
    assert np.abs(softmax - np.array(golden["softmax"])).max() <= SOFTMAX_TOLERANCE
    assert softmax.argmax(axis=1).tolist() == golden["meta"]["argmax"]


@pytest.mark.parametrize("config_id", IMPROV)
def test_score_events_with_chords_matches_magenta(config_id):
    """score_events conditions row t on the chord of step t + 1, as the fixture's softmax was made."""
    golden = improv_golden(config_id)
    score = score_events(read_bundle(improv_bundle(config_id)), golden["events"], raw=True,
                         chords=golden["control_events"])
    assert np.abs(score.softmax - np.array(golden["softmax"])).max() <= SOFTMAX_TOLERANCE
    with pytest.raises(ValueError, match="chord steps"):
        score_events(read_bundle(improv_bundle(config_id)), golden["events"], raw=True, chords=["C"] * 10)


@pytest.mark.parametrize("config_id", IMPROV)
def test_generation_feeds_the_exact_encoders_inputs(config_id, monkeypatch):
    """Every input the sampling loop builds step by step (primer and generated steps, beam search included)
    equals the exact conditional encoder's row for the finished melody and its chords."""
    seen = []
    real_step = inference.RnnInference.step

    def spy(self, x, state):
        seen.append(x.dense() if isinstance(x, OneHotInput) else np.array(x))
        return real_step(self, x, state)

    monkeypatch.setattr(inference.RnnInference, "step", spy)
    chords = backing_chords(CHORDS[config_id], 6)
    for temperature, beam in ((1.0, 1), (2.5, 1), (1.0, 2)):
        seen.clear()
        result = generate(GenerateRequest(config_id, total_steps=len(chords), primer=(60, -2, 64, -1, -2),
                                          bundle=str(improv_bundle(config_id)), chords=chords, seed=3,
                                          temperature=temperature, beam_size=beam, branch_factor=beam))
        events = list(result.candidates[0].events)
        expected = get_config(config_id).encoder().inputs_array(chords, events)
        primer = np.stack([row[0] for row in seen[:5]])
        np.testing.assert_array_equal(primer, expected[:5])
        if beam == 1:  # one row per step: it is the melody kept
            np.testing.assert_array_equal(np.stack([row[0] for row in seen]), expected[:len(chords) - 1])
        if temperature > 1:  # the hot run plays notes, so pitch inputs after the primer are checked too
            assert any(e >= 0 for e in events[5:])


@pytest.mark.parametrize("config_id", IMPROV)
def test_written_bundle_reads_back_the_same(tmp_path, config_id):
    """The bundle writer takes improv ids: the same id, description, weights and softmax come back."""
    pytest.importorskip("tensorflow")
    original = read_bundle(improv_bundle(config_id))
    path = write_bundle(tmp_path / "ours.mag", original.config, original.weights, "from composer-app")
    back = read_bundle(path)
    assert back.generator_id == config_id
    assert back.generator_description == original.generator_description
    assert back.weights.describe() == original.weights.describe()
    golden = improv_golden(config_id)
    inputs = np.array(golden["inputs"], np.float32)[None]
    np.testing.assert_array_equal(RnnInference(back.weights).softmax(inputs),
                                  RnnInference(original.weights).softmax(inputs))


@pytest.mark.parametrize("config_id", ["attention_improv", "chord_pitches_improv"])
def test_written_bundle_runs_in_magenta(tmp_path, config_id):
    """Magenta 2.1.4's improv_rnn_generate imports an improv bundle written here and writes MIDI files."""
    exe = MAGENTA_VENV / "bin" / "improv_rnn_generate"
    if not exe.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    pytest.importorskip("tensorflow")
    original = read_bundle(improv_bundle(config_id))
    path = write_bundle(tmp_path / "ours.mag", original.config, original.weights, "from composer-app")
    out = tmp_path / "out"
    proc = subprocess.run([str(exe), f"--config={config_id}", f"--bundle_file={path}", f"--output_dir={out}",
                           "--num_outputs=2", "--backing_chords=C Am F G7", "--steps_per_chord=8",
                           "--primer_melody=[60, -2, 64]", "--beam_size=2", "--branch_factor=2", "--render_chords"],
                          capture_output=True, text=True, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(list(out.glob("*.mid"))) == 2
    shutil.rmtree(out)


def test_the_shipped_improv_bundle_runs_in_magenta(tmp_path):
    """Magenta 2.1.4's improv_rnn_generate plays the shipped chord_pitches_improv bundle over the course's chords."""
    from composer_app.models.rnn.bundle import shipped_bundle_path

    exe = MAGENTA_VENV / "bin" / "improv_rnn_generate"
    if not exe.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    out = tmp_path / "out"
    proc = subprocess.run([str(exe), "--config=chord_pitches_improv",
                           f"--bundle_file={shipped_bundle_path('chord_pitches_improv')}", f"--output_dir={out}",
                           "--num_outputs=2", "--backing_chords=C G Am F C G F C", "--steps_per_chord=16",
                           "--render_chords"],
                          capture_output=True, text=True, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(list(out.glob("*.mid"))) == 2
