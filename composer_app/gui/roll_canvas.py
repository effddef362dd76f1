"""The note area of the piano roll: paints the grid and notes, and turns mouse gestures into commands."""

from __future__ import annotations

import itertools
from enum import Enum, auto

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from composer_app.music.song import Note, Track

from . import note_edits
from .document import SongDocument
from .grid import snap_floor, snap_nearest
from .lanes import is_black_key, note_name
from .note_actions import NoteActions
from .note_index import NoteIndex, index_for
from .note_rects import NoteRects
from .roll_keys import handle_roll_key
from .roll_state import RollState, Tool
from .theme import DARK, Theme
from .timeline import bars_between
from .viewport import RollViewport

EDGE_PX = 6  # how close to a note's edge a press resizes instead of moving
DRAG_START_PX = 4
OUTLINE_LIMIT = 3000  # above this many notes in view, outlines are skipped: they would be sub-pixel anyway
LABEL_LIMIT = 400
STRETCH_ABOVE = 2000  # tracks with more notes are stretched, not rebuilt, while a zoom gesture runs
VELOCITY_SHADES = 4


class Gesture(Enum):
    NONE = auto()
    PENDING_MOVE = auto()
    MOVE = auto()
    RESIZE_START = auto()
    RESIZE_END = auto()
    DRAW = auto()
    RUBBER_BAND = auto()
    ERASE = auto()
    VELOCITY = auto()


_gesture_ids = itertools.count(1)


class RollCanvas(QWidget):
    """Custom-painted for speed: per-track sorted arrays and bisect limit work to what is in view."""

    play_toggle_requested = Signal()
    note_preview_requested = Signal(int, int)  # pitch, velocity: the audio side may sound it
    status_message = Signal(str)

    def __init__(self, document: SongDocument, state: RollState, viewport: RollViewport, actions: NoteActions,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.state = state
        self.viewport = viewport
        self.actions = actions
        self.theme: Theme = DARK
        self._indexes: dict[int, NoteIndex] = {}
        self._rect_cache: dict[int, tuple[NoteIndex, NoteRects]] = {}
        self._selected_rects: tuple[NoteRects, frozenset, object] | None = None
        self._gesture = Gesture.NONE
        self._gesture_key: object = None
        self._press_pos = QPointF()
        self._press_track: Track | None = None
        self._press_selection: frozenset[Note] = frozenset()
        self._anchor: Note | None = None
        self._last_params: object = None
        self._rubber_rect: QRectF | None = None
        self._erased: set[Note] = set()
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.setMinimumSize(200, 120)
        document.state_changed.connect(self._on_state_changed)
        document.current_track_changed.connect(self._on_state_changed)
        viewport.changed.connect(self.update)
        viewport.zoom_settled.connect(self.update)
        for signal in (state.selection_changed, state.overlay_changed, state.grid_changed, state.loop_changed):
            signal.connect(self.update)
        state.playhead_changed.connect(self._on_playhead_changed)
        state.tool_changed.connect(lambda _t: self._update_cursor(None))
        self._playhead_x = -1
        self._update_cursor(None)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    # -- indexes -------------------------------------------------------------------------
    def index(self, track_index: int) -> NoteIndex:
        track = self.document.song.tracks[track_index]
        cached = self._indexes.get(track_index)
        if cached is None or cached.track is not track:
            cached = self._indexes[track_index] = index_for(track)
        return cached

    def _on_state_changed(self, *_args) -> None:
        count = len(self.document.song.tracks)
        for key in [k for k in self._indexes if k >= count]:
            del self._indexes[key]
        self.update()

    # -- geometry ------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        self.viewport.set_size(self.width(), self.height())
        super().resizeEvent(event)

    def _row_pitches(self, row0: int, row1: int) -> set[int]:
        """Every pitch shown in rows row0..row1 (a kit row holds all pitches of its drum class)."""
        lanes = self.viewport.lanes
        if not lanes.is_kit:
            return {lanes.pitch_of(r) for r in range(max(0, row0), min(lanes.rows - 1, row1) + 1)}
        return {p for p in range(128) if (r := lanes.row_of(p)) is not None and row0 <= r <= row1}

    def note_rect(self, note: Note) -> QRectF | None:
        vp = self.viewport
        row = vp.lanes.row_of(note.pitch)
        if row is None:
            return None
        x0 = vp.tick_to_x(note.start)
        return QRectF(x0, vp.row_to_y(row), max(2.0, note.duration * vp.px_per_tick), vp.row_height)

    def note_at(self, pos: QPointF) -> Note | None:
        """The current track's note under pos, with a few pixels of tolerance around tiny notes."""
        tracks = self.document.song.tracks
        if not tracks:
            return None
        vp = self.viewport
        row = vp.y_to_row(pos.y())
        if not 0 <= row < vp.lanes.rows:
            return None
        pitches = self._row_pitches(row, row)
        index = self.index(self.document.current_track)
        tick = vp.x_to_tick(pos.x())
        hit = index.at(tick, pitches)
        if hit is None:
            slack = 3 / vp.px_per_tick
            for candidate in (index.at(tick - slack, pitches), index.at(tick + slack, pitches)):
                if candidate is not None:
                    return candidate
        return hit

    def _edge_at(self, note: Note, x: float) -> Gesture | None:
        rect = self.note_rect(note)
        if rect is None:
            return None
        edge = min(EDGE_PX, rect.width() / 4)
        if x >= rect.right() - edge:
            return Gesture.RESIZE_END
        if x <= rect.left() + edge and rect.width() >= 3 * EDGE_PX:
            return Gesture.RESIZE_START
        return None

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        clip = event.rect()
        vp = self.viewport
        theme = self.theme
        t0 = vp.x_to_tick(clip.left() - 2)
        t1 = vp.x_to_tick(clip.right() + 2)
        row0 = max(0, vp.y_to_row(clip.top()))
        row1 = min(vp.lanes.rows - 1, vp.y_to_row(clip.bottom()))
        self._paint_rows(painter, clip, row0, row1)
        self._paint_grid(painter, clip, t0, t1)
        self._paint_loop(painter, clip)
        tracks = self.document.song.tracks
        current = self.document.current_track
        looks = self.document.looks
        painter.save()
        # Note rects are cached in content pixels; the scroll position is one translation.
        painter.translate(-vp.left_tick * vp.px_per_tick, -vp.top_row * vp.row_height)
        drums_current = 0 <= current < len(tracks) and tracks[current].is_drum
        for i in range(len(tracks)):
            # Only tracks of the same kind are shown faded: drum lanes and pitches do not mix.
            if i != current and tracks[i].is_drum == drums_current:
                color = QColor(looks[i].color)
                color.setAlpha(theme.faded_alpha)
                self._paint_faded(painter, self.index(i), color, t0, t1, row0, row1)
        if 0 <= current < len(tracks):
            self._paint_current(painter, self.index(current), QColor(looks[current].color), t0, t1, row0, row1)
        painter.restore()
        self._paint_overlay(painter, t0, t1, row0, row1)
        if self._rubber_rect is not None:
            painter.setPen(QPen(theme.accent, 1, Qt.DashLine))
            painter.setBrush(theme.rubber_band)
            painter.drawRect(self._rubber_rect.normalized())
        self._paint_playhead(painter)
        painter.end()

    def _paint_rows(self, painter: QPainter, clip: QRect, row0: int, row1: int) -> None:
        vp, theme, lanes = self.viewport, self.theme, self.viewport.lanes
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

    def _paint_grid(self, painter: QPainter, clip: QRect, t0: float, t1: float) -> None:
        vp, theme = self.viewport, self.theme
        top, bottom = clip.top(), clip.bottom() + 1
        bar_lines, beat_lines, sub_lines = [], [], []
        step = self.state.grid.ticks
        for bar in bars_between(self.document.song.time_signatures, max(0.0, t0), t1):
            x = round(vp.tick_to_x(bar.start)) + 0.5
            bar_lines.append(QLineF(x, top, x, bottom))
            beat_px = bar.beat * vp.px_per_tick
            if beat_px < 5:
                continue
            sub_px = step * vp.px_per_tick
            fine = step if sub_px >= 6 and step < bar.beat else None
            if fine:
                for tick in range(bar.start + fine, bar.start + bar.length, fine):
                    if (tick - bar.start) % bar.beat and t0 <= tick <= t1:
                        x = round(vp.tick_to_x(tick)) + 0.5
                        sub_lines.append(QLineF(x, top, x, bottom))
            for tick in range(bar.start + bar.beat, bar.start + bar.length, bar.beat):
                if t0 <= tick <= t1:
                    x = round(vp.tick_to_x(tick)) + 0.5
                    beat_lines.append(QLineF(x, top, x, bottom))
        painter.setPen(QPen(theme.sub_line, 1))
        painter.drawLines(sub_lines)
        painter.setPen(QPen(theme.beat_line, 1))
        painter.drawLines(beat_lines)
        painter.setPen(QPen(theme.bar_line, theme.line_width))
        painter.drawLines(bar_lines)
        end_x = vp.tick_to_x(self._song_end_tick())
        if end_x < clip.right():
            shade = QColor(0, 0, 0, 70)
            painter.fillRect(QRectF(max(end_x, clip.left()), clip.top(), clip.right() - end_x + 1, clip.height()),
                             shade)

    def _song_end_tick(self) -> int:
        from .timeline import ticks_for_bars

        return ticks_for_bars(self.document.song.time_signatures, self.document.length_bars)

    def _paint_loop(self, painter: QPainter, clip: QRect) -> None:
        if not self.state.loop_enabled:
            return
        start, end = self.state.loop_range
        vp = self.viewport
        x0, x1 = vp.tick_to_x(start), vp.tick_to_x(end)
        if x1 < clip.left() or x0 > clip.right():
            return
        painter.fillRect(QRectF(x0, clip.top(), x1 - x0, clip.height()), self.theme.loop_fill)
        painter.setPen(QPen(self.theme.loop_edge.darker(130), 1, Qt.DashLine))
        painter.drawLine(QLineF(x0, clip.top(), x0, clip.bottom() + 1))
        painter.drawLine(QLineF(x1, clip.top(), x1, clip.bottom() + 1))

    def _rects(self, index: NoteIndex, shaded: bool) -> tuple[NoteRects, float, float]:
        """The track's note rects and the (x, y) scale to draw them at the current zoom.

        Rebuilt when the track or zoom changed; during a zoom gesture a big track's rects are only stretched
        (scale != 1) and rebuilt once the gesture settles, so zooming 10,000 notes stays smooth.
        """
        vp = self.viewport
        groups = VELOCITY_SHADES if shaded else 1
        key = (vp.px_per_tick, vp.row_height, vp.lanes, groups)
        cached = self._rect_cache.get(id(index))
        if cached is not None and cached[0] is index:
            rects = cached[1]
            if rects.key == key:
                return rects, 1.0, 1.0
            if rects.key[2:] == key[2:] and len(index) > STRETCH_ABOVE and vp.is_zooming():
                return rects, vp.px_per_tick / rects.key[0], vp.row_height / rects.key[1]
        rects = NoteRects(index, vp.px_per_tick, vp.row_height, vp.lanes,
                          index.shades(VELOCITY_SHADES) if shaded else None, groups)
        self._rect_cache[id(index)] = (index, rects)
        self._prune_rect_cache()
        return rects, 1.0, 1.0

    def _prune_rect_cache(self) -> None:
        live = {id(self._indexes[k]) for k in self._indexes}
        for key in [k for k in self._rect_cache if k not in live]:
            del self._rect_cache[key]

    def _paint_faded(self, painter: QPainter, index: NoteIndex, color: QColor, t0, t1, row0, row1) -> None:
        rects, sx, sy = self._rects(index, shaded=False)
        group = rects.groups[0]
        visible = group.rects[group.between(t0, t1, rects.max_duration)]
        if visible:
            painter.save()
            painter.scale(sx, sy)
            painter.setPen(Qt.NoPen)
            painter.setBrush(color)
            painter.drawRects(visible)
            painter.restore()

    def _paint_current(self, painter: QPainter, index: NoteIndex, color: QColor, t0, t1, row0, row1) -> None:
        rects, sx, sy = self._rects(index, shaded=True)
        shades, selected = self._selection_split(index, rects)
        slices = [(g, g.between(t0, t1, rects.max_duration)) for g in shades]
        chosen = selected.between(t0, t1, rects.max_duration)
        count = sum(len(g.starts[s]) for g, s in slices) + len(selected.starts[chosen])
        if not count:
            return
        painter.save()
        painter.scale(sx, sy)
        outline = count <= OUTLINE_LIMIT
        painter.setPen(QPen(self.theme.note_border, 1) if outline else Qt.NoPen)
        for shade, (group, part) in enumerate(slices):
            visible = group.rects[part]
            if visible:
                # Softer notes are drawn darker, as DAWs do, so dynamics read at a glance.
                painter.setBrush(color.darker(100 + (VELOCITY_SHADES - 1 - shade) * 28))
                painter.drawRects(visible)
        if selected.starts:
            painter.setBrush(color.lighter(150))
            painter.setPen(QPen(self.theme.selected_border, 2) if outline else Qt.NoPen)
            painter.drawRects(selected.rects[chosen])
        painter.restore()
        if count <= LABEL_LIMIT and self.viewport.row_height >= 11 and not self.viewport.lanes.is_kit:
            parts = [(g.positions[s], g.rects[s]) for g, s in slices + [(selected, chosen)]]
            self._paint_labels(painter, index, rects, parts)

    def _selection_split(self, index: NoteIndex, rects: NoteRects):
        """(unselected shade groups, selected group), cached until the rects or the selection change."""
        cached = self._selected_rects
        if cached is None or cached[0] is not rects or cached[1] is not self.state.selection:
            positions = index.positions_of(self.state.selection)
            split = (rects.without(set(positions)), rects.subset(positions, index.starts))
            cached = self._selected_rects = (rects, self.state.selection, split)
        return cached[2]

    def _paint_labels(self, painter: QPainter, index: NoteIndex, rects: NoteRects, parts) -> None:
        font = QFont(QApplication.font())  # the app font carries the projector scale
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        painter.setFont(font)
        painter.setPen(self.theme.note_text)
        min_width = painter.fontMetrics().horizontalAdvance("C#4") + 6
        for positions, group_rects in parts:
            for i, rect in zip(positions, group_rects):
                if rect.width() >= min_width:
                    painter.drawText(rect.adjusted(3, 0, -1, 0), Qt.AlignVCenter | Qt.AlignLeft,
                                     note_name(index.pitches[i]))

    def _paint_overlay(self, painter: QPainter, t0, t1, row0, row1) -> None:
        self._paint_seams(painter, t0, t1)
        overlay = self.state.overlay
        if not overlay:
            return
        color = QColor(self.state.overlay_color or self.theme.overlay)
        fill = QColor(color)
        fill.setAlpha(110)
        painter.setPen(QPen(color, 2, Qt.DashLine))
        painter.setBrush(fill)
        for track, notes in overlay.items():
            if track not in (None, self.document.current_track) and track >= len(self.document.song.tracks):
                continue
            rects = [r for r in (self.note_rect(n) for n in notes if n.end > t0 and n.start < t1) if r is not None]
            painter.drawRects(rects)

    def _paint_seams(self, painter: QPainter, t0, t1) -> None:
        seams = [t for t in self.state.seams if t0 <= t <= t1]
        if not seams:
            return
        painter.setPen(QPen(QColor(self.state.overlay_color or self.theme.overlay), 2, Qt.DotLine))
        for tick in seams:
            x = round(self.viewport.tick_to_x(tick))
            painter.drawLine(x, 0, x, self.height())

    def _paint_playhead(self, painter: QPainter) -> None:
        x = round(self.viewport.tick_to_x(self.state.playhead))
        self._playhead_x = x
        if 0 <= x <= self.width():
            painter.setPen(QPen(self.theme.playhead, 2 * self.theme.line_width))
            painter.drawLine(x, 0, x, self.height())

    def _on_playhead_changed(self, _tick: int) -> None:
        # Repaint only the strips under the old and new playhead; a full frame per tick would waste time.
        old = self._playhead_x
        new = round(self.viewport.tick_to_x(self.state.playhead))
        pad = 2 * self.theme.line_width + 2
        for x in {old, new}:
            if -pad <= x <= self.width() + pad:
                self.update(QRect(x - pad, 0, 2 * pad + 1, self.height()))
        self._playhead_x = new

    # -- mouse ---------------------------------------------------------------------------
    def _update_cursor(self, pos: QPointF | None) -> None:
        tool = self.state.tool
        shape = {Tool.DRAW: Qt.CrossCursor, Tool.SELECT: Qt.ArrowCursor, Tool.ERASE: Qt.ForbiddenCursor,
                 Tool.VELOCITY: Qt.SizeVerCursor}[tool]
        if pos is not None and tool in (Tool.DRAW, Tool.SELECT):
            hit = self.note_at(pos)
            if hit is not None:
                shape = Qt.SizeHorCursor if self._edge_at(hit, pos.x()) else Qt.SizeAllCursor
        self.setCursor(shape)

    def _tick_at(self, pos: QPointF) -> float:
        return max(0.0, self.viewport.x_to_tick(pos.x()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.document.song.tracks:
            return
        pos = event.position()
        self.setFocus(Qt.MouseFocusReason)
        self._press_pos = pos
        self._press_track = self.document.song.tracks[self.document.current_track]
        self._press_selection = self.state.selection
        self._gesture_key = ("roll", next(_gesture_ids))
        self._last_params = None
        tool = self.state.tool
        if event.button() == Qt.RightButton or (event.button() == Qt.LeftButton and tool == Tool.ERASE):
            self._gesture = Gesture.ERASE
            self._erased = set()
            self._erase_at(pos)
            return
        if event.button() != Qt.LeftButton:
            return
        hit = self.note_at(pos)
        shift = bool(event.modifiers() & Qt.ShiftModifier)
        if tool == Tool.VELOCITY:
            if hit is not None:
                if hit not in self.state.selection:
                    self.state.set_selection({hit})
                    self._press_selection = self.state.selection
                self._anchor = hit
                self._gesture = Gesture.VELOCITY
            return
        if hit is not None:
            if shift:
                toggled = set(self.state.selection) ^ {hit}
                self.state.set_selection(toggled)
                if hit not in toggled:
                    self._gesture = Gesture.NONE
                    return
            elif hit not in self.state.selection:
                self.state.set_selection({hit})
            self._press_selection = self.state.selection
            self._anchor = hit
            self._gesture = self._edge_at(hit, pos.x()) or Gesture.PENDING_MOVE
            self.note_preview_requested.emit(hit.pitch, hit.velocity)
            return
        if tool == Tool.DRAW:
            self._start_draw(pos)
        else:
            self._gesture = Gesture.RUBBER_BAND
            if not shift:
                self.state.clear_selection()
            self._press_selection = self.state.selection
            self._rubber_rect = QRectF(pos, pos)

    def _start_draw(self, pos: QPointF) -> None:
        vp = self.viewport
        row = vp.y_to_row(pos.y())
        if not 0 <= row < vp.lanes.rows:
            return
        start = snap_floor(self._tick_at(pos), self.state.step)
        note = Note(start, vp.lanes.pitch_of(row), max(1, self.state.last_length), self.state.new_velocity)
        self._anchor = note
        self._gesture = Gesture.DRAW
        self.state.clear_selection()
        self._press_selection = frozenset()
        self._apply(note_edits.add_notes(self._press_track, [note]), "Draw note")
        self.note_preview_requested.emit(note.pitch, note.velocity)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        gesture = self._gesture
        if gesture == Gesture.NONE:
            self._update_cursor(pos)
            return
        if gesture == Gesture.ERASE:
            self._erase_at(pos)
            return
        delta = pos - self._press_pos
        if gesture == Gesture.PENDING_MOVE:
            if abs(delta.x()) + abs(delta.y()) < DRAG_START_PX:
                return
            self._gesture = gesture = Gesture.MOVE
        vp = self.viewport
        dt_raw = delta.x() / vp.px_per_tick
        step = self.state.step
        anchor = self._anchor
        if gesture == Gesture.MOVE:
            dt = snap_nearest(anchor.start + dt_raw, step) - anchor.start if step > 1 else round(dt_raw)
            rows_down = vp.y_to_row(pos.y()) - vp.y_to_row(self._press_pos.y())
            copy = bool(event.modifiers() & Qt.AltModifier)
            params = (dt, rows_down, copy)
            if params != self._last_params:
                self._last_params = params
                edited = note_edits.move_notes(self._press_track, self._press_selection, dt, rows_down, vp.lanes, copy)
                self._apply(edited, "Copy notes" if copy else "Move notes")
        elif gesture in (Gesture.RESIZE_END, Gesture.DRAW):
            end = snap_nearest(anchor.end + dt_raw, step) if step > 1 else round(anchor.end + dt_raw)
            if gesture == Gesture.DRAW:
                if self._last_params is None and abs(delta.x()) < DRAG_START_PX:
                    return  # a click with a little jitter keeps the last length
                # Dragging while drawing sets the length, at least one grid step.
                end = max(anchor.start + step, snap_nearest(self._tick_at(pos), step))
                note = Note(anchor.start, anchor.pitch, end - anchor.start, anchor.velocity)
                if note != self._last_params:
                    self._last_params = note
                    self.state.last_length = note.duration
                    self._apply(note_edits.add_notes(self._press_track, [note]), "Draw note")
            elif end - anchor.end != self._last_params:
                self._last_params = end - anchor.end
                self._apply(note_edits.resize_notes(self._press_track, self._press_selection, d_end=end - anchor.end,
                                                    min_length=step), "Resize notes")
        elif gesture == Gesture.RESIZE_START:
            start = snap_nearest(anchor.start + dt_raw, step) if step > 1 else round(anchor.start + dt_raw)
            if start - anchor.start != self._last_params:
                self._last_params = start - anchor.start
                self._apply(note_edits.resize_notes(self._press_track, self._press_selection,
                                                    d_start=start - anchor.start, min_length=step), "Resize notes")
        elif gesture == Gesture.RUBBER_BAND:
            self._update_rubber_band(pos)
        elif gesture == Gesture.VELOCITY:
            change = round(-delta.y() / 2)
            if change != self._last_params:
                self._last_params = change
                velocities = {n: n.velocity + change for n in self._press_selection}
                self.actions.set_velocities(self._press_track, velocities, self._gesture_key, self._press_selection)
                self.status_message.emit(f"Velocity {max(1, min(127, anchor.velocity + change))}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._gesture == Gesture.RESIZE_END and self._anchor is not None and self._last_params is not None:
            self.state.last_length = max(1, self._anchor.duration + self._last_params)
        elif self._gesture in (Gesture.MOVE, Gesture.PENDING_MOVE) and self._anchor is not None:
            self.state.last_length = self._anchor.duration
        if self._rubber_rect is not None:
            rect = self._rubber_rect.normalized().toAlignedRect()
            self._rubber_rect = None
            self.update(rect.adjusted(-2, -2, 2, 2))
        self._gesture = Gesture.NONE
        self._press_track = None
        self._update_cursor(event.position())

    def _apply(self, edited: note_edits.Edited, text: str) -> None:
        track, selection = edited
        index = self.document.current_track
        self.state.set_selection(selection)
        self.document.edit_track(index, track, text, self._gesture_key,
                                 (index, self._press_selection), (index, selection))

    def _update_rubber_band(self, pos: QPointF) -> None:
        old = self._rubber_rect.normalized().toAlignedRect() if self._rubber_rect else QRect()
        self._rubber_rect = QRectF(self._press_pos, pos)
        rect = self._rubber_rect.normalized()
        vp = self.viewport
        pitches = self._row_pitches(vp.y_to_row(rect.top()), vp.y_to_row(rect.bottom()))
        index = self.index(self.document.current_track)
        found = index.in_box(vp.x_to_tick(rect.left()), vp.x_to_tick(rect.right()), pitches)
        notes = index.notes
        selection = frozenset([notes[i] for i in found])
        if self._press_selection:
            selection = selection | self._press_selection
        else:
            index.remember_positions(selection, found)
        self.state.set_selection(selection)
        self.update(old.united(rect.toAlignedRect()).adjusted(-2, -2, 2, 2))

    def _erase_at(self, pos: QPointF) -> None:
        hit = self.note_at(pos)
        if hit is None or hit in self._erased:
            return
        self._erased.add(hit)
        erased = frozenset(self._erased)
        self.state.set_selection(self.state.selection - erased)
        track = note_edits.remove_notes(self._press_track, erased)
        index = self.document.current_track
        self.document.edit_track(index, track, f"Erase {len(erased)} note{'s' if len(erased) > 1 else ''}",
                                 self._gesture_key, (index, self._press_selection), (index, self.state.selection))

    # -- wheel and keys ------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        steps = (delta.y() or delta.x()) / 120
        mods = event.modifiers()
        vp = self.viewport
        if mods & Qt.ControlModifier and mods & Qt.ShiftModifier:
            vp.zoom_y(1.15 ** steps, event.position().y())
        elif mods & Qt.ControlModifier:
            vp.zoom_x(1.2 ** steps, event.position().x())
        elif mods & Qt.ShiftModifier or delta.x():
            vp.scroll_by(dx_px=-steps * 60)
        else:
            vp.scroll_by(dy_px=-steps * 3 * vp.row_height)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not handle_roll_key(self, event):
            super().keyPressEvent(event)
