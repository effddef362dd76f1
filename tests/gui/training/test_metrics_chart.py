"""The training charts' axis: room around the figures, no negative ticks for figures that cannot go below zero."""

from __future__ import annotations

from composer_app.gui.training.chart import nice_range


def test_a_non_negative_series_keeps_a_floor_of_zero():
    """Accuracy from 0 to 0.8 gets room above, and its axis starts at 0, not at a negative tick."""
    low, high = nice_range(0.0, 0.8)
    assert low == 0.0 and high > 0.8


def test_a_series_away_from_zero_gets_room_on_both_sides():
    """Loss between 70 and 150 (or a negative ELBO) is padded below and above."""
    assert nice_range(70.0, 150.0) == (70.0 - 6.4, 150.0 + 6.4)
    low, high = nice_range(-140.0, -60.0)
    assert low < -140.0 and high > -60.0


def test_a_flat_series_still_spans_a_range():
    """A constant value gets an axis around it rather than an empty one."""
    low, high = nice_range(2.0, 2.0)
    assert low < 2.0 < high
