"""A pixmap of a view's slow layers (rows, grid, notes at rest) over a region larger than the view.

A frame then blits it and draws only what moves (the selection, a drag's notes, the playhead): scrolling a little
and dragging a note on a 10,000-note track cost a copy, not a redraw of every note. The region is redrawn when
what it shows changes (the caller's key) or when the view leaves it; when the caller can say which small parts
changed (a dragged note lifted out, an edit's notes), only those parts are drawn again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap

MARGIN = 0.5  # of the view's size, drawn beyond each side of it: scrolling that far stays a copy


class Backdrop:
    """One cached region. `key` says what the layers show; `keep` holds the objects whose id() is in it."""

    def __init__(self, margin_x: bool = True, margin_y: bool = True, transparent: bool = False):
        self._margins = (margin_x, margin_y)
        self._transparent = transparent  # a layer drawn over others (its empty parts show them)
        self._key: tuple | None = None
        self._keep: tuple = ()
        self._pixmap: QPixmap | None = None
        self._origin = (0, 0)  # content pixels of the pixmap's top-left corner
        self._scale = (1.0, 1.0)  # content pixels per unit (say, per tick and per row) it was drawn at
        self.redraws = 0  # how often the region was drawn afresh (benchmarks and tests read it)
        self.patches = 0  # how often only some parts were drawn again

    def invalidate(self) -> None:
        self._key, self._keep, self._pixmap = None, (), None

    def paint(self, painter: QPainter, clip: QRect, key: tuple, keep: tuple, origin: tuple[float, float],
              size: tuple[int, int], ratio: float, render: Callable[[QPainter, QRect], None],
              damage: Callable[[tuple, tuple], list[QRectF] | None] | None = None,
              scale: tuple[float, float] = (1.0, 1.0)) -> None:
        """Draw the clip's part of the layers. `origin` is the view's top-left in content pixels, `size` the
        view's; `render(painter, rect)` draws the layers for a rect in view coordinates (it may lie outside).
        `damage(old_key, old_keep)` may name the content rects that differ from what the cache shows (None: all).
        `scale` is the content pixels per unit at this zoom, for `stretch`."""
        ox, oy = round(origin[0]), round(origin[1])
        width, height = size
        if not self._covers(key, ox, oy, width, height):
            parts = None
            if damage is not None and self._key is not None and self._covers(self._key, ox, oy, width, height):
                parts = damage(self._key, self._keep)
            if parts is not None:
                self._patch(parts, key, keep, ox, oy, render)
            else:
                self._redraw(key, keep, ox, oy, width, height, ratio, render)
                self._scale = scale
        dx, dy = self._origin[0] - ox, self._origin[1] - oy
        source = QRectF(clip.left() - dx, clip.top() - dy, clip.width(), clip.height())
        painter.drawPixmap(QRectF(clip), self._pixmap, QRectF(source.topLeft() * ratio, source.size() * ratio))

    def stretch(self, painter: QPainter, clip: QRect, origin: tuple[float, float], scale: tuple[float, float],
                size: tuple[int, int]) -> bool:
        """While a zoom gesture runs: draw the cached region stretched to the zoom now, if it reaches over the whole
        view (False if not: the caller paints directly). `origin` is the view's top-left in units (ticks, rows)."""
        if self._pixmap is None:
            return False
        ratio = self._pixmap.devicePixelRatio()
        fx, fy = self._scale[0] / scale[0], self._scale[1] / scale[1]  # cached pixels per pixel now
        x0, y0 = origin[0] * self._scale[0] - self._origin[0], origin[1] * self._scale[1] - self._origin[1]
        width, height = size
        if x0 < 0 or y0 < 0 or x0 + width * fx > self._pixmap.width() / ratio \
                or y0 + height * fy > self._pixmap.height() / ratio:
            return False
        source = QRectF(x0 + clip.left() * fx, y0 + clip.top() * fy, clip.width() * fx, clip.height() * fy)
        painter.drawPixmap(QRectF(clip), self._pixmap, QRectF(source.topLeft() * ratio, source.size() * ratio))
        return True

    def _covers(self, key: tuple, ox: int, oy: int, width: int, height: int) -> bool:
        if self._pixmap is None or key != self._key:
            return False
        cx, cy = self._origin
        pw, ph = self._pixmap.width() / self._pixmap.devicePixelRatio(), self._pixmap.height() / self._pixmap.devicePixelRatio()
        return cx <= ox and cy <= oy and ox + width <= cx + pw and oy + height <= cy + ph

    def _patch(self, parts: list[QRectF], key, keep, ox, oy, render) -> None:
        """Draw the layers again inside the given content rects only, and take on the new key."""
        painter = QPainter(self._pixmap)
        painter.translate(QPointF(ox - self._origin[0], oy - self._origin[1]))  # view coordinates, as in _redraw
        for part in parts:
            rect = part.translated(-ox, -oy).toAlignedRect().adjusted(-2, -2, 2, 2)
            painter.save()
            painter.setClipRect(rect, Qt.ReplaceClip)
            render(painter, rect)
            painter.restore()
        painter.end()
        self._key, self._keep = key, keep
        self.patches += 1

    def _redraw(self, key, keep, ox, oy, width, height, ratio, render) -> None:
        mx = round(width * MARGIN) if self._margins[0] else 0
        my = round(height * MARGIN) if self._margins[1] else 0
        pixmap = QPixmap(round((width + 2 * mx) * ratio), round((height + 2 * my) * ratio))
        pixmap.setDevicePixelRatio(ratio)
        if self._transparent:
            pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        painter.translate(QPointF(mx, my))
        render(painter, QRect(-mx, -my, width + 2 * mx, height + 2 * my))
        painter.end()
        self._pixmap, self._key, self._keep = pixmap, key, keep
        self._origin = (ox - mx, oy - my)
        self.redraws += 1
