"""Performance RNN against Magenta's own bundles: exact inputs (controls too), softmax to 1e-6, scoring."""

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
PERFORMANCE = ["performance_with_dynamics", "multiconditioned_performance_with_dynamics"]


def fixture(name: str, suffix: str):
    return shared_path("fixtures", "magenta-rnn2", f"{name}.{suffix}")


def golden(name: str) -> dict:
    return json.loads(fixture(name, "json").read_text())


def events_of(data: dict) -> list[tuple]:
    return [tuple(e) for e in data["events"]]


def controls_of(data: dict) -> list | None:
    """The fixture's control events as the app's tuples (one value per signal), or None when unconditioned."""
    if "control_events" not in data:
        return None
    return [tuple(c) for c in data["control_events"]]


@pytest.mark.parametrize("name", PERFORMANCE)
def test_bundle_loads_as_its_config(name):
    """Magenta's bundle loads as its config, with the encoder's widths (388 classes, 32 velocity bins)."""
    bundle = read_bundle(fixture(name, "mag"))
    data = golden(name)
    assert bundle.config.id == name == data["generator_id"]
    assert (bundle.weights.input_size, bundle.weights.num_classes) == (data["meta"]["input_size"], 388)


@pytest.mark.parametrize("name", PERFORMANCE)
def test_inputs_and_labels_are_magentas_exactly(name):
    """Inputs (the control block first where conditioned) and labels equal Magenta's, bit for bit."""
    data = golden(name)
    encoder = get_config(name).encoder()
    controls = controls_of(data)
    events = events_of(data)
    inputs = encoder.inputs_array(controls, events) if controls else encoder.inputs_array(events)
    np.testing.assert_array_equal(inputs, np.array(data["inputs"], np.float32))
    assert encoder.labels_array(events).tolist() == data["meta"]["labels"]


def test_control_signals_extract_magentas_values():
    """Note density and pitch-class histogram, extracted over the 49-event performance, are Magenta's values."""
    data = golden("multiconditioned_performance_with_dynamics")
    config = get_config("multiconditioned_performance_with_dynamics")
    performance = events_of(data) + [tuple(data["meta"]["performance_49th_event"])]
    density, histogram = config.control_signals
    assert density.extract(performance) == [c[0] for c in data["control_events"]]
    assert histogram.extract(performance) == [c[1] for c in data["control_events"]]
    assert data["control_signals"] == [density.name, histogram.name]


@pytest.mark.parametrize("name", PERFORMANCE)
def test_softmax_and_score_match_magenta(name):
    """The engine's softmax and score_events (controls of event t + 1 on row t) equal the TF graph to 1e-6."""
    data = golden(name)
    bundle = read_bundle(fixture(name, "mag"))
    expected = np.array(data["softmax"])
    softmax = RnnInference(bundle.weights).softmax(np.array(data["inputs"], np.float32)[None])[0]
    assert np.abs(softmax - expected).max() <= SOFTMAX_TOLERANCE
    assert softmax.argmax(axis=1).tolist() == data["meta"]["argmax"]
    score = score_events(bundle, events_of(data), raw=True, controls=controls_of(data))
    assert np.abs(score.softmax - expected).max() <= SOFTMAX_TOLERANCE
