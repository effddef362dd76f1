"""Writing the trained network as a Magenta-loadable .mag (atomically, via bundle_writer)."""

from __future__ import annotations

from pathlib import Path

from composer_app.models.errors import BundleError
from composer_app.models.rnn.configs import ModelConfig
from composer_app.models.training.errors import TrainingError


def bundle_description(result, data_description: str) -> str:
    held = result.held_out
    figures = f"; held-out perplexity {held.perplexity:.3f}, accuracy {held.accuracy:.3f}" if held else ""
    data = f" on {data_description}" if data_description else ""
    kept = f" (weights of step {result.kept_step}, the best held-out)" if result.kept_step is not None else ""
    return (f"Trained by composer-app{data}: {result.report.train_sequences} sequences, "
            f"{result.steps} steps{kept}{figures}.")


def write_trained_bundle(path: Path, config: ModelConfig, net, result, data_description: str = "") -> Path:
    from composer_app.models.training.bundle_writer import write_bundle

    try:
        return write_bundle(path, config, net.export_weights(), bundle_description(result, data_description))
    except BundleError as exc:
        raise TrainingError(exc.args[0]) from None
