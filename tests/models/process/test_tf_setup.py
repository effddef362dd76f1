"""TensorFlow set-up for model-only processes: Keras is never loaded, and inference skips Grappler."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.skipif(importlib.util.find_spec("tf_keras") is not None, reason="tf_keras is installed here")
def test_tensorflow_imports_without_keras_after_set_up():
    """After before_tensorflow_import(), importing TensorFlow and reading a bundle loads no Keras module."""
    code = (
        "import sys\n"
        "from composer_app.models.process.tf_setup import for_inference\n"
        "for_inference()\n"
        "from composer_app.models.rnn.bundle import read_bundle\n"
        "from tests.models.conftest import fixture_bundle_path\n"
        "read_bundle(fixture_bundle_path('basic_rnn'))\n"
        "import tensorflow as tf\n"
        "print(any(m.split('.')[0] == 'keras' for m in sys.modules),"
        " tf.config.optimizer.get_experimental_options().get('disable_meta_optimizer'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True"]
