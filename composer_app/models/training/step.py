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
    if clip_norm > 0:
        # slim's create_train_op(clip_gradient_norm=...) clips each gradient by its own norm, not the global norm.
        grads = [tf.clip_by_norm(g, clip_norm) for g in grads]
    optimizer.apply(grads, variables)
    return loss, correct / count


def eval_step(net, inputs, labels, mask):
    """Sums for held-out metrics on one padded batch, without dropout."""
    return masked_metrics(training_logits(net, inputs, keep_prob=None), labels, mask)
