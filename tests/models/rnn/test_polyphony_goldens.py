"""Polyphony RNN against Magenta's own bundle: exact inputs and labels, softmax to 1e-6, scoring, bundles out."""

from __future__ import annotations

import json

import numpy as np
import pytest

from composer_app.models.rnn.bundle import read_bundle
from composer_app.models.rnn.configs import get_config
from composer_app.models.rnn.inference import RnnInference
from composer_app.models.rnn.scoring import score_events
from tests.conftest import shared_path

SOFTMAX_TOLERANCE = 1e-6


def fixture(name: str, suffix: str):
    return shared_path("fixtures", "magenta-rnn2", f"{name}.{suffix}")


def golden_events(golden: dict) -> list[tuple]:
    """The fixture's [type, value] pairs as the app's event tuples."""
    return [tuple(e) for e in golden["events"]]


def test_bundle_loads_as_polyphony():
    """Magenta's polyphony bundle loads as the polyphony config, 259 inputs and classes, plain LSTMs."""
    bundle = read_bundle(fixture("polyphony", "mag"))
    assert bundle.config.id == "polyphony" and bundle.weights.layout == "none"
    assert (bundle.weights.input_size, bundle.weights.num_classes) == (259, 259)
    assert bundle.weights.layer_sizes == (32, 32)


def test_inputs_and_labels_are_magentas_exactly():
    """The one-hot inputs and labels of the 48 events equal Magenta's, bit for bit."""
    golden = json.loads(fixture("polyphony", "json").read_text())
    encoder = get_config("polyphony").encoder()
    events = golden_events(golden)
    np.testing.assert_array_equal(encoder.inputs_array(events), np.array(golden["inputs"], np.float32))
    assert encoder.labels_array(events).tolist() == golden["meta"]["labels"]
    assert [encoder.class_index_to_event(i, []) for i in golden["meta"]["labels"]][1:] == [
        (t, p if p is not None else None) for t, p in events][1:]


def test_softmax_and_score_match_magenta():
    """The numpy engine's softmax, and score_events over the events, equal the bundle's TF graph to 1e-6."""
    golden = json.loads(fixture("polyphony", "json").read_text())
    bundle = read_bundle(fixture("polyphony", "mag"))
    expected = np.array(golden["softmax"])
    softmax = RnnInference(bundle.weights).softmax(np.array(golden["inputs"], np.float32)[None])[0]
    assert np.abs(softmax - expected).max() <= SOFTMAX_TOLERANCE
    assert softmax.argmax(axis=1).tolist() == golden["meta"]["argmax"]
    score = score_events(bundle, golden_events(golden), raw=True)
    assert np.abs(score.softmax - expected).max() <= SOFTMAX_TOLERANCE
    labels = golden["meta"]["labels"][1:]
    assert score.log_likelihood == pytest.approx(float(np.sum(np.log(expected[np.arange(47), labels]))), rel=1e-5)
