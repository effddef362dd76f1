"""The events RNN on the numpy engine: what Magenta's graph computes, step by step, for any size read from a bundle.

Stacked LSTMs, with Magenta's attention wrapper either on layer 0 (the layout Magenta's own graphs have) or around
the whole stack (older bundles), then a dense layer to the class logits. The state is a flat list:
(c0, h0, c1, h1, ...) and, with attention, (attns, attention history, the history's attention features).
"""

from __future__ import annotations

import time

import numpy as np

from composer_app.models.engine.layers import (
    OneHotInput,
    additive_attention,
    dense,
    input_width,
    lstm_cell,
    lstm_update,
    matmul_rows,
)
from composer_app.models.engine.parallel import AHEAD, SPLIT_BYTES, TwoWays, matmul
from composer_app.models.rnn.weights import RnnWeights

FLIPPED_ROWS = 4  # below this the products are matrix-vector ones, fastest on the kernel as it is


class RnnInference:
    """A bundle's weights as float32 arrays, run one step at a time for a batch of rows."""

    def __init__(self, weights: RnnWeights):
        def f32(a):
            return np.ascontiguousarray(a, dtype=np.float32)

        self.weights = weights
        self.layout = weights.layout
        self.layer_sizes = weights.layer_sizes
        self.num_classes = weights.num_classes
        self.attn_length = int(weights.attn_length)
        self.kernels = [f32(layer.kernel) for layer in weights.layers]
        self.biases = [f32(layer.bias) for layer in weights.layers]
        self.softmax_kernel = f32(weights.softmax_kernel)
        self.softmax_bias = f32(weights.softmax_bias)
        a = weights.attention
        self.attention = None if a is None else {
            name: f32(getattr(a, name)) for name in (
                "input_kernel", "input_bias", "query_kernel", "query_bias", "attn_w", "attn_v",
                "output_kernel", "output_bias")}
        self.attn_size = 0 if a is None else a.attn_size
        # Pipelining the stack hands plain products to the second thread: only where no kernel is split itself.
        self._pipelines = {} if len(self.kernels) > 1 and max(k.nbytes for k in self.kernels) < SPLIT_BYTES else None
        self._flipped: list[np.ndarray] | None = None  # the kernels transposed, made when many rows first step

    def zero_state(self, batch: int) -> list[np.ndarray]:
        state = []
        for units in self.layer_sizes:
            state += [np.zeros((batch, units), np.float32), np.zeros((batch, units), np.float32)]
        if self.attention is not None:
            vec = self.attention["attn_w"].shape[1]
            state += [np.zeros((batch, self.attn_size), np.float32),
                      np.zeros((batch, self.attn_length, self.attn_size), np.float32),
                      np.zeros((batch, self.attn_length, vec), np.float32)]
        return state

    def _wrap(self, x, attention_state, inner):
        """Project [input, attns], run the wrapped cell, attend with its state, project [output, attns]."""
        a = self.attention
        attns, history, features = attention_state
        kernel = a["input_kernel"]
        cell_input = matmul_rows(x, kernel) + attns @ kernel[input_width(x):] + a["input_bias"]
        cell_output, inner_state = inner(cell_input)
        query = np.concatenate(inner_state, axis=1)
        new_attns = additive_attention(query, history, features, a["attn_v"], a["query_kernel"], a["query_bias"])
        output = dense(np.concatenate([cell_output, new_attns], axis=1), a["output_kernel"], a["output_bias"])
        new_history = np.concatenate([history[:, 1:], output[:, None, :]], axis=1)
        new_features = np.concatenate([features[:, 1:], (output @ a["attn_w"])[:, None, :]], axis=1)
        return output, inner_state, [new_attns, new_history, new_features]

    def step(self, x: np.ndarray, state: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
        """One time step: the top layer's output [batch, units] and the new state."""
        n = len(self.layer_sizes)
        cs, hs = state[0:2 * n:2], state[1:2 * n:2]
        if self.layout == "none" and self._pipelines is not None:
            return self._pipelined_step(x, cs, hs)
        if self.layout == "stack":
            def whole_stack(cell_input):
                out, flat = cell_input, []
                for i in range(n):
                    c, h = lstm_cell(out, cs[i], hs[i], self.kernels[i], self.biases[i])
                    flat += [c, h]
                    out = h
                return out, flat

            out, flat, attention = self._wrap(x, state[2 * n:], whole_stack)
            return out, flat + attention
        out, new_state, extra = x, [], []
        for i in range(n):
            if i == 0 and self.layout == "layer0":
                def first_layer(cell_input):
                    c, h = lstm_cell(cell_input, cs[0], hs[0], self.kernels[0], self.biases[0])
                    return h, [c, h]

                out, (c, h), extra = self._wrap(out, state[2 * n:], first_layer)
            else:
                c, h = lstm_cell(out, cs[i], hs[i], self.kernels[i], self.biases[i])
                out = h
            new_state += [c, h]
        return out, new_state + extra

    def _pipelined_step(self, x, cs: list[np.ndarray], hs: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
        """Stacked LSTMs without attention. Where timing shows that it pays, the upper layers' recurrent products
        (last step's h times the kernel's lower rows, known before this step starts) and half of the first layer's
        run on the second thread while the layers below are computed: one hand-off per step, not one per product
        (measured on 2 idle cores: 3x512 with one row 632 -> 450-480 us a step, 3x256 with ten rows 945 -> 554 us;
        one row of 3x256 is faster alone). Both ways compute the same products in the same order: the same bits."""
        rows = cs[0].shape[0]
        ways = self._pipelines.get((rows, input_width(x)))
        if ways is None:
            ways = self._pipelines.setdefault((rows, input_width(x)), TwoWays())
        two, timed = ways.pick()
        start = time.perf_counter() if timed else 0.0
        product = self._rows_product(rows)
        below = self.layer_sizes[:-1]
        # The first layer's recurrent product is always taken as two halves of its columns, so that the right half
        # can join the upper layers' products on the second thread and the two threads share the work evenly.
        first_width, half = input_width(x), 2 * self.layer_sizes[0]
        work = [(hs[0], 0, first_width, None, half, None)] + [(hs[i], i, below[i - 1], None, 0, None)
                                                                for i in range(1, len(hs))]
        pending = AHEAD.start(product, work) if two else None
        out, new_state = x, []
        for i, kernel in enumerate(self.kernels):
            width = input_width(out)
            gates = out.matmul(kernel) if isinstance(out, OneHotInput) else product(out, i, 0, width, 0, None)
            if i == 0:
                gates[:, :half] += product(hs[0], 0, first_width, None, 0, half)
                gates[:, half:] += AHEAD.take(pending) if two else product(*work[0])
            else:
                gates += AHEAD.take(pending) if two else product(*work[i])
            gates += self.biases[i]
            c, out = lstm_update(gates, cs[i])
            new_state += [c, out]
        if timed:
            ways.timed(two, time.perf_counter() - start)
        return out, new_state

    def _rows_product(self, rows: int):
        """(x, layer, first row, end row, first column, end column) -> x @ that block of the layer's kernel. From
        FLIPPED_ROWS rows on, the product is taken from a transposed copy of the kernel: OpenBLAS multiplies ten
        rows by [256, 1024] in 117 us that way against 164 us (measured here, one thread)."""
        if rows < FLIPPED_ROWS:
            return lambda x, i, first, end, left, right: matmul(x, self.kernels[i][first:end, left:right])
        if self._flipped is None:
            self._flipped = [np.ascontiguousarray(k.T) for k in self.kernels]
        flipped = self._flipped
        return lambda x, i, first, end, left, right: (flipped[i][left:right, first:end] @ x.T).T

    def logits(self, outputs: np.ndarray) -> np.ndarray:
        return dense(outputs, self.softmax_kernel, self.softmax_bias)

    def run(self, inputs: np.ndarray, state: list[np.ndarray] | None = None
            ) -> tuple[np.ndarray, list[np.ndarray]]:
        """[batch, time, input] through the network: logits [batch, time, classes] and the final state."""
        inputs = np.asarray(inputs, np.float32)
        if state is None:
            state = self.zero_state(inputs.shape[0])
        outputs = []
        for t in range(inputs.shape[1]):
            out, state = self.step(inputs[:, t], state)
            outputs.append(out)
        top = np.stack(outputs, axis=1) if outputs else np.zeros((inputs.shape[0], 0, 0), np.float32)
        return self.logits(top) if outputs else np.zeros((inputs.shape[0], 0, self.num_classes), np.float32), state

    def softmax(self, inputs: np.ndarray, head_sizes=None) -> np.ndarray | list[np.ndarray]:
        """Per-step class probabilities for [batch, time, input] (temperature 1), as Magenta's `softmax` tensor;
        with several heads (`head_sizes`), one array per head, as Magenta's list of softmaxes."""
        from composer_app.models.engine.heads import head_softmaxes
        from composer_app.models.engine.layers import softmax

        logits, _ = self.run(inputs)
        if head_sizes is not None and len(head_sizes) > 1:
            return head_softmaxes(logits, head_sizes)
        return softmax(logits)
