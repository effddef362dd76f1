"""Polyphony and Performance RNN trained end to end: tiny runs whose bundles our generator loads and plays."""

from __future__ import annotations

import numpy as np
import pytest

from composer_app.models.rnn.configs import get_config
from composer_app.models.training.corpus import SourceFile
from composer_app.models.training.data import prepare_data
from composer_app.models.training.dataset import OneHotRows, dense_rows
from composer_app.models.training.loop import TrainingRequest, train
from tests.models.training.pipelines.timed_pieces import write_chorales, write_performances

TINY = "batch_size=4,rnn_layer_sizes=[8],dropout_keep_prob=1.0"


def _train(tmp_path, config_id: str, folder):
    return train(TrainingRequest(config_id=config_id, output=tmp_path / "out.mag", inputs=(folder,), hparams=TINY,
                                 steps=2, eval_ratio=0.3, eval_every=2, checkpoint_every=2,
                                 cache_dir=tmp_path / "cache"))


def _generates(path, num_steps: int):
    from composer_app.models.rnn.bundle import read_bundle
    from composer_app.models.rnn.timed_generator import TimedGenerator, TimedRequest

    bundle = read_bundle(path)
    primer = ((0, None),) if bundle.config.family == "polyphony" else ((3, 100),)
    result = TimedGenerator(bundle).generate(TimedRequest(bundle, primer, num_steps, seed=1))
    return bundle, list(result.events[0])


def test_polyphony_trains_into_a_bundle_we_generate_from(tmp_path):
    """Four chorales in nine keys each: a bundle of the polyphony config whose events the generator extends."""
    pytest.importorskip("tensorflow")
    from composer_app.music.encodings import polyphony as poly

    write_chorales(tmp_path / "in", 4)
    result = _train(tmp_path, "polyphony", tmp_path / "in")
    assert result.report.train_sequences + result.report.eval_sequences == 36
    bundle, events = _generates(result.bundle, 16)
    assert bundle.config.id == "polyphony" and bundle.weights.input_size == 259
    assert len(events) > 1 and poly.num_steps(poly.set_length(events, 16)) == 16  # an END may stop it early
    poly.notes_from_events(poly.set_length(events, 16))


def test_performance_with_dynamics_trains_into_a_bundle_we_generate_from(tmp_path):
    """Pedalled performances: the held-out file keeps its two plain spans only, training files all 70 copies."""
    pytest.importorskip("tensorflow")
    from composer_app.music.encodings import performance as perf

    write_performances(tmp_path / "in", 3)
    result = _train(tmp_path, "performance_with_dynamics", tmp_path / "in")
    report = result.report
    assert (report.train_files, report.eval_files) == (2, 1)
    assert (report.train_sequences, report.eval_sequences) == (140, 2)
    bundle, events = _generates(result.bundle, 50)
    assert bundle.config.generator_id == "performance_with_dynamics" and bundle.weights.input_size == 388
    assert perf.performance_steps(events) >= 50


def test_one_hot_inputs_are_stored_compactly_and_exported_whole(tmp_path):
    """Conditioned one-hot inputs are kept as a control block and class numbers, and the SequenceExamples for
    Magenta's trainer hold the full rows (controls first), as its EncoderPipeline writes them."""
    tf = pytest.importorskip("tensorflow")
    from composer_app.models.training.dataset import write_sequence_examples

    config = get_config("multiconditioned_performance_with_dynamics")
    sources = [SourceFile(p, split="train") for p in write_performances(tmp_path / "in", 1, seconds=12)]
    data = prepare_data(config, sources, 0.0).train
    assert len(data) == 35 and isinstance(data.inputs[0], OneHotRows) and data.inputs[0].controls.shape[1] == 20
    write_sequence_examples(data, tmp_path / "t.tfrecord")
    raw = next(iter(tf.data.TFRecordDataset(str(tmp_path / "t.tfrecord"))))
    _, seq = tf.io.parse_single_sequence_example(raw, sequence_features={
        "inputs": tf.io.FixedLenSequenceFeature([config.encoder().input_size], tf.float32),
        "labels": tf.io.FixedLenSequenceFeature([], tf.int64)})
    rows = dense_rows(data.inputs[0])
    np.testing.assert_array_equal(seq["inputs"].numpy(), rows)
    np.testing.assert_array_equal(seq["labels"].numpy(), data.labels[0])
    np.testing.assert_array_equal(rows[1:, 20:].argmax(axis=1), data.labels[0][:-1])
