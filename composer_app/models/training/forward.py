"""The training forward pass: the same math as EventsRnn.run, computed layer by layer for speed.

Magenta's dynamic_rnn steps the whole stack one time step at a time. Only layer 0 with attention needs that; a
plain LSTM layer depends on the previous layer's outputs alone, so each layer runs as its own loop with its input
projection done for all steps in one matmul, and attention keys are projected once when an output enters the
history instead of at every step it stays there.
"""

from __future__ import annotations

import tensorflow as tf

from composer_app.models.network import FORGET_BIAS, EventsRnn


def _dropout(x, keep_prob):
    # A fresh mask per element and time step, as TF1's DropoutWrapper(output_keep_prob) draws.
    return x if keep_prob is None else tf.nn.dropout(x, rate=1.0 - keep_prob)


def _lstm_cell(gates, c):
    gi, gj, gf, go = tf.split(gates, 4, axis=-1)
    new_c = c * tf.sigmoid(gf + FORGET_BIAS) + tf.sigmoid(gi) * tf.tanh(gj)
    return new_c, tf.tanh(new_c) * tf.sigmoid(go)


def _as_steps(tensor):
    # Reading step t from a TensorArray keeps the gradient a per-step write; slicing a captured [T, B, n] tensor
    # would make every step's gradient a full [T, B, n] tensor (quadratic in T).
    return tf.TensorArray(tf.float32, size=tf.shape(tensor)[0]).unstack(tensor)


def lstm_layer(kernel, bias, xs):
    """A BasicLSTMCell over time-major inputs [T, B, in] from a zero state; returns outputs [T, B, units].

    The gradient is written out (backpropagation through time by hand): one small loop for the recurrent part and
    large matmuls for everything else, instead of autodiff's per-step accumulators.
    """
    kernel = tf.convert_to_tensor(kernel)
    bias = tf.convert_to_tensor(bias)
    return _lstm_layer(xs, kernel, bias)


@tf.custom_gradient
def _lstm_layer(xs, kernel, bias):
    in_size = xs.shape[-1]
    units = bias.shape[0] // 4
    w_x, w_h = kernel[:in_size], kernel[in_size:]
    steps, batch = tf.shape(xs)[0], tf.shape(xs)[1]
    flat_xs = tf.reshape(xs, [-1, in_size])
    projected = _as_steps(tf.reshape(tf.matmul(flat_xs, w_x) + bias, [steps, batch, 4 * units]))
    acts_ta = tf.TensorArray(tf.float32, size=steps)
    cells_ta = tf.TensorArray(tf.float32, size=steps)
    outputs_ta = tf.TensorArray(tf.float32, size=steps)

    def body(t, c, h, acts_ta, cells_ta, outputs_ta):
        gi, gj, gf, go = tf.split(projected.read(t) + tf.matmul(h, w_h), 4, axis=-1)
        i, j, f, o = tf.sigmoid(gi), tf.tanh(gj), tf.sigmoid(gf + FORGET_BIAS), tf.sigmoid(go)
        c = c * f + i * j
        h = tf.tanh(c) * o
        return (t + 1, c, h, acts_ta.write(t, tf.concat([i, j, f, o], 1)), cells_ta.write(t, c),
                outputs_ta.write(t, h))

    zeros = tf.zeros([batch, units])
    _, _, _, acts_ta, cells_ta, outputs_ta = tf.while_loop(
        lambda t, *_: t < steps, body, (0, zeros, zeros, acts_ta, cells_ta, outputs_ta), maximum_iterations=steps)
    acts, cells, outputs = acts_ta.stack(), cells_ta.stack(), outputs_ta.stack()

    def grad(d_outputs):
        d_out = _as_steps(d_outputs)
        acts_s, cells_s = _as_steps(acts), _as_steps(cells)
        prev_cells_s = _as_steps(tf.concat([zeros[None], cells[:-1]], 0))
        d_gates_ta = tf.TensorArray(tf.float32, size=steps)

        def back(t, dh_next, dc_next, d_gates_ta):
            i, j, f, o = tf.split(acts_s.read(t), 4, axis=-1)
            c = cells_s.read(t)
            c_prev = prev_cells_s.read(t)
            tc = tf.tanh(c)
            dh = d_out.read(t) + dh_next
            dc = dc_next + dh * o * (1.0 - tc * tc)
            d_gates = tf.concat([dc * j * i * (1.0 - i), dc * i * (1.0 - j * j), dc * c_prev * f * (1.0 - f),
                                 dh * tc * o * (1.0 - o)], 1)
            return t - 1, tf.matmul(d_gates, w_h, transpose_b=True), dc * f, d_gates_ta.write(t, d_gates)

        _, _, _, d_gates_ta = tf.while_loop(lambda t, *_: t >= 0, back, (steps - 1, zeros, zeros, d_gates_ta),
                                        maximum_iterations=steps)
        d_gates = tf.reshape(d_gates_ta.stack(), [-1, 4 * units])
        h_prev = tf.reshape(tf.concat([zeros[None], outputs[:-1]], 0), [-1, units])
        d_kernel = tf.concat([tf.matmul(flat_xs, d_gates, transpose_a=True),
                              tf.matmul(h_prev, d_gates, transpose_a=True)], 0)
        d_xs = tf.reshape(tf.matmul(d_gates, w_x, transpose_b=True), tf.shape(xs))
        return d_xs, d_kernel, tf.reduce_sum(d_gates, 0)

    return outputs, grad


def attention_layer0(net: EventsRnn, xs):
    """Layer 0 wrapped by AttentionCellWrapper, over time-major inputs; returns the wrapper outputs [T, B, attn]."""
    in_size = xs.shape[-1]
    units = net.layer_sizes[0]
    size = net.attn_size
    length = net.attn_length
    steps, batch = tf.shape(xs)[0], tf.shape(xs)[1]
    k_in = net.attn_input_kernel
    kernel, bias = net.lstm_kernels[0], net.lstm_biases[0]
    # The cell input ([x, attns] @ k_in + b) only feeds the LSTM's input weights, so both projections of x are done
    # for all steps at once and only attns @ (k_in_attns @ k_lstm_in) stays in the loop.
    k_cell_in, k_cell_h = kernel[:in_size], kernel[in_size:]
    projected = _as_steps(tf.reshape(
        tf.matmul(tf.matmul(tf.reshape(xs, [-1, in_size]), k_in[:in_size]) + net.attn_input_bias, k_cell_in) + bias,
        [steps, batch, 4 * units]))
    k_attns = tf.matmul(k_in[in_size:], k_cell_in)
    attn_w = net.attn_w[0, 0]
    out_k = net.attn_output_kernel
    outputs = tf.TensorArray(tf.float32, size=steps)

    def body(t, c, h, attns, history, keys, outputs):
        c, h = _lstm_cell(projected.read(t) + tf.matmul(attns, k_attns) + tf.matmul(h, k_cell_h), c)
        query = tf.matmul(tf.concat([c, h], 1), net.attn_query_kernel) + net.attn_query_bias
        scores = tf.reduce_sum(net.attn_v * tf.tanh(keys + query[:, None, :]), axis=2)
        weights = tf.nn.softmax(scores)
        attns = tf.reduce_sum(weights[:, :, None] * history, axis=1)
        output = tf.matmul(tf.concat([h, attns], 1), out_k) + net.attn_output_bias
        history = tf.concat([history[:, 1:], output[:, None, :]], axis=1)
        keys = tf.concat([keys[:, 1:], tf.matmul(output, attn_w)[:, None, :]], axis=1)
        return t + 1, c, h, attns, history, keys, outputs.write(t, output)

    zeros = tf.zeros([batch, units])
    init = (0, zeros, zeros, tf.zeros([batch, size]), tf.zeros([batch, length, size]),
            tf.zeros([batch, length, attn_w.shape[1]]), outputs)
    *_, outputs = tf.while_loop(lambda t, *_: t < steps, body, init, maximum_iterations=steps)
    return outputs.stack()


def training_logits(net: EventsRnn, inputs, keep_prob=None):
    """Logits [B, T, classes] for a padded batch [B, T, in]; `keep_prob` applies Magenta's output dropout."""
    if net.layout == "stack":
        return net.run(inputs, keep_prob=keep_prob)[0]
    xs = tf.transpose(tf.convert_to_tensor(inputs, tf.float32), [1, 0, 2])
    for i in range(len(net.layer_sizes)):
        if i == 0 and net.layout == "layer0":
            xs = attention_layer0(net, xs)
        else:
            xs = lstm_layer(net.lstm_kernels[i], net.lstm_biases[i], xs)
        xs = _dropout(xs, keep_prob)
    top = tf.transpose(xs, [1, 0, 2])
    return tf.einsum("btu,uc->btc", top, net.softmax_kernel) + net.softmax_bias
