"""TensorFlow settings for processes that only run the models: the generate CLIs and the app's model process."""

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


def for_inference(threads: int | None = None) -> None:
    """Settings for sampling: Grappler's graph rewrites cost more at a loop's first call than they save later
    (measured: first generation 0.60-0.69 s without, 0.75-1.05 s with; warm runs no slower)."""
    before_tensorflow_import()
    import tensorflow as tf

    tf.config.optimizer.set_experimental_options({"disable_meta_optimizer": True})
    if threads:
        try:
            tf.config.threading.set_intra_op_parallelism_threads(threads)
            tf.config.threading.set_inter_op_parallelism_threads(threads)
        except RuntimeError:
            pass  # TensorFlow's runtime has started already; keep its settings
