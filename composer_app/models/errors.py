"""Errors a user can cause with models: bundles and checkpoints, hparams and generation requests."""

from __future__ import annotations

from pathlib import Path

from composer_app.errors import Cancelled, ComposerError
from composer_app.said import said


class ModelError(ComposerError):
    """A model cannot be used as asked."""


class BundleError(ModelError):
    """A .mag bundle or checkpoint cannot be used; the message names the file and the problem."""

    hint = said("Choose a bundle made for this model by Magenta or by this app, or use the shipped one.")

    def __init__(self, path: str | Path | None, problem: str):
        self.path = Path(path) if path else None
        self.problem = problem
        super().__init__(said("{path}: {problem}").format(path=str(self.path), problem=problem)
                         if self.path else problem)


class HParamsError(ModelError):
    """An `--hparams` string names an unknown hyperparameter or gives a value it cannot take."""

    hint = said('Write hparams as name=value pairs separated by commas, e.g. "batch_size=64,rnn_layer_sizes=[64,64]".')


class GenerationError(ModelError):
    """A generation request that cannot be carried out (primer too long, bad length, ...)."""


class GenerationCancelled(Cancelled):
    """Generation was stopped by its cancel callback."""
