"""The note area of the piano roll: the widget that ties its painter and its mouse gestures to the song."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QWidget

from composer_app.gui.project.document import SongDocument
from composer_app.gui.roll.canvas_gestures import RollGestures
from composer_app.gui.roll.canvas_painter import RollPainter
from composer_app.gui.roll.keys import handle_roll_key
from composer_app.gui.roll.notes.actions import NoteActions
from composer_app.gui.roll.notes.index import NoteIndex, index_for
from composer_app.gui.roll.state import RollState
from composer_app.gui.roll.viewport import RollViewport
from composer_app.gui.shell.theme import DARK, Theme
from composer_app.music.song import Note


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
        self._painter = RollPainter(self, self._indexes)
        self._gestures = RollGestures(self)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.setMinimumSize(200, 120)
        document.state_changed.connect(self._on_state_changed)
        document.current_track_changed.connect(self._on_state_changed)
        viewport.changed.connect(self.update)
        viewport.zoom_settled.connect(self.update)
        for signal in (state.selection_changed, state.overlay_changed, state.grid_changed, state.loop_changed,
                       state.preview_changed):
            signal.connect(self.update)
        state.playhead_changed.connect(self._on_playhead_changed)
        state.tool_changed.connect(lambda _t: self._gestures.update_cursor(None))
        self._gestures.update_cursor(None)

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

    def row_pitches(self, row0: int, row1: int) -> set[int]:
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
        pitches = self.row_pitches(row, row)
        index = self.index(self.document.current_track)
        tick = vp.x_to_tick(pos.x())
        hit = index.at(tick, pitches)
        if hit is None:
            slack = 3 / vp.px_per_tick
            for candidate in (index.at(tick - slack, pitches), index.at(tick + slack, pitches)):
                if candidate is not None:
                    return candidate
        return hit

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self._painter.paint(QPainter(self), event.rect(), self._gestures.rubber_rect)

    def _on_playhead_changed(self, _tick: int) -> None:
        # Repaint only the strips under the old and new playhead; a full frame per tick would waste time.
        for strip in self._painter.playhead_strips_to_repaint():
            self.update(strip)

    # -- mouse, wheel and keys -----------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._gestures.press(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._gestures.move(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._gestures.release(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._gestures.wheel(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not handle_roll_key(self, event):
            super().keyPressEvent(event)
