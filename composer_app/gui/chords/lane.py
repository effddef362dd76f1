"""The chord lane above the roll: the song's chord symbols on the ruler's bars and beats, typed, moved and deleted.

Each chord shows as a label at its start and a band reaching to the next chord. A double-click types a chord on
the beat under the mouse (or edits the chord there); dragging a label moves it beat by beat; Delete or Backspace
removes the selected chord. Every change is one undo step (see edits.py).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from composer_app.gui.chords.edits import ChordEdits, ChordSymbolRefused
from composer_app.gui.chords.field import ChordField
from composer_app.gui.project.document import SongDocument
from composer_app.gui.roll.state import RollState
from composer_app.gui.roll.timeline import bar_at, bars_between, steps_in_view, ticks_for_bars
from composer_app.gui.roll.viewport import RollViewport
from composer_app.gui.shell.i18n import Retranslating, error_text, tr
from composer_app.gui.shell.theme import DARK, Theme
from composer_app.music.chord_timeline import chord_spans
from composer_app.music.chords import NO_CHORD

_drag_ids = itertools.count(1)
LABEL_PAD = 6
DELETE_KEYS = (Qt.Key_Delete, Qt.Key_Backspace)


class ChordLane(Retranslating, QWidget):
    """The song's chords in time with the roll; see the module docstring for the gestures."""

    status_message = Signal(str)
    selection_changed = Signal(object)  # the selected chord's tick, or None

    def __init__(self, document: SongDocument, state: RollState, viewport: RollViewport,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.state = state
        self.viewport = viewport
        self.edits = ChordEdits(document, self)
        self.theme: Theme = DARK
        self.selected: int | None = None
        self.last_error = ""  # the last refusal shown, for the status bar and tests
        self._editing: int | None = None  # the tick the field types a chord for
        self._drag: tuple | None = None  # (tick when pressed, press x, merge key, the chords then)
        self.field = ChordField(self)
        self.field.offered.connect(self._on_offered)
        self.field.cancelled.connect(self._end_editing)
        self.setObjectName("chord_lane")
        self.setFocusPolicy(Qt.ClickFocus)
        self.setMouseTracking(False)
        viewport.changed.connect(self._on_view_changed)
        document.state_changed.connect(self._on_state_changed)
        document.song_replaced.connect(lambda: self.select(None))
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.retranslate()
        self.set_theme(DARK)

    def retranslate(self) -> None:
        self.setToolTip(tr("Chords: double-click to type a chord (C, Am7, G/B, N.C.) on a beat; drag a chord to move "
                           "it; Delete removes the selected one"))
        self.field.setPlaceholderText(tr("C, Am7, G/B, N.C."))

    def _on_view_changed(self) -> None:
        if self._editing is not None and self.field.isVisible():  # the field stays on its beat while scrolling
            self.field.move(round(self.viewport.tick_to_x(self._editing)), 0)
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setFixedHeight(theme.ruler_height)
        self.update()

    # -- where things are ----------------------------------------------------------------
    def beat_at(self, x: float, nearest: bool = False) -> int:
        """The beat line at or before x (nearest to it when dragging), following the time signatures."""
        tick = max(0.0, self.viewport.x_to_tick(x))
        bar = bar_at(self.document.song.time_signatures, int(tick))
        beats = (tick - bar.start) / bar.beat
        return bar.start + bar.beat * (round(beats) if nearest else int(beats))

    def _font(self) -> QFont:
        font = QFont(QApplication.font())  # the app font carries the projector scale
        font.setBold(True)
        return font

    def _label_rect(self, tick: int, figure: str) -> QRectF:
        width = QFontMetricsF(self._font()).horizontalAdvance(figure) + 2 * LABEL_PAD
        return QRectF(self.viewport.tick_to_x(tick) + 1, 2, width, self.height() - 4)

    def chord_at_x(self, x: float) -> int | None:
        """The tick of the chord whose label is under x (the latest one, labels can overlap), or None."""
        for chord in reversed(self.document.song.chords):
            rect = self._label_rect(chord.tick, chord.figure)
            if rect.left() - 2 <= x <= rect.right():
                return chord.tick
        return None

    def end_tick(self) -> int:
        song = self.document.song
        return ticks_for_bars(song.time_signatures, self.document.length_bars)

    # -- selection and editing ------------------------------------------------------------
    def select(self, tick: int | None) -> None:
        if tick != self.selected:
            self.selected = tick
            self.selection_changed.emit(tick)
            self.update()

    def open_editor(self, tick: int) -> None:
        """Open the field to type the chord at tick (showing the one there, if any)."""
        self._editing = tick
        self.select(tick if self.edits.figure_at(tick) is not None else self.selected)
        self.field.open_at(round(self.viewport.tick_to_x(tick)), self.height(), self.edits.figure_at(tick) or "")

    def _on_offered(self, text: str) -> None:
        tick = self._editing
        if tick is None:
            return
        if not text.strip():  # an emptied field removes the chord there, or types nothing
            self.edits.delete(tick)
            self._end_editing()
            return
        try:
            self.edits.set_chord(tick, text)
        except ChordSymbolRefused as exc:
            self.last_error = error_text(exc)
            self.field.refuse(self.last_error)
            self.status_message.emit(self.last_error)
            return
        self.last_error = ""
        self._end_editing()
        self.select(tick)

    def _end_editing(self) -> None:
        self._editing = None
        if self.field.isVisible():
            self.field.close_field()

    def delete_selected(self) -> None:
        if self.selected is not None:
            self.edits.delete(self.selected)
            self.select(None)

    def _on_state_changed(self, *_args) -> None:
        if self.selected is not None and self.edits.figure_at(self.selected) is None:
            self.select(None)
        self.update()

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        vp, theme = self.viewport, self.theme
        painter = QPainter(self)
        h = self.height()
        painter.fillRect(event.rect(), theme.background)
        t0, t1 = vp.visible_ticks()
        for bar in bars_between(self.document.song.time_signatures, max(0.0, t0), t1):
            if bar.beat * vp.px_per_tick >= 8:
                painter.setPen(QPen(theme.sub_line, 1))
                for tick in steps_in_view(bar, bar.beat, t0, t1):
                    x = round(vp.tick_to_x(tick)) + 0.5
                    painter.drawLine(QPointF(x, 0), QPointF(x, h))
            painter.setPen(QPen(theme.bar_line, 1))
            x = round(vp.tick_to_x(bar.start)) + 0.5
            painter.drawLine(QPointF(x, 0), QPointF(x, h))
        painter.setFont(self._font())
        chords = self.document.song.chords
        spans = [s for s in chord_spans(chords, max(self.end_tick(), chords[-1].tick if chords else 0))
                 if s[1] >= t0 and s[0] <= t1]
        for start, stop, figure in spans:
            self._paint_band(painter, start, stop, figure)
        label_end = -1.0
        for start, _stop, figure in spans:
            label_end = self._paint_label(painter, start, figure, label_end)
        painter.setPen(QPen(theme.bar_line, 1))
        painter.drawLine(0, h - 1, self.width(), h - 1)
        painter.end()

    def _paint_band(self, painter: QPainter, start: int, stop: int, figure: str) -> None:
        """The chord's span, with a line where it starts (all that shows of a label with no room)."""
        vp, theme, h = self.viewport, self.theme, self.height()
        band = QColor(theme.accent)
        band.setAlpha(25 if figure == NO_CHORD else 45)
        x0, x1 = vp.tick_to_x(start), vp.tick_to_x(stop)
        painter.fillRect(QRectF(x0, 2, x1 - x0, h - 4), band)
        painter.fillRect(QRectF(x0, 2, 2, h - 4), theme.accent)

    def _paint_label(self, painter: QPainter, start: int, figure: str, free_from: float) -> float:
        """The chord's label where the previous one left room (the selected one always); returns where it ends."""
        theme = self.theme
        no_chord = figure == NO_CHORD
        label = self._label_rect(start, figure)
        selected = start == self.selected
        if label.left() < free_from and not selected:
            return free_from
        painter.setBrush(QColor(theme.panel if no_chord else theme.accent.darker(170)))
        painter.setPen(QPen(theme.selected_border if selected else theme.accent, 2 if selected else 1))
        painter.drawRoundedRect(label, 4, 4)
        painter.setPen(theme.ruler_text if not no_chord else theme.ruler_text.darker(140))
        painter.drawText(label, Qt.AlignCenter, figure)
        return label.right() + 2

    # -- mouse and keys ------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.LeftButton:
            return
        x = event.position().x()
        tick = self.chord_at_x(x)
        self.select(tick)
        if tick is not None:
            self._drag = (tick, x, ("chord-move", next(_drag_ids)), self.document.song.chords)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or self.selected is None:
            return
        pressed_tick, press_x, key, base = self._drag
        target = self.beat_at(self.viewport.tick_to_x(pressed_tick) + event.position().x() - press_x + 1,
                              nearest=True)
        if target != self.selected:
            self.edits.move(pressed_tick, target, key, base)
            self.select(target)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        """As over the ruler: the wheel scrolls the song, Ctrl zooms it."""
        steps = (event.angleDelta().y() or event.angleDelta().x()) / 120
        self.viewport.wheel_along_time(steps, event.position().x(), bool(event.modifiers() & Qt.ControlModifier))
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.LeftButton:
            return
        x = event.position().x()
        tick = self.chord_at_x(x)
        self.open_editor(tick if tick is not None else self.beat_at(x))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in DELETE_KEYS and self.selected is not None:
            self.delete_selected()
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_F2) and self.selected is not None:
            self.open_editor(self.selected)
        elif event.key() == Qt.Key_Escape:
            self.select(None)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # The window's Delete action would delete notes: with a chord selected, the lane takes the key.
        if event.type() == QEvent.ShortcutOverride and event.key() in DELETE_KEYS and self.selected is not None:
            event.accept()
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        x = event.pos().x()
        tick = self.chord_at_x(x)
        self.select(tick)
        menu = QMenu(self)
        if tick is not None:
            menu.addAction(tr("Edit chord…"), lambda: self.open_editor(tick))
            menu.addAction(tr("Delete chord"), self.delete_selected)
        else:
            beat = self.beat_at(x)
            menu.addAction(tr("Add chord here…"), lambda: self.open_editor(beat))
        menu.addSeparator()
        menu.addAction(tr("Play chords on a track"), self.play_on_track)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def play_on_track(self) -> None:
        """Add (or refresh) the Chords track, and say how to silence it."""
        if not self.document.song.chords:
            self.status_message.emit(tr("Type chords in the chord lane first (double-click it)."))
            return
        index = self.edits.play_on_track()
        self.status_message.emit(tr("The chords play on track {0}; mute it in the track list to silence them.")
                                 .format(index + 1))
