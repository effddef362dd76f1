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
    """A BasicLSTMCell over time-major inputs [T, B, in] from a zero state; returns outputs [T, B, units]."""
    in_size = xs.shape[-1]
    units = bias.shape[0] // 4
    w_x, w_h = kernel[:in_size], kernel[in_size:]
    steps, batch = tf.shape(xs)[0], tf.shape(xs)[1]
    projected = _as_steps(tf.reshape(tf.matmul(tf.reshape(xs, [-1, in_size]), w_x) + bias,
                                     [steps, batch, 4 * units]))
    outputs = tf.TensorArray(tf.float32, size=steps)

    def body(t, c, h, outputs):
        c, h = _lstm_cell(projected.read(t) + tf.matmul(h, w_h), c)
        return t + 1, c, h, outputs.write(t, h)

    zeros = tf.zeros([batch, units])
    _, _, _, outputs = tf.while_loop(lambda t, *_: t < steps, body, (0, zeros, zeros, outputs))
    return outputs.stack()


def attention_layer0(net: EventsRnn, xs):
    """Layer 0 wrapped by AttentionCellWrapper, over time-major inputs; returns the wrapper outputs [T, B, attn]."""
    in_size = xs.shape[-1]
    units = net.layer_sizes[0]
    size = net.attn_size
    length = net.attn_length
    steps, batch = tf.shape(xs)[0], tf.shape(xs)[1]
    k_in = net.attn_input_kernel
    projected = _as_steps(tf.reshape(tf.matmul(tf.reshape(xs, [-1, in_size]), k_in[:in_size]) + net.attn_input_bias,
                                     [steps, batch, in_size]))
    k_attn_in = k_in[in_size:]
    kernel, bias = net.lstm_kernels[0], net.lstm_biases[0]
    attn_w = net.attn_w[0, 0]
    out_k = net.attn_output_kernel
    outputs = tf.TensorArray(tf.float32, size=steps)

    def body(t, c, h, attns, history, keys, outputs):
        cell_input = projected.read(t) + tf.matmul(attns, k_attn_in)
        c, h = _lstm_cell(tf.matmul(tf.concat([cell_input, h], 1), kernel) + bias, c)
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
    *_, outputs = tf.while_loop(lambda t, *_: t < steps, body, init)
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
