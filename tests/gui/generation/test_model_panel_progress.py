"""The model panel's progress bar: full after the last step, still after a wait."""

from __future__ import annotations

import pytest

from composer_app.gui.generation.model_panel import ModelPanel


@pytest.fixture
def panel(qtbot):
    widget = ModelPanel()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_finished_generation_leaves_the_bar_full_and_a_loading_one_stops(qtbot, panel):
    """After the last step the bar stays full ("32 / 32"), not a third filled; a waiting bar stops moving."""
    panel.set_busy(True)
    panel.show_progress(32, 32)
    panel.set_busy(False)
    assert panel.progress.value() == panel.progress.maximum() == 32
    panel.set_busy(True)
    panel.show_waiting("loading")
    panel.set_busy(False)
    assert panel.progress.maximum() > 0 and panel.progress.value() == 0
