"""Writing the trained network as a Magenta-loadable .mag (atomically, via bundle_writer)."""

from __future__ import annotations

from pathlib import Path

from composer_app.models.errors import BundleError
from composer_app.models.rnn.bundle_description import TrainingFacts
from composer_app.models.rnn.configs import ModelConfig
from composer_app.models.training.errors import TrainingError


def bundle_description(result, data_description: str) -> str:
    held = result.held_out
    return TrainingFacts(sequences=result.report.train_sequences, steps=result.steps, data=data_description,
                         kept_step=result.kept_step, perplexity=held.perplexity if held else None,
                         accuracy=held.accuracy if held else None).line()


def write_trained_bundle(path: Path, config: ModelConfig, net, result, data_description: str = "") -> Path:
    from composer_app.models.training.bundle_writer import write_bundle

    try:
        return write_bundle(path, config, net.export_weights(), bundle_description(result, data_description))
    except BundleError as exc:
        raise TrainingError(exc.args[0]) from None
