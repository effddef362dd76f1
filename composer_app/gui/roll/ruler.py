"""The bar/beat ruler above the roll: bar numbers, the loop region (top half) and the playhead (bottom half)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from composer_app.gui.project.document import SongDocument
from composer_app.gui.roll.grid import snap_nearest
from composer_app.gui.roll.state import RollState
from composer_app.gui.roll.timeline import bars_between, steps_in_view
from composer_app.gui.roll.viewport import RollViewport
from composer_app.gui.shell.i18n import Retranslating, tr
from composer_app.gui.shell.theme import DARK, Theme


class Ruler(Retranslating, QWidget):
    """Drag in the top half to set the loop (a click on it toggles looping); click below to move the playhead."""

    seek_requested = Signal(int)  # the user put the playhead at this tick

    def __init__(self, document: SongDocument, state: RollState, viewport: RollViewport,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.state = state
        self.viewport = viewport
        self.theme: Theme = DARK
        self._drag: str | None = None
        self._loop_anchor = 0
        self._moved = False
        viewport.changed.connect(self.update)
        state.playhead_changed.connect(self._repaint)
        state.loop_changed.connect(self._repaint)
        document.state_changed.connect(self._repaint)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.retranslate()
        self.set_theme(DARK)

    def _repaint(self, *_args) -> None:
        self.update()

    def retranslate(self) -> None:
        self.setToolTip(tr("Click to move the playhead. Drag in the upper half to set the loop; click the loop to "
                           "switch looping on or off."))

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setFixedHeight(theme.ruler_height)
        self.update()

    def _snap(self, x: float) -> int:
        tick = max(0.0, self.viewport.x_to_tick(x))
        return snap_nearest(tick, self.state.grid.ticks if self.state.snap else 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        vp, theme = self.viewport, self.theme
        painter = QPainter(self)
        h = self.height()
        painter.fillRect(event.rect(), theme.ruler_background)
        half = h // 2
        start, end = self.state.loop_range
        x0, x1 = vp.tick_to_x(start), vp.tick_to_x(end)
        loop_color = theme.loop_edge if self.state.loop_enabled else theme.loop_edge.darker(250)
        fill = QColor(loop_color)
        fill.setAlpha(150 if self.state.loop_enabled else 60)
        painter.fillRect(QRectF(x0, 3, x1 - x0, half - 5), fill)
        painter.setPen(QPen(loop_color, 2))
        painter.drawLine(QPointF(x0, 2), QPointF(x0, half - 2))
        painter.drawLine(QPointF(x1, 2), QPointF(x1, half - 2))
        font = QFont(QApplication.font())  # the app font carries the projector scale
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        t0, t1 = vp.visible_ticks()
        bars = list(bars_between(self.document.song.time_signatures, max(0.0, t0), t1))
        label_every = 1
        if bars:
            bar_px = bars[0].length * vp.px_per_tick
            label_width = painter.fontMetrics().horizontalAdvance("0000") + 4
            while bar_px * label_every < label_width:
                label_every *= 2
        for bar in bars:
            x = round(vp.tick_to_x(bar.start)) + 0.5
            painter.setPen(QPen(theme.ruler_text, 1))
            painter.drawLine(QPointF(x, half - 2), QPointF(x, h))
            if (bar.number - 1) % label_every == 0:
                painter.drawText(QRectF(x + 4, half - 2, 60, h - half + 2), Qt.AlignVCenter | Qt.AlignLeft,
                                 str(bar.number))
            if bar.beat * vp.px_per_tick >= 8:
                painter.setPen(QPen(theme.beat_line.lighter(140), 1))
                for tick in steps_in_view(bar, bar.beat, t0, t1):
                    bx = round(vp.tick_to_x(tick)) + 0.5
                    painter.drawLine(QPointF(bx, h - h // 5), QPointF(bx, h))
        painter.setPen(QPen(theme.bar_line, 1))
        painter.drawLine(0, h - 1, self.width(), h - 1)
        px = vp.tick_to_x(self.state.playhead)
        size = max(5.0, h / 5)
        painter.setPen(Qt.NoPen)
        painter.setBrush(theme.playhead)
        painter.drawPolygon(QPolygonF([QPointF(px - size, h - size - 1), QPointF(px + size, h - size - 1),
                                       QPointF(px, h - 1)]))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.LeftButton:
            return
        pos = event.position()
        self._moved = False
        if pos.y() < self.height() / 2:
            self._drag = "loop"
            self._loop_anchor = self._snap(pos.x())
        else:
            self._drag = "playhead"
            self._seek(pos.x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._drag == "loop":
            tick = self._snap(x)
            if tick != self._loop_anchor:
                self._moved = True
                self.state.set_loop(self._loop_anchor, tick, True)
        elif self._drag == "playhead":
            self._seek(x)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag == "loop" and not self._moved:
            start, end = self.state.loop_range
            tick = self.viewport.x_to_tick(event.position().x())
            if start <= tick <= end:
                self.state.set_loop_enabled(not self.state.loop_enabled)
        self._drag = None

    def _seek(self, x: float) -> None:
        tick = self._snap(x)
        self.state.set_playhead(tick)
        self.seek_requested.emit(tick)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = (event.angleDelta().y() or event.angleDelta().x()) / 120
        self.viewport.wheel_along_time(steps, event.position().x(), bool(event.modifiers() & Qt.ControlModifier))
        event.accept()
