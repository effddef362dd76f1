"""Grid divisions and snapping arithmetic."""

from composer_app.gui.roll.grid import DEFAULT_GRID, GRIDS, grid_by_label, snap_floor, snap_nearest


def test_grids_cover_straight_and_triplet_divisions_in_whole_ticks():
    """1/4 .. 1/32 and their triplets all exist, in whole ticks at 960 PPQ."""
    ticks = {g.label: g.ticks for g in GRIDS}
    assert ticks == {"1/4": 960, "1/8": 480, "1/16": 240, "1/32": 120,
                     "1/4T": 640, "1/8T": 320, "1/16T": 160, "1/32T": 80}
    assert DEFAULT_GRID.label == "1/16"


def test_snap_nearest_rounds_halves_up_and_never_goes_negative():
    """Nearest grid line, halves up, clamped at zero; step 1 means no snapping."""
    assert snap_nearest(119, 240) == 0
    assert snap_nearest(120, 240) == 240
    assert snap_nearest(-50, 240) == 0
    assert snap_nearest(1234.4, 1) == 1234


def test_snap_floor_keeps_a_click_in_its_cell():
    """Floor snapping puts a click at the start of the cell it was made in."""
    assert snap_floor(479, 240) == 240
    assert snap_floor(480, 240) == 480


def test_unknown_grid_label_falls_back_to_default():
    """An unknown label (from an old settings file) gives the default grid."""
    assert grid_by_label("1/7") is DEFAULT_GRID
    assert grid_by_label("1/8T").ticks == 320
