"""The events RNN in TensorFlow, for training: what Magenta's graph computes, for any size read from a bundle.

Stacked LSTMs with TF's BasicLSTMCell math (gates i, j, f, o; forget bias 1.0), an optional attention wrapper
(tf.contrib.rnn.AttentionCellWrapper semantics) on layer 0 or around the whole stack, dropout on each layer's
output while training, and a linear layer to the class logits.
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf

from composer_app.models.rnn.weights import AttentionWeights, LstmWeights, RnnWeights

FORGET_BIAS = 1.0


class EventsRnn(tf.Module):
    """Holds the weights as tf.Variables (trainable) and runs single steps or whole sequences."""

    def __init__(self, weights: RnnWeights, name: str = "events_rnn", zeros: bool = False):
        """`zeros` makes variables of the right shapes without embedding the values (graphs for export)."""
        super().__init__(name=name)

        def var(value, var_name):
            value = np.asarray(value, np.float32)
            return tf.Variable(tf.zeros(value.shape) if zeros else value, name=var_name)

        self.layout = weights.layout
        self.attn_length = int(weights.attn_length)
        self.layer_sizes = weights.layer_sizes
        self.input_size = weights.input_size
        self.num_classes = weights.num_classes
        self.lstm_kernels = [var(w.kernel, f"lstm{i}_kernel") for i, w in enumerate(weights.layers)]
        self.lstm_biases = [var(w.bias, f"lstm{i}_bias") for i, w in enumerate(weights.layers)]
        self.softmax_kernel = var(weights.softmax_kernel, "softmax_kernel")
        self.softmax_bias = var(weights.softmax_bias, "softmax_bias")
        a = weights.attention
        self.has_attention = a is not None
        self.attn_size = a.attn_size if a is not None else 0
        self.output_scope = a.output_scope if a is not None else "attn_output_projection"
        if a is not None:
            self.attn_input_kernel = var(a.input_kernel, "attn_input_kernel")
            self.attn_input_bias = var(a.input_bias, "attn_input_bias")
            self.attn_query_kernel = var(a.query_kernel, "attn_query_kernel")
            self.attn_query_bias = var(a.query_bias, "attn_query_bias")
            self.attn_w = var(a.attn_w.reshape(1, 1, *a.attn_w.shape), "attn_w")  # Magenta's 1x1 conv shape
            self.attn_v = var(a.attn_v, "attn_v")
            self.attn_output_kernel = var(a.output_kernel, "attn_output_kernel")
            self.attn_output_bias = var(a.output_bias, "attn_output_bias")

    # -- state -------------------------------------------------------------------------------
    def zero_state(self, batch_size) -> tuple:
        """Flat state: (c0, h0, c1, h1, ...) then, with attention, (attns, attention history)."""
        state = []
        for units in self.layer_sizes:
            state += [tf.zeros([batch_size, units]), tf.zeros([batch_size, units])]
        if self.has_attention:
            state += [tf.zeros([batch_size, self.attn_size]),
                      tf.zeros([batch_size, self.attn_length, self.attn_size])]
        return tuple(state)

    # -- one step ------------------------------------------------------------------------------
    def _lstm(self, i: int, x, c, h):
        gates = tf.matmul(tf.concat([x, h], 1), self.lstm_kernels[i]) + self.lstm_biases[i]
        gi, gj, gf, go = tf.split(gates, 4, axis=1)
        new_c = c * tf.sigmoid(gf + FORGET_BIAS) + tf.sigmoid(gi) * tf.tanh(gj)
        new_h = tf.tanh(new_c) * tf.sigmoid(go)
        return new_c, new_h

    def _attend(self, query, history):
        """Additive attention over the last attn_length outputs (AttentionCellWrapper._attention)."""
        features = tf.einsum("bla,av->blv", history, self.attn_w[0, 0])
        y = tf.matmul(query, self.attn_query_kernel) + self.attn_query_bias
        scores = tf.reduce_sum(self.attn_v * tf.tanh(features + y[:, None, :]), axis=2)
        weights = tf.nn.softmax(scores)
        return tf.reduce_sum(weights[:, :, None] * history, axis=1)

    def _attention_wrap(self, x, attns, history, inner):
        """Project [input, attns], run the wrapped cell, attend with its state, project [output, attns]."""
        cell_input = tf.matmul(tf.concat([x, attns], 1), self.attn_input_kernel) + self.attn_input_bias
        cell_output, inner_state = inner(cell_input)
        new_attns = self._attend(tf.concat(inner_state, 1), history)
        output = tf.matmul(tf.concat([cell_output, new_attns], 1), self.attn_output_kernel) + self.attn_output_bias
        new_history = tf.concat([history[:, 1:], output[:, None, :]], axis=1)
        return output, inner_state, new_attns, new_history

    def step(self, x, state, keep_prob=None, seed=None):
        """One time step for a batch: returns the top layer's output and the new flat state."""
        n = len(self.layer_sizes)
        cs = [state[2 * i] for i in range(n)]
        hs = [state[2 * i + 1] for i in range(n)]
        new_state = []

        def dropout(out, i):
            if keep_prob is None:
                return out
            return tf.nn.dropout(out, rate=1.0 - keep_prob)

        if self.layout == "stack":
            attns, history = state[2 * n], state[2 * n + 1]

            def whole_stack(cell_input):
                out, flat = cell_input, []
                for i in range(n):
                    c, h = self._lstm(i, out, cs[i], hs[i])
                    flat += [c, h]
                    out = dropout(h, i)
                return out, flat

            out, flat, attns, history = self._attention_wrap(x, attns, history, whole_stack)
            return out, tuple(flat) + (attns, history)

        out = x
        extra = ()
        for i in range(n):
            if i == 0 and self.layout == "layer0":
                attns, history = state[2 * n], state[2 * n + 1]

                def first_layer(cell_input):
                    c, h = self._lstm(0, cell_input, cs[0], hs[0])
                    return h, [c, h]

                out, (c, h), attns, history = self._attention_wrap(out, attns, history, first_layer)
                extra = (attns, history)
            else:
                c, h = self._lstm(i, out, cs[i], hs[i])
                out = h
            new_state += [c, h]
            out = dropout(out, i)
        return out, tuple(new_state) + extra

    def logits(self, outputs):
        return tf.matmul(outputs, self.softmax_kernel) + self.softmax_bias

    # -- whole sequences ---------------------------------------------------------------------
    def run(self, inputs, state=None, keep_prob=None):
        """Run [batch, time, input] through the network; returns logits [batch, time, classes] and the state."""
        inputs = tf.convert_to_tensor(inputs, tf.float32)
        batch = tf.shape(inputs)[0]
        if state is None:
            state = self.zero_state(batch)
        steps = tf.shape(inputs)[1]
        time_major = tf.transpose(inputs, [1, 0, 2])
        outputs = tf.TensorArray(tf.float32, size=steps)

        def body(t, state, outputs):
            out, state = self.step(time_major[t], state, keep_prob)
            return t + 1, state, outputs.write(t, out)

        _, state, outputs = tf.while_loop(lambda t, *_: t < steps, body, (0, tuple(state), outputs))
        top = tf.transpose(outputs.stack(), [1, 0, 2])
        flat = tf.reshape(top, [-1, tf.shape(top)[2]])
        logits = tf.reshape(self.logits(flat), [batch, steps, self.num_classes])
        return logits, state

    def variables_by_magenta_name(self) -> dict:
        """This network's tf.Variables keyed by the names Magenta's graph gives them (the layer-0 layout)."""
        from composer_app.models.rnn.weights import to_variables

        return dict(zip(to_variables(self.export_weights(values=False)).keys(), self._ordered_variables()))

    def _ordered_variables(self) -> list:
        """Variables in the order to_variables lists their names."""
        out = []
        for k, b in zip(self.lstm_kernels, self.lstm_biases):
            out += [k, b]
        if self.has_attention:
            out += [self.attn_input_kernel, self.attn_input_bias, self.attn_query_kernel, self.attn_query_bias,
                    self.attn_w, self.attn_v, self.attn_output_kernel, self.attn_output_bias]
        return out + [self.softmax_kernel, self.softmax_bias]

    def export_weights(self, values: bool = True) -> RnnWeights:
        """The current values as RnnWeights (after training); with values=False, zero arrays of the same shapes."""

        def get(v):
            return v.numpy() if values else np.zeros(v.shape.as_list(), np.float32)

        attention = None
        if self.has_attention:
            attention = AttentionWeights(
                get(self.attn_input_kernel), get(self.attn_input_bias), get(self.attn_query_kernel),
                get(self.attn_query_bias), get(self.attn_w)[0, 0], get(self.attn_v),
                get(self.attn_output_kernel), get(self.attn_output_bias), self.output_scope)
        return RnnWeights(
            layers=tuple(LstmWeights(get(k), get(b)) for k, b in zip(self.lstm_kernels, self.lstm_biases)),
            softmax_kernel=get(self.softmax_kernel), softmax_bias=get(self.softmax_bias),
            layout=self.layout, attention=attention, attn_length=self.attn_length)
