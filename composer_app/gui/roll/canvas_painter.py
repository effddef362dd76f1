"""How the piano roll's note area is painted: rows, grid, loop, notes, overlay, rubber band and playhead."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication

from composer_app.gui.project.document import SongDocument
from composer_app.gui.roll.backdrop import Backdrop
from composer_app.gui.roll.canvas_layers import paint_grid, paint_loop, paint_rows
from composer_app.gui.roll.lanes import note_name
from composer_app.gui.roll.notes.index import NoteIndex
from composer_app.gui.roll.notes.rects import MIN_NOTE_PX, NoteRects
from composer_app.gui.roll.state import RollState
from composer_app.gui.roll.viewport import RollViewport
from composer_app.gui.shell.theme import Theme
from composer_app.music.song import Note

OUTLINE_LIMIT = 3000  # above this many notes in view, outlines are skipped: they would be sub-pixel anyway
LABEL_LIMIT = 400
STRETCH_ABOVE = 2000  # tracks with more notes are stretched, not rebuilt, while a zoom gesture runs
VELOCITY_SHADES = 4
LAYER_ABOVE = 1000  # selections bigger than this are drawn into a cached layer
DAMAGE_LIMIT = 64  # an edit or drag changing more notes than this redraws the whole backdrop


class PaintTarget(Protocol):
    """What the painter reads from the roll canvas: the song, the roll's state and view, and its geometry."""

    document: SongDocument
    state: RollState
    viewport: RollViewport
    theme: Theme

    def index(self, track_index: int) -> NoteIndex: ...

    def note_rect(self, note: Note) -> QRectF | None: ...

    def width(self) -> int: ...

    def height(self) -> int: ...


class RollPainter:
    """Paints the canvas; keeps the note rects of each track cached between frames, in content pixels."""

    def __init__(self, canvas: PaintTarget, indexes: dict[int, NoteIndex]):
        self.canvas = canvas
        # The canvas's own index cache: rects are kept only for indexes that are still in it.
        self._indexes = indexes
        self._rect_cache: dict[int, tuple[NoteIndex, NoteRects]] = {}
        self._selected_rects: tuple[NoteRects, frozenset, object] | None = None
        self._playhead_x = -1
        self.backdrop = Backdrop()
        self.selection_layer = Backdrop(transparent=True)

    def paint(self, painter: QPainter, clip: QRect, rubber_rect: QRectF | None) -> None:
        canvas = self.canvas
        vp = canvas.viewport
        if vp.is_zooming():  # every frame of a zoom differs: the backdrop is stretched, or drawn directly
            if not self.backdrop.stretch(painter, clip, (vp.left_tick, vp.top_row), (vp.px_per_tick, vp.row_height),
                                         (canvas.width(), canvas.height())):
                self._paint_backdrop(painter, clip)
        else:
            key, keep = self._backdrop_key()
            self.backdrop.paint(painter, clip, key, keep, (vp.left_tick * vp.px_per_tick, vp.top_row * vp.row_height),
                                (canvas.width(), canvas.height()), canvas.devicePixelRatioF(), self._paint_backdrop,
                                lambda old_key, old_keep: self._damage(old_key, old_keep, key, keep),
                                (vp.px_per_tick, vp.row_height))
        t0, t1 = vp.x_to_tick(clip.left() - 2), vp.x_to_tick(clip.right() + 2)
        tracks, current = canvas.document.song.tracks, canvas.document.current_track
        if 0 <= current < len(tracks):
            index, color = canvas.index(current), QColor(canvas.document.looks[current].color)
            state = canvas.state
            if state.preview is None and len(state.selection) > LAYER_ABOVE and not vp.is_zooming():
                # A big selection is a cached layer of its own: playback and recording frames only copy it.
                keep = (state.selection, index, canvas.theme, vp.lanes)
                in_view = self._in_view(index)
                key = (tuple(id(k) for k in keep), color.rgba(), vp.px_per_tick, vp.row_height,
                       in_view <= OUTLINE_LIMIT, in_view <= LABEL_LIMIT)
                self.selection_layer.paint(
                    painter, clip, key, keep, (vp.left_tick * vp.px_per_tick, vp.top_row * vp.row_height),
                    (canvas.width(), canvas.height()), canvas.devicePixelRatioF(),
                    lambda layer, rect: self._paint_selected_in(layer, rect, index, color))
            else:
                self._paint_selected_in(painter, clip, index, color)
        self._paint_overlay(painter, t0, t1, 0, 0)
        if rubber_rect is not None:
            painter.setPen(QPen(canvas.theme.accent, 1, Qt.DashLine))
            painter.setBrush(canvas.theme.rubber_band)
            painter.drawRect(rubber_rect.normalized())
        self._paint_playhead(painter)
        painter.end()

    def _backdrop_key(self) -> tuple[tuple, tuple]:
        """What the backdrop shows, and the objects whose identity is part of it (kept alive with the pixmap):
        keep is (time signatures, lanes, theme, the notes a drag hides, the tracks' indexes...)."""
        canvas = self.canvas
        vp, state, document = canvas.viewport, canvas.state, canvas.document
        song = document.song
        indexes = tuple(canvas.index(i) for i in range(len(song.tracks)))
        looks = tuple(look.color for look in document.looks)
        current = document.current_track
        in_view = self._in_view(indexes[current]) if 0 <= current < len(indexes) else 0
        keep = (song.time_signatures, vp.lanes, canvas.theme, self._hidden(), *indexes)
        key = (tuple(id(k) for k in keep), looks, current, document.length_bars, vp.px_per_tick, vp.row_height,
               state.grid, state.snap, state.loop_enabled, state.loop_range, in_view <= OUTLINE_LIMIT,
               in_view <= LABEL_LIMIT)
        return key, keep

    def _damage(self, old_key: tuple, old_keep: tuple, key: tuple, keep: tuple) -> list[QRectF] | None:
        """The content rects where the backdrop for key differs from the one for old_key, when that is a few
        notes: a drag lifting notes out (or putting them back), or a small edit of a track. None: redraw all."""
        if old_key[1:] != key[1:] or len(old_keep) != len(keep) or old_keep[0] != keep[0] \
                or old_keep[1] is not keep[1] or old_keep[2] is not keep[2]:
            return None
        notes: list[Note] = []
        hidden = (old_keep[3] or frozenset()) ^ (keep[3] or frozenset())
        if len(hidden) > DAMAGE_LIMIT:
            return None
        notes.extend(hidden)
        for old, new in zip(old_keep[4:], keep[4:]):
            if old is new:
                continue
            if new.lineage is not None and new.lineage[0]() is old:
                splice = new.lineage[1]
            elif old.lineage is not None and old.lineage[0]() is new:
                splice = old.lineage[1].reverse
            else:
                return None
            notes.extend(old.notes[p] for p in splice.removed)
            notes.extend(new.notes[p] for p in splice.inserted)
            if len(notes) > DAMAGE_LIMIT:
                return None
        return [box for n in notes if (box := self._box(n)) is not None]

    def _box(self, note: Note) -> QRectF | None:
        """Where a note is drawn, in content pixels (None when the lanes do not show its pitch)."""
        vp = self.canvas.viewport
        row = vp.lanes.row_of(note.pitch)
        if row is None:
            return None
        return QRectF(note.start * vp.px_per_tick, row * vp.row_height, max(note.duration * vp.px_per_tick, MIN_NOTE_PX),
                      vp.row_height)

    def _paint_backdrop(self, painter: QPainter, clip: QRect) -> None:
        """Rows, grid, loop, the other tracks and the current track's notes at rest, for a rect of the view."""
        canvas = self.canvas
        vp = canvas.viewport
        theme = canvas.theme
        t0 = vp.x_to_tick(clip.left() - 2)
        t1 = vp.x_to_tick(clip.right() + 2)
        row0 = max(0, vp.y_to_row(clip.top()))
        row1 = min(vp.lanes.rows - 1, vp.y_to_row(clip.bottom()))
        paint_rows(painter, canvas, clip, row0, row1)
        paint_grid(painter, canvas, clip, t0, t1)
        paint_loop(painter, canvas, clip)
        tracks = canvas.document.song.tracks
        current = canvas.document.current_track
        looks = canvas.document.looks
        painter.save()
        # Note rects are cached in content pixels; the scroll position is one translation.
        painter.translate(-vp.left_tick * vp.px_per_tick, -vp.top_row * vp.row_height)
        drums_current = 0 <= current < len(tracks) and tracks[current].is_drum
        for i in range(len(tracks)):
            # Only tracks of the same kind are shown faded: drum lanes and pitches do not mix.
            if i != current and tracks[i].is_drum == drums_current:
                color = QColor(looks[i].color)
                color.setAlpha(theme.faded_alpha)
                self._paint_faded(painter, canvas.index(i), color, t0, t1, row0, row1)
        if 0 <= current < len(tracks):
            self._paint_current(painter, canvas.index(current), QColor(looks[current].color), t0, t1, row0, row1)
        painter.restore()

    def _rects(self, index: NoteIndex, shaded: bool) -> tuple[NoteRects, float, float]:
        """The track's note rects and the (x, y) scale to draw them at the current zoom.

        Rebuilt when the track or zoom changed; during a zoom gesture a big track's rects are only stretched
        (scale != 1) and rebuilt once the gesture settles, so zooming 10,000 notes stays smooth.
        """
        vp = self.canvas.viewport
        groups = VELOCITY_SHADES if shaded else 1
        key = (vp.px_per_tick, vp.row_height, vp.lanes, groups)
        cached = self._rect_cache.get(id(index))
        if cached is not None and cached[0] is index:
            rects = cached[1]
            if rects.key == key:
                return rects, 1.0, 1.0
            if rects.key[2:] == key[2:] and len(index) > STRETCH_ABOVE and vp.is_zooming():
                return rects, vp.px_per_tick / rects.key[0], vp.row_height / rects.key[1]
        keys = index.shades(VELOCITY_SHADES) if shaded else None
        kin = self._kin_rects(index, key)
        rects = NoteRects.derived(kin[0], index, kin[1], keys) if kin is not None else \
            NoteRects(index, vp.px_per_tick, vp.row_height, vp.lanes, keys, groups)
        self._rect_cache[id(index)] = (index, rects)
        self._prune_rect_cache()
        return rects, 1.0, 1.0

    def _kin_rects(self, index: NoteIndex, key: tuple) -> tuple[NoteRects, object] | None:
        """Cached rects at this zoom of the index this one was edited from (or, after an undo, of the index
        edited from this one), with the splice that leads from them to this index."""
        for cached_index, rects in self._rect_cache.values():
            if rects.key != key:
                continue
            if index.lineage is not None and index.lineage[0]() is cached_index:
                return rects, index.lineage[1]
            if cached_index.lineage is not None and cached_index.lineage[0]() is index:
                return rects, cached_index.lineage[1].reverse
        return None

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

    def _in_view(self, index: NoteIndex) -> int:
        """About how many of the track's notes the view shows: outlines and labels depend on it, so that the
        backdrop and the selection drawn over it agree however far the backdrop reaches."""
        t0, t1 = self.canvas.viewport.visible_ticks()
        return len(index.span(t0, t1))

    def _hidden(self) -> frozenset | None:
        """The notes the backdrop leaves out: those a drag is moving (drawn where they go), else none.

        The selection itself is drawn over the backdrop, so selecting (a rubber band) never redraws it.
        """
        state = self.canvas.state
        return state.selection if state.preview is not None and not state.preview[1] else None

    def _paint_current(self, painter: QPainter, index: NoteIndex, color: QColor, t0, t1, row0, row1) -> None:
        """The current track's notes shaded by velocity, but for those a drag is moving."""
        theme, vp = self.canvas.theme, self.canvas.viewport
        rects, sx, sy = self._rects(index, shaded=True)
        shades = rects.groups if self._hidden() is None else self._selection_split(index, rects)[0]
        slices = [(g, g.between(t0, t1, rects.max_duration)) for g in shades]
        if not any(len(g.starts[s]) for g, s in slices):
            return
        count = self._in_view(index)
        painter.save()
        painter.scale(sx, sy)
        painter.setPen(QPen(theme.note_border, 1) if count <= OUTLINE_LIMIT else Qt.NoPen)
        for shade, (group, part) in enumerate(slices):
            visible = group.rects[part]
            if visible:
                # Softer notes are drawn darker, as DAWs do, so dynamics read at a glance.
                painter.setBrush(color.darker(100 + (VELOCITY_SHADES - 1 - shade) * 28))
                painter.drawRects(visible)
        painter.restore()
        if count <= LABEL_LIMIT and vp.row_height >= 11 and not vp.lanes.is_kit:
            self._paint_labels(painter, index, [(g.positions[s], g.rects[s]) for g, s in slices])

    def _paint_selected_in(self, painter: QPainter, rect: QRect, index: NoteIndex, color: QColor) -> None:
        """The selection (or a drag's notes) for a rect of the view."""
        vp = self.canvas.viewport
        painter.save()
        painter.translate(-vp.left_tick * vp.px_per_tick, -vp.top_row * vp.row_height)
        self._paint_selected(painter, index, color, vp.x_to_tick(rect.left() - 2), vp.x_to_tick(rect.right() + 2))
        painter.restore()

    def _paint_selected(self, painter: QPainter, index: NoteIndex, color: QColor, t0, t1) -> None:
        """The selection, or during a drag the notes where the drag puts them (and the originals, when copying)."""
        theme, vp = self.canvas.theme, self.canvas.viewport
        outline = self._in_view(index) <= OUTLINE_LIMIT
        labels = self._in_view(index) <= LABEL_LIMIT and vp.row_height >= 11 and not vp.lanes.is_kit
        preview = self.canvas.state.preview
        parts = []
        if preview is None or preview[1]:
            rects, sx, sy = self._rects(index, shaded=True)
            _shades, selected = self._selection_split(index, rects)
            chosen = selected.between(t0, t1, rects.max_duration)
            if preview is not None:  # copying: the originals stay where they are, drawn as notes at rest
                painter.save()
                painter.scale(sx, sy)
                painter.setPen(QPen(theme.note_border, 1) if outline else Qt.NoPen)
                painter.setBrush(color)
                painter.drawRects(selected.rects[chosen])
                painter.restore()
            else:
                painter.save()
                painter.scale(sx, sy)
                painter.setBrush(color.lighter(150))
                painter.setPen(QPen(theme.selected_border, 2) if outline else Qt.NoPen)
                painter.drawRects(selected.rects[chosen])
                painter.restore()
                parts.append((selected.positions[chosen], selected.rects[chosen]))
        if preview is not None:
            shift = QPointF(vp.left_tick * vp.px_per_tick, vp.top_row * vp.row_height)  # to content pixels
            moved = [(n, r.translated(shift)) for n in preview[0] if n.end > t0 and n.start < t1
                     and (r := self.canvas.note_rect(n)) is not None]
            painter.setBrush(color.lighter(150))
            painter.setPen(QPen(theme.selected_border, 2) if outline else Qt.NoPen)
            painter.drawRects([r for _n, r in moved])
            if labels:
                self._paint_note_names(painter, [(n.pitch, r) for n, r in moved])
        if labels and parts:
            self._paint_labels(painter, index, parts)

    def _selection_split(self, index: NoteIndex, rects: NoteRects):
        """(unselected shade groups, selected group), cached until the rects or the selection change."""
        selection = self.canvas.state.selection
        cached = self._selected_rects
        if cached is None or cached[0] is not rects or cached[1] is not selection:
            positions = index.positions_of(selection)
            split = (rects.without(set(positions)), rects.subset(positions, index.starts))
            cached = self._selected_rects = (rects, selection, split)
        return cached[2]

    def _paint_labels(self, painter: QPainter, index: NoteIndex, parts) -> None:
        """Note names inside the notes wide enough: parts are (positions in the index, their rects)."""
        self._paint_note_names(painter, [(index.pitches[i], rect) for positions, group_rects in parts
                                         for i, rect in zip(positions, group_rects)])

    def _paint_note_names(self, painter: QPainter, named) -> None:
        font = QFont(QApplication.font())  # the app font carries the projector scale
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        painter.setFont(font)
        painter.setPen(self.canvas.theme.note_text)
        min_width = painter.fontMetrics().horizontalAdvance("C#4") + 6
        for pitch, rect in named:
            if rect.width() >= min_width:
                painter.drawText(rect.adjusted(3, 0, -1, 0), Qt.AlignVCenter | Qt.AlignLeft, note_name(pitch))

    def _paint_overlay(self, painter: QPainter, t0, t1, row0, row1) -> None:
        self._paint_seams(painter, t0, t1)
        canvas = self.canvas
        overlay = canvas.state.overlay
        if not overlay:
            return
        color = QColor(canvas.state.overlay_color or canvas.theme.overlay)
        fill = QColor(color)
        fill.setAlpha(110)
        painter.setPen(QPen(color, 2, Qt.DashLine))
        painter.setBrush(fill)
        for track, notes in overlay.items():
            if track not in (None, canvas.document.current_track) and track >= len(canvas.document.song.tracks):
                continue
            rects = [r for r in (canvas.note_rect(n) for n in notes if n.end > t0 and n.start < t1) if r is not None]
            painter.drawRects(rects)

    def _paint_seams(self, painter: QPainter, t0, t1) -> None:
        canvas = self.canvas
        seams = [t for t in canvas.state.seams if t0 <= t <= t1]
        if not seams:
            return
        painter.setPen(QPen(QColor(canvas.state.overlay_color or canvas.theme.overlay), 2, Qt.DotLine))
        for tick in seams:
            x = round(canvas.viewport.tick_to_x(tick))
            painter.drawLine(x, 0, x, canvas.height())

    def _paint_playhead(self, painter: QPainter) -> None:
        canvas, theme = self.canvas, self.canvas.theme
        x = round(canvas.viewport.tick_to_x(canvas.state.playhead))
        self._playhead_x = x
        if 0 <= x <= canvas.width():
            painter.setPen(QPen(theme.playhead, 2 * theme.line_width))
            painter.drawLine(x, 0, x, canvas.height())

    def playhead_strips_to_repaint(self) -> list[QRect]:
        """The strips under the old and the new playhead, which is from now on taken to be drawn at the new place."""
        canvas = self.canvas
        old = self._playhead_x
        new = round(canvas.viewport.tick_to_x(canvas.state.playhead))
        pad = 2 * canvas.theme.line_width + 2
        strips = [QRect(x - pad, 0, 2 * pad + 1, canvas.height()) for x in {old, new}
                  if -pad <= x <= canvas.width() + pad]
        self._playhead_x = new
        return strips
