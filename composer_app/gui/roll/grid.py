"""Note grids the roll snaps to (straight and triplet), and the snapping arithmetic."""

from __future__ import annotations

from dataclasses import dataclass

from composer_app.music.song import PPQ


@dataclass(frozen=True)
class Grid:
    """A grid division: a label such as "1/16" and its step in ticks."""

    label: str
    ticks: int


GRIDS: tuple[Grid, ...] = (
    Grid("1/4", PPQ),
    Grid("1/8", PPQ // 2),
    Grid("1/16", PPQ // 4),
    Grid("1/32", PPQ // 8),
    Grid("1/4T", PPQ * 2 // 3),
    Grid("1/8T", PPQ // 3),
    Grid("1/16T", PPQ // 6),
    Grid("1/32T", PPQ // 12),
)
DEFAULT_GRID = GRIDS[2]


def grid_by_label(label: str) -> Grid:
    """The grid with this label, or the default one for an unknown label (old settings files)."""
    for grid in GRIDS:
        if grid.label == label:
            return grid
    return DEFAULT_GRID


def snap_nearest(tick: float, step: int) -> int:
    """The grid line nearest to tick (halves round up), never below zero."""
    if step <= 1:
        return max(0, round(tick))
    return max(0, int((tick + step / 2) // step) * step)


def snap_floor(tick: float, step: int) -> int:
    """The grid line at or before tick, so a click lands in the cell it was made in."""
    if step <= 1:
        return max(0, int(tick))
    return max(0, int(tick // step) * step)
