"""Training events RNNs from folders of music: corpus reading and caching, datasets, the train loop, model cards.

This package is the only part of the app that imports TensorFlow; its settings are applied here, first.
"""

from composer_app.models.training.tf_setup import before_tensorflow_import

before_tensorflow_import()

# ruff: noqa: E402  (the settings above must come before anything below imports TensorFlow)

from composer_app.models.training.errors import TrainingCancelled, TrainingError
from composer_app.models.training.loop import TrainingProgress, TrainingRequest, TrainingResult, train

__all__ = ["TrainingCancelled", "TrainingError", "TrainingProgress", "TrainingRequest", "TrainingResult", "train"]
