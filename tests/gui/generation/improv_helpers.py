"""A tiny Improv RNN bundle made for the tests (fresh weights, written as Magenta writes bundles): no shared data.

The writer needs TensorFlow, so it runs in a child process: the test process never imports TensorFlow (the app's
own generation must not need it, and a test checks that).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

_WRITE = """
import sys
from composer_app.models.rnn.configs import get_config
from composer_app.models.rnn.weights import initial_weights
from composer_app.models.training.bundle_writer import write_bundle
config = get_config(sys.argv[1])
encoder = config.encoder()
weights = initial_weights(encoder.input_size, encoder.num_classes, (8,), 0, seed=3)
write_bundle(sys.argv[2], config, weights, "tiny test bundle")
"""


def tiny_improv_bundle(folder, config_id: str = "chord_pitches_improv"):
    """A .mag of config_id with one 8-unit layer of fresh weights; skips when TensorFlow (the writer) is absent."""
    if importlib.util.find_spec("tensorflow") is None:
        pytest.skip("writing a .mag bundle needs TensorFlow (the training extra), which is not installed")
    path = folder / f"{config_id}.mag"
    subprocess.run([sys.executable, "-c", _WRITE, config_id, str(path)], cwd=ROOT, check=True, capture_output=True,
                   env={"TF_CPP_MIN_LOG_LEVEL": "3", **os.environ}, timeout=300)
    return path
