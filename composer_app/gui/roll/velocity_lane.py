"""The velocity lane under the roll: one stem per note of the current track, painted by dragging."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from composer_app.gui.project.document import SongDocument
from composer_app.gui.roll.backdrop import Backdrop
from composer_app.gui.roll.canvas_painter import DAMAGE_LIMIT, STRETCH_ABOVE  # as in the roll
from composer_app.gui.roll.notes.actions import NoteActions
from composer_app.gui.roll.notes.index import NoteIndex, index_for, splice_between
from composer_app.gui.roll.notes.splice import Splice, drop_at
from composer_app.gui.roll.state import RollState
from composer_app.gui.roll.viewport import RollViewport
from composer_app.gui.shell.i18n import Retranslating, tr
from composer_app.gui.shell.theme import DARK, Theme
from composer_app.music.song import Note

_drag_ids = itertools.count(1)
HEADS_LIMIT = 1500  # with more stems in view their heads would only blur together
MARGIN = 4
SLACK_PX = 3  # a stroke catches stems this close to it


def _stem(start: int, velocity: int, px_per_tick: float, y_for, base: float) -> tuple[QRectF, QRectF]:
    """A note's stem and head in content pixels: 2-px filled rects, much cheaper to raster than stroked lines."""
    x = start * px_per_tick + 1
    y = y_for(velocity)
    return QRectF(x - 1, y, 2, base - y), QRectF(x - 3, y - 3, 6, 6)


class _Stems:
    """Stems and heads of some notes in content pixels (x from tick 0), sorted by start for slicing."""

    def __init__(self, index: NoteIndex, positions, px_per_tick: float, y_for):
        self.starts = [index.starts[i] for i in positions]
        base = y_for(0)
        # _stem's rects, inline: a whole track's stems are built at once (a file opened, a zoom settled).
        ys = [y_for(v) for v in (index.velocities[i] for i in positions)]
        xs = [start * px_per_tick + 1 for start in self.starts]
        self.lines = [QRectF(x - 1, y, 2, base - y) for x, y in zip(xs, ys)]
        self.heads = [QRectF(x - 3, y - 3, 6, 6) for x, y in zip(xs, ys)]

    @classmethod
    def derived(cls, old: _Stems, index: NoteIndex, splice: Splice, px_per_tick: float, y_for) -> _Stems:
        """All stems of `index`, made from those of the index it was spliced from (same zoom and height)."""
        stems = cls.__new__(cls)
        base = y_for(0)
        made = {p: _stem(index.starts[p], index.velocities[p], px_per_tick, y_for, base) for p in splice.inserted}
        stems.starts = splice.apply(old.starts, lambda p: index.starts[p])
        stems.lines = splice.apply(old.lines, lambda p: made[p][0])
        stems.heads = splice.apply(old.heads, lambda p: made[p][1])
        return stems

    def add_notes(self, notes, px_per_tick: float, y_for) -> None:
        """Stems for notes that are not in the index (a drag's preview), kept in start order."""
        base = y_for(0)
        for note in sorted(notes):
            line, head = _stem(note.start, note.velocity, px_per_tick, y_for, base)
            self.starts.append(note.start)
            self.lines.append(line)
            self.heads.append(head)

    def subset(self, positions: list[int]) -> _Stems:
        """Stems of some notes (positions into the index, sorted), sharing this object's rects."""
        part = _Stems.__new__(_Stems)
        part.starts = [self.starts[i] for i in positions]
        part.lines = [self.lines[i] for i in positions]
        part.heads = [self.heads[i] for i in positions]
        return part

    def without(self, positions: list[int]) -> _Stems:
        """All stems but those at some positions (sorted), copied slice by slice."""
        if not positions:
            return self
        part = _Stems.__new__(_Stems)
        part.starts, part.lines, part.heads = (drop_at(self.starts, positions), drop_at(self.lines, positions),
                                               drop_at(self.heads, positions))
        return part

    def between(self, t0: float, t1: float) -> slice:
        return slice(bisect_left(self.starts, t0), bisect_right(self.starts, t1))


class VelocityLane(Retranslating, QWidget):
    """Drag across the lane to set the velocities of the notes under the stroke (only selected ones, if any)."""

    def __init__(self, document: SongDocument, state: RollState, viewport: RollViewport, actions: NoteActions,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.state = state
        self.viewport = viewport
        self.actions = actions
        self.theme: Theme = DARK
        self._press_index: NoteIndex | None = None
        self._stem_cache: tuple[tuple, _Stems] | None = None
        self._selected_cache: tuple[_Stems, frozenset, tuple[_Stems, _Stems]] | None = None
        self.backdrop = Backdrop(margin_y=False)
        self._last: QPointF | None = None
        self._painted: dict[Note, int] = {}
        self._drag_key: object = None
        self._selection_before: frozenset[Note] = frozenset()
        viewport.changed.connect(self.update)
        viewport.zoom_settled.connect(self.update)
        document.state_changed.connect(self._repaint)
        document.current_track_changed.connect(self._repaint)
        state.selection_changed.connect(self._repaint)
        state.preview_changed.connect(self._repaint)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.retranslate()
        self.set_theme(DARK)

    def _repaint(self, *_args) -> None:
        self.update()

    def retranslate(self) -> None:
        self.setToolTip(tr("Velocity: drag across the stems to paint velocities (only the selected notes, if any)"))

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setFixedHeight(theme.velocity_height)
        self.update()

    def _current_index(self) -> NoteIndex | None:
        tracks = self.document.song.tracks
        i = self.document.current_track
        return index_for(tracks[i]) if 0 <= i < len(tracks) else None

    def _y_for(self, velocity: int) -> float:
        usable = self.height() - 2 * MARGIN
        return self.height() - MARGIN - usable * velocity / 127

    def _velocity_at(self, y: float) -> int:
        usable = self.height() - 2 * MARGIN
        return max(1, min(127, round((self.height() - MARGIN - y) * 127 / usable)))

    def _stems(self, index: NoteIndex) -> tuple[_Stems, float]:
        """All stems and the x scale to draw them at; rebuilt when the track, zoom or size changed.

        While a zoom gesture runs, a big track's stems are stretched instead and rebuilt when it settles.
        """
        vp = self.viewport
        cached = self._stem_cache
        if cached is not None and cached[0][0] is index and cached[0][2] == self.height():
            built_at = cached[0][1]
            if built_at == vp.px_per_tick:
                return cached[1], 1.0
            if len(index) > STRETCH_ABOVE and vp.is_zooming():
                return cached[1], vp.px_per_tick / built_at
        splice = splice_between(cached[0][0], index) if cached is not None and cached[0][1:] == (
            vp.px_per_tick, self.height()) else None
        stems = _Stems.derived(cached[1], index, splice, vp.px_per_tick, self._y_for) if splice is not None else \
            _Stems(index, range(len(index)), vp.px_per_tick, self._y_for)
        self._stem_cache = ((index, vp.px_per_tick, self.height()), stems)
        return stems, 1.0

    def _split_stems(self, index: NoteIndex, all_stems: _Stems) -> tuple[_Stems, _Stems]:
        """(unselected stems, selected stems), cached until the stems or the selection change."""
        selection = self.state.selection
        cached = self._selected_cache
        if cached is None or cached[0] is not all_stems or cached[1] is not selection:
            chosen = index.positions_of(selection)
            split = (all_stems.without(chosen), all_stems.subset(chosen))
            cached = self._selected_cache = (all_stems, selection, split)
        return cached[2]

    def paintEvent(self, event: QPaintEvent) -> None:
        vp = self.viewport
        painter = QPainter(self)
        if vp.is_zooming():
            if not self.backdrop.stretch(painter, event.rect(), (vp.left_tick, 0), (vp.px_per_tick, 1.0),
                                         (self.width(), self.height())):
                self._paint_backdrop(painter, event.rect())
        else:
            index = self._current_index()
            color = self.document.looks[self.document.current_track].color if index is not None else ""
            keep = (index, self._hidden(), self.theme)
            key = (tuple(id(k) for k in keep), color, vp.px_per_tick, self.width(), self.height())
            self.backdrop.paint(painter, event.rect(), key, keep, (vp.left_tick * vp.px_per_tick, 0),
                                (self.width(), self.height()), self.devicePixelRatioF(), self._paint_backdrop,
                                lambda old_key, old_keep: self._damage(old_key, old_keep, key, keep),
                                (vp.px_per_tick, 1.0))
        self._paint_selected(painter)
        painter.setPen(QPen(self.theme.bar_line, 1))
        painter.drawLine(0, 0, self.width(), 0)
        painter.end()

    def _damage(self, old_key: tuple, old_keep: tuple, key: tuple, keep: tuple) -> list[QRectF] | None:
        """The strips of the lane (content pixels) whose stems changed, when a few did (see RollPainter._damage)."""
        if old_key[1:] != key[1:] or old_keep[2] is not keep[2] or old_keep[0] is None or keep[0] is None:
            return None
        notes = list((old_keep[1] or frozenset()) ^ (keep[1] or frozenset()))
        if old_keep[0] is not keep[0]:
            splice = splice_between(old_keep[0], keep[0])
            if splice is None:
                return None
            notes += [old_keep[0].notes[p] for p in splice.removed] + [keep[0].notes[p] for p in splice.inserted]
        if len(notes) > DAMAGE_LIMIT:
            return None
        px = self.viewport.px_per_tick
        return [QRectF(n.start * px - 4, 0, 10, self.height()) for n in notes]

    def _hidden(self) -> frozenset | None:
        """The notes whose stems the backdrop leaves out: those a drag in the roll is moving, else none."""
        preview = self.state.preview
        return self.state.selection if preview is not None and not preview[1] else None

    def _paint_backdrop(self, painter: QPainter, rect) -> None:
        """Background, guide lines and the stems at rest, for a rect of the lane (it may reach beyond it)."""
        theme, vp = self.theme, self.viewport
        painter.fillRect(rect, theme.background)
        painter.setPen(QPen(theme.row_line, 1))
        painter.drawLines([QLineF(rect.left(), self._y_for(v) + 0.5, rect.right() + 1, self._y_for(v) + 0.5)
                           for v in (32, 64, 96, 127)])
        index = self._current_index()
        if index is None or not len(index):
            return
        stems, scale = self._stems(index)
        rest = stems if self._hidden() is None else self._split_stems(index, stems)[0]
        self._draw_stems(painter, rest, QColor(self.document.looks[self.document.current_track].color), scale,
                         vp.x_to_tick(rect.left() - 4), vp.x_to_tick(rect.right() + 4))

    def _paint_selected(self, painter: QPainter) -> None:
        """The selected stems, or during a drag in the roll the stems where the drag puts the notes."""
        index = self._current_index()
        if index is None or not len(index):
            return
        vp, theme = self.viewport, self.theme
        t0, t1 = vp.visible_ticks()
        stems, scale = self._stems(index)
        preview = self.state.preview
        if preview is not None:
            moved = _Stems(index, [], vp.px_per_tick, self._y_for)
            moved.add_notes(preview[0], vp.px_per_tick, self._y_for)
            if preview[1]:  # copying: the originals stay, as stems at rest
                _rest, selected = self._split_stems(index, stems)
                color = QColor(self.document.looks[self.document.current_track].color)
                self._draw_stems(painter, selected, color, scale, t0 - 1, t1)
            self._draw_stems(painter, moved, theme.selected_border, 1.0, t0 - 1, t1)
            return
        _rest, selected = self._split_stems(index, stems)
        self._draw_stems(painter, selected, theme.selected_border, scale, t0 - 1, t1)

    def _draw_stems(self, painter: QPainter, group: _Stems, brush, scale: float, t0: float, t1: float) -> None:
        vp = self.viewport
        part = group.between(t0, t1)
        lines = group.lines[part]
        if not lines:
            return
        painter.save()
        painter.translate(-vp.left_tick * vp.px_per_tick, 0)
        painter.scale(scale, 1.0)
        painter.setPen(Qt.NoPen)
        painter.setBrush(brush)
        painter.drawRects(lines)
        heads = group.heads[part]
        if len(heads) <= HEADS_LIMIT:
            painter.drawRects(heads)
        painter.restore()

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
