"""GrooveLstmDecoder's loss and sampling in TensorFlow: each step's output is [hit logits, velocities, offsets]
(thirds), activated as sigmoid, sigmoid and tanh.

Its _flat_reconstruction_loss per step: tf.losses.log_loss of the hits (epsilon 1e-7) plus the squared errors of
the velocities and of the offsets, each summed over the drums; the steps are masked only by each window's length
(flatten_maybe_padded_sequences), so a silent drum's velocity and offset are learnt towards their 0, and summed
per window as the other decoders' losses are.
"""

from __future__ import annotations

import tensorflow as tf

from composer_app.models.training.vae.network import uniform
from composer_app.models.training.vae.objective import Head

LOG_LOSS_EPSILON = 1e-7  # tf.losses.log_loss's default


def _thirds(x):
    return tf.split(x, 3, axis=-1)


def groove_reconstruction(targets, outputs, mask):
    """(r_loss per window, figures): the loss summed over each window's steps; `correct` / `steps` is the share
    of (step, drum) hits right at threshold 0.5, and hits_loss, velocities_loss and offsets_loss are Magenta's
    metrics (per step, over the batch's steps)."""
    target_hits, target_velocities, target_offsets = _thirds(targets)
    hit_logits, velocity_logits, offset_logits = _thirds(outputs)
    hits = tf.sigmoid(hit_logits)
    hits_loss = tf.reduce_sum(-target_hits * tf.math.log(hits + LOG_LOSS_EPSILON)
                              - (1.0 - target_hits) * tf.math.log(1.0 - hits + LOG_LOSS_EPSILON), axis=2)
    velocities_loss = tf.reduce_sum(tf.square(tf.sigmoid(velocity_logits) - target_velocities), axis=2)
    offsets_loss = tf.reduce_sum(tf.square(tf.tanh(offset_logits) - target_offsets), axis=2)
    steps = tf.reduce_sum(mask)
    right = tf.cast(tf.equal(hit_logits > 0.0, target_hits > 0.5), tf.float32) * mask[:, :, None]
    r_loss = tf.reduce_sum((hits_loss + velocities_loss + offsets_loss) * mask, axis=1)
    return r_loss, {"correct": tf.reduce_sum(right), "steps": steps * float(hit_logits.shape[-1]),
                    "hits_loss": tf.reduce_sum(hits_loss * mask) / steps,
                    "velocities_loss": tf.reduce_sum(velocities_loss * mask) / steps,
                    "offsets_loss": tf.reduce_sum(offsets_loss * mask) / steps}


def groove_sample(logits, rng=None):
    """GrooveLstmDecoder._sample at temperature 1: hits drawn as Bernoulli(sigmoid(logit)), velocities and
    offsets activated."""
    hit_logits, velocity_logits, offset_logits = _thirds(logits)
    hits = tf.cast(uniform(tf.shape(hit_logits), rng) < tf.sigmoid(hit_logits), tf.float32)
    return tf.concat([hits, tf.sigmoid(velocity_logits), tf.tanh(offset_logits)], axis=-1)


def groove_greedy(logits, rng=None):
    """The output at temperature 0: a hit where its logit is above 0."""
    hit_logits, velocity_logits, offset_logits = _thirds(logits)
    return tf.concat([tf.cast(hit_logits > 0.0, tf.float32), tf.sigmoid(velocity_logits), tf.tanh(offset_logits)],
                     axis=-1)


GROOVE = Head(groove_reconstruction, groove_sample)


def regrooved(net, inputs, mask):
    """What the model makes of encoder inputs [batch, steps, 27] as the app runs it: z = mu, then the decoder on
    its own outputs with hits at temperature 0. Returns outputs [batch, steps, 27] (hits 0/1, velocities in 0..1,
    offsets in -1..1)."""
    mu, _ = net.encode(inputs, mask)
    logits = net.decode_logits(mu, tf.zeros_like(inputs), 1.0, sampler=groove_greedy)
    return groove_greedy(logits)
