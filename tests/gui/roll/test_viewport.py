"""The roll's zoom and scroll state and its conversions."""

from composer_app.gui.roll.lanes import kit_lanes
from composer_app.gui.roll.viewport import MAX_ROW_HEIGHT, RollViewport


def make() -> RollViewport:
    vp = RollViewport()
    vp.set_size(960, 700)
    vp.set_total_ticks(3840 * 32)
    return vp


def test_conversions_round_trip():
    """tick_to_x and x_to_tick, row_to_y and y_to_row are inverse."""
    vp = make()
    vp.scroll_to(left_tick=960, top_row=40)
    assert vp.x_to_tick(vp.tick_to_x(1234)) == 1234
    assert vp.y_to_row(vp.row_to_y(70) + 1) == 70


def test_zoom_keeps_the_anchor_in_place():
    """Zooming around a point leaves the tick under it where it was."""
    vp = make()
    vp.scroll_to(left_tick=3840)
    tick = vp.x_to_tick(300)
    vp.zoom_x(2.0, 300)
    assert abs(vp.x_to_tick(300) - tick) < 1e-6
    assert vp.is_zooming()


def test_scrolling_is_clamped_to_the_content():
    """The view cannot scroll before tick 0 or past the last row."""
    vp = make()
    vp.scroll_to(left_tick=-500, top_row=1000)
    assert vp.left_tick == 0
    assert vp.top_row == vp.lanes.rows - vp.height / vp.row_height


def test_switching_lanes_keeps_rows_in_range():
    """Changing to the nine-lane kit clamps the scroll to its rows; row height is bounded."""
    vp = make()
    vp.set_lanes(kit_lanes())
    assert vp.visible_rows() == (0, 8)
    vp.set_row_height(500)
    assert vp.row_height == MAX_ROW_HEIGHT
