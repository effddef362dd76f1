"""The TF2 network reproduces the softmax Magenta's own graph computed for each fixture bundle."""

import numpy as np
import pytest

from composer_app.models.checkpoints.bundle_proto import GeneratorBundle, parse_bundle, serialize_bundle
from composer_app.models.rnn.bundle import bundle_from_bytes
from composer_app.models.rnn.scoring import score_events
from composer_app.models.rnn.weights import to_variables, weights_from_variables
from tests.models.conftest import FIXTURES, fixture_bundle_path, fixture_golden


@pytest.mark.parametrize("config_id", list(FIXTURES))
def test_softmax_matches_magenta(tiny_bundles, config_id):
    """Per-step softmax on the fixture's events matches Magenta's to 1e-5."""
    golden = fixture_golden(config_id)
    score = score_events(tiny_bundles[config_id], golden["events"], raw=True)
    np.testing.assert_allclose(score.softmax, np.array(golden["softmax"]), atol=1e-5, rtol=0)


@pytest.mark.parametrize("config_id", ["basic_rnn", "attention_rnn", "drum_kit"])
def test_sizes_come_from_the_bundle(tiny_bundles, config_id):
    """Layer sizes, attn_length, input size and classes are read from the bundle, not assumed."""
    w = tiny_bundles[config_id].weights
    assert w.layer_sizes == (32, 32)
    expected = {"basic_rnn": (38, 38, 0), "attention_rnn": (74, 40, 40), "drum_kit": (518, 512, 32)}[config_id]
    assert (w.input_size, w.num_classes, w.attn_length) == expected
    assert tiny_bundles[config_id].attn_length_source == ("none" if config_id == "basic_rnn" else "metagraph")


def _stack_layout_variables(w):
    """Rewrite single-layer-attention weights into the pre-2017 layout that wraps the whole stack.

    With one layer the two layouts compute the same function, except the attention query: the
    stack form attends with the state of every layer, which for one layer is the same (c, h).
    """
    names = to_variables(w)
    out = {}
    for name, value in names.items():
        name = name.replace("rnn/multi_rnn_cell/cell_0/attention_cell_wrapper/basic_lstm_cell",
                            "rnn/attention_cell_wrapper/multi_rnn_cell/cell_0/basic_lstm_cell")
        name = name.replace("rnn/multi_rnn_cell/cell_0/attention_cell_wrapper/attn_output_projection",
                            "rnn/attention_cell_wrapper/attention_output_projection")
        name = name.replace("rnn/multi_rnn_cell/cell_0/attention_cell_wrapper/", "rnn/attention_cell_wrapper/")
        out[name] = value
    return out


def _write_checkpoint(variables: dict, tmp_path) -> bytes:
    import tensorflow as tf

    with tf.Graph().as_default():
        tf_vars = [tf.compat.v1.Variable(v, name=k) for k, v in variables.items()]
        saver = tf.compat.v1.train.Saver(tf_vars, write_version=tf.compat.v1.train.SaverDef.V1)
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            path = saver.save(sess, str(tmp_path / "model.ckpt"), write_meta_graph=False)
    return open(path, "rb").read()


def test_old_stack_layout_and_old_names_load_and_agree(tiny_bundles, tmp_path):
    """A one-layer attention net stored in the pre-2017 stack layout with pre-TF-1.2 names gives the same outputs."""
    from composer_app.models.rnn.weights import RnnWeights

    w = tiny_bundles["attention_rnn"].weights
    # Keep only layer 0 (its 32 outputs feed the output layer directly), so both layouts are the same function.
    one_layer = RnnWeights(layers=w.layers[:1], softmax_kernel=w.softmax_kernel, softmax_bias=w.softmax_bias,
                           layout="layer0", attention=w.attention, attn_length=w.attn_length)
    new_vars = to_variables(one_layer)
    old_vars = {k.replace("/kernel", "/weights").replace("/bias", "/biases") if not k.startswith("fully") else k: v
                for k, v in _stack_layout_variables(one_layer).items()}
    assert any("attention_output_projection/weights" in k for k in old_vars)
    raw = parse_bundle(fixture_bundle_path("attention_rnn").read_bytes())
    results = []
    for variables in (new_vars, old_vars):
        ckpt = _write_checkpoint(variables, tmp_path)
        data = serialize_bundle(GeneratorBundle(raw.generator_id, raw.generator_description, (ckpt,), raw.metagraph))
        b = bundle_from_bytes(data, tmp_path / "x.mag")
        results.append((b, score_events(b, fixture_golden("attention_rnn")["events"], raw=True).softmax))
    assert results[0][0].weights.layout == "layer0" and results[1][0].weights.layout == "stack"
    np.testing.assert_allclose(results[0][1], results[1][1], atol=1e-6)


def test_weights_round_trip_through_variable_names(tiny_bundles):
    """Canonical weights written under Magenta's names read back identically."""
    w = tiny_bundles["drum_kit"].weights
    again = weights_from_variables(to_variables(w), attn_length=w.attn_length)
    for a, b in zip(again.layers, w.layers):
        np.testing.assert_array_equal(a.kernel, b.kernel)
    assert again.describe() == w.describe()
