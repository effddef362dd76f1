"""TensorFlow settings for the processes that train: quiet logs and no Keras import."""

from __future__ import annotations

import importlib.util
import os
import sys


def before_tensorflow_import() -> None:
    """Quiet and quicken TensorFlow's import; call before anything imports it (a later call changes nothing).

    TensorFlow eagerly imports Keras (about a second on a 2-core machine) unless told to use the separate
    tf_keras package, whose absence it tolerates. Nothing here uses Keras, so a process that only runs models
    asks for tf_keras when that is not installed and so skips Keras altogether.
    """
    if "tensorflow" in sys.modules:
        return
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # no oneDNN/CPU-feature banners on the user's terminal
    if importlib.util.find_spec("tf_keras") is None:
        os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")


def require_tensorflow() -> None:
    """Training needs TensorFlow; the packaged app leaves it out, so say so (and what to do) instead of a traceback."""
    if "tensorflow" in sys.modules or importlib.util.find_spec("tensorflow") is not None:
        return
    from composer_app.models.training.errors import TrainingError
    from composer_app.said import said

    raise TrainingError(
        said("training needs TensorFlow, which this copy of Composer does not include"),
        hint=said("Generating works without it. To train models, run Composer from its source folder "
                  "(bash scripts/run-app.sh installs TensorFlow; see the README)."))
