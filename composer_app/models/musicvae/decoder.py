"""Magenta's CategoricalLstmDecoder on the numpy engine: z sets the LSTMs' state, each step reads [last output, z]."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from composer_app.models.engine.layers import OneHotInput, dense, lstm_cell
from composer_app.models.musicvae.checkpoint import DecoderWeights

# Picks one class per row from the step's logits [batch, depth].
Chooser = Callable[[np.ndarray, int], np.ndarray]


@dataclass(frozen=True)
class Decoded:
    """Classes [batch, steps] and the output projection's logits [batch, steps, depth] along the chosen path."""

    classes: np.ndarray
    logits: np.ndarray


def argmax_chooser(logits: np.ndarray, step: int) -> np.ndarray:
    """The most likely class (sampling as temperature goes to 0)."""
    return logits.argmax(axis=1)


def initial_state(weights: DecoderWeights, z: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """(c, h) per layer from tanh(dense(z)), split in the order TF flattens a MultiRNNCell's state: c0, h0, c1, ..."""
    flat = np.tanh(dense(z, weights.z_to_initial_state.kernel, weights.z_to_initial_state.bias))
    state, start = [], 0
    for cell in weights.cells:
        c = flat[:, start:start + cell.units]
        h = flat[:, start + cell.units:start + 2 * cell.units]
        state.append((c, h))
        start += 2 * cell.units
    return state


def decode(weights: DecoderWeights, z: np.ndarray, steps: int, choose: Chooser = argmax_chooser,
           extra: np.ndarray | None = None, state: list | None = None) -> Decoded:
    """Run the decoder for `steps` steps from z [batch, z_size]; `extra` [batch, k] is appended to every input
    after z, and `state` replaces the initial state taken from z."""
    z = np.asarray(z, np.float32)
    batch = z.shape[0]
    tail = z if extra is None else np.concatenate([z, extra], axis=1).astype(np.float32)
    state = initial_state(weights, z) if state is None else list(state)
    depth = weights.output_depth
    # Step 0 reads an all-zero previous output: a one-hot block with no hot column.
    previous = np.full((batch, 1), -1, np.int64)
    classes = np.zeros((batch, steps), np.int64)
    logits = np.zeros((batch, steps, depth), np.float32)
    for t in range(steps):
        x = OneHotInput(previous, depth, tail)
        for k, cell in enumerate(weights.cells):
            c, h = lstm_cell(x, *state[k], cell.kernel, cell.bias)
            state[k] = (c, h)
            x = h
        step_logits = dense(x, weights.output_projection.kernel, weights.output_projection.bias)
        chosen = np.asarray(choose(step_logits, t), np.int64)
        logits[:, t], classes[:, t] = step_logits, chosen
        previous = chosen[:, None]
    return Decoded(classes, logits)
