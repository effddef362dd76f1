"""Magenta's LSTM decoders in numpy: categorical (one or several outputs, or split in parts), groove and NADE."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from composer_app.models.engine.layers import OneHotInput, dense, lstm_cell, sigmoid
from composer_app.models.engine.nade import BitSampler, nade_sample, threshold_bits
from composer_app.models.musicvae.checkpoint import (
    ConductorWeights,
    DecoderWeights,
    Dense,
    Lstm,
    SplitDecoderWeights,
)

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
    start = None if start is None else np.asarray(start, np.int64).reshape(-1, 1)
    out = decode_multi(weights, z, steps, (weights.output_depth,), choose, start)
    return Decoded(out.classes[:, :, 0], out.logits)


def decode_multi(weights: DecoderWeights, z: np.ndarray, steps: int, depths: tuple[int, ...],
                 choose: Chooser = argmax_chooser, start: np.ndarray | None = None) -> Decoded:
    """Magenta's MultiOutCategoricalLstmDecoder (flat-trio): the projection's logits are split into parts of
    `depths`, each part is chosen on its own, and the parts' one-hots side by side are the next step's input
    with z. classes [batch, steps, parts]; `start` [batch, parts] (default: the all-zero input)."""
    z = np.asarray(z, np.float32)
    batch = z.shape[0]
    if sum(depths) != weights.output_depth:
        raise ValueError(f"output parts {list(depths)} do not add up to the decoder's depth {weights.output_depth}")
    state = initial_state(weights.z_to_initial_state, weights.cells, z)
    bounds = np.cumsum((0, *depths))
    # -1: a one-hot block with no hot column, i.e. the all-zero previous output of step 0.
    previous = np.full((batch, len(depths)), -1, np.int64) if start is None else np.asarray(start, np.int64)
    classes = np.zeros((batch, steps, len(depths)), np.int64)
    logits = np.zeros((batch, steps, weights.output_depth), np.float32)
    for t in range(steps):
        x = OneHotInput(previous, depths, z)
        for k, cell in enumerate(weights.cells):
            c, h = lstm_cell(x, *state[k], cell.kernel, cell.bias)
            state[k] = (c, h)
            x = h
        step_logits = dense(x, weights.output_projection.kernel, weights.output_projection.bias)
        logits[:, t] = step_logits
        for part in range(len(depths)):
            classes[:, t, part] = choose(step_logits[:, bounds[part]:bounds[part + 1]], t)
        previous = classes[:, t]
    return Decoded(classes, logits)


def conductor_outputs(conductor: ConductorWeights, z: np.ndarray, bars: int) -> list[np.ndarray]:
    """The conductor's output [batch, units] for each bar; without autoregression its input is a single zero."""
    z = np.asarray(z, np.float32)
    state = initial_state(conductor.initial_state, conductor.cells, z)
    zero = np.zeros((z.shape[0], 1), np.float32)
    outputs = []
    for _ in range(bars):
        x = zero
        for k, cell in enumerate(conductor.cells):
            state[k] = lstm_cell(x, *state[k], cell.kernel, cell.bias)
            x = state[k][1]
        outputs.append(x)
    return outputs


def decode_hierarchical(conductor: ConductorWeights, core: DecoderWeights | SplitDecoderWeights, z: np.ndarray,
                        bars: int, steps_per_bar: int, choose: Chooser = argmax_chooser) -> Decoded:
    """Magenta's HierarchicalLstmDecoder without autoregression in the conductor: the conductor's output for each
    bar re-initialises the core decoder, which starts from the last class of the bar before.

    A split core decoder (hierdec-trio) runs each part's own decoder in turn on the same conductor output, each
    from its own last class; classes are then [batch, steps, parts] and the logits sit side by side."""
    parts = core.parts if isinstance(core, SplitDecoderWeights) else (core,)
    classes, logits = [], []
    starts: list[np.ndarray | None] = [None] * len(parts)
    for bar, embedding in enumerate(conductor_outputs(conductor, z, bars)):

        def bar_choose(step_logits: np.ndarray, step: int, offset: int = bar * steps_per_bar) -> np.ndarray:
            return choose(step_logits, offset + step)

        outs = [decode(part, embedding, steps_per_bar, bar_choose, starts[k]) for k, part in enumerate(parts)]
        starts = [out.classes[:, -1] for out in outs]
        classes.append(np.stack([out.classes for out in outs], axis=2))
        logits.append(np.concatenate([out.logits for out in outs], axis=2))
    merged = np.concatenate(classes, axis=1)
    return Decoded(merged if len(parts) > 1 else merged[:, :, 0], np.concatenate(logits, axis=1))


# Picks the hits (0/1) of a step from its hit logits [batch, drums].
HitSampler = Callable[[np.ndarray, int], np.ndarray]


def threshold_hits(hit_logits: np.ndarray, step: int) -> np.ndarray:
    """Hit iff the logit is above 0 (Bernoulli(sigmoid(logit / T)) as T goes to 0)."""
    return (hit_logits > 0).astype(np.float32)


def _dense_steps(weights: DecoderWeights, z: np.ndarray, steps: int, controls: np.ndarray | None, sample):
    """The loop of the decoders whose output is a dense vector: each step reads [previous output, z, controls at
    that step] (zeros before the first step) and `sample(projection [batch, width], step)` gives the output.

    Returns (outputs [batch, steps, output depth], projections [batch, steps, width])."""
    z = np.asarray(z, np.float32)
    batch = z.shape[0]
    if weights.control_depth:
        controls = np.asarray(controls, np.float32)
        if controls.shape[:1] != (batch,) or controls.ndim != 3 or controls.shape[1] < steps \
                or controls.shape[2] != weights.control_depth:
            raise ValueError(f"controls must be [{batch}, {steps} or more, {weights.control_depth}], "
                             f"got {list(controls.shape)}")
    state = initial_state(weights.z_to_initial_state, weights.cells, z)
    previous = np.zeros((batch, weights.output_depth), np.float32)
    outputs = np.zeros((batch, steps, weights.output_depth), np.float32)
    projections = np.zeros((batch, steps, weights.output_projection.bias.shape[0]), np.float32)
    for t in range(steps):
        x = np.concatenate([previous, z] + ([controls[:, t]] if weights.control_depth else []), axis=1)
        for k, cell in enumerate(weights.cells):
            state[k] = lstm_cell(x, *state[k], cell.kernel, cell.bias)
            x = state[k][1]
        out = dense(x, weights.output_projection.kernel, weights.output_projection.bias)
        previous = np.asarray(sample(out, t), np.float32)
        projections[:, t], outputs[:, t] = out, previous
    return outputs, projections


def decode_groove(weights: DecoderWeights, z: np.ndarray, steps: int, sample_hits: HitSampler = threshold_hits,
                  controls: np.ndarray | None = None) -> Decoded:
    """Magenta's GrooveLstmDecoder: each step's projection is [hit logits, velocities, offsets] (thirds), sampled
    as hits, sigmoid and tanh; that output, zeros at step 0, is the next step's input with z and, for a
    checkpoint with controls (hits control), that step's controls [batch, steps, control depth].

    `classes` holds the outputs [batch, steps, depth] and `logits` the raw projection."""
    drums = weights.output_depth // 3

    def sample(out: np.ndarray, t: int) -> np.ndarray:
        hits = np.asarray(sample_hits(out[:, :drums], t), np.float32)
        return np.concatenate([hits, sigmoid(out[:, drums:2 * drums]), np.tanh(out[:, 2 * drums:])], axis=1)

    return Decoded(*_dense_steps(weights, z, steps, controls, sample))


def decode_nade(weights: DecoderWeights, z: np.ndarray, steps: int, sample_bit: BitSampler = threshold_bits,
                controls: np.ndarray | None = None) -> Decoded:
    """Magenta's MultiLabelRnnNadeDecoder: each step's projection is [NADE encoder bias (hidden), NADE decoder
    bias (dims)]; the NADE draws the step's multi-hot output, the next step's input with z.

    `classes` holds the 0/1 outputs [batch, steps, dims] and `logits` the raw projection."""
    nade = weights.nade
    if nade is None:
        raise ValueError("this decoder has no NADE")

    def sample(out: np.ndarray, t: int) -> np.ndarray:
        return nade_sample(out[:, :nade.hidden], out[:, nade.hidden:], nade.w_enc, nade.w_dec_t, sample_bit)[0]

    return Decoded(*_dense_steps(weights, z, steps, controls, sample))
