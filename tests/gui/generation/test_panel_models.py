"""The RNN panel lists the melody, drum and Improv RNN models and takes their bundles; Polyphony and Performance
RNN bundles, which have their own tabs, are refused with where they go (the dock routes them there)."""

from __future__ import annotations

import pytest

from composer_app.gui.generation.model_panel import ModelPanel
from composer_app.models.rnn.configs import all_configs
from tests.conftest import shared_path


@pytest.fixture
def panel(qtbot):
    widget = ModelPanel()
    qtbot.addWidget(widget)
    return widget


def test_model_list_has_melody_drum_and_improv_models(panel):
    """Every melody, drum and Improv RNN model is listed; no Polyphony or Performance RNN config is."""
    listed = [panel.model_combo.itemData(i) for i in range(panel.model_combo.count())]
    assert listed == [c.id for c in all_configs() if c.family in ("melody", "drums", "improv")]
    assert {"basic_improv", "attention_improv", "chord_pitches_improv"} <= set(listed)
    assert not {"polyphony", "performance_with_dynamics"} & set(listed)


@pytest.mark.parametrize("name,title", [("polyphony", "Polyphony RNN"),
                                        ("performance_with_dynamics", "Performance RNN (dynamics)")])
def test_polyphony_and_performance_bundles_are_refused_with_their_tab(panel, name, title):
    """On its own (no dock to route to), the panel keeps its model and says the bundle has its own tab."""
    before = panel.model_combo.currentData()
    assert not panel.use_bundle(str(shared_path("fixtures", "magenta-rnn2", f"{name}.mag")))
    assert f"a {title} bundle: open it in its own tab" in panel.status.text()
    assert panel.model_combo.currentData() == before


def test_an_improv_bundle_switches_the_panel_to_its_model(panel, improv_bundle):
    """Choosing an Improv RNN bundle selects its model and the bundle, with nothing refused."""
    path = improv_bundle()
    assert panel.use_bundle(str(path))
    assert panel.model_combo.currentData() == "chord_pitches_improv"
    assert panel.bundle_picker.bundle_path == str(path) and "improv_rnn_generate" not in panel.status.text()
    assert "chord lane" in panel.model_description.text()
    panel.set_model("basic_rnn")
    assert "chord lane" not in panel.model_description.text()
