"""A small line chart painted with QPainter: one training figure (loss, perplexity or accuracy) over the steps.

It draws a training series and a held-out series against the step axis, with the latest value of each in the
legend. No chart library: a training run reports a few hundred points at most, which QPainter draws at once.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

TRAIN_COLOR = QColor(52, 120, 220)
HELD_OUT_COLOR = QColor(230, 120, 30)
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 46, 10, 22, 18


def nice_range(low: float, high: float) -> tuple[float, float]:
    """An axis range around [low, high] with a little room, never empty."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return 0.0, 1.0
    if high - low < 1e-9:
        pad = abs(high) * 0.1 or 0.5
        return low - pad, high + pad
    pad = (high - low) * 0.08
    # Figures that cannot go below zero (accuracy, KL, loss) keep a floor of zero rather than a negative tick.
    return (low - pad if low < 0 or low - pad >= 0 else 0.0), high + pad


def axis_text(value: float) -> str:
    """An axis or legend figure, short: 3 significant digits."""
    if not math.isfinite(value):
        return "∞"
    return f"{value:.3g}"


class MetricsChart(QWidget):
    """One figure's training and held-out values by step; `set_points(train, held_out)` takes (step, value) lists.

    `title`, `train_label` and `held_out_label` are shown as given (the panel passes them translated).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ""
        self.train_label = ""
        self.held_out_label = ""
        self.train: list[tuple[int, float]] = []
        self.held_out: list[tuple[int, float]] = []
        self.log_scale = False  # perplexity falls from hundreds to a few: a log axis shows both ends
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(300, 140)

    def set_texts(self, title: str, train_label: str, held_out_label: str) -> None:
        self.title, self.train_label, self.held_out_label = title, train_label, held_out_label
        self.update()

    def set_points(self, train, held_out) -> None:
        # Infinite or missing figures (a diverged run's perplexity) cannot be drawn; they are left out.
        self.train = [(s, v) for s, v in train if v is not None and math.isfinite(v)]
        self.held_out = [(s, v) for s, v in held_out if v is not None and math.isfinite(v)]
        self.update()

    def _value(self, v: float) -> float:
        return math.log10(max(v, 1e-9)) if self.log_scale else v

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        pal = self.palette()
        text_color = pal.windowText().color()
        painter.fillRect(self.rect(), pal.base())
        plot = QRectF(MARGIN_LEFT, MARGIN_TOP, max(10, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
                      max(10, self.height() - MARGIN_TOP - MARGIN_BOTTOM))
        painter.setPen(QPen(text_color))
        painter.drawText(QRectF(6, 2, self.width() - 12, MARGIN_TOP - 4), Qt.AlignLeft | Qt.AlignVCenter,
                         self.title)
        self._draw_legend(painter, text_color)
        grid = QColor(text_color)
        grid.setAlpha(50)
        painter.setPen(QPen(grid, 1))
        painter.drawRect(plot)
        points = self.train + self.held_out
        if not points:
            return
        steps = [s for s, _ in points]
        values = [self._value(v) for _, v in points]
        first, last = min(steps), max(steps)
        if last == first:
            last = first + 1
        low, high = nice_range(min(values), max(values))

        def at(step: int, value: float) -> QPointF:
            x = plot.left() + (step - first) / (last - first) * plot.width()
            y = plot.bottom() - (self._value(value) - low) / (high - low) * plot.height()
            return QPointF(x, y)

        for fraction in (0.0, 0.5, 1.0):
            y = plot.bottom() - fraction * plot.height()
            painter.setPen(QPen(grid, 1, Qt.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            shown = low + fraction * (high - low)
            painter.setPen(QPen(text_color))
            painter.drawText(QRectF(0, y - 8, MARGIN_LEFT - 4, 16), Qt.AlignRight | Qt.AlignVCenter,
                             axis_text(10 ** shown if self.log_scale else shown))
        painter.drawText(QRectF(plot.left(), plot.bottom() + 1, plot.width(), MARGIN_BOTTOM - 2),
                         Qt.AlignLeft | Qt.AlignTop, str(first))
        painter.drawText(QRectF(plot.left(), plot.bottom() + 1, plot.width(), MARGIN_BOTTOM - 2),
                         Qt.AlignRight | Qt.AlignTop, str(max(steps)))
        for series, color in ((self.train, TRAIN_COLOR), (self.held_out, HELD_OUT_COLOR)):
            self._draw_series(painter, [at(s, v) for s, v in series], color)

    @staticmethod
    def _draw_series(painter: QPainter, points: list[QPointF], color: QColor) -> None:
        if not points:
            return
        painter.setPen(QPen(color, 2))
        if len(points) == 1:
            painter.setBrush(color)
            painter.drawEllipse(points[0], 3, 3)
            painter.setBrush(Qt.NoBrush)
            return
        path = QPainterPath(points[0])
        for p in points[1:]:
            path.lineTo(p)
        painter.drawPath(path)

    def _draw_legend(self, painter: QPainter, text_color: QColor) -> None:
        """The two series' names and latest values, right-aligned on the title line."""
        right = self.width() - MARGIN_RIGHT
        metrics = painter.fontMetrics()
        for label, series, color in ((self.held_out_label, self.held_out, HELD_OUT_COLOR),
                                     (self.train_label, self.train, TRAIN_COLOR)):
            text = f"{label} {axis_text(series[-1][1])}" if series else label
            width = metrics.horizontalAdvance(text)
            painter.setPen(QPen(text_color))
            painter.drawText(QRectF(right - width, 2, width, MARGIN_TOP - 4), Qt.AlignRight | Qt.AlignVCenter, text)
            painter.fillRect(QRectF(right - width - 14, MARGIN_TOP / 2 - 3, 10, 4), color)
            right -= width + 22
