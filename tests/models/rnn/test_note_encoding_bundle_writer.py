"""The bundle writer with the note encoding: weights read back the same, one softmax per head in the metagraph,
and Magenta 2.1.4's generator refuses it as it refuses its own bundles of this config."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest

from composer_app.models.checkpoints.bundle_proto import parse_bundle
from composer_app.models.rnn.bundle import read_bundle
from composer_app.models.rnn.inference import RnnInference
from composer_app.models.training.bundle_writer import write_bundle
from tests.models.rnn.test_bundle import MAGENTA_VENV
from tests.models.rnn.test_note_encoding_goldens import CONFIG, DATA, bundle, golden


def test_written_bundle_reads_back_the_same(tmp_path):
    """Same id and weights back; the engine's per-head softmax is unchanged."""
    pytest.importorskip("tensorflow")
    original = bundle()
    back = read_bundle(write_bundle(tmp_path / "ours.mag", original.config, original.weights, "from composer-app"))
    assert back.generator_id == CONFIG and back.weights.describe() == original.weights.describe()
    inputs = np.array(golden()["inputs"], np.float32)[None]
    heads = original.config.encoder().head_sizes
    for ours, theirs in zip(RnnInference(back.weights).softmax(inputs, heads),
                            RnnInference(original.weights).softmax(inputs, heads)):
        np.testing.assert_array_equal(ours, theirs)


def test_written_metagraph_has_one_softmax_per_head_as_magentas_graph(tmp_path):
    """Imported into TensorFlow, the written bundle's six `softmax` tensors give Magenta's per-head softmaxes."""
    tf = pytest.importorskip("tensorflow")
    original = bundle()
    path = write_bundle(tmp_path / "ours.mag", original.config, original.weights)
    raw = parse_bundle(path.read_bytes())
    data = golden()
    v1 = tf.compat.v1
    with tempfile.TemporaryDirectory() as tmp, tf.Graph().as_default() as graph:
        meta = os.path.join(tmp, "model.meta")
        ckpt = os.path.join(tmp, "model.ckpt")
        Path(meta).write_bytes(raw.metagraph)
        Path(ckpt).write_bytes(raw.checkpoint_files[0])
        saver = v1.train.import_meta_graph(meta)
        with v1.Session(graph=graph) as sess:
            saver.restore(sess, ckpt)
            heads = graph.get_collection("softmax")
            values = sess.run(heads, {graph.get_collection("inputs")[0]: np.array(data["inputs"], np.float32)[None]})
    assert [v.shape[-1] for v in values] == data["num_classes"]
    for ours, theirs in zip(values, data["softmax"]):
        assert np.abs(ours[0] - np.array(theirs)).max() <= 1e-5


def test_magentas_generator_cannot_run_a_bundle_of_this_config(tmp_path):
    """Magenta 2.1.4's performance_rnn_generate fails on its own bundle of this config (no `softmax` collection
    survives its metagraph): the reason this app's writer is not checked against it."""
    exe = MAGENTA_VENV / "bin" / "performance_rnn_generate"
    if not exe.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    assert json.loads((DATA / f"{CONFIG}.json").read_text())["softmax_collection_empty"] is True
    proc = subprocess.run([str(exe), f"--config={CONFIG}", f"--bundle_file={DATA / f'{CONFIG}.mag'}",
                           f"--output_dir={tmp_path}", "--num_outputs=1", "--num_steps=200",
                           "--primer_melody=[60, -2, 64]"],
                          capture_output=True, text=True, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}, timeout=300)
    assert proc.returncode != 0 and "get_collection('softmax')[0]" in proc.stderr
    assert not list(tmp_path.glob("*.mid"))
