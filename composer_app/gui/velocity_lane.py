"""The velocity lane under the roll: one stem per note of the current track, painted by dragging."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from composer_app.music.song import Note

from .document import SongDocument
from .note_actions import NoteActions
from .note_index import NoteIndex
from .roll_state import RollState
from .theme import DARK, Theme
from .viewport import RollViewport

_drag_ids = itertools.count(1)
MARGIN = 4
SLACK_PX = 3  # a stroke catches stems this close to it


class VelocityLane(QWidget):
    """Drag across the lane to set the velocities of the notes under the stroke (only selected ones, if any)."""

    def __init__(self, document: SongDocument, state: RollState, viewport: RollViewport, actions: NoteActions,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.state = state
        self.viewport = viewport
        self.actions = actions
        self.theme: Theme = DARK
        self._index: NoteIndex | None = None
        self._press_index: NoteIndex | None = None
        self._last: QPointF | None = None
        self._painted: dict[Note, int] = {}
        self._drag_key: object = None
        self._selection_before: frozenset[Note] = frozenset()
        viewport.changed.connect(self.update)
        document.state_changed.connect(self._repaint)
        document.current_track_changed.connect(self._repaint)
        state.selection_changed.connect(self._repaint)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.setToolTip("Velocity: drag across the stems to paint velocities (only the selected notes, if any)")
        self.set_theme(DARK)

    def _repaint(self, *_args) -> None:
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setFixedHeight(theme.velocity_height)
        self.update()

    def _current_index(self) -> NoteIndex | None:
        tracks = self.document.song.tracks
        i = self.document.current_track
        if not 0 <= i < len(tracks):
            return None
        if self._index is None or self._index.track is not tracks[i]:
            self._index = NoteIndex(tracks[i])
        return self._index

    def _y_for(self, velocity: int) -> float:
        usable = self.height() - 2 * MARGIN
        return self.height() - MARGIN - usable * velocity / 127

    def _velocity_at(self, y: float) -> int:
        usable = self.height() - 2 * MARGIN
        return max(1, min(127, round((self.height() - MARGIN - y) * 127 / usable)))

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, vp = self.theme, self.viewport
        painter = QPainter(self)
        painter.fillRect(event.rect(), theme.background)
        painter.setPen(QPen(theme.row_line, 1))
        for v in (32, 64, 96, 127):
            y = self._y_for(v) + 0.5
            painter.drawLine(QLineF(0, y, self.width(), y))
        index = self._current_index()
        if index is not None and len(index):
            look = self.document.looks[self.document.current_track]
            color = QColor(look.color)
            t0, t1 = vp.visible_ticks()
            selection = self.state.selection
            normal_lines, normal_heads, sel_lines, sel_heads = [], [], [], []
            base = self.height() - MARGIN
            for i in index.starting_in(t0 - 1, t1):
                x = vp.tick_to_x(index.starts[i]) + 1
                y = self._y_for(index.velocities[i])
                selected = bool(selection) and index.notes[i] in selection
                (sel_lines if selected else normal_lines).append(QLineF(x, base, x, y))
                (sel_heads if selected else normal_heads).append(QRectF(x - 3, y - 3, 6, 6))
            painter.setPen(QPen(color, 2))
            painter.setBrush(color)
            painter.drawLines(normal_lines)
            painter.drawRects(normal_heads)
            painter.setPen(QPen(theme.selected_border, 2))
            painter.setBrush(color.lighter(150))
            painter.drawLines(sel_lines)
            painter.drawRects(sel_heads)
        painter.setPen(QPen(theme.bar_line, 1))
        painter.drawLine(0, 0, self.width(), 0)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self._current_index()
        if event.button() != Qt.LeftButton or index is None:
            return
        self._drag_key = ("velocity", next(_drag_ids))
        self._press_index = index
        self._painted = {}
        self._selection_before = self.state.selection
        self._last = event.position()
        self._paint_stroke(event.position(), event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._last is None:
            return
        self._paint_stroke(self._last, event.position())
        self._last = event.position()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None
        self._press_index = None

    def _paint_stroke(self, a: QPointF, b: QPointF) -> None:
        """Set the notes starting between a.x and b.x to the velocity on the line from a to b."""
        index = self._press_index
        if index is None:
            return
        vp = self.viewport
        (xa, ya), (xb, yb) = sorted([(a.x(), a.y()), (b.x(), b.y())])
        only = self._selection_before
        changed = False
        for i in index.starting_in(vp.x_to_tick(xa - SLACK_PX), vp.x_to_tick(xb + SLACK_PX)):
            note = index.notes[i]
            if only and note not in only:
                continue
            x = min(max(vp.tick_to_x(note.start), xa), xb)
            y = ya if xb == xa else ya + (yb - ya) * (x - xa) / (xb - xa)
            velocity = self._velocity_at(y)
            if self._painted.get(note) != velocity:
                self._painted[note] = velocity
                changed = True
        if changed:
            self.actions.set_velocities(index.track, dict(self._painted), self._drag_key, self._selection_before)
