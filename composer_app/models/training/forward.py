"""The training forward pass: the same math as EventsRnn.run, computed layer by layer for speed.

Magenta's dynamic_rnn steps the whole stack one time step at a time. Only layer 0 with attention needs that; a
plain LSTM layer depends on the previous layer's outputs alone, so each layer runs as its own loop with its input
projection done for all steps in one matmul, and attention keys are projected once when an output enters the
history instead of at every step it stays there.
"""

from __future__ import annotations

import tensorflow as tf

from composer_app.models.training.network import FORGET_BIAS, EventsRnn


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
    length = net.attn_length
    steps, batch = tf.shape(xs)[0], tf.shape(xs)[1]
    k_in = net.attn_input_kernel
    kernel, bias = net.lstm_kernels[0], net.lstm_biases[0]
    # The cell input ([x, attns] @ k_in + b) only feeds the LSTM's input weights, so both projections of x are done
    # for all steps at once and only attns @ (k_in_attns @ k_lstm_in) stays in the loop.
    k_cell_in, k_cell_h = kernel[:in_size], kernel[in_size:]
    projected = tf.reshape(
        tf.matmul(tf.matmul(tf.reshape(xs, [-1, in_size]), k_in[:in_size]) + net.attn_input_bias, k_cell_in) + bias,
        [steps, batch, 4 * units])
    k_attns = tf.matmul(k_in[in_size:], k_cell_in)
    out_k = net.attn_output_kernel
    return _attention_core(
        projected, k_attns, tf.convert_to_tensor(k_cell_h),
        tf.convert_to_tensor(net.attn_query_kernel), tf.convert_to_tensor(net.attn_query_bias),
        net.attn_w[0, 0], tf.convert_to_tensor(net.attn_v), out_k[:units], out_k[units:],
        tf.convert_to_tensor(net.attn_output_bias), length)


def _attention_core(projected, k_attns, k_h, k_query, b_query, attn_w, attn_v, k_out_h, k_out_a, b_out, length):
    """The recurrent part of the attention layer, with its backward pass written out.

    Autodiff through this loop keeps every step's [batch, attn_length, size] history, keys and tanh for the
    gradient. Here the forward pass keeps only per-step vectors; the backward pass rebuilds each step's window
    from the stacked outputs and carries the gradients owed to the last attn_length outputs in a sliding buffer.
    """

    @tf.custom_gradient
    def core(projected, k_attns, k_h, k_query, b_query, attn_w, attn_v, k_out_h, k_out_a, b_out):
        steps, batch = tf.shape(projected)[0], tf.shape(projected)[1]
        units, size, vec = k_h.shape[0], k_out_a.shape[1], attn_w.shape[1]
        p_steps = _as_steps(projected)
        tas = [tf.TensorArray(tf.float32, size=steps) for _ in range(6)]

        def body(t, c, h, attns, history, keys, acts_ta, c_ta, h_ta, a_ta, q_ta, out_ta):
            gi, gj, gf, go = tf.split(p_steps.read(t) + tf.matmul(attns, k_attns) + tf.matmul(h, k_h), 4, axis=-1)
            i, j, f, o = tf.sigmoid(gi), tf.tanh(gj), tf.sigmoid(gf + FORGET_BIAS), tf.sigmoid(go)
            c = c * f + i * j
            h = tf.tanh(c) * o
            query = tf.matmul(tf.concat([c, h], 1), k_query) + b_query
            weights = tf.nn.softmax(tf.reduce_sum(attn_v * tf.tanh(keys + query[:, None, :]), axis=2))
            attns = tf.reduce_sum(weights[:, :, None] * history, axis=1)
            out = tf.matmul(h, k_out_h) + tf.matmul(attns, k_out_a) + b_out
            history = tf.concat([history[:, 1:], out[:, None, :]], axis=1)
            keys = tf.concat([keys[:, 1:], tf.matmul(out, attn_w)[:, None, :]], axis=1)
            return (t + 1, c, h, attns, history, keys, acts_ta.write(t, tf.concat([i, j, f, o], 1)),
                    c_ta.write(t, c), h_ta.write(t, h), a_ta.write(t, attns), q_ta.write(t, query),
                    out_ta.write(t, out))

        zeros_u, zeros_a = tf.zeros([batch, units]), tf.zeros([batch, size])
        init = (0, zeros_u, zeros_u, zeros_a, tf.zeros([batch, length, size]), tf.zeros([batch, length, vec]),
                *tas)
        *_, acts_ta, c_ta, h_ta, a_ta, q_ta, out_ta = tf.while_loop(
            lambda t, *_: t < steps, body, init, maximum_iterations=steps)
        acts, cells, hs, attns_all, queries, outs = (ta.stack() for ta in (acts_ta, c_ta, h_ta, a_ta, q_ta, out_ta))

        def grad(d_outs):
            # Each step's history window, rebuilt from the stacked outputs (zeros before the first step).
            pad = lambda x: tf.concat([tf.zeros([length, batch, x.shape[-1]]), x], 0)  # noqa: E731
            hist_bt = tf.transpose(pad(outs), [1, 0, 2])
            keys_bt = tf.transpose(pad(tf.reshape(tf.matmul(tf.reshape(outs, [-1, size]), attn_w),
                                                  [steps, batch, vec])), [1, 0, 2])
            rd = {name: _as_steps(x) for name, x in (
                ("d_out", d_outs), ("acts", acts), ("c", cells), ("q", queries), ("a", attns_all),
                ("c_prev", tf.concat([zeros_u[None], cells[:-1]], 0)))}
            gate_ta, out_grad_ta, q_grad_ta, key_grad_ta = (tf.TensorArray(tf.float32, size=steps) for _ in range(4))

            def back(t, dh_next, dc_next, da_next, acc_h, acc_k, d_v, gate_ta, out_grad_ta, q_grad_ta, key_grad_ta):
                d_key = acc_k[:, length]
                d_out = rd["d_out"].read(t) + acc_h[:, length] + tf.matmul(d_key, attn_w, transpose_b=True)
                dh = dh_next + tf.matmul(d_out, k_out_h, transpose_b=True)
                da = da_next + tf.matmul(d_out, k_out_a, transpose_b=True)
                history = hist_bt[:, t:t + length]
                e = tf.tanh(keys_bt[:, t:t + length] + rd["q"].read(t)[:, None, :])
                w = tf.nn.softmax(tf.reduce_sum(attn_v * e, axis=2))
                dw = tf.reduce_sum(da[:, None, :] * history, axis=2)
                ds = w * (dw - tf.reduce_sum(dw * w, axis=1, keepdims=True))
                d_pre = ds[:, :, None] * attn_v * (1.0 - e * e)
                d_v = d_v + tf.reduce_sum(ds[:, :, None] * e, axis=[0, 1])
                dq = tf.reduce_sum(d_pre, axis=1)
                dcq = tf.matmul(dq, k_query, transpose_b=True)
                dh = dh + dcq[:, units:]
                i, j, f, o = tf.split(rd["acts"].read(t), 4, axis=-1)
                tc = tf.tanh(rd["c"].read(t))
                dc = dc_next + dcq[:, :units] + dh * o * (1.0 - tc * tc)
                dg = tf.concat([dc * j * i * (1.0 - i), dc * i * (1.0 - j * j),
                                dc * rd["c_prev"].read(t) * f * (1.0 - f), dh * tc * o * (1.0 - o)], 1)
                # Gradients owed to the window's outputs, shifted so that slot `length` is the next step back.
                acc_h = tf.concat([tf.zeros([batch, 1, size]), acc_h[:, :length] + w[:, :, None] * da[:, None, :]], 1)
                acc_k = tf.concat([tf.zeros([batch, 1, vec]), acc_k[:, :length] + d_pre], 1)
                return (t - 1, tf.matmul(dg, k_h, transpose_b=True), dc * f, tf.matmul(dg, k_attns, transpose_b=True),
                        acc_h, acc_k, d_v, gate_ta.write(t, dg), out_grad_ta.write(t, d_out),
                        q_grad_ta.write(t, dq), key_grad_ta.write(t, d_key))

            init = (steps - 1, zeros_u, zeros_u, zeros_a, tf.zeros([batch, length + 1, size]),
                    tf.zeros([batch, length + 1, vec]), tf.zeros([vec]), gate_ta, out_grad_ta, q_grad_ta, key_grad_ta)
            *_, d_v, gate_ta, out_grad_ta, q_grad_ta, key_grad_ta = tf.while_loop(
                lambda t, *_: t >= 0, back, init, maximum_iterations=steps)
            flat = lambda ta, n: tf.reshape(ta.stack(), [-1, n])  # noqa: E731
            dg, d_out, dq, d_key = flat(gate_ta, 4 * units), flat(out_grad_ta, size), flat(q_grad_ta, vec), \
                flat(key_grad_ta, vec)
            prev = lambda x: tf.reshape(tf.concat([tf.zeros_like(x[:1]), x[:-1]], 0), [-1, x.shape[-1]])  # noqa: E731
            mm = lambda a, b: tf.matmul(a, b, transpose_a=True)  # noqa: E731
            ch = tf.reshape(tf.concat([cells, hs], 2), [-1, 2 * units])
            return (tf.reshape(dg, tf.shape(projected)), mm(prev(attns_all), dg), mm(prev(hs), dg), mm(ch, dq),
                    tf.reduce_sum(dq, 0), mm(tf.reshape(outs, [-1, size]), d_key), d_v,
                    mm(tf.reshape(hs, [-1, units]), d_out), mm(tf.reshape(attns_all, [-1, size]), d_out),
                    tf.reduce_sum(d_out, 0))

        return outs, grad

    return core(projected, k_attns, k_h, k_query, b_query, attn_w, attn_v, k_out_h, k_out_a, b_out)


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
