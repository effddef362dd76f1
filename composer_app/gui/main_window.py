"""The main window: menus, tool bar, track list, the piano-roll editor, and places for later panels.

What later features plug into (kept small on purpose):
    window.document           the SongDocument: the song, its undo stack, `audible_tracks()` after mute/solo
    window.editor             the RollEditor: set_playhead(tick), loop_region, seek_requested, set_overlay(...)
    window.action_play        a QAction on Space ("Play/Stop"); the transport connects to its `triggered`
    window.add_dock(widget, title, area="right")   a panel (the generation panel goes right, candidates bottom)
    window.add_toolbar(toolbar, area="bottom")     a bar (the transport bar goes at the bottom)
    window.show_status(text)  window.preferences_changed(Preferences)  window.prefs
    window.audio              the AudioSession app.run attaches after the first paint (None without sound)
    window.generation         the generation panel's session, attached right after sound
    window.features_ready     emitted once both are attached
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)

from composer_app import APP_NAME

from . import dialogs
from .autosave import Autosaver, find_recoverable, load_recovery
from .document import SongDocument
from .file_actions import FileActions, readable_suffixes
from .grid import GRIDS, grid_by_label
from .preferences_dialog import PreferencesDialog
from .project_format import ProjectFileError
from .roll_editor import RollEditor
from .settings import AppSettings, Preferences
from .song_controls import SongControls
from .theme import apply_theme, theme_for
from .track_list import TrackList

AREAS = {
    "left": Qt.LeftDockWidgetArea,
    "right": Qt.RightDockWidgetArea,
    "bottom": Qt.BottomDockWidgetArea,
    "top": Qt.TopDockWidgetArea,
}
DEFAULT_BOTTOM_DOCK_HEIGHT = 170
TOOLBAR_AREAS = {
    "top": Qt.TopToolBarArea,
    "bottom": Qt.BottomToolBarArea,
    "left": Qt.LeftToolBarArea,
    "right": Qt.RightToolBarArea,
}

SHORTCUT_HELP = """
<table cellspacing=6>
<tr><td><b>B / V / E / G</b></td><td>Draw, Select, Erase, Velocity tool</td></tr>
<tr><td><b>Click, drag</b></td><td>Draw a note; drag to set its length</td></tr>
<tr><td><b>Drag a note</b></td><td>Move it (Alt copies); drag an edge to resize</td></tr>
<tr><td><b>Right-click</b></td><td>Erase</td></tr>
<tr><td><b>← →</b></td><td>Move selection by the grid (Shift: by a bar)</td></tr>
<tr><td><b>↑ ↓</b></td><td>Transpose selection a semitone (Shift: an octave)</td></tr>
<tr><td><b>Delete</b></td><td>Delete selection</td></tr>
<tr><td><b>Ctrl+D</b></td><td>Duplicate selection</td></tr>
<tr><td><b>Q</b></td><td>Quantize to the grid</td></tr>
<tr><td><b>1 … 8, 0</b></td><td>Grid 1/4, 1/8, 1/16, 1/32, then triplets; 0 toggles snap</td></tr>
<tr><td><b>Space</b></td><td>Play / stop</td></tr>
<tr><td><b>Wheel</b></td><td>Scroll up/down (Shift: left/right, Ctrl: zoom, Ctrl+Shift: zoom rows)</td></tr>
</table>
"""


class MainWindow(QMainWindow):
    """The app's window; see the module docstring for what other features use."""

    preferences_changed = Signal(object)
    features_ready = Signal()  # app.run has attached sound (and later generation) after the first paint

    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.audio = None
        self.generation = None
        self.settings = settings or AppSettings()
        self.prefs: Preferences = self.settings.preferences
        self.document = SongDocument(self)
        self.editor = RollEditor(self.document, self)
        self.files = FileActions(self.document, self.settings, self)
        self.autosaver = Autosaver(self.document, self.prefs.autosave_seconds, parent=self)
        self.setCentralWidget(self.editor)
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_docks()
        self._build_status_bar()
        self._connect()
        self.apply_preferences(self.prefs)
        self._restore_layout()
        self._update_title()

    # -- plug-in points for other features ---------------------------------------------
    def add_dock(self, widget: QWidget, title: str, area: str = "right") -> QDockWidget:
        """Put a panel in a dock area ("left", "right", "bottom" or "top"); its object name keeps the layout."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{widget.objectName() or title.lower().replace(' ', '_')}")
        dock.setWidget(widget)
        # A panel added after start-up still gets the place the user left it in; a new one starts modest.
        if not self.restoreDockWidget(dock):
            self.addDockWidget(AREAS[area], dock)
            if area in ("bottom", "top"):
                # Once the layout has placed it; sized now, the dock area would take the panel's size hint.
                QTimer.singleShot(0, dock, lambda: self.resizeDocks([dock], [DEFAULT_BOTTOM_DOCK_HEIGHT],
                                                                    Qt.Vertical))
        self.menu_panels.addAction(dock.toggleViewAction())
        return dock

    def add_toolbar(self, toolbar: QToolBar, area: str = "bottom") -> QToolBar:
        if not toolbar.objectName():
            toolbar.setObjectName(f"toolbar_{toolbar.windowTitle().lower().replace(' ', '_') or 'extra'}")
        self.addToolBar(TOOLBAR_AREAS[area], toolbar)
        self.menu_panels.addAction(toolbar.toggleViewAction())
        return toolbar

    # -- building ------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        files, notes, editor = self.files, self.editor.actions, self.editor
        stack = self.document.undo_stack
        self.action_new = self._action("&New", files.new, QKeySequence.New, "Start a new song")
        self.action_open = self._action("&Open…", files.open_dialog, QKeySequence.Open,
                                        "Open a project, MIDI, MusicXML, .mxl or ABC file")
        self.action_import = self._action("&Import MIDI…", files.import_dialog, "Ctrl+I",
                                          "Add the tracks of a MIDI or MusicXML file to this song")
        self.action_save = self._action("&Save", files.save, QKeySequence.Save, "Save the project")
        self.action_save_as = self._action("Save &As…", files.save_as, QKeySequence.SaveAs,
                                           "Save the project under a new name")
        self.action_export = self._action("&Export MIDI…", files.export_midi_dialog, "Ctrl+E",
                                          "Write the song as a Standard MIDI File")
        self.action_preferences = self._action("&Preferences…", self.show_preferences, QKeySequence.Preferences)
        self.action_quit = self._action("&Quit", self.close, QKeySequence.Quit)
        self.action_undo = stack.createUndoAction(self, "&Undo")
        self.action_undo.setShortcut(QKeySequence.Undo)
        self.action_redo = stack.createRedoAction(self, "&Redo")
        self.action_redo.setShortcuts([QKeySequence.Redo, QKeySequence("Ctrl+Y")])
        self.action_cut = self._action("Cu&t", notes.cut, QKeySequence.Cut)
        self.action_copy = self._action("&Copy", notes.copy, QKeySequence.Copy)
        self.action_paste = self._action("&Paste", notes.paste, QKeySequence.Paste, "Paste notes at the playhead")
        self.action_select_all = self._action("Select &All", notes.select_all, QKeySequence.SelectAll)
        self.action_delete = self._action("&Delete", notes.delete_selection, QKeySequence.Delete)
        self.action_duplicate = self._action("D&uplicate", notes.duplicate, "Ctrl+D")
        self.action_quantize = self._action("&Quantize", notes.quantize, "Q",
                                            "Snap the selection (or the whole track) to the grid")
        # Arrow keys belong to whichever widget has focus, so these menu entries only show the roll's keys.
        self.action_transpose_up = self._action("Transpose Up\tUp", lambda: notes.transpose(1))
        self.action_transpose_down = self._action("Transpose Down\tDown", lambda: notes.transpose(-1))
        self.action_octave_up = self._action("Octave Up\tShift+Up", lambda: notes.transpose(12))
        self.action_octave_down = self._action("Octave Down\tShift+Down", lambda: notes.transpose(-12))
        self.action_zoom_in = self._action("Zoom &In", editor.zoom_in, QKeySequence.ZoomIn)
        self.action_zoom_out = self._action("Zoom &Out", editor.zoom_out, QKeySequence.ZoomOut)
        self.action_zoom_fit = self._action("Zoom to &Fit", editor.zoom_fit, "Ctrl+0")
        self.action_projector = self._action("P&rojector Mode", self._toggle_projector, "F11",
                                             "Large type and high contrast for a classroom", checkable=True)
        self.action_play = self._action("&Play / Stop", None, "Space", "Play or stop the song")
        self.action_shortcuts = self._action("&Keyboard Shortcuts", self._show_shortcuts, QKeySequence.HelpContents)
        self.action_about = self._action(f"&About {APP_NAME}", self._show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.action_new, self.action_open])
        self.menu_recent = file_menu.addMenu("Open &Recent")
        file_menu.addSeparator()
        file_menu.addActions([self.action_import, self.action_save, self.action_save_as, self.action_export])
        file_menu.addSeparator()
        file_menu.addAction(self.action_preferences)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.action_undo, self.action_redo])
        edit.addSeparator()
        edit.addActions([self.action_cut, self.action_copy, self.action_paste, self.action_delete,
                         self.action_select_all, self.action_duplicate])
        edit.addSeparator()
        edit.addAction(self.action_quantize)
        transpose = edit.addMenu("&Transpose")
        transpose.addActions([self.action_transpose_up, self.action_transpose_down, self.action_octave_up,
                              self.action_octave_down])
        view = bar.addMenu("&View")
        view.addActions([self.action_zoom_in, self.action_zoom_out, self.action_zoom_fit])
        view.addSeparator()
        grid_menu = view.addMenu("&Grid")
        for number, grid in enumerate(GRIDS, start=1):
            action = grid_menu.addAction(f"{grid.label}\t{number}")
            action.triggered.connect(lambda _c=False, g=grid: self.editor.state.set_grid(g))
        grid_menu.addAction("Snap off\t0").triggered.connect(lambda: self.editor.state.set_snap(False))
        view.addActions([self.editor.action_follow, self.editor.action_kit_lanes, self.editor.action_loop])
        view.addSeparator()
        view.addAction(self.action_projector)
        self.menu_panels = view.addMenu("&Panels")
        transport = bar.addMenu("&Transport")
        transport.addAction(self.action_play)
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.action_shortcuts, self.action_about])
        self._fill_recent_menu()

    def _build_toolbar(self) -> None:
        bar = QToolBar("Main", self)
        bar.setObjectName("toolbar_main")
        bar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        bar.addActions([self.action_new, self.action_open, self.action_save])
        bar.addSeparator()
        bar.addActions([self.action_undo, self.action_redo])
        bar.addSeparator()
        self.song_controls = SongControls(self.document, self)
        bar.addWidget(self.song_controls)
        bar.addSeparator()
        bar.addAction(self.action_projector)
        self.addToolBar(Qt.TopToolBarArea, bar)
        self.main_toolbar = bar

    def _build_docks(self) -> None:
        self.track_list = TrackList(self.document, self)
        self.track_list.setObjectName("tracks")
        self.track_dock = self.add_dock(self.track_list, "Tracks", "left")

    def _build_status_bar(self) -> None:
        self.song_summary = QLabel(self)
        self.statusBar().addPermanentWidget(self.song_summary)

    def _connect(self) -> None:
        doc = self.document
        doc.dirty_changed.connect(self._update_title)
        doc.path_changed.connect(self._update_title)
        doc.song_replaced.connect(self._update_title)
        doc.state_changed.connect(self._update_summary)
        doc.current_track_changed.connect(self._update_summary)
        for source in (self.files, self.editor, self.track_list):
            source.status_message.connect(self.show_status)
        self.files.recent_changed.connect(self._fill_recent_menu)
        self.editor.play_toggle_requested.connect(self.action_play.trigger)
        self._update_summary()

    # -- state shown -------------------------------------------------------------------
    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 4000)

    def _update_title(self, *_args) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.is_dirty)

    def _update_summary(self, *_args) -> None:
        doc = self.document
        song = doc.song
        if not song.tracks:
            self.song_summary.setText("")
            return
        track = song.tracks[doc.current_track]
        self.song_summary.setText(f"{track.name}: {len(track.notes)} notes   ·   {song.note_count} in song   ·   "
                                  f"{doc.length_bars} bars   ·   {song.qpm:g} qpm   ·   {song.time_signature}")

    def _fill_recent_menu(self) -> None:
        menu = self.menu_recent
        menu.clear()
        recent = self.settings.recent_files()
        for path in recent:
            menu.addAction(Path(path).name, lambda p=path: self.files.open_path(p)).setStatusTip(path)
        if recent:
            menu.addSeparator()
            menu.addAction("Clear List", self._clear_recent)
        menu.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self._fill_recent_menu()

    # -- preferences and themes ----------------------------------------------------------
    def apply_preferences(self, prefs: Preferences) -> None:
        self.prefs = prefs
        app = QApplication.instance()
        theme = theme_for(prefs.projector_mode)
        apply_theme(app, theme)
        self.editor.set_theme(theme)
        self.action_projector.setChecked(prefs.projector_mode)
        state = self.editor.state
        state.set_option("follow_playhead", prefs.follow_playhead)
        state.set_option("kit_lanes", prefs.kit_lanes)
        state.new_velocity = prefs.new_note_velocity
        state.set_grid(grid_by_label(prefs.default_grid))
        self.autosaver.set_interval(prefs.autosave_seconds)
        self.preferences_changed.emit(prefs)

    def set_preferences(self, prefs: Preferences) -> None:
        self.settings.save_preferences(prefs)
        self.apply_preferences(prefs)

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.prefs, self)
        if dialog.exec():
            self.set_preferences(dialog.preferences())
        dialog.deleteLater()

    def _toggle_projector(self, on: bool) -> None:
        from dataclasses import replace

        if on != self.prefs.projector_mode:
            self.set_preferences(replace(self.prefs, projector_mode=on))

    def _show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUT_HELP)

    def _show_about(self) -> None:
        from composer_app import __version__

        QMessageBox.about(self, f"About {APP_NAME}",
                          f"<b>{APP_NAME}</b> {__version__}<br>Compose with Google Magenta's generative models.")

    # -- recovery ------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """If an earlier run left unsaved work, ask to restore it. True when something was restored."""
        found = find_recoverable(self.autosaver.folder)
        if not found:
            return False
        newest = found[0]
        restored = False
        if dialogs.ask_restore(self, newest):
            try:
                project = load_recovery(newest.path)
            except ProjectFileError as exc:
                dialogs.show_error(self, "Could not restore", str(exc))
            else:
                original = newest.original_path
                self.document.load(project, original if original else None,
                                   source_name=newest.name if not original else "")
                self.document.mark_unsaved()
                self.autosaver.save_now()
                restored = True
                self.statusBar().showMessage(f"Restored unsaved work on {newest.name}", 6000)
        for leftover in found:
            leftover.path.unlink(missing_ok=True)
        return restored

    # -- drag and drop -------------------------------------------------------------------
    def _dropped_paths(self, event) -> list[Path]:
        if not event.mimeData().hasUrls():
            return []
        suffixes = readable_suffixes()
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in suffixes]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Drop opens the file; with Ctrl or Shift held, or onto the track list, it imports into this song."""
        paths = self._dropped_paths(event)
        if not paths:
            return
        event.acceptProposedAction()
        over_tracks = self.track_dock.geometry().contains(event.position().toPoint())
        importing = bool(event.modifiers() & (Qt.ControlModifier | Qt.ShiftModifier)) or over_tracks
        # Let the drag finish before any dialog opens.
        QTimer.singleShot(0, lambda: self.handle_dropped_files(paths, importing))

    def handle_dropped_files(self, paths: list[Path], importing: bool) -> None:
        from .project_format import is_project_path

        for i, path in enumerate(paths):
            if is_project_path(path) or (not importing and i == 0):
                if not self.files.open_path(path):
                    return
            else:
                self.files.import_path(path)

    # -- closing -------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_layout()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.settings.save_window_layout(self.saveGeometry(), self.saveState())
        self.autosaver.stop()
        self.autosaver.discard()
        event.accept()
