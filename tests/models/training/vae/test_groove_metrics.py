"""GrooVAE held-out figures against hand-computed values: timing in ms and velocity errors of matched hits, hit
precision and recall, and the input-as-output baseline."""

from __future__ import annotations

import numpy as np
import pytest

from composer_app.models.training.vae.groove_metrics import (
    baseline_output,
    flat_velocity,
    groove_errors,
    groove_report,
    report_line,
)


def _grid(hits: dict) -> np.ndarray:
    """One 2-bar window of {(step, drum): (velocity 0..1, offset -1..1)} hits."""
    g = np.zeros((1, 32, 27), np.float32)
    for (step, drum), (velocity, offset) in hits.items():
        g[0, step, drum], g[0, step, 9 + drum], g[0, step, 18 + drum] = 1.0, velocity, offset
    return g


def test_errors_count_only_hits_placed_where_played():
    """At 0.125 s a 16th, offsets 0.4 against 0.0 are 25 ms apart; velocities 100 against 80 are 20 apart; a hit
    the model adds and one it misses count in precision and recall, not in the errors."""
    performed = _grid({(0, 0): (80 / 127, 0.0), (4, 1): (60 / 127, -0.2), (8, 2): (50 / 127, 0.0)})
    placed = _grid({(0, 0): (100 / 127, 0.4), (4, 1): (60 / 127, -0.2), (12, 2): (1.0, 0.0)})
    got = groove_errors(placed, performed, np.array([0.125]))
    assert got["timing_error_ms"] == pytest.approx(12.5, rel=1e-5)  # (25 + 0) / 2
    assert got["velocity_error"] == pytest.approx(10.0)
    assert (got["matched_hits"], got["placed_hits"], got["performed_hits"]) == (2, 3, 3)
    assert got["hit_precision"] == pytest.approx(2 / 3) and got["hit_recall"] == pytest.approx(2 / 3)
    assert groove_errors(np.zeros_like(placed), performed, np.array([0.125]))["timing_error_ms"] is None


def test_baseline_is_the_input_with_a_flat_velocity():
    """A humanized input (velocities and offsets zero) becomes hits at the training median velocity, on the grid;
    an input with velocities keeps them."""
    train = _grid({(0, 0): (0.2, 0.0), (1, 0): (0.4, 0.0), (2, 0): (0.9, 0.0)})
    flat = flat_velocity(train)
    assert flat == pytest.approx(0.4)
    humanized = _grid({(0, 0): (0.0, 0.0)})
    out = baseline_output(humanized, flat)
    assert out[0, 0, 0] == 1.0 and out[0, 0, 9] == pytest.approx(0.4) and out[0, 0, 18] == 0.0
    assert baseline_output(_grid({(0, 0): (0.7, 0.1)}), flat)[0, 0, 9] == pytest.approx(0.7)
    performed = _grid({(0, 0): (0.4, 0.5)})
    report = groove_report(performed, humanized, performed, np.array([0.1]), flat)
    assert report["model"]["timing_error_ms"] == 0.0
    assert report["baseline"]["timing_error_ms"] == pytest.approx(25.0)  # half a 16th of 100 ms
    assert "input as output timing 25.0 ms" in report_line(report)
