"""Performance RNN's note density over time: a row of columns, one per stretch of the performance, drawn with the
mouse (or set with the arrow keys); Magenta spreads such a list of values evenly over the steps."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from composer_app.gui.shell.i18n import Retranslating, tr

COLUMNS = 8
MARGIN = 3


class DensityCurve(Retranslating, QWidget):
    """COLUMNS values from 1 to `maximum`; dragging across the columns draws them, Left/Right picks a column and
    Up/Down changes it. `changed` fires on every change."""

    changed = Signal()

    def __init__(self, maximum: int, value: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.maximum = maximum
        self._values = [value] * COLUMNS
        self._focus = 0
        self._last: QPointF | None = None  # where the drag that is drawing was last seen
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMinimumHeight(56)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(tr("Note density over the performance: drag across the columns to draw it (each column is "
                           "an eighth of the length), or use the arrow keys"))
        self.setAccessibleName(tr("Note density over time"))

    # -- values ------------------------------------------------------------------------------------------------
    def values(self) -> tuple[int, ...]:
        return tuple(self._values)

    def is_flat(self) -> bool:
        return len(set(self._values)) == 1

    def set_flat(self, value: int) -> None:
        self.set_values([value] * COLUMNS)

    def set_values(self, values) -> None:
        values = [max(1, min(self.maximum, round(v))) for v in values]
        if len(values) != COLUMNS or values == self._values:
            return
        self._values = values
        self.update()
        self.changed.emit()

    def _set(self, column: int, value: int) -> None:
        values = list(self._values)
        values[column] = value
        self.set_values(values)

    # -- geometry ----------------------------------------------------------------------------------------------
    def _column_at(self, x: float) -> int:
        width = max(1, self.width() - 2 * MARGIN)
        return max(0, min(COLUMNS - 1, int((x - MARGIN) * COLUMNS / width)))

    def _value_at(self, y: float) -> int:
        usable = max(1, self.height() - 2 * MARGIN)
        return max(1, min(self.maximum, round((self.height() - MARGIN - y) * self.maximum / usable)))

    def _column_rect(self, column: int) -> QRectF:
        width = (self.width() - 2 * MARGIN) / COLUMNS
        usable = self.height() - 2 * MARGIN
        height = usable * self._values[column] / self.maximum
        return QRectF(MARGIN + column * width + 1, self.height() - MARGIN - height, width - 2, height)

    # -- input -------------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.LeftButton and self.isEnabled():
            self._last = event.position()
            self._draw(self._last, self._last)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.LeftButton and self.isEnabled() and self._last is not None:
            self._draw(self._last, event.position())
            self._last = event.position()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None

    def _draw(self, a: QPointF, b: QPointF) -> None:
        """Every column the stroke from a to b crosses takes the height of the stroke there (a fast drag skips
        no column)."""
        (xa, ya), (xb, yb) = sorted([(a.x(), a.y()), (b.x(), b.y())])
        first, last = self._column_at(xa), self._column_at(xb)
        values = list(self._values)
        for column in range(first, last + 1):
            t = 0.0 if last == first else (column - first) / (last - first)
            values[column] = self._value_at(ya + (yb - ya) * t)
        self._focus = self._column_at(b.x())
        self.set_values(values)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key_Left, Qt.Key_Right):
            self._focus = max(0, min(COLUMNS - 1, self._focus + (1 if key == Qt.Key_Right else -1)))
            self.update()
        elif key in (Qt.Key_Up, Qt.Key_Down):
            self._set(self._focus, self._values[self._focus] + (1 if key == Qt.Key_Up else -1))
        else:
            super().keyPressEvent(event)

    # -- painting ----------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.Base))
        # The groove colour of the sliders beside it, dimmed with them when the bundle takes no density.
        bar = palette.color(QPalette.Active if self.isEnabled() else QPalette.Disabled, QPalette.Highlight)
        painter.setPen(Qt.NoPen)
        painter.setBrush(bar)
        for column in range(COLUMNS):
            painter.drawRect(self._column_rect(column))
        if self.hasFocus():
            painter.setPen(QPen(palette.color(QPalette.Text), 1, Qt.DotLine))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(self._column_rect(self._focus).adjusted(-1, -1, 1, 1))
        painter.end()
