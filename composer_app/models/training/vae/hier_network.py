"""hierdec's MusicVAE in TensorFlow for training: the bidirectional encoder and Magenta's HierarchicalLstmDecoder
without autoregression over a categorical core decoder, with Magenta's variable names and shapes.

The conductor (decoder/hierarchical_level_0) gets its initial state from z and reads a single zero a step, giving
one embedding per bar; the core decoder (core_decoder/decoder) is initialised from its bar's embedding and reads
it as its z. Magenta decodes the bars one after another, but in training each bar depends only on its embedding
and the targets: its first input is the previous bar's last target (x_input, the targets one step late, cut into
bars), and scheduled sampling draws only within a bar. So the bars run as one batch of batch x bars rows: the
same values in 16 unrolled steps instead of 256.
"""

from __future__ import annotations

import tensorflow as tf

from composer_app.models.training.vae.network import (
    BidirectionalEncoder,
    Dense,
    Lstm,
    LstmDecoder,
    input_dropout,
    scan_run,
    state_from,
    weights_by_name,
)

CONDUCTOR = "decoder/hierarchical_level_0"


class Conductor(tf.Module):
    """The hierarchy's one level above the core decoder: stacked cells under CONDUCTOR (cell_k/lstm_cell, the first
    reading one zero) and the dense layer from z to their initial state."""

    def __init__(self, z_size: int, sizes, seeds):
        super().__init__(name=None)
        self.sizes = tuple(sizes)
        self.cells = []
        below = 1
        for k, size in enumerate(self.sizes):
            self.cells.append(Lstm(f"{CONDUCTOR}/cell_{k}/lstm_cell", below, size, next(seeds)))
            below = size
        self.initial_state = Dense(f"{CONDUCTOR}/initial_state", z_size, sum(2 * s for s in self.sizes), next(seeds),
                                   small=True)

    def weight_modules(self):
        yield from (*self.cells, self.initial_state)

    def __call__(self, z, bars: int, keep_prob: float = 1.0):
        """The embeddings [batch, bars, units]: the top cell's output at each of `bars` steps.

        Magenta builds these cells without is_training, so their input dropout applies in eval too."""
        state = state_from(self.initial_state, self.sizes, z)
        zero = tf.zeros([tf.shape(z)[0], 1])
        outputs = []
        for _ in range(bars):
            x = zero
            for k, cell in enumerate(self.cells):
                x = input_dropout(x, keep_prob, True)
                state[k] = cell.step(cell.project(x), cell.split()[1], *state[k])
                x = state[k][1]
            outputs.append(x)
        return tf.stack(outputs, axis=1)


class HierMusicVae(tf.Module):
    """hierdec-mel's variables and forward pass: the encoder over the whole window (one symbolic loop), the
    conductor over `level_lengths[0]` bars, the core decoder over `level_lengths[1]` steps a bar."""

    def __init__(self, input_depth: int, output_depth: int, z_size: int, enc_sizes, dec_sizes,
                 level_lengths: tuple[int, int] = (16, 16), seed: int = 0):
        super().__init__(name=None)
        self.input_depth, self.output_depth, self.z_size = input_depth, output_depth, z_size
        self.bars, self.bar_steps = level_lengths
        seeds = iter(range(seed * 1000, seed * 1000 + 1000))
        self.encoder = BidirectionalEncoder(input_depth, z_size, enc_sizes, seeds, run=scan_run)
        self.conductor = Conductor(z_size, dec_sizes, seeds)
        # The core decoder is built from dec_rnn_size too, and its "z" is the conductor's output.
        self.decoder = LstmDecoder("core_decoder/decoder", output_depth, dec_sizes[-1], dec_sizes, seeds)
        self.global_step = tf.Variable(0, dtype=tf.int64, trainable=False, name="global_step")

    def weights_by_name(self) -> dict[str, tf.Variable]:
        return weights_by_name([*self.encoder.weight_modules(), *self.conductor.weight_modules(),
                                *self.decoder.weight_modules()])

    def encode(self, inputs, mask, keep_prob: float = 1.0, training: bool = False):
        return self.encoder(inputs, mask, keep_prob, training)

    def decode_logits(self, z, targets, sampling_probability=0.0, keep_prob: float = 1.0, training: bool = False,
                      sampler=None, rng=None):
        """Logits [batch, bars x steps, depth] for targets of exactly that many steps (Magenta requires
        max_seq_len to be the product of the level lengths), each bar's core decoder run by LstmDecoder.logits."""
        steps, depth = targets.shape[1], self.output_depth
        if steps != self.bars * self.bar_steps:
            raise ValueError(f"hierarchical decoding needs {self.bars * self.bar_steps} steps, got {steps}")
        batch = tf.shape(targets)[0]
        embeddings = self.conductor(z, self.bars, keep_prob)
        rows = tf.reshape(embeddings, [-1, embeddings.shape[2]])  # row b * bars + k: batch row b, bar k
        bar_targets = tf.reshape(targets, [-1, self.bar_steps, depth])
        late = tf.pad(targets[:, :-1], [(0, 0), (1, 0), (0, 0)])
        first = tf.reshape(late[:, ::self.bar_steps], [-1, depth])
        logits = self.decoder.logits(rows, first, bar_targets, sampling_probability, keep_prob, training, sampler,
                                     rng)
        return tf.reshape(logits, [batch, steps, depth])
