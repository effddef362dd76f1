"""Magenta's categorical and groove LSTM decoders on the numpy engine: z sets the state, each step reads [output, z]."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from composer_app.models.engine.layers import OneHotInput, dense, lstm_cell, sigmoid
from composer_app.models.musicvae.checkpoint import ConductorWeights, DecoderWeights, Dense, Lstm

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


def initial_state(layer: Dense, cells: tuple[Lstm, ...], z: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """(c, h) per layer from tanh(dense(z)), split in the order TF flattens a MultiRNNCell's state: c0, h0, c1, ..."""
    flat = np.tanh(dense(z, layer.kernel, layer.bias))
    state, start = [], 0
    for cell in cells:
        c = flat[:, start:start + cell.units]
        h = flat[:, start + cell.units:start + 2 * cell.units]
        state.append((c, h))
        start += 2 * cell.units
    return state


def decode(weights: DecoderWeights, z: np.ndarray, steps: int, choose: Chooser = argmax_chooser,
           start: np.ndarray | None = None) -> Decoded:
    """Run the decoder for `steps` steps from z [batch, z_size]; `start` [batch] is the class read as the
    previous output at step 0 (default: none, an all-zero input)."""
    z = np.asarray(z, np.float32)
    batch = z.shape[0]
    state = initial_state(weights.z_to_initial_state, weights.cells, z)
    depth = weights.output_depth
    # -1: a one-hot block with no hot column, i.e. the all-zero previous output of step 0.
    previous = np.full((batch, 1), -1, np.int64) if start is None else np.asarray(start, np.int64).reshape(batch, 1)
    classes = np.zeros((batch, steps), np.int64)
    logits = np.zeros((batch, steps, depth), np.float32)
    for t in range(steps):
        x = OneHotInput(previous, depth, z)
        for k, cell in enumerate(weights.cells):
            c, h = lstm_cell(x, *state[k], cell.kernel, cell.bias)
            state[k] = (c, h)
            x = h
        step_logits = dense(x, weights.output_projection.kernel, weights.output_projection.bias)
        chosen = np.asarray(choose(step_logits, t), np.int64)
        logits[:, t], classes[:, t] = step_logits, chosen
        previous = chosen[:, None]
    return Decoded(classes, logits)


def decode_hierarchical(conductor: ConductorWeights, core: DecoderWeights, z: np.ndarray, bars: int,
                        steps_per_bar: int, choose: Chooser = argmax_chooser) -> Decoded:
    """Magenta's HierarchicalLstmDecoder without autoregression in the conductor: the conductor's output for each
    bar re-initialises the core decoder, which starts from the last class of the bar before."""
    z = np.asarray(z, np.float32)
    batch = z.shape[0]
    state = initial_state(conductor.initial_state, conductor.cells, z)
    zero = np.zeros((batch, 1), np.float32)
    classes, logits, start = [], [], None
    for bar in range(bars):
        x = zero
        for k, cell in enumerate(conductor.cells):
            state[k] = lstm_cell(x, *state[k], cell.kernel, cell.bias)
            x = state[k][1]

        def bar_choose(step_logits: np.ndarray, step: int, offset: int = bar * steps_per_bar) -> np.ndarray:
            return choose(step_logits, offset + step)

        out = decode(core, x, steps_per_bar, bar_choose, start)
        classes.append(out.classes)
        logits.append(out.logits)
        start = out.classes[:, -1]
    return Decoded(np.concatenate(classes, axis=1), np.concatenate(logits, axis=1))


# Picks the hits (0/1) of a step from its hit logits [batch, drums].
HitSampler = Callable[[np.ndarray, int], np.ndarray]


def threshold_hits(hit_logits: np.ndarray, step: int) -> np.ndarray:
    """Hit iff the logit is above 0 (Bernoulli(sigmoid(logit / T)) as T goes to 0)."""
    return (hit_logits > 0).astype(np.float32)


def decode_groove(weights: DecoderWeights, z: np.ndarray, steps: int, sample_hits: HitSampler = threshold_hits
                  ) -> Decoded:
    """Magenta's GrooveLstmDecoder: each step's projection is [hit logits, velocities, offsets] (thirds), sampled
    as hits, sigmoid and tanh; that [steps, depth] output, zeros at step 0, is the next step's input with z.

    `classes` holds the outputs [batch, steps, depth] and `logits` the raw projection."""
    z = np.asarray(z, np.float32)
    batch = z.shape[0]
    state = initial_state(weights.z_to_initial_state, weights.cells, z)
    depth = weights.output_depth
    drums = depth // 3
    previous = np.zeros((batch, depth), np.float32)
    outputs = np.zeros((batch, steps, depth), np.float32)
    logits = np.zeros((batch, steps, depth), np.float32)
    for t in range(steps):
        x = np.concatenate([previous, z], axis=1)
        for k, cell in enumerate(weights.cells):
            c, h = lstm_cell(x, *state[k], cell.kernel, cell.bias)
            state[k] = (c, h)
            x = h
        out = dense(x, weights.output_projection.kernel, weights.output_projection.bias)
        hits = np.asarray(sample_hits(out[:, :drums], t), np.float32)
        velocities = sigmoid(out[:, drums:2 * drums])
        previous = np.concatenate([hits, velocities, np.tanh(out[:, 2 * drums:])], axis=1).astype(np.float32)
        logits[:, t], outputs[:, t] = out, previous
    return Decoded(outputs, logits)
