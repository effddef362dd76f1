"""The roll's slow layers under the notes: row backgrounds, the bar/beat grid and the loop region."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from composer_app.gui.roll.lanes import is_black_key
from composer_app.gui.roll.timeline import bars_between, steps_in_view, ticks_for_bars

DASH_PERIOD = 6  # pixels of one dash and gap of Qt.DashLine at width 1


def paint_rows(painter: QPainter, canvas, clip: QRect, row0: int, row1: int) -> None:
    """Row backgrounds (black keys darker, or every other drum lane) and row lines."""
    vp, theme = canvas.viewport, canvas.theme
    lanes = vp.lanes
    painter.fillRect(clip, theme.white_row)
    rh = vp.row_height
    dark = []
    lines = []
    octave_lines = []
    for row in range(row0, row1 + 1):
        y = vp.row_to_y(row)
        pitch = lanes.pitch_of(row)
        if (is_black_key(pitch) and not lanes.is_kit) or (lanes.is_kit and row % 2):
            dark.append(QRectF(clip.left(), y, clip.width(), rh))
        if not lanes.is_kit and pitch % 12 == 0:
            octave_lines.append(QLineF(clip.left(), y + rh - 0.5, clip.right() + 1, y + rh - 0.5))
        elif rh >= 8:
            lines.append(QLineF(clip.left(), y + rh - 0.5, clip.right() + 1, y + rh - 0.5))
    painter.setPen(Qt.NoPen)
    painter.setBrush(theme.black_row)
    painter.drawRects(dark)
    painter.setPen(QPen(theme.row_line, 1))
    painter.drawLines(lines)
    painter.setPen(QPen(theme.octave_line, 1))
    painter.drawLines(octave_lines)
    bottom = vp.row_to_y(lanes.rows)
    if bottom < clip.bottom():
        painter.fillRect(QRectF(clip.left(), bottom, clip.width(), clip.bottom() - bottom + 1), theme.background)


def paint_grid(painter: QPainter, canvas, clip: QRect, t0: float, t1: float) -> None:
    """Bar, beat and grid lines, and the shade past the song's end."""
    vp, theme = canvas.viewport, canvas.theme
    top, bottom = clip.top(), clip.bottom() + 1
    bar_lines, beat_lines, sub_lines = [], [], []
    step = canvas.state.grid.ticks
    for bar in bars_between(canvas.document.song.time_signatures, max(0.0, t0), t1):
        x = round(vp.tick_to_x(bar.start)) + 0.5
        bar_lines.append(QLineF(x, top, x, bottom))
        beat_px = bar.beat * vp.px_per_tick
        if beat_px < 5:
            continue
        sub_px = step * vp.px_per_tick
        fine = step if sub_px >= 6 and step < bar.beat else None
        if fine:
            for tick in steps_in_view(bar, fine, t0, t1):
                if (tick - bar.start) % bar.beat:
                    x = round(vp.tick_to_x(tick)) + 0.5
                    sub_lines.append(QLineF(x, top, x, bottom))
        for tick in steps_in_view(bar, bar.beat, t0, t1):
            x = round(vp.tick_to_x(tick)) + 0.5
            beat_lines.append(QLineF(x, top, x, bottom))
    painter.setPen(QPen(theme.sub_line, 1))
    painter.drawLines(sub_lines)
    painter.setPen(QPen(theme.beat_line, 1))
    painter.drawLines(beat_lines)
    painter.setPen(QPen(theme.bar_line, theme.line_width))
    painter.drawLines(bar_lines)
    document = canvas.document
    end_x = vp.tick_to_x(ticks_for_bars(document.song.time_signatures, document.length_bars))
    if end_x < clip.right():
        shade = QColor(0, 0, 0, 70)
        painter.fillRect(QRectF(max(end_x, clip.left()), clip.top(), clip.right() - end_x + 1, clip.height()),
                         shade)


def paint_loop(painter: QPainter, canvas, clip: QRect) -> None:
    """The loop region's fill and dashed edges, when the loop is on."""
    state, theme = canvas.state, canvas.theme
    if not state.loop_enabled:
        return
    start, end = state.loop_range
    vp = canvas.viewport
    x0, x1 = vp.tick_to_x(start), vp.tick_to_x(end)
    if x1 < clip.left() or x0 > clip.right():
        return
    painter.fillRect(QRectF(x0, clip.top(), x1 - x0, clip.height()), theme.loop_fill)
    painter.setPen(QPen(theme.loop_edge.darker(130), 1, Qt.DashLine))
    # Dashes start on a multiple of their period in content pixels, so a part drawn again continues them.
    top = clip.top() - (clip.top() + round(vp.top_row * vp.row_height)) % DASH_PERIOD
    painter.drawLine(QLineF(x0, top, x0, clip.bottom() + 1))
    painter.drawLine(QLineF(x1, top, x1, clip.bottom() + 1))
