"""Training events RNNs from folders of music: corpus reading and caching, datasets, the train loop, model cards."""

from composer_app.models.training.errors import TrainingCancelled, TrainingError
from composer_app.models.training.loop import TrainingProgress, TrainingRequest, TrainingResult, train

__all__ = ["TrainingCancelled", "TrainingError", "TrainingProgress", "TrainingRequest", "TrainingResult", "train"]
