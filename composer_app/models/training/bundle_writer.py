"""Writing .mag bundles that Magenta's own generate scripts load: a V1 checkpoint and a TF1 metagraph.

Magenta's generator imports the metagraph, restores the checkpoint, and then only uses five collections:
`inputs` ([batch, time, input_size]), `temperature`, `softmax` ([batch, time, classes]), and the flat
`initial_state` / `final_state` lists it feeds back step by step. The graph here computes the same network as
composer_app.models.training.network, with variables saved under Magenta's names.

A config with several softmax heads (the note encoding) gets one softmax per head in the `softmax` collection, in
head order. Magenta's own graph keeps them as one Python list, which a metagraph cannot store, so its bundles of
that config have none, and Magenta 2.1.4's generator cannot run any bundle of it (it reads one `softmax` tensor).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

from composer_app.models.checkpoints.bundle_proto import GeneratorBundle, serialize_bundle
from composer_app.models.errors import BundleError
from composer_app.models.rnn.configs import ModelConfig
from composer_app.models.rnn.weights import RnnWeights
from composer_app.said import said


def bundle_bytes(config: ModelConfig, weights: RnnWeights, description: str = "", batch_size: int = 1) -> bytes:
    """Serialize a GeneratorBundle for these weights."""
    checkpoint, metagraph = _checkpoint_and_metagraph(weights, batch_size, tuple(config.encoder().head_sizes))
    return serialize_bundle(GeneratorBundle(
        generator_id=config.generator_id, generator_description=config.magenta_description or config.description,
        checkpoint_files=(checkpoint,), metagraph=metagraph, bundle_description=description))


def write_bundle(path: str | os.PathLike, config: ModelConfig, weights: RnnWeights, description: str = "",
                 batch_size: int = 1) -> Path:
    """Write a .mag atomically (temporary file, then rename): a failure never leaves a partial bundle."""
    from composer_app.atomic_file import write_atomically

    path = Path(path)
    data = bundle_bytes(config, weights, description, batch_size)
    if not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise BundleError(path, said("cannot write in {folder}: no such folder").format(folder=str(path.parent)))
    try:
        return write_atomically(path, lambda fh: fh.write(data))
    except OSError as exc:
        raise BundleError(path, said("could not write the bundle: {reason}").format(
            reason=exc.strerror or str(exc))) from None


def _magenta_state_order(net) -> list[int]:
    """Indices into EventsRnn's flat state, in the order Magenta's MultiRNNCell flattens its state.

    EventsRnn keeps (c0, h0, c1, h1, ..., attns, history); Magenta nests the attention state inside layer 0
    (layer-0 layout) or after all layers (stack layout).
    """
    n = len(net.layer_sizes)
    lstm = list(range(2 * n))
    if not net.has_attention:
        return lstm
    if net.layout == "stack":
        return lstm + [2 * n, 2 * n + 1]
    return [0, 1, 2 * n, 2 * n + 1] + lstm[2:]


def _checkpoint_and_metagraph(weights: RnnWeights, batch_size: int, head_sizes: tuple[int, ...] = ()
                              ) -> tuple[bytes, bytes]:
    import tensorflow as tf

    from composer_app.models.rnn.weights import to_variables
    from composer_app.models.training.network import EventsRnn

    v1 = tf.compat.v1
    graph = tf.Graph()
    with graph.as_default():
        net = EventsRnn(weights, zeros=True)
        inputs = v1.placeholder(tf.float32, [batch_size, None, weights.input_size], name="inputs")
        temperature = v1.placeholder_with_default(1.0, [], name="temperature")
        order = _magenta_state_order(net)
        zero = net.zero_state(batch_size)
        initial_flat = []
        with tf.name_scope("MultiRNNCellZeroState"):
            for index in order:
                is_attention = net.has_attention and index >= 2 * len(net.layer_sizes)
                scope = "AttentionCellWrapperZeroState" if is_attention else "BasicLSTMCellZeroState"
                width = int(np.prod(zero[index].shape.as_list()[1:]))
                with tf.name_scope(scope):
                    # Magenta feeds these tensors; 2-D like its own (attention history: attn_length x size).
                    initial_flat.append(tf.zeros([batch_size, width], name="zeros"))
        state = [None] * len(order)
        for flat_index, index in enumerate(order):
            state[index] = tf.reshape(initial_flat[flat_index], tf.shape(zero[index]))
        logits, final = net.run(inputs, state=tuple(state))
        if len(head_sizes) > 1:
            ends = np.cumsum((0,) + head_sizes)
            softmax = [tf.nn.softmax(logits[..., ends[i]:ends[i + 1]] / temperature, name=f"softmax_{i}")
                       for i in range(len(head_sizes))]
        else:
            softmax = [tf.nn.softmax(logits / temperature, name="softmax")]
        final_flat = [tf.reshape(final[index], [batch_size, -1], name=f"final_state_{i}")
                      for i, index in enumerate(order)]
        for name, tensors in (("inputs", [inputs]), ("temperature", [temperature]), ("softmax", softmax),
                              ("initial_state", initial_flat), ("final_state", final_flat)):
            for t in tensors:
                graph.add_to_collection(name, t)
        names_to_vars = net.variables_by_magenta_name()
        values = to_variables(weights)
        saver = v1.train.Saver(names_to_vars, sharded=False, write_version=v1.train.SaverDef.V1)
        with v1.Session(graph=graph) as sess, tempfile.TemporaryDirectory(prefix="composer-export-") as tmp:
            sess.run(v1.global_variables_initializer())
            for name, var in names_to_vars.items():
                var.load(values[name], sess)
            ckpt_path = saver.save(sess, os.path.join(tmp, "model.ckpt"), write_meta_graph=False)
            checkpoint = Path(ckpt_path).read_bytes()
            meta = saver.export_meta_graph(
                collection_list=["inputs", "temperature", "softmax", "initial_state", "final_state"],
                clear_devices=True, strip_default_attrs=True)
    return checkpoint, meta.SerializeToString()

