"""Until their panels exist, the Generate panel lists neither Improv, Polyphony nor Performance RNN, nor takes their
bundles (it names the command line to use)."""

from __future__ import annotations

import pytest

from composer_app.gui.generation.model_panel import ModelPanel
from composer_app.models.rnn.configs import all_configs
from tests.conftest import shared_path
from tests.models.rnn.test_improv_goldens import improv_bundle


@pytest.fixture
def panel(qtbot):
    widget = ModelPanel()
    qtbot.addWidget(widget)
    return widget


def test_model_list_leaves_out_chord_conditioned_models(panel):
    """Every melody and drum model is listed; no Improv, Polyphony or Performance RNN config is."""
    listed = [panel.model_combo.itemData(i) for i in range(panel.model_combo.count())]
    assert listed == [c.id for c in all_configs() if c.family in ("melody", "drums")]
    assert not {"chord_pitches_improv", "polyphony", "performance_with_dynamics"} & set(listed)


@pytest.mark.parametrize("name,tool", [("polyphony", "polyphony_rnn_generate"),
                                       ("performance_with_dynamics", "performance_rnn_generate")])
def test_polyphony_and_performance_bundles_are_refused_with_their_tool(panel, name, tool):
    """Choosing a Polyphony or Performance RNN bundle keeps the current model and names its command line."""
    before = panel.model_combo.currentData()
    assert not panel.use_bundle(str(shared_path("fixtures", "magenta-rnn2", f"{name}.mag")))
    assert tool in panel.status.text() and panel.model_combo.currentData() == before


def test_an_improv_bundle_is_refused_with_the_tool_to_use(panel):
    """Choosing an Improv RNN bundle keeps the current model and points to improv_rnn_generate."""
    before = panel.model_combo.currentData()
    assert not panel.use_bundle(str(improv_bundle("chord_pitches_improv")))
    assert "improv_rnn_generate" in panel.status.text() and panel.model_combo.currentData() == before
