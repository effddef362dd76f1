"""The bundle writer takes Polyphony, Performance and Improv RNN ids: the bundle reads back the same, and Magenta runs it."""

from __future__ import annotations

import json
import os
import subprocess

import numpy as np
import pytest

from composer_app.models.rnn.bundle import read_bundle
from composer_app.models.rnn.inference import RnnInference
from composer_app.models.training.bundle_writer import write_bundle
from tests.conftest import shared_path
from tests.models.rnn.test_bundle import MAGENTA_VENV

NAMES = ["polyphony", "performance_with_dynamics", "multiconditioned_performance_with_dynamics", "chord_pitches_improv"]


def fixture(name: str, suffix: str):
    return shared_path("fixtures", "magenta-rnn2", f"{name}.{suffix}")


@pytest.mark.parametrize("name", NAMES)
def test_written_bundle_reads_back_the_same(tmp_path, name):
    """Same generator id, description, weights and softmax on the fixture's inputs after a write and a read."""
    pytest.importorskip("tensorflow")
    original = read_bundle(fixture(name, "mag"))
    back = read_bundle(write_bundle(tmp_path / "ours.mag", original.config, original.weights, "from composer-app"))
    assert back.generator_id == original.generator_id
    assert back.generator_description == original.generator_description
    assert back.weights.describe() == original.weights.describe()
    inputs = np.array(json.loads(fixture(name, "json").read_text())["inputs"], np.float32)[None]
    np.testing.assert_array_equal(RnnInference(back.weights).softmax(inputs),
                                  RnnInference(original.weights).softmax(inputs))


@pytest.mark.parametrize("name, script, flags", [
    ("polyphony", "polyphony_rnn_generate", ["--num_steps=32", "--primer_pitches=[60, 64, 67]"]),
    ("performance_with_dynamics", "performance_rnn_generate", ["--num_steps=200", "--primer_pitches=[60, 64, 67]"]),
    ("chord_pitches_improv", "improv_rnn_generate",  # the course's command: a melody over chords, chords rendered
     ["--backing_chords=C G Am F C G F C", "--steps_per_chord=16", "--render_chords"]),
])
def test_written_bundle_runs_in_magenta(tmp_path, name, script, flags):
    """Magenta 2.1.4's own generate script imports a bundle written here and writes MIDI files."""
    exe = MAGENTA_VENV / "bin" / script
    if not exe.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    pytest.importorskip("tensorflow")
    original = read_bundle(fixture(name, "mag"))
    path = write_bundle(tmp_path / "ours.mag", original.config, original.weights, "from composer-app")
    out = tmp_path / "out"
    proc = subprocess.run([str(exe), f"--config={name}", f"--bundle_file={path}", f"--output_dir={out}",
                           "--num_outputs=2", *flags], capture_output=True, text=True,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(list(out.glob("*.mid"))) == 2
