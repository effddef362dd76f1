"""Magenta's MusicVAE objective and update: β, learning-rate and sampling schedules, the ELBO with free bits, TF1's
Adam (its slot names, so the checkpoint is a Magenta training checkpoint) and global-norm clipping."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import tensorflow as tf

from composer_app.models.training.vae.network import normal

LN2 = math.log(2.0)


def beta(step, max_beta: float, beta_rate: float):
    """The KL weight at a step: (1 - beta_rate^step) * max_beta (annealed towards max_beta)."""
    return (1.0 - tf.pow(tf.constant(beta_rate, tf.float32), tf.cast(step, tf.float32))) * max_beta


def learning_rate(step, rate: float, decay_rate: float, min_rate: float):
    """(learning_rate - min_learning_rate) * decay_rate^step + min_learning_rate."""
    decay = tf.pow(tf.constant(decay_rate, tf.float32), tf.cast(step, tf.float32))
    return (rate - min_rate) * decay + min_rate


def free_nats(free_bits: float) -> float:
    return free_bits * LN2


def sampling_probability(step, schedule: str, rate: float, training: bool = True):
    """The chance that a decoder step reads its own sample instead of the target (lstm_utils' schedules):
    constant `rate`; exponential 1 - rate^step; inverse_sigmoid 1 - rate / (rate + exp(step / rate)). Outside
    training a config with a schedule decodes from its own samples only (1.0), as Magenta's eval does."""
    if not schedule or (schedule == "constant" and rate == 0):
        return 0.0
    if not training:
        return 1.0
    step = tf.cast(step, tf.float32)
    if schedule == "constant":
        return tf.constant(rate, tf.float32)
    k = tf.constant(rate, tf.float32)
    if schedule == "inverse_sigmoid":
        return 1.0 - k / (k + tf.exp(step / k))
    return 1.0 - tf.pow(k, step)  # exponential


def kl_to_standard_normal(mu, sigma):
    """KL(N(mu, diag sigma²) || N(0, I)) per row, in nats."""
    return tf.reduce_sum(0.5 * (tf.square(mu) + tf.square(sigma) - 1.0) - tf.math.log(sigma), axis=1)


@dataclass(frozen=True)
class Head:
    """What the decoder's outputs are: the reconstruction loss per row (with its figures: `correct` and `steps`
    give the accuracy) and, for scheduled sampling, how a step's output becomes the next input (None: a class
    drawn from the logits, as one-hot)."""

    reconstruction: Callable
    sampler: Callable | None = None


def categorical_reconstruction(targets, logits, mask):
    """CategoricalLstmDecoder: softmax cross-entropy summed over each row's steps; accuracy of the argmax."""
    ce = tf.nn.softmax_cross_entropy_with_logits(labels=targets, logits=logits) * mask
    right = tf.cast(tf.equal(tf.argmax(logits, axis=2), tf.argmax(targets, axis=2)), tf.float32) * mask
    return tf.reduce_sum(ce, axis=1), {"correct": tf.reduce_sum(right), "steps": tf.reduce_sum(mask)}


CATEGORICAL = Head(categorical_reconstruction)


def losses(net, hp, step, inputs, targets, mask, training: bool, head: Head = CATEGORICAL, rng=None):
    """Magenta's _compute_model_loss for a padded batch: z drawn from q(z|x), the decoder's reconstruction loss
    summed over each row's steps, KL with free bits, loss = mean(r) + β mean(max(KL - free nats, 0)).

    Returns {loss, r_loss, kl_bits, beta, correct, steps, kl_cost} (batch means, except the counts) and the
    head's other figures."""
    keep = float(hp.dropout_keep_prob)
    mu, sigma = net.encode(inputs, mask, keep, training)
    z = mu + sigma * normal(tf.shape(mu), rng)
    kl = kl_to_standard_normal(mu, sigma)
    p = sampling_probability(step, hp.sampling_schedule, float(hp.sampling_rate), training)
    logits = net.decode_logits(z, targets, p, keep, training, sampler=head.sampler, rng=rng)
    r_loss, figures = head.reconstruction(targets, logits, mask)
    kl_cost = tf.maximum(kl - free_nats(float(hp.free_bits)), 0.0)
    weight = beta(step, float(hp.max_beta), float(hp.beta_rate))
    loss = tf.reduce_mean(r_loss) + weight * tf.reduce_mean(kl_cost)
    return {**figures, "loss": loss, "r_loss": tf.reduce_mean(r_loss), "kl_bits": tf.reduce_mean(kl) / LN2,
            "beta": weight, "kl_cost": tf.reduce_mean(kl_cost)}


class Adam(tf.Module):
    """TF1 AdamOptimizer (beta1 0.9, beta2 0.999, epsilon 1e-8) with its variables' names: NAME/Adam, NAME/Adam_1,
    beta1_power and beta2_power; the learning rate is given at each update (Magenta's decays)."""

    def __init__(self, named: dict[str, tf.Variable], beta1=0.9, beta2=0.999, epsilon=1e-8):
        super().__init__(name=None)
        self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon
        self.names = list(named)
        self.m = [tf.Variable(tf.zeros_like(v), trainable=False, name=f"{n}/Adam") for n, v in named.items()]
        self.v = [tf.Variable(tf.zeros_like(v), trainable=False, name=f"{n}/Adam_1") for n, v in named.items()]
        self.beta1_power = tf.Variable(beta1, dtype=tf.float32, trainable=False, name="beta1_power")
        self.beta2_power = tf.Variable(beta2, dtype=tf.float32, trainable=False, name="beta2_power")

    def variables_by_name(self) -> dict[str, tf.Variable]:
        found = {"beta1_power": self.beta1_power, "beta2_power": self.beta2_power}
        for name, m, v in zip(self.names, self.m, self.v):
            found[f"{name}/Adam"], found[f"{name}/Adam_1"] = m, v
        return found

    def apply(self, grads, variables, rate):
        lr = rate * tf.sqrt(1.0 - self.beta2_power) / (1.0 - self.beta1_power)
        for g, var, m, v in zip(grads, variables, self.m, self.v):
            m.assign(self.beta1 * m + (1.0 - self.beta1) * g)
            v.assign(self.beta2 * v + (1.0 - self.beta2) * tf.square(g))
            var.assign_sub(lr * m / (tf.sqrt(v) + self.epsilon))
        self.beta1_power.assign(self.beta1_power * self.beta1)
        self.beta2_power.assign(self.beta2_power * self.beta2)


def clipped(grads, hp):
    """music_vae_train's clipping: by value, or by the global norm unless that norm reaches
    grad_norm_clip_to_zero, when the step's gradients are all zero."""
    if hp.clip_mode == "value":
        return [tf.clip_by_value(g, -hp.grad_clip, hp.grad_clip) for g in grads]
    norm = tf.linalg.global_norm(grads)
    scaled, _ = tf.clip_by_global_norm(grads, float(hp.grad_clip), use_norm=norm)
    keep = tf.cast(norm < float(hp.grad_norm_clip_to_zero), tf.float32)
    return [g * keep for g in scaled]


def train_step(net, optimizer: Adam, variables, hp, inputs, targets, mask, head: Head = CATEGORICAL):
    """One update at the net's global step; returns the step's figures and its learning rate."""
    step = net.global_step
    with tf.GradientTape() as tape:
        out = losses(net, hp, step, inputs, targets, mask, training=True, head=head)
    grads = tape.gradient(out["loss"], variables)
    rate = learning_rate(step, float(hp.learning_rate), float(hp.decay_rate), float(hp.min_learning_rate))
    optimizer.apply(clipped(grads, hp), variables, rate)
    net.global_step.assign_add(1)
    return {**out, "learning_rate": rate}
