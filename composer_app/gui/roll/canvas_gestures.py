"""What the mouse does in the piano roll's note area: draw, move, resize, rubber-band select, erase, velocity, wheel."""

from __future__ import annotations

import itertools
from enum import Enum, auto
from typing import Protocol

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, SignalInstance
from PySide6.QtGui import QMouseEvent, QWheelEvent

from composer_app.gui.project.document import SongDocument
from composer_app.gui.roll.grid import snap_floor, snap_nearest
from composer_app.gui.roll.notes import edits as note_edits
from composer_app.gui.roll.notes.actions import NoteActions
from composer_app.gui.roll.notes.index import NoteIndex
from composer_app.gui.roll.state import RollState, Tool
from composer_app.gui.roll.viewport import RollViewport
from composer_app.gui.shell.i18n import tr
from composer_app.music.song import Note, Track

EDGE_PX = 6  # how close to a note's edge a press resizes instead of moving
DRAG_START_PX = 4


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


class GestureTarget(Protocol):
    """What the gestures act on: the roll canvas's song, state, view and note actions, its hit tests and signals."""

    document: SongDocument
    state: RollState
    viewport: RollViewport
    actions: NoteActions
    note_preview_requested: SignalInstance
    status_message: SignalInstance

    def index(self, track_index: int) -> NoteIndex: ...

    def note_rect(self, note: Note) -> QRectF | None: ...

    def note_at(self, pos: QPointF) -> Note | None: ...

    def row_pitches(self, row0: int, row1: int) -> set[int]: ...

    def setFocus(self, reason: Qt.FocusReason) -> None: ...

    def setCursor(self, shape: Qt.CursorShape) -> None: ...

    def update(self, rect: QRect) -> None: ...


class RollGestures:
    """Turns the canvas's mouse and wheel events into edits; one press-to-release drag is one gesture."""

    def __init__(self, canvas: GestureTarget):
        self.canvas = canvas
        self.rubber_rect: QRectF | None = None
        self._gesture = Gesture.NONE
        self._gesture_key: object = None
        self._press_pos = QPointF()
        self._press_track: Track | None = None
        self._press_selection: frozenset[Note] = frozenset()
        self._anchor: Note | None = None
        self._last_params: object = None
        self._erased: set[Note] = set()
        self._pending: tuple[note_edits.Plan, str] | None = None  # a drag's edit, made on release

    def edge_at(self, note: Note, x: float) -> Gesture | None:
        rect = self.canvas.note_rect(note)
        if rect is None:
            return None
        edge = min(EDGE_PX, rect.width() / 4)
        if x >= rect.right() - edge:
            return Gesture.RESIZE_END
        if x <= rect.left() + edge and rect.width() >= 3 * EDGE_PX:
            return Gesture.RESIZE_START
        return None

    def update_cursor(self, pos: QPointF | None) -> None:
        tool = self.canvas.state.tool
        shape = {Tool.DRAW: Qt.CrossCursor, Tool.SELECT: Qt.ArrowCursor, Tool.ERASE: Qt.ForbiddenCursor,
                 Tool.VELOCITY: Qt.SizeVerCursor}[tool]
        if pos is not None and tool in (Tool.DRAW, Tool.SELECT):
            hit = self.canvas.note_at(pos)
            if hit is not None:
                shape = Qt.SizeHorCursor if self.edge_at(hit, pos.x()) else Qt.SizeAllCursor
        self.canvas.setCursor(shape)

    def _tick_at(self, pos: QPointF) -> float:
        return max(0.0, self.canvas.viewport.x_to_tick(pos.x()))

    def press(self, event: QMouseEvent) -> None:
        canvas, state = self.canvas, self.canvas.state
        if not canvas.document.song.tracks:
            return
        pos = event.position()
        canvas.setFocus(Qt.MouseFocusReason)
        if self._pending is not None:  # a drag whose release never came (focus stolen mid-drag): dropped
            self._pending = None
            state.clear_preview()
        self._press_pos = pos
        self._press_track = canvas.document.song.tracks[canvas.document.current_track]
        self._press_selection = state.selection
        self._gesture_key = ("roll", next(_gesture_ids))
        self._last_params = None
        tool = state.tool
        if event.button() == Qt.RightButton or (event.button() == Qt.LeftButton and tool == Tool.ERASE):
            self._gesture = Gesture.ERASE
            self._erased = set()
            self._erase_at(pos)
            return
        if event.button() != Qt.LeftButton:
            return
        hit = canvas.note_at(pos)
        shift = bool(event.modifiers() & Qt.ShiftModifier)
        if tool == Tool.VELOCITY:
            if hit is not None:
                if hit not in state.selection:
                    state.set_selection({hit})
                    self._press_selection = state.selection
                self._anchor = hit
                self._gesture = Gesture.VELOCITY
            return
        if hit is not None:
            if shift:
                toggled = set(state.selection) ^ {hit}
                state.set_selection(toggled)
                if hit not in toggled:
                    self._gesture = Gesture.NONE
                    return
            elif hit not in state.selection:
                state.set_selection({hit})
            self._press_selection = state.selection
            self._anchor = hit
            self._gesture = self.edge_at(hit, pos.x()) or Gesture.PENDING_MOVE
            canvas.note_preview_requested.emit(hit.pitch, hit.velocity)
            return
        if tool == Tool.DRAW:
            self._start_draw(pos)
        else:
            self._gesture = Gesture.RUBBER_BAND
            if not shift:
                state.clear_selection()
            self._press_selection = state.selection
            self.rubber_rect = QRectF(pos, pos)

    def _start_draw(self, pos: QPointF) -> None:
        vp, state = self.canvas.viewport, self.canvas.state
        row = vp.y_to_row(pos.y())
        if not 0 <= row < vp.lanes.rows:
            return
        start = snap_floor(self._tick_at(pos), state.step)
        note = Note(start, vp.lanes.pitch_of(row), max(1, state.last_length), state.new_velocity)
        self._anchor = note
        self._gesture = Gesture.DRAW
        state.clear_selection()
        self._press_selection = frozenset()
        self._apply(note_edits.add_notes(self._press_track, [note]), tr("Draw note"))
        self.canvas.note_preview_requested.emit(note.pitch, note.velocity)

    def move(self, event: QMouseEvent) -> None:
        pos = event.position()
        gesture = self._gesture
        if gesture == Gesture.NONE:
            self.update_cursor(pos)
            return
        if gesture == Gesture.ERASE:
            self._erase_at(pos)
            return
        delta = pos - self._press_pos
        if gesture == Gesture.PENDING_MOVE:
            if abs(delta.x()) + abs(delta.y()) < DRAG_START_PX:
                return
            self._gesture = gesture = Gesture.MOVE
        vp, state = self.canvas.viewport, self.canvas.state
        dt_raw = delta.x() / vp.px_per_tick
        step = state.step
        anchor = self._anchor
        if gesture == Gesture.MOVE:
            dt = snap_nearest(anchor.start + dt_raw, step) - anchor.start if step > 1 else round(dt_raw)
            rows_down = vp.y_to_row(pos.y()) - vp.y_to_row(self._press_pos.y())
            copy = bool(event.modifiers() & Qt.AltModifier)
            params = (dt, rows_down, copy)
            if params != self._last_params:
                self._last_params = params
                plan = note_edits.plan_move(self._press_track, self._press_selection, dt, rows_down, vp.lanes, copy)
                self._preview(plan, tr("Copy notes") if copy else tr("Move notes"), keep_originals=copy)
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
                    state.last_length = note.duration
                    self._preview(note_edits.plan_add(self._press_track, [note]), tr("Draw note"))
            elif end - anchor.end != self._last_params:
                self._last_params = end - anchor.end
                self._preview(note_edits.plan_resize(self._press_track, self._press_selection,
                                                      d_end=end - anchor.end, min_length=step), tr("Resize notes"))
        elif gesture == Gesture.RESIZE_START:
            start = snap_nearest(anchor.start + dt_raw, step) if step > 1 else round(anchor.start + dt_raw)
            if start - anchor.start != self._last_params:
                self._last_params = start - anchor.start
                self._preview(note_edits.plan_resize(self._press_track, self._press_selection,
                                                      d_start=start - anchor.start, min_length=step),
                              tr("Resize notes"))
        elif gesture == Gesture.RUBBER_BAND:
            self._update_rubber_band(pos)
        elif gesture == Gesture.VELOCITY:
            change = round(-delta.y() / 2)
            if change != self._last_params:
                self._last_params = change
                velocities = {n: n.velocity + change for n in self._press_selection}
                self.canvas.actions.set_velocities(self._press_track, velocities, self._gesture_key,
                                                   self._press_selection)
                self.canvas.status_message.emit(tr("Velocity {0}").format(
                    max(1, min(127, anchor.velocity + change))))

    def release(self, event: QMouseEvent) -> None:
        state = self.canvas.state
        if self._pending is not None:
            plan, text = self._pending
            self._pending = None
            state.clear_preview()
            self._apply(plan.edited(), text)
        if self._gesture == Gesture.RESIZE_END and self._anchor is not None and self._last_params is not None:
            state.last_length = max(1, self._anchor.duration + self._last_params)
        elif self._gesture in (Gesture.MOVE, Gesture.PENDING_MOVE) and self._anchor is not None:
            state.last_length = self._anchor.duration
        if self.rubber_rect is not None:
            rect = self.rubber_rect.normalized().toAlignedRect()
            self.rubber_rect = None
            self.canvas.update(rect.adjusted(-2, -2, 2, 2))
        self._gesture = Gesture.NONE
        self._press_track = None
        self.update_cursor(event.position())

    def _preview(self, plan: note_edits.Plan, text: str, keep_originals: bool = False) -> None:
        """Show where the drag puts the notes; the track is edited once, on release (see RollState.set_preview)."""
        self._pending = (plan, text)
        self.canvas.state.set_preview(sorted(plan.add), keep_originals)

    def _apply(self, edited: note_edits.Edited, text: str) -> None:
        track, selection = edited
        document = self.canvas.document
        index = document.current_track
        self.canvas.state.set_selection(selection)
        document.edit_track(index, track, text, self._gesture_key,
                            (index, self._press_selection), (index, selection))

    def _update_rubber_band(self, pos: QPointF) -> None:
        canvas = self.canvas
        old = self.rubber_rect.normalized().toAlignedRect() if self.rubber_rect else QRect()
        self.rubber_rect = QRectF(self._press_pos, pos)
        rect = self.rubber_rect.normalized()
        vp = canvas.viewport
        pitches = canvas.row_pitches(vp.y_to_row(rect.top()), vp.y_to_row(rect.bottom()))
        index = canvas.index(canvas.document.current_track)
        found = index.in_box(vp.x_to_tick(rect.left()), vp.x_to_tick(rect.right()), pitches)
        notes = index.notes
        selection = frozenset([notes[i] for i in found])
        if self._press_selection:
            selection = selection | self._press_selection
        else:
            index.remember_positions(selection, found)
        canvas.state.set_selection(selection)
        canvas.update(old.united(rect.toAlignedRect()).adjusted(-2, -2, 2, 2))

    def _erase_at(self, pos: QPointF) -> None:
        canvas, state = self.canvas, self.canvas.state
        hit = canvas.note_at(pos)
        if hit is None or hit in self._erased:
            return
        self._erased.add(hit)
        erased = frozenset(self._erased)
        state.set_selection(state.selection - erased)
        track = note_edits.remove_notes(self._press_track, erased)
        index = canvas.document.current_track
        canvas.document.edit_track(index, track, tr("Erase %n note(s)", "", len(erased)),
                                   self._gesture_key, (index, self._press_selection), (index, state.selection))

    def wheel(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        steps = (delta.y() or delta.x()) / 120
        mods = event.modifiers()
        vp = self.canvas.viewport
        if mods & Qt.ControlModifier and mods & Qt.ShiftModifier:
            vp.zoom_y(1.15 ** steps, event.position().y())
        elif mods & Qt.ControlModifier:
            vp.zoom_x(1.2 ** steps, event.position().x())
        elif mods & Qt.ShiftModifier or delta.x():
            vp.scroll_by(dx_px=-steps * 60)
        else:
            vp.scroll_by(dy_px=-steps * 3 * vp.row_height)
        event.accept()
