"""The keyboard left of the roll: piano keys with note names (C4 = 60), or drum names on a drum track."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from composer_app.gui.roll.lanes import is_black_key
from composer_app.gui.roll.viewport import RollViewport
from composer_app.gui.shell.theme import DARK, Theme
from composer_app.gui.song.instruments import instrument_name


class KeyboardStrip(QWidget):
    """Paints one key per roll row; clicking a key asks for a preview of that pitch."""

    key_pressed = Signal(int)  # pitch

    def __init__(self, viewport: RollViewport, parent: QWidget | None = None):
        super().__init__(parent)
        self.viewport = viewport
        self.theme: Theme = DARK
        self.drum_names = False
        self._pressed_row: int | None = None
        viewport.changed.connect(self.update)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self._apply_width()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._apply_width()
        self.update()

    def set_drum_names(self, on: bool) -> None:
        """Label rows with drum names (a drum track) instead of note names."""
        if on != self.drum_names:
            self.drum_names = on
            self._apply_width()
            self.update()

    def _apply_width(self) -> None:
        self.setFixedWidth(self.theme.drum_keyboard_width if self.drum_names else self.theme.keyboard_width)

    def paintEvent(self, event: QPaintEvent) -> None:
        vp, theme, lanes = self.viewport, self.theme, self.viewport.lanes
        painter = QPainter(self)
        painter.fillRect(event.rect(), theme.background)
        first, last = vp.visible_rows()
        rh = vp.row_height
        width = self.width()
        font = QFont(QApplication.font())  # the app font carries the projector scale
        font.setPointSizeF(max(6.0, min(font.pointSizeF() * 0.8, rh * 0.62)))
        painter.setFont(font)
        named_rows = self.drum_names or lanes.is_kit
        black_width = width * 0.6
        painter.fillRect(QRectF(0, vp.row_to_y(first), width, (last - first + 1) * rh), theme.key_white)
        line_pen = QPen(theme.key_line, 1)
        for row in range(first, last + 1):
            y = vp.row_to_y(row)
            pitch = lanes.pitch_of(row)
            rect = QRectF(0, y, width, rh)
            if named_rows:
                if row % 2:
                    painter.fillRect(rect, theme.key_white.darker(108))
                painter.setPen(line_pen)
                painter.drawLine(QLineF(0, y + rh - 0.5, width, y + rh - 0.5))
            elif is_black_key(pitch):
                # A black key covers part of its row; the white keys either side meet at its middle.
                painter.setPen(line_pen)
                painter.drawLine(QLineF(black_width, y + rh / 2, width, y + rh / 2))
                painter.fillRect(QRectF(0, y, black_width, rh), theme.key_black)
            elif pitch % 12 in (0, 5):
                painter.setPen(line_pen)
                painter.drawLine(QLineF(0, y + rh - 0.5, width, y + rh - 0.5))
            if row == self._pressed_row:
                painter.fillRect(rect, theme.accent)
            if named_rows:
                painter.setPen(theme.key_text)
                painter.drawText(rect.adjusted(4, 0, -6, 0), Qt.AlignVCenter | Qt.AlignRight, instrument_name(lanes.label(row)))
            elif pitch % 12 == 0 or (rh >= 18 and not is_black_key(pitch)):
                painter.setPen(theme.key_text)
                painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignVCenter | Qt.AlignRight, instrument_name(lanes.label(row)))
        painter.setPen(line_pen)
        painter.drawLine(width - 1, 0, width - 1, self.height())
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.viewport.y_to_row(event.position().y())
        if 0 <= row < self.viewport.lanes.rows:
            self._pressed_row = row
            self.key_pressed.emit(self.viewport.lanes.pitch_of(row))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._pressed_row = None
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.ControlModifier:
            self.viewport.zoom_y(1.15 ** steps, event.position().y())
        else:
            self.viewport.scroll_by(dy_px=-steps * 3 * self.viewport.row_height)
        event.accept()

