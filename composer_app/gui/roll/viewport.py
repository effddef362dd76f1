"""The roll's shared view state: zoom, scroll and lanes, and the tick/pixel and row/pixel conversions."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from composer_app.gui.roll.lanes import LaneMap, chromatic_lanes
from composer_app.music.song import PPQ

MIN_PX_PER_TICK = 0.002
MAX_PX_PER_TICK = 2.0
DEFAULT_PX_PER_TICK = 96 / PPQ  # a quarter note is 96 px wide
MIN_ROW_HEIGHT = 4
MAX_ROW_HEIGHT = 64
ZOOM_SETTLE_S = 0.15  # after the last zoom step this long, views rebuild what they stretched meanwhile


class RollViewport(QObject):
    """What part of the song the ruler, keyboard, roll and velocity lane show. They all repaint on `changed`."""

    changed = Signal()
    zoom_settled = Signal()  # a zoom gesture ended: views may rebuild caches they only stretched while it ran

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.px_per_tick = DEFAULT_PX_PER_TICK
        self.row_height = 14
        self.left_tick = 0.0
        self.top_row = 0.0
        self.width = 800
        self.height = 600
        self.total_ticks = PPQ * 4 * 8
        self.lanes: LaneMap = chromatic_lanes()
        self._zoomed_at = 0.0
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(round(ZOOM_SETTLE_S * 1000) + 20)
        self._settle.timeout.connect(self.zoom_settled)

    def is_zooming(self) -> bool:
        """True during a zoom gesture (a zoom step within the last moment)."""
        return time.monotonic() - self._zoomed_at < ZOOM_SETTLE_S

    def _note_zoom(self) -> None:
        self._zoomed_at = time.monotonic()
        self._settle.start()

    # -- conversions ---------------------------------------------------------------------
    def tick_to_x(self, tick: float) -> float:
        return (tick - self.left_tick) * self.px_per_tick

    def x_to_tick(self, x: float) -> float:
        return self.left_tick + x / self.px_per_tick

    def row_to_y(self, row: float) -> float:
        return (row - self.top_row) * self.row_height

    def y_to_row(self, y: float) -> int:
        return int((y / self.row_height + self.top_row) // 1)

    def visible_ticks(self) -> tuple[float, float]:
        return self.left_tick, self.x_to_tick(self.width)

    def visible_rows(self) -> tuple[int, int]:
        """First and last row (inclusive) at least partly in view, clamped to the lanes."""
        first = max(0, int(self.top_row))
        last = min(self.lanes.rows - 1, int(self.top_row + self.height / self.row_height))
        return first, last

    @property
    def content_height(self) -> int:
        return self.lanes.rows * self.row_height

    # -- changes -------------------------------------------------------------------------
    def set_size(self, width: int, height: int) -> None:
        if (width, height) != (self.width, self.height):
            self.width, self.height = max(1, width), max(1, height)
            self._clamp()
            self.changed.emit()

    def set_total_ticks(self, ticks: int) -> None:
        if ticks != self.total_ticks:
            self.total_ticks = max(PPQ, ticks)
            self._clamp()
            self.changed.emit()

    def set_lanes(self, lanes: LaneMap) -> None:
        if lanes is not self.lanes:
            center_pitch = self.lanes.pitch_of(int(self.top_row + self.height / self.row_height / 2))
            self.lanes = lanes
            row = lanes.row_of(center_pitch)
            self.top_row = (row if row is not None else 0) - self.height / self.row_height / 2
            self._clamp()
            self.changed.emit()

    def scroll_to(self, left_tick: float | None = None, top_row: float | None = None) -> None:
        if left_tick is not None:
            self.left_tick = left_tick
        if top_row is not None:
            self.top_row = top_row
        self._clamp()
        self.changed.emit()

    def scroll_by(self, dx_px: float = 0, dy_px: float = 0) -> None:
        self.scroll_to(self.left_tick + dx_px / self.px_per_tick, self.top_row + dy_px / self.row_height)

    def wheel_along_time(self, steps: float, x: float, zoom: bool) -> None:
        """A wheel over a time strip (ruler, chord lane): scroll the song, or with `zoom` (Ctrl) zoom it at x."""
        if zoom:
            self.zoom_x(1.2 ** steps, x)
        else:
            self.scroll_by(dx_px=-steps * 60)

    def zoom_x(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom horizontally keeping the tick under anchor_x (default: the middle) in place."""
        anchor_x = self.width / 2 if anchor_x is None else anchor_x
        anchor_tick = self.x_to_tick(anchor_x)
        self.px_per_tick = max(self.min_px_per_tick(), min(MAX_PX_PER_TICK, self.px_per_tick * factor))
        self.left_tick = anchor_tick - anchor_x / self.px_per_tick
        self._note_zoom()
        self._clamp()
        self.changed.emit()

    def zoom_y(self, factor: float, anchor_y: float | None = None) -> None:
        anchor_y = self.height / 2 if anchor_y is None else anchor_y
        anchor_row = self.top_row + anchor_y / self.row_height
        self.row_height = max(MIN_ROW_HEIGHT, min(MAX_ROW_HEIGHT, round(self.row_height * factor)))
        self.top_row = anchor_row - anchor_y / self.row_height
        self._note_zoom()
        self._clamp()
        self.changed.emit()

    def set_row_height(self, height: int) -> None:
        self.zoom_y(height / self.row_height)

    def fit(self, first_tick: int, last_tick: int, rows: tuple[int, int] | None) -> None:
        """Show [first_tick, last_tick] across the width and, if given, the rows (first, last) down the height."""
        span = max(PPQ, last_tick - first_tick) * 1.02  # a small margin so the last bar line shows
        self.px_per_tick = max(MIN_PX_PER_TICK, min(MAX_PX_PER_TICK, self.width / span))
        self.left_tick = first_tick
        if rows is not None:
            count = rows[1] - rows[0] + 1
            self.row_height = max(MIN_ROW_HEIGHT, min(MAX_ROW_HEIGHT, int(self.height / max(1, count))))
            self.top_row = rows[0] - max(0.0, (self.height / self.row_height - count) / 2)
        self._clamp()
        self.changed.emit()

    def ensure_row_visible(self, row: int) -> None:
        first = self.top_row
        last = self.top_row + self.height / self.row_height - 1
        if row < first:
            self.scroll_to(top_row=row)
        elif row > last:
            self.scroll_to(top_row=row - self.height / self.row_height + 1)

    def min_px_per_tick(self) -> float:
        return max(MIN_PX_PER_TICK, self.width / max(PPQ, self.total_ticks) / 1.5)

    def _clamp(self) -> None:
        self.px_per_tick = max(MIN_PX_PER_TICK, min(MAX_PX_PER_TICK, self.px_per_tick))
        max_left = max(0.0, self.total_ticks - self.width / self.px_per_tick)
        self.left_tick = max(0.0, min(max_left, self.left_tick))
        max_top = max(0.0, self.lanes.rows - self.height / self.row_height)
        self.top_row = max(0.0, min(max_top, self.top_row))
