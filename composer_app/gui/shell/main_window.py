"""The main window: menus, tool bar, track list, the piano-roll editor, and places for later panels.

What later features plug into (kept small on purpose):
    window.document           the SongDocument: the song, its undo stack, `audible_tracks()` after mute/solo
    window.editor             the RollEditor: set_playhead(tick), loop_region, seek_requested, set_overlay(...)
    window.action_play        a QAction on Space ("Play/Stop"); the transport connects to its `triggered`
    window.add_dock(widget, title, area="right")   a panel (the generation panel goes right, candidates bottom);
                              `title` may be a function giving it, so that it follows a language switch
    window.language_changed   emitted after the window's own texts are retranslated (for plug-ins' texts)
    window.add_toolbar(toolbar, area="bottom")     a bar (the transport bar goes at the bottom)
    window.show_status(text)  window.preferences_changed(Preferences)  window.prefs
    window.audio              the AudioSession app.run attaches after the first paint (None without sound)
    window.generation         the generation panel's session, attached right after sound
    window.features_ready     emitted once both are attached
    window.training           the Training panel (attached after generation)
    window.close_checks       callables asked before the window closes; one returning False keeps it open
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QToolBar, QWidget

from composer_app import APP_NAME
from composer_app.gui.project.autosave import Autosaver, claim_recoverable, load_recovery
from composer_app.gui.project.document import SongDocument
from composer_app.gui.project.file_actions import FileActions, readable_suffixes
from composer_app.gui.project.project_format import ProjectFileError, is_project_path, project_bytes
from composer_app.gui.roll.editor import RollEditor
from composer_app.gui.roll.grid import grid_by_label
from composer_app.gui.shell import dialogs
from composer_app.gui.shell.i18n import tr
from composer_app.gui.shell.language import install_language, resolve
from composer_app.gui.shell.preferences_dialog import PreferencesDialog
from composer_app.gui.shell.settings import AppSettings, Preferences
from composer_app.gui.shell.theme import apply_theme, theme_for
from composer_app.gui.shell.window_menus import MenuWindow
from composer_app.gui.song.track_list import TrackList

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


class MainWindow(MenuWindow):
    """The app's window; see the module docstring for what other features use. Its menus are built in MenuWindow."""

    preferences_changed = Signal(object)
    features_ready = Signal()  # app.run has attached sound (and later generation) after the first paint
    language_changed = Signal()  # the window's texts are in the new language; plug-ins retranslate theirs

    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.audio = None
        self.generation = None
        self.training = None
        self.midi = None
        self.settings = settings or AppSettings()
        self.prefs: Preferences = self.settings.preferences
        install_language(resolve(self.prefs.language))  # before any text is made
        self._dock_titles: list[tuple[QDockWidget, Callable[[], str]]] = []
        # Each asked before the window closes (a running training asks whether to stop); False keeps it open.
        self.close_checks: list[Callable[[], bool]] = []
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
        self.retranslate()

    # -- plug-in points for other features ---------------------------------------------
    def add_dock(self, widget: QWidget, title: str | Callable[[], str], area: str = "right") -> QDockWidget:
        """Put a panel in a dock area ("left", "right", "bottom" or "top"); its object name keeps the layout.

        `title` is the text, or a function giving it in the current language (then it follows a switch).
        """
        dock = QDockWidget(title() if callable(title) else title, self)
        if callable(title):
            self._dock_titles.append((dock, title))
        # The object name keeps the layout across starts, so it never depends on the language.
        dock.setObjectName(f"dock_{widget.objectName() or dock.windowTitle().lower().replace(' ', '_')}")
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

    # -- building (the actions, menus and main tool bar are MenuWindow's) ----------------
    def _build_docks(self) -> None:
        self.track_list = TrackList(self.document, self)
        self.track_list.setObjectName("tracks")
        self.track_dock = self.add_dock(self.track_list, lambda: tr("Tracks"), "left")

    def _build_status_bar(self) -> None:
        self.song_summary = QLabel(self)
        self.song_summary.setTextFormat(Qt.PlainText)  # track names come from files
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
        self.setWindowTitle(tr("{0}[*] — {1}").format(self.document.display_name, APP_NAME))
        self.setWindowModified(self.document.is_dirty)

    def _update_summary(self, *_args) -> None:
        doc = self.document
        song = doc.song
        if not song.tracks:
            self.song_summary.setText("")
            return
        track = song.tracks[doc.current_track]
        parts = (tr("{0}: {1}", "a track's name: its note count").format(track.name, tr("%n note(s)", "", len(track.notes))),
                 tr("%n in song", "notes in the whole song", song.note_count), tr("%n bar(s)", "", doc.length_bars),
                 tr("{0:g} qpm").format(song.qpm), str(song.time_signature))
        self.song_summary.setText("   ·   ".join(parts))

    def retranslate(self) -> None:
        """The window's texts, its panels' titles and the status line in the current language."""
        super().retranslate()
        for dock, title in self._dock_titles:
            dock.setWindowTitle(title())
        self._update_title()
        self._update_summary()
        self.language_changed.emit()

    # -- preferences and themes ----------------------------------------------------------
    def apply_preferences(self, prefs: Preferences) -> None:
        self.prefs = prefs
        install_language(resolve(prefs.language))  # Qt then sends every widget a LanguageChange
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

    # -- recovery ------------------------------------------------------------------------
    _restored_claims: list | None = None  # crashed sessions restored here, their files kept until the work is saved

    def offer_recovery(self) -> bool:
        """Offer every crashed session's unsaved work; True when one was restored.

        A session's file is deleted only when the user discards it, or once the work restored from it is saved.
        A running app's file is never offered (its lock is held); the rest are kept for a later start.
        """
        claims = claim_recoverable(self.autosaver.folder)
        if not claims:
            return False
        choice = dialogs.ask_recovery(self, [c.found for c in claims])
        by_path = {c.found.path: c for c in claims}
        for found in choice.discard:
            by_path.pop(found.path).delete()
        restored = choice.restore is not None and self._restore(by_path.pop(choice.restore.path))
        for claim in by_path.values():
            claim.release()
        return restored

    def _restore(self, claim) -> bool:
        found = claim.found
        try:
            project = load_recovery(found.path)
        except ProjectFileError as exc:
            claim.release()  # kept: an unreadable file is still the user's only copy of that work
            dialogs.show_user_error(self, tr("Could not restore"), exc)
            return False
        original = found.original_path
        self.document.load(project, original if original else None, source_name=found.name if not original else "")
        self.document.mark_unsaved()
        self.autosaver.save_now()
        if self._restored_claims is None:
            self._restored_claims = []
            self.document.dirty_changed.connect(self._delete_recovery_once_saved)
        self._restored_claims.append(claim)
        self.statusBar().showMessage(tr("Restored unsaved work on {0}").format(found.name), 6000)
        return True

    def _delete_recovery_once_saved(self, dirty: bool) -> None:
        """The document turned clean: delete the restored sessions' files if their work is now in the saved file.

        Loading another document also turns it clean (after the user chose not to save); then the saved file
        does not hold this work, and the recovery files are kept.
        """
        if dirty or not self._restored_claims or not self._restored_work_is_saved():
            return
        for claim in self._restored_claims:
            claim.delete()
        self._restored_claims.clear()

    def _restored_work_is_saved(self) -> bool:
        path = self.document.path
        if path is None or not is_project_path(path):
            return False
        try:
            return path.read_bytes() == project_bytes(self.document.to_project())
        except (OSError, ProjectFileError):
            return False

    # -- drag and drop -------------------------------------------------------------------
    def _dropped_paths(self, event) -> list[Path]:
        if not event.mimeData().hasUrls():
            return []
        suffixes = readable_suffixes()
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in suffixes or self._is_checkpoint(p) or self._is_bundle(p)]

    def _is_bundle(self, path: Path) -> bool:
        """A Magenta RNN bundle (.mag), which the generation panel of its family opens (when it is attached)."""
        return path.suffix.lower() == ".mag" and hasattr(getattr(self, "generation", None), "open_bundle")

    def _is_checkpoint(self, path: Path) -> bool:
        """A MusicVAE checkpoint, which the generation panel opens (when it is attached)."""
        if getattr(self, "generation", None) is None or not hasattr(self.generation, "open_checkpoint"):
            return False
        from composer_app.models.musicvae.studio import looks_like_checkpoint

        return looks_like_checkpoint(path)

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
        from composer_app.gui.project.project_format import is_project_path

        models = [p for p in paths if self._is_bundle(p) or self._is_checkpoint(p)]
        for path in models:
            if self._is_bundle(path):
                self.generation.open_bundle(str(path))
            else:
                self.generation.open_checkpoint(str(path))
        paths = [p for p in paths if p not in models]
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
        if not self.files.maybe_save() or not all(check() for check in self.close_checks):
            event.ignore()
            return
        self.settings.save_window_layout(self.saveGeometry(), self.saveState())
        self.autosaver.stop()
        self.autosaver.discard()
        event.accept()
