"""The piano-roll editor: tool bar, ruler, keyboard, note canvas, velocity lane and scroll bars in one widget.

Other features use this small API:
    editor.set_playhead(tick)              the audio side moves the playhead (a slot; follows it if asked)
    editor.playhead                        where it is
    editor.loop_region                     (start, end) ticks while looping is on, else None
    editor.loop_region_changed(object)     emitted when the user changes the loop
    editor.seek_requested(int)             the user clicked the ruler to move the playhead
    editor.play_toggle_requested()         Space pressed in the roll
    editor.note_preview_requested(int, int) pitch and velocity of a key or note the user touched
    editor.set_overlay(notes, color)       show generated candidates over the roll; clear_overlay() removes them
    editor.chord_lane                      the chord lane above the roll (composer_app.gui.chords)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QScrollBar, QToolBar, QVBoxLayout, QWidget

from composer_app.gui.chords.corner import ChordsButton
from composer_app.gui.chords.lane import ChordLane
from composer_app.gui.project.document import SongDocument
from composer_app.gui.roll.canvas import RollCanvas
from composer_app.gui.roll.grid import GRIDS
from composer_app.gui.roll.keyboard_strip import KeyboardStrip
from composer_app.gui.roll.lanes import chromatic_lanes, kit_lanes
from composer_app.gui.roll.notes.actions import NoteActions
from composer_app.gui.roll.ruler import Ruler
from composer_app.gui.roll.state import RollState, Tool
from composer_app.gui.roll.timeline import ticks_for_bars
from composer_app.gui.roll.velocity_lane import VelocityLane
from composer_app.gui.roll.viewport import MAX_ROW_HEIGHT, RollViewport
from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, tr
from composer_app.gui.shell.theme import DARK, Theme
from composer_app.music.song import PPQ, Note

EXTRA_BARS = 4  # room to draw past the song's end
TOOL_LABELS = {
    Tool.DRAW: (QT_TR_NOOP("Draw"), QT_TR_NOOP("Draw notes: click to add one of the last length, drag to set its "
                                               "length (B)")),
    Tool.SELECT: (QT_TR_NOOP("Select"), QT_TR_NOOP("Select notes: click, Shift-click, or drag a rubber band (V)")),
    Tool.ERASE: (QT_TR_NOOP("Erase"), QT_TR_NOOP("Erase notes by clicking or dragging over them; right-click "
                                                 "erases with any tool (E)")),
    Tool.VELOCITY: (QT_TR_NOOP("Velocity"), QT_TR_NOOP("Drag notes up or down to change their velocity (G)")),
}


class RollEditor(Retranslating, QWidget):
    """Everything needed to edit the current track's notes; see the module docstring for its public API."""

    seek_requested = Signal(int)
    loop_region_changed = Signal(object)
    play_toggle_requested = Signal()
    note_preview_requested = Signal(int, int)
    status_message = Signal(str)

    def __init__(self, document: SongDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.state = RollState(self)
        self.viewport = RollViewport(self)
        self.actions = NoteActions(document, self.state, lambda: self.viewport.lanes, self)
        self.canvas = RollCanvas(document, self.state, self.viewport, self.actions, self)
        self.ruler = Ruler(document, self.state, self.viewport, self)
        self.chord_lane = ChordLane(document, self.state, self.viewport, self)
        self.chords_button = ChordsButton(self.chord_lane, self)
        self.keyboard = KeyboardStrip(self.viewport, self)
        self.velocity_lane = VelocityLane(document, self.state, self.viewport, self.actions, self)
        self.hscroll = QScrollBar(Qt.Horizontal, self)
        self.vscroll = QScrollBar(Qt.Vertical, self)
        self.toolbar = self._build_toolbar()
        self._syncing_scrollbars = False
        self._layout()
        self._connect()
        self.viewport.row_height = DARK.row_height
        self._on_track_changed(document.current_track)
        self._on_state_changed(document.state, None)
        self.retranslate()
        self.center_on_notes()

    # -- public API ----------------------------------------------------------------------
    @property
    def playhead(self) -> int:
        return self.state.playhead

    def set_playhead(self, tick: int) -> None:
        """Move the playhead (the audio side calls this while playing); the view follows if asked."""
        self.state.set_playhead(tick)
        if self.state.follow_playhead:
            self._follow(self.state.playhead)

    @property
    def loop_region(self) -> tuple[int, int] | None:
        return self.state.loop_region

    def set_overlay(self, notes: Mapping[int, Iterable[Note]] | Iterable[Note], color: QColor | str | None = None):
        self.state.set_overlay(notes, color)

    def clear_overlay(self) -> None:
        self.state.clear_overlay()

    def set_seams(self, ticks) -> None:
        """Mark where generated material meets the rest of the track."""
        self.state.set_seams(ticks)

    def set_tool(self, tool: Tool) -> None:
        self.state.set_tool(tool)

    def set_theme(self, theme: Theme) -> None:
        for widget in (self.canvas, self.ruler, self.chord_lane, self.chords_button, self.keyboard,
                       self.velocity_lane):
            widget.set_theme(theme)
        self.viewport.set_row_height(theme.row_height)
        self._corner.setFixedHeight(theme.ruler_height)

    def zoom_in(self) -> None:
        self.viewport.zoom_x(1.25)

    def zoom_out(self) -> None:
        self.viewport.zoom_x(1 / 1.25)

    def zoom_fit(self) -> None:
        """Fit the song's length across and its notes' pitch range down."""
        song = self.document.song
        end = max(ticks_for_bars(song.time_signatures, self.document.length_bars), song.end)
        self.viewport.fit(0, end, self._note_rows())

    def center_on_notes(self) -> None:
        """Scroll vertically to the current track's notes (or middle C on an empty track)."""
        rows = self._note_rows()
        vp = self.viewport
        if rows is None:
            middle = vp.lanes.row_of(60) if not vp.lanes.is_kit else vp.lanes.rows // 2
            rows = (middle or 0, middle or 0)
        vp.scroll_to(left_tick=0, top_row=self._top_row_centring(rows))

    def _top_row_centring(self, rows: tuple[int, int]) -> float:
        vp = self.viewport
        return (rows[0] + rows[1]) / 2 - vp.height / vp.row_height / 2

    # -- building ------------------------------------------------------------------------
    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.track_label = QLabel(self)  # which track the roll edits, in its colour
        self.track_label.setObjectName("roll_track_label")
        self.track_label.setTextFormat(Qt.RichText)  # the name inside is escaped
        bar.addWidget(self.track_label)
        bar.addSeparator()
        self.tool_actions: dict[Tool, QAction] = {}
        group = QActionGroup(self)
        for tool in TOOL_LABELS:
            action = QAction(self, checkable=True)
            action.triggered.connect(lambda _c=False, t=tool: self.state.set_tool(t))
            group.addAction(action)
            bar.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[Tool.DRAW].setChecked(True)
        bar.addSeparator()
        self.grid_label = QLabel(self)
        bar.addWidget(self.grid_label)
        self.grid_combo = QComboBox(self)
        for grid in GRIDS:
            self.grid_combo.addItem(grid.label, grid)
        self.grid_combo.addItem("", None)  # "Off", set in retranslate()
        self.grid_combo.currentIndexChanged.connect(self._on_grid_picked)
        bar.addWidget(self.grid_combo)
        bar.addSeparator()
        self.action_kit_lanes = QAction(self, checkable=True)
        self.action_kit_lanes.toggled.connect(lambda on: self.state.set_option("kit_lanes", on))
        bar.addAction(self.action_kit_lanes)
        self.action_follow = QAction(self, checkable=True, checked=True)
        self.action_follow.toggled.connect(lambda on: self.state.set_option("follow_playhead", on))
        bar.addAction(self.action_follow)
        self.action_loop = QAction(self, checkable=True)
        self.action_loop.toggled.connect(self.state.set_loop_enabled)
        bar.addAction(self.action_loop)
        bar.addSeparator()
        self.position_label = QLabel("", self)
        self.position_label.setMinimumWidth(140)
        bar.addWidget(self.position_label)
        self.roll_toolbar = bar
        return bar

    def retranslate(self) -> None:
        """Tool names, tips and labels in the current language."""
        self.roll_toolbar.setWindowTitle(tr("Roll tools"))
        for tool, (label, tip) in TOOL_LABELS.items():
            self.tool_actions[tool].setText(tr(label))
            self.tool_actions[tool].setToolTip(tr(tip))
        self.grid_label.setText(tr("Grid"))
        self.grid_combo.setToolTip(tr("Grid and snap (keys 1-8 pick a grid, 0 switches snap off and on)"))
        self.grid_combo.setItemText(len(GRIDS), tr("Off", "snap off"))
        for action, text, tip in (
                (self.action_kit_lanes, tr("9-lane kit"), tr("On drum tracks, show only the nine drum lanes "
                                                             "Magenta's kit uses")),
                (self.action_follow, tr("Follow"), tr("Scroll to keep the playhead in view while playing")),
                (self.action_loop, tr("Loop"), tr("Loop the region marked in the ruler's upper half"))):
            action.setText(text)
            action.setToolTip(tip)
        self._velocity_label.setText(tr("Vel", "velocity, short"))
        self._show_track()
        self._show_position(self.state.playhead)

    def _show_track(self) -> None:
        """The edited track's name in its colour, so it is plain which track the roll shows."""
        import html

        tracks, looks = self.document.song.tracks, self.document.looks
        index = self.document.current_track
        if not 0 <= index < len(tracks):
            self.track_label.setText("")
            return
        color = looks[index].color if index < len(looks) else "#888888"
        name = html.escape(tracks[index].name)
        self.track_label.setText(tr("Editing: {0}").format(
            f'<span style="color:{color}; font-size:large">■</span> <b>{name}</b>'))

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        self._corner = QLabel("", self)
        self._corner.setFixedHeight(DARK.ruler_height)
        self._velocity_label = QLabel(self)
        self._velocity_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        grid.addWidget(self._corner, 0, 0)
        grid.addWidget(self.ruler, 0, 1)
        grid.addWidget(self.chords_button, 1, 0)
        grid.addWidget(self.chord_lane, 1, 1)
        grid.addWidget(self.keyboard, 2, 0)
        grid.addWidget(self.canvas, 2, 1)
        grid.addWidget(self.vscroll, 2, 2)
        grid.addWidget(self._velocity_label, 3, 0)
        grid.addWidget(self.velocity_lane, 3, 1)
        grid.addWidget(self.hscroll, 4, 1)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(1, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.toolbar)
        outer.addLayout(grid, 1)

    def _connect(self) -> None:
        doc, state, vp = self.document, self.state, self.viewport
        doc.state_changed.connect(self._on_state_changed)
        doc.current_track_changed.connect(self._on_track_changed)
        doc.song_replaced.connect(self._on_song_replaced)
        doc.selection_hint.connect(self._on_selection_hint)
        vp.changed.connect(self._sync_scrollbars)
        self.hscroll.valueChanged.connect(self._on_hscroll)
        self.vscroll.valueChanged.connect(self._on_vscroll)
        state.tool_changed.connect(lambda tool: self.tool_actions[tool].setChecked(True))
        state.grid_changed.connect(self._sync_grid_combo)
        state.options_changed.connect(self._on_options_changed)
        state.loop_changed.connect(self._on_loop_changed)
        state.playhead_changed.connect(self._show_position)
        self.ruler.seek_requested.connect(self.seek_requested)
        self.chord_lane.status_message.connect(self.status_message)
        self.canvas.play_toggle_requested.connect(self.play_toggle_requested)
        self.canvas.note_preview_requested.connect(self.note_preview_requested)
        self.keyboard.key_pressed.connect(lambda pitch: self.note_preview_requested.emit(pitch, state.new_velocity))
        self.canvas.status_message.connect(self.status_message)
        self.actions.status_message.connect(self.status_message)

    # -- reacting ------------------------------------------------------------------------
    def _on_state_changed(self, new, _old) -> None:
        if hasattr(self, "track_label"):
            self._show_track()  # a rename or a new colour
        song = new.song
        end = max(ticks_for_bars(song.time_signatures, self.document.length_bars + EXTRA_BARS), song.end + PPQ * 4)
        self.viewport.set_total_ticks(end)
        selection = self.state.selection
        index = self.document.current_track
        if selection and 0 <= index < len(song.tracks):
            present = self.canvas.index(index).present(selection)
            if len(present) != len(selection):
                self.state.set_selection(present)

    def _on_track_changed(self, index: int) -> None:
        self._show_track()
        self.state.clear_selection()
        self._apply_lanes()
        self._bring_notes_into_view()
        self.canvas.update()

    def _bring_notes_into_view(self) -> None:
        """When the current track's notes lie wholly above or below the rows shown, centre on them (the time shown
        stays): a drum track opened from a melody's range would otherwise look empty."""
        rows = self._note_rows()
        first, last = self.viewport.visible_rows()
        if rows is not None and (rows[1] < first or rows[0] > last):
            self.viewport.scroll_to(top_row=self._top_row_centring(rows))

    def _on_song_replaced(self) -> None:
        self.state.clear_selection()
        self.state.set_playhead(0)
        self._apply_lanes()
        self.center_on_notes()

    def _on_selection_hint(self, track: int, notes) -> None:
        if track != self.document.current_track:
            self.document.set_current_track(track)
        self.state.set_selection(notes)

    def _on_options_changed(self) -> None:
        self.action_kit_lanes.setChecked(self.state.kit_lanes)
        self.action_follow.setChecked(self.state.follow_playhead)
        self._apply_lanes()

    def _on_loop_changed(self, region) -> None:
        self.action_loop.setChecked(region is not None)
        self.loop_region_changed.emit(region)

    def _apply_lanes(self) -> None:
        tracks = self.document.song.tracks
        index = self.document.current_track
        drum = 0 <= index < len(tracks) and tracks[index].is_drum
        lanes = kit_lanes() if drum and self.state.kit_lanes else chromatic_lanes(drum)
        self.keyboard.set_drum_names(drum)
        vp = self.viewport
        was_kit = vp.lanes.is_kit
        vp.set_lanes(lanes)
        if lanes.is_kit and not was_kit:
            # Nine lanes fill the height, as a drum machine's rows do.
            self._chromatic_row_height = vp.row_height
            vp.set_row_height(max(vp.row_height, min(MAX_ROW_HEIGHT, vp.height // lanes.rows)))
        elif was_kit and not lanes.is_kit:
            vp.set_row_height(getattr(self, "_chromatic_row_height", self.canvas.theme.row_height))

    def _note_rows(self) -> tuple[int, int] | None:
        tracks = self.document.song.tracks
        index = self.document.current_track
        if not 0 <= index < len(tracks) or not tracks[index].notes:
            return None
        rows = [r for r in (self.viewport.lanes.row_of(n.pitch) for n in tracks[index].notes) if r is not None]
        return (min(rows), max(rows)) if rows else None

    def _follow(self, tick: int) -> None:
        vp = self.viewport
        x = vp.tick_to_x(tick)
        if x < 0 or x > vp.width * 0.92:
            # Page forward so the playhead starts near the left, as DAWs do, instead of scrolling every frame.
            vp.scroll_to(left_tick=tick - vp.width * 0.05 / vp.px_per_tick)

    def _show_position(self, tick: int) -> None:
        from composer_app.gui.roll.timeline import format_position

        self.position_label.setText(f"  {format_position(self.document.song.time_signatures, tick)}")

    def _on_grid_picked(self, row: int) -> None:
        grid = self.grid_combo.itemData(row)
        if grid is None:
            self.state.set_snap(False)
        else:
            self.state.set_grid(grid)

    def _sync_grid_combo(self) -> None:
        row = len(GRIDS) if not self.state.snap else GRIDS.index(self.state.grid)
        if self.grid_combo.currentIndex() != row:
            self.grid_combo.blockSignals(True)
            self.grid_combo.setCurrentIndex(row)
            self.grid_combo.blockSignals(False)

    # -- scroll bars ---------------------------------------------------------------------
    def _sync_scrollbars(self) -> None:
        vp = self.viewport
        self._syncing_scrollbars = True
        visible = int(vp.width / vp.px_per_tick)
        self.hscroll.setRange(0, max(0, vp.total_ticks - visible))
        self.hscroll.setPageStep(max(1, visible))
        self.hscroll.setSingleStep(max(1, visible // 20))
        self.hscroll.setValue(int(vp.left_tick))
        rows_visible = vp.height / vp.row_height
        self.vscroll.setRange(0, max(0, int((vp.lanes.rows - rows_visible) * vp.row_height)))
        self.vscroll.setPageStep(vp.height)
        self.vscroll.setSingleStep(vp.row_height)
        self.vscroll.setValue(int(vp.top_row * vp.row_height))
        self._syncing_scrollbars = False

    def _on_hscroll(self, value: int) -> None:
        if not self._syncing_scrollbars:
            self.viewport.scroll_to(left_tick=value)

    def _on_vscroll(self, value: int) -> None:
        if not self._syncing_scrollbars:
            self.viewport.scroll_to(top_row=value / self.viewport.row_height)
