"""The training step runs unchanged under tf.distribute: two data-parallel replicas make the single-device update."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

CODE = """
import numpy as np
import tensorflow as tf

cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)

from composer_app.models.rnn.configs import get_config
from composer_app.models.training.loop import Trainer

config = get_config("attention_rnn")
hparams = config.hparams.with_overrides("batch_size=4,rnn_layer_sizes=[16,16],attn_length=3,dropout_keep_prob=1.0")
enc = config.encoder()
rng = np.random.default_rng(0)
x = rng.random((4, 12, enc.input_size)).astype(np.float32)
y = rng.integers(0, enc.num_classes, (4, 12)).astype(np.int64)
mask = np.ones((4, 12), np.float32)
mask[:, 9:] = 0.0  # padding, the same amount in each half so the two replicas' means weigh alike

plain = Trainer(config, hparams, enc.input_size, enc.num_classes, None, seed=1)
for _ in range(2):
    plain.train_fn(x, y, mask)

strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
with strategy.scope():
    shared = Trainer(config, hparams, enc.input_size, enc.num_classes, None, seed=1)
halves = lambda a: strategy.experimental_distribute_values_from_function(
    lambda ctx: tf.constant(a[ctx.replica_id_in_sync_group * 2:(ctx.replica_id_in_sync_group + 1) * 2]))
from composer_app.models.training.step import train_step

step = lambda a, b, c: train_step(shared.net, shared.optimizer, shared.variables, a, b, c, None, hparams.clip_norm)
distributed_step = tf.function(lambda a, b, c: strategy.run(step, args=(a, b, c)))
for _ in range(2):
    distributed_step(halves(x), halves(y), halves(mask))

diff = max(float(tf.reduce_max(tf.abs(a - b))) for a, b in zip(plain.variables, shared.variables))
copies = max(float(tf.reduce_max(tf.abs(v.values[0] - v.values[1]))) for v in shared.variables)
moved = max(float(tf.reduce_max(tf.abs(a - b))) for a, b in zip(plain.variables, Trainer(
    config, hparams, enc.input_size, enc.num_classes, None, seed=1).variables))
print(diff, copies, moved)
"""


def test_two_replicas_match_one_device():
    """Two steps on 2 replicas (half the batch each) give the one-device weights; the mirrored copies agree."""
    out = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    diff, copies, moved = map(float, out.stdout.split()[-3:])
    assert moved > 1e-4  # the steps did change the weights
    assert diff < 1e-5 and copies == 0.0
