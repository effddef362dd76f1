"""MusicVAE's parts in TensorFlow for training, and the flat MusicVAE: Magenta's variable names and shapes, its
encoder and decoder math.

BidirectionalLstmEncoder (one bidirectional RNN per layer, final forward and backward h to mu and softplus sigma)
and the LSTM decoders (tanh(dense(z)) as the cells' initial state; each step reads [previous output, z]),
with LSTMBlockCell's gates (i, j, f, o; forget bias 1.0) and DropoutWrapper's input dropout while training.
"""

from __future__ import annotations

import tensorflow as tf

FORGET_BIAS = 1.0
# Magenta's initialisers: mu, sigma and z_to_initial_state start near zero; the others are TF1's glorot uniform.
SMALL_STDDEV = 0.001


class Lstm(tf.Module):
    """One LSTMBlockCell's weights: kernel [inputs + units, 4 * units], bias [4 * units]."""

    def __init__(self, name: str, inputs: int, units: int, seed: int):
        super().__init__(name=None)
        self.units, self.inputs = units, inputs
        self.kernel = tf.Variable(_glorot(seed)([inputs + units, 4 * units]), name=f"{name}/kernel")
        self.bias = tf.Variable(tf.zeros([4 * units]), name=f"{name}/bias")
        self.scope = name

    def split(self):
        """(input rows, recurrent rows) of the kernel: sliced once per sequence, not once a step (a slice copies)."""
        return self.kernel[:self.inputs], self.kernel[self.inputs:]

    @staticmethod
    def step(projected_x, recurrent, c, h):
        """One step from the input's projection x @ kernel[:inputs] (bias included); returns (c, h)."""
        gates = projected_x + tf.matmul(h, recurrent)
        i, j, f, o = tf.split(gates, 4, axis=1)
        c = c * tf.sigmoid(f + FORGET_BIAS) + tf.sigmoid(i) * tf.tanh(j)
        return c, tf.tanh(c) * tf.sigmoid(o)

    def project(self, x, rows=None):
        return tf.matmul(x, self.kernel[:self.inputs] if rows is None else rows) + self.bias


class Dense(tf.Module):
    def __init__(self, name: str, rows: int, columns: int, seed: int, small: bool = False):
        super().__init__(name=None)
        init = (lambda shape: tf.random.stateless_normal(shape, [seed, 1], stddev=SMALL_STDDEV)) if small \
            else _glorot(seed)
        self.kernel = tf.Variable(init([rows, columns]), name=f"{name}/kernel")
        self.bias = tf.Variable(tf.zeros([columns]), name=f"{name}/bias")
        self.scope = name

    def __call__(self, x):
        return tf.matmul(x, self.kernel) + self.bias


def uniform(shape, rng=None):
    """Uniform draws in [0, 1): from the generator `rng` where given (a reseedable stream: reseeding TensorFlow's
    global one with tf.random.set_seed makes it re-instantiate every compiled step, about 10 s each), else from
    the global random ops."""
    return rng.uniform(shape) if rng is not None else tf.random.uniform(shape)


def normal(shape, rng=None):
    """Standard normal draws, from `rng` where given (see `uniform`)."""
    return rng.normal(shape) if rng is not None else tf.random.normal(shape)


def categorical(logits, rng=None):
    """A class index per row drawn from softmax(logits) (the Gumbel-max draw where `rng` is given)."""
    if rng is None:
        return tf.random.categorical(logits, 1)[:, 0]
    u = rng.uniform(tf.shape(logits), minval=1e-20, maxval=1.0)
    return tf.argmax(logits - tf.math.log(-tf.math.log(u)), axis=-1)


def _glorot(seed: int):
    def init(shape):
        limit = (6.0 / (shape[0] + shape[1])) ** 0.5
        return tf.random.stateless_uniform(shape, [seed, 0], -limit, limit)
    return init


def input_dropout(x, keep_prob: float, training: bool):
    return tf.nn.dropout(x, rate=1.0 - keep_prob) if training and keep_prob < 1.0 else x


def _run(cell: Lstm, inputs, mask, keep_prob: float, training: bool):
    """An LSTM over [batch, time, depth] from a zero state; past a row's length (mask 0) the state is carried and
    the output is zero, as dynamic_rnn does. Returns (outputs [batch, time, units], final h)."""
    batch, steps = tf.shape(inputs)[0], inputs.shape[1]
    x = input_dropout(inputs, keep_prob, training)
    projected = tf.reshape(cell.project(tf.reshape(x, [-1, x.shape[2]])), [batch, steps, 4 * cell.units])
    recurrent = cell.split()[1]
    c = h = tf.zeros([batch, cell.units])
    outputs = []
    for t in range(steps):
        new_c, new_h = cell.step(projected[:, t], recurrent, c, h)
        live = mask[:, t:t + 1]
        c, h = live * new_c + (1.0 - live) * c, live * new_h + (1.0 - live) * h
        outputs.append(live * new_h)
    return tf.stack(outputs, axis=1), h


def scan_run(cell: Lstm, inputs, mask, keep_prob: float, training: bool):
    """`_run` as one symbolic loop (tf.scan): the same values, but a graph whose size does not grow with the steps.
    Unrolled, hierdec's 256-step encoder took 107 s to trace and 131 s more to optimise, even at tiny sizes; this
    takes 2 s."""
    batch, steps = tf.shape(inputs)[0], inputs.shape[1]
    x = input_dropout(inputs, keep_prob, training)
    projected = tf.reshape(cell.project(tf.reshape(x, [-1, x.shape[2]])), [batch, steps, 4 * cell.units])
    recurrent = cell.split()[1]
    zero = tf.zeros([batch, cell.units])

    def step(carried, given):
        c, h, _ = carried
        projected_x, live = given
        new_c, new_h = cell.step(projected_x, recurrent, c, h)
        live = live[:, None]
        return live * new_c + (1.0 - live) * c, live * new_h + (1.0 - live) * h, live * new_h

    _, hs, outputs = tf.scan(step, (tf.transpose(projected, [1, 0, 2]), tf.transpose(mask)),
                             initializer=(zero, zero, zero))
    return tf.transpose(outputs, [1, 0, 2]), hs[-1]


class BidirectionalEncoder(tf.Module):
    """BidirectionalLstmEncoder: one bidirectional RNN per layer (each reading both directions' outputs of the
    layer below), the final forward and backward h to mu and softplus sigma. `run` is `_run` or `scan_run`."""

    def __init__(self, input_depth: int, z_size: int, sizes, seeds, run=_run):
        super().__init__(name=None)
        self.layers, self.run = [], run
        below = input_depth
        for k, size in enumerate(sizes):
            scope = f"encoder/cell_{k}/bidirectional_rnn/{{}}/multi_rnn_cell/cell_0/lstm_cell"
            self.layers.append((Lstm(scope.format("fw"), below, size, next(seeds)),
                                Lstm(scope.format("bw"), below, size, next(seeds))))
            below = 2 * size
        self.mu = Dense("encoder/mu", below, z_size, next(seeds), small=True)
        self.sigma = Dense("encoder/sigma", below, z_size, next(seeds), small=True)

    def weight_modules(self):
        for fw, bw in self.layers:
            yield fw
            yield bw
        yield from (self.mu, self.sigma)

    def __call__(self, inputs, mask, keep_prob: float = 1.0, training: bool = False):
        lengths = tf.cast(tf.reduce_sum(mask, axis=1), tf.int32)
        x = inputs
        for fw, bw in self.layers:
            fw_out, fw_h = self.run(fw, x, mask, keep_prob, training)
            reversed_x = tf.reverse_sequence(x, lengths, seq_axis=1, batch_axis=0)
            bw_out, bw_h = self.run(bw, reversed_x, mask, keep_prob, training)
            x = tf.concat([fw_out, tf.reverse_sequence(bw_out, lengths, seq_axis=1, batch_axis=0)], axis=2)
        final = tf.concat([fw_h, bw_h], axis=1)
        return self.mu(final), tf.nn.softplus(self.sigma(final))


def state_from(layer: Dense, sizes, embedding):
    """[(c, h)] per layer, split from tanh(dense(embedding)) in the order TF flattens a MultiRNNCell's state
    (initial_cell_state_from_embedding)."""
    flat = tf.tanh(layer(embedding))
    parts = tf.split(flat, [n for s in sizes for n in (s, s)], axis=1)
    return [(parts[2 * k], parts[2 * k + 1]) for k in range(len(sizes))]


class LstmDecoder(tf.Module):
    """A BaseLstmDecoder's weights under `prefix`: z_to_initial_state, the stacked cells reading [previous output,
    z], the output projection; and its step loop (teacher forcing or scheduled sampling)."""

    def __init__(self, prefix: str, output_depth: int, z_size: int, sizes, seeds):
        super().__init__(name=None)
        self.output_depth, self.sizes = output_depth, tuple(sizes)
        self.z_to_initial_state = Dense(f"{prefix}/z_to_initial_state", z_size, sum(2 * s for s in self.sizes),
                                        next(seeds), small=True)
        self.cells = []
        below = output_depth + z_size
        for k, size in enumerate(self.sizes):
            self.cells.append(Lstm(f"{prefix}/multi_rnn_cell/cell_{k}/lstm_cell", below, size, next(seeds)))
            below = size
        self.output_projection = Dense(f"{prefix}/output_projection", below, output_depth, next(seeds))

    def weight_modules(self):
        yield from (self.z_to_initial_state, *self.cells, self.output_projection)

    def initial_state(self, z):
        return state_from(self.z_to_initial_state, self.sizes, z)

    def logits(self, z, first, targets, sampling_probability=0.0, keep_prob: float = 1.0, training: bool = False,
               sampler=None, rng=None):
        """Logits [batch, time, output depth] reading `first` [batch, depth] at step 0, then the targets one step
        late, with z: teacher forcing, or scheduled sampling where each row's next input is, with
        `sampling_probability`, drawn from this step's logits instead of the target (ScheduledOutputTrainingHelper,
        whose first input is always the given one): by `sampler(logits, rng)`, else a class as one-hot. At
        probability 1.0 the decoder runs on its own outputs only. `rng` (a tf.random.Generator, or None for
        TensorFlow's global random ops) makes the draws."""
        batch, steps = tf.shape(targets)[0], targets.shape[1]
        state = self.initial_state(z)
        kernels = [cell.split() for cell in self.cells]
        previous = first
        logits = []
        scheduled = not (isinstance(sampling_probability, float) and sampling_probability == 0.0)
        for t in range(steps):
            x = tf.concat([previous, z], axis=1)
            for k, cell in enumerate(self.cells):
                x = input_dropout(x, keep_prob, training)
                rows, recurrent = kernels[k]
                state[k] = cell.step(cell.project(x, rows), recurrent, *state[k])
                x = state[k][1]
            step_logits = self.output_projection(x)
            logits.append(step_logits)
            previous = targets[:, t]
            if scheduled and t + 1 < steps:
                held = tf.stop_gradient(step_logits)
                drawn = sampler(held, rng) if sampler is not None else tf.one_hot(categorical(held, rng),
                                                                                  self.output_depth)
                use = tf.cast(uniform([batch, 1], rng) < sampling_probability, tf.float32)
                previous = use * drawn + (1.0 - use) * previous
        return tf.stack(logits, axis=1)


def weights_by_name(modules) -> dict[str, tf.Variable]:
    """{Magenta's variable name: variable} of the modules' kernels and biases, in their order."""
    found = {}
    for module in modules:
        found[f"{module.scope}/kernel"] = module.kernel
        found[f"{module.scope}/bias"] = module.bias
    return found


class FlatMusicVae(tf.Module):
    """The variables and forward pass of a flat MusicVAE (encoder, flat LSTM decoder): cat-mel and cat-drums
    (categorical outputs) and GrooVAE (hits, velocities and offsets; the loss and sampling are objective's heads)."""

    def __init__(self, input_depth: int, output_depth: int, z_size: int, enc_sizes, dec_sizes, seed: int = 0):
        super().__init__(name=None)
        self.input_depth, self.output_depth, self.z_size = input_depth, output_depth, z_size
        seeds = iter(range(seed * 1000, seed * 1000 + 1000))
        self.encoder = BidirectionalEncoder(input_depth, z_size, enc_sizes, seeds)
        self.decoder = LstmDecoder("decoder", output_depth, z_size, dec_sizes, seeds)
        self.global_step = tf.Variable(0, dtype=tf.int64, trainable=False, name="global_step")

    def weights_by_name(self) -> dict[str, tf.Variable]:
        """{Magenta's variable name: variable} of the trainable weights, in a fixed order."""
        return weights_by_name([*self.encoder.weight_modules(), *self.decoder.weight_modules()])

    def encode(self, inputs, mask, keep_prob: float = 1.0, training: bool = False):
        """(mu, sigma) [batch, z] of inputs [batch, time, input depth] with mask [batch, time] (1 within length)."""
        return self.encoder(inputs, mask, keep_prob, training)

    def decode_logits(self, z, targets, sampling_probability=0.0, keep_prob: float = 1.0, training: bool = False,
                      sampler=None, rng=None):
        """Logits [batch, time, output depth] reading the targets one step late (zeros first) with z
        (LstmDecoder.logits)."""
        first = tf.zeros([tf.shape(targets)[0], self.output_depth])
        return self.decoder.logits(z, first, targets, sampling_probability, keep_prob, training, sampler, rng)
