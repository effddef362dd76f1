"""A MusicVAE training that starts from a checkpoint's weights (Magenta's or the app's) instead of fresh ones."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from composer_app.models.errors import ModelError
from composer_app.models.musicvae.configs import VaeConfig
from composer_app.models.musicvae.hparams import VaeHParams, parse_vae_hparams, sizes_mismatch
from composer_app.models.training.errors import TrainingError
from composer_app.said import said


def checkpoint_start(path: Path, config: VaeConfig, hp: VaeHParams, hparams_text: str | None
                     ) -> tuple[dict[str, np.ndarray], VaeHParams]:
    """The weights of the MusicVAE checkpoint at `path` by Magenta's names, and `hp` with the checkpoint's sizes.

    The checkpoint must have the structure of `config` (its depths, decoder kind and levels): a humanize GrooVAE
    can start a tap2drum or an add-hi-hat one, whose network is the same. Its layer sizes apply; sizes given in --hparams that differ
    from them are refused rather than ignored. The other hparams (batch, learning rate, β) stay the request's.
    """
    from composer_app.models.musicvae.checkpoint import read_tensors, weights_from
    from composer_app.models.musicvae.configs import detect_config

    try:
        tensors = read_tensors(path)
        weights = weights_from(tensors)
        detect_config(weights, config.id)
    except (ModelError, OSError) as exc:
        problem = getattr(exc, "problem", None) or (exc.args[0] if exc.args else str(exc))
        raise TrainingError(said("cannot start from {path}: {problem}").format(path=str(path), problem=problem),
                            hint=said("Choose a MusicVAE checkpoint (.tar) of the same config, or of one with the "
                                      "same network.")) from None
    actual = {"z_size": weights.z_size, "enc_rnn_size": tuple(fw.units for fw, _ in weights.encoder.layers),
              "dec_rnn_size": tuple(cell.units for cell in weights.decoder.cells)}
    problem = sizes_mismatch(parse_vae_hparams(hparams_text), actual)
    if problem:
        raise TrainingError(said("{path} does not have the sizes --hparams gives: {problem}").format(
            path=str(path), problem=problem), hint=said("Leave the sizes out of --hparams: the checkpoint's apply."))
    return dict(tensors.tensors), dataclasses.replace(hp, **actual)


def assign_start(variables: dict, tensors: dict[str, np.ndarray], source: Path) -> None:
    """Set each training variable to the checkpoint's tensor of its name, which must be there with its shape."""
    for name, variable in variables.items():
        value = tensors.get(name)
        if value is None or tuple(value.shape) != tuple(variable.shape):
            found = said("is missing") if value is None else said("has shape {shape}, expected {expected}").format(
                shape=str(list(value.shape)), expected=str(list(variable.shape)))
            raise TrainingError(said("cannot start from {path}: tensor {name!r} {problem}").format(
                path=str(source), name=name, problem=found),
                hint=said("Choose a MusicVAE checkpoint (.tar) of the same config, or of one with the same network."))
        variable.assign(value)
