"""TensorFlow set-up for training: Keras is never loaded."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.skipif(importlib.util.find_spec("tf_keras") is not None, reason="tf_keras is installed here")
def test_training_imports_tensorflow_without_keras():
    """Importing the training package sets TensorFlow up first, so TensorFlow then loads no Keras module."""
    code = (
        "import sys\n"
        "import composer_app.models.training.loop\n"
        "import tensorflow as tf\n"
        "print(any(m.split('.')[0] == 'keras' for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False"]
