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


def test_training_without_tensorflow_says_so_in_one_line(tmp_path):
    """Where TensorFlow is missing (the packaged app), `train` exits 1 with one line that says so and what to do,
    and its JSON error record carries the same text for the Training panel: no traceback."""
    code = (
        "import importlib.util, sys\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda name, *a: None if name.split('.')[0] == 'tensorflow' else real(name, *a)\n"
        "from composer_app.cli.main import main\n"
        f"sys.exit(main(['train', '--config', 'basic_rnn', '--input', {str(tmp_path)!r}, '--output', "
        f"{str(tmp_path / 'out.mag')!r}, '--progress-json']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 1, out.stderr
    assert out.stderr.startswith("composer-app: error: training needs TensorFlow") and "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1
    assert '"phase": "error"' in out.stdout and "training needs TensorFlow" in out.stdout
    assert not (tmp_path / "out.run").exists()  # refused before anything was made
