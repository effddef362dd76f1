"""Until the chord lane gives it chords, the Generate panel neither lists Improv RNN nor takes its bundles."""

from __future__ import annotations

import pytest

from composer_app.gui.generation.model_panel import ModelPanel
from composer_app.models.rnn.configs import all_configs
from tests.models.rnn.test_improv_goldens import improv_bundle


@pytest.fixture
def panel(qtbot):
    widget = ModelPanel()
    qtbot.addWidget(widget)
    return widget


def test_model_list_leaves_out_chord_conditioned_models(panel):
    """Every melody and drum model is listed; no Improv RNN config is."""
    listed = [panel.model_combo.itemData(i) for i in range(panel.model_combo.count())]
    assert listed == [c.id for c in all_configs() if not c.needs_chords]
    assert "chord_pitches_improv" not in listed


def test_an_improv_bundle_is_refused_with_the_tool_to_use(panel):
    """Choosing an Improv RNN bundle keeps the current model and points to improv_rnn_generate."""
    before = panel.model_combo.currentData()
    assert not panel.use_bundle(str(improv_bundle("chord_pitches_improv")))
    assert "improv_rnn_generate" in panel.status.text() and panel.model_combo.currentData() == before
