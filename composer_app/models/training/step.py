"""Magenta's objective and update as plain TF functions: masked mean cross-entropy, Adam, per-variable clipping."""

from __future__ import annotations

import tensorflow as tf

from composer_app.models.training.forward import training_logits


class Adam(tf.Module):
    """TF1 AdamOptimizer's update (beta1 0.9, beta2 0.999, epsilon 1e-8), with checkpointable slots."""

    def __init__(self, variables, learning_rate: float, beta1=0.9, beta2=0.999, epsilon=1e-8):
        super().__init__(name="adam")
        self.learning_rate = learning_rate
        self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon
        self.iterations = tf.Variable(0, dtype=tf.int64, trainable=False, name="iterations")
        self.m = [tf.Variable(tf.zeros_like(v), trainable=False, name="m") for v in variables]
        self.v = [tf.Variable(tf.zeros_like(v), trainable=False, name="v") for v in variables]

    def apply(self, grads, variables):
        t = tf.cast(self.iterations + 1, tf.float32)
        lr = self.learning_rate * tf.sqrt(1.0 - self.beta2**t) / (1.0 - self.beta1**t)
        for g, var, m, v in zip(grads, variables, self.m, self.v):
            m.assign(self.beta1 * m + (1.0 - self.beta1) * g)
            v.assign(self.beta2 * v + (1.0 - self.beta2) * tf.square(g))
            var.assign_sub(lr * m / (tf.sqrt(v) + self.epsilon))
        self.iterations.assign_add(1)


def masked_metrics(logits, labels, mask):
    """Sum of cross-entropy, number of correct argmax predictions and number of real (unpadded) steps."""
    ce = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    correct = tf.cast(tf.equal(tf.argmax(logits, axis=-1), labels), tf.float32)
    return tf.reduce_sum(ce * mask), tf.reduce_sum(correct * mask), tf.reduce_sum(mask)


def train_step(net, optimizer: Adam, variables, inputs, labels, mask, keep_prob: float, clip_norm: float):
    """One update on a padded batch; returns (mean loss, accuracy). Plain TF: wrap in tf.function / strategy.run."""
    with tf.GradientTape() as tape:
        logits = training_logits(net, inputs, keep_prob=keep_prob)
        loss_sum, correct, count = masked_metrics(logits, labels, mask)
        loss = loss_sum / count
    grads = tape.gradient(loss, variables)
    replicas = tf.distribute.get_replica_context()
    if replicas is not None and replicas.num_replicas_in_sync > 1:
        # Data-parallel under tf.distribute (strategy.run): every replica applies the mean gradient, so the
        # mirrored copies stay equal. Outside a strategy this is skipped and the step is Magenta's.
        grads = replicas.all_reduce(tf.distribute.ReduceOp.MEAN, grads)
    _clip_and_apply(optimizer, variables, grads, clip_norm)
    return loss, correct / count


def _clip_and_apply(optimizer: Adam, variables, grads, clip_norm: float) -> None:
    if clip_norm > 0:
        # slim's create_train_op(clip_gradient_norm=...) clips each gradient by its own norm, not the global norm.
        grads = [tf.clip_by_norm(g, clip_norm) for g in grads]
    optimizer.apply(grads, variables)


def eval_step(net, inputs, labels, mask):
    """Sums for held-out metrics on one padded batch, without dropout."""
    return masked_metrics(training_logits(net, inputs, keep_prob=None), labels, mask)


def gradient_sums(net, variables, inputs, labels, mask, keep_prob):
    """Gradients of the summed (not mean) loss on some rows of a batch, with the sums: the rows' parts add up."""
    with tf.GradientTape() as tape:
        loss_sum, correct, count = masked_metrics(training_logits(net, inputs, keep_prob=keep_prob), labels, mask)
    return tape.gradient(loss_sum, variables), loss_sum, correct, count


def apply_sums(optimizer: Adam, variables, grad_sums, loss_sum, correct, count, clip_norm: float):
    """train_step's update from a whole batch's gradient sums; returns (mean loss, accuracy)."""
    _clip_and_apply(optimizer, variables, [g / count for g in grad_sums], clip_norm)
    return loss_sum / count, correct / count


# Memory a padded row-step holds during a training step, per float of its widest tensors: each LSTM layer keeps its
# gates (4 units), cell and output for the backward pass, which writes gate gradients as wide again; the inputs and
# logits are held with their gradients, and TensorArray stacking copies each once more. Measured 46 KB a row-step
# for Polyphony RNN's 3x256 against 49 KB estimated.
BATCH_MEMORY_BYTES = 2 << 30


def max_row_steps(layer_sizes, input_size: int, num_classes: int, budget: int = BATCH_MEMORY_BYTES) -> int:
    """How many padded row-steps (rows x steps) one compiled step may take within `budget` bytes."""
    floats = 6 * sum(layer_sizes) + 3 * input_size + 3 * num_classes
    return max(1, budget // (2 * 4 * floats))


def row_pieces(mask, limit: int) -> list[tuple[slice, int]]:
    """Row ranges of a padded batch whose rows x (their longest row) stay within `limit` row-steps, with that
    length: a batch of long sequences is stepped a few rows at a time instead of exhausting memory."""
    lengths = mask.sum(axis=1).astype(int)
    pieces, start = [], 0
    while start < len(lengths):
        end, longest = start + 1, max(int(lengths[start]), 1)
        while end < len(lengths) and (end + 1 - start) * max(longest, int(lengths[end])) <= limit:
            longest = max(longest, int(lengths[end]))
            end += 1
        pieces.append((slice(start, end), longest))
        start = end
    return pieces


class BoundedSteps:
    """A network's compiled train and eval steps; a batch over the memory budget is split into row pieces whose
    gradient sums make the same update as the whole batch (up to rounding)."""

    def __init__(self, net, optimizer: Adam, variables, input_size: int, keep_prob, clip_norm: float,
                 limit: int):
        spec = [tf.TensorSpec([None, None, input_size], tf.float32), tf.TensorSpec([None, None], tf.int64),
                tf.TensorSpec([None, None], tf.float32)]
        scalar = tf.TensorSpec([], tf.float32)
        self.limit = limit
        self.whole = tf.function(
            lambda x, y, m: train_step(net, optimizer, variables, x, y, m, keep_prob, clip_norm), input_signature=spec)
        self.part = tf.function(lambda x, y, m: gradient_sums(net, variables, x, y, m, keep_prob),
                                input_signature=spec)
        self.update = tf.function(
            lambda g, s, c, n: apply_sums(optimizer, variables, g, s, c, n, clip_norm),
            input_signature=[[tf.TensorSpec(v.shape, v.dtype) for v in variables], scalar, scalar, scalar])
        self.score = tf.function(lambda x, y, m: eval_step(net, x, y, m), input_signature=spec)

    def _pieces(self, x, y, mask):
        for rows, length in row_pieces(mask, self.limit):
            yield x[rows, :length], y[rows, :length], mask[rows, :length]

    def train(self, x, y, mask):
        """One update on a padded batch; returns (mean loss, accuracy)."""
        if x.shape[0] * x.shape[1] <= self.limit:
            return self.whole(x, y, mask)
        total = None
        for piece in self._pieces(x, y, mask):
            grads, *sums = self.part(*piece)
            part = [*grads, *sums]
            total = part if total is None else [a + b for a, b in zip(total, part)]
        n = len(total) - 3
        return self.update(total[:n], *total[n:])

    def evaluate(self, x, y, mask):
        """Held-out sums (loss, correct, count) on a padded batch, piece by piece if it is over the budget."""
        if x.shape[0] * x.shape[1] <= self.limit:
            return self.score(x, y, mask)
        sums = [self.score(*piece) for piece in self._pieces(x, y, mask)]
        return tuple(sum(s[i] for s in sums) for i in range(3))
