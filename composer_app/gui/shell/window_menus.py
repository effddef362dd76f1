"""The main window's actions, menus and main tool bar, and the help dialogs they open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QToolBar

from composer_app import APP_NAME
from composer_app.gui.project.document import SongDocument
from composer_app.gui.project.file_actions import FileActions
from composer_app.gui.roll.editor import RollEditor
from composer_app.gui.roll.grid import GRIDS
from composer_app.gui.shell.i18n import tr
from composer_app.gui.shell.settings import AppSettings
from composer_app.gui.song.song_controls import SongControls

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


class MenuWindow(QMainWindow):
    """A main window with the app's actions, menus and main tool bar; the subclass supplies what they act on."""

    # The subclass creates these before it builds the menus, whose actions are bound to them.
    document: SongDocument
    editor: RollEditor
    files: FileActions
    settings: AppSettings

    generate_pending = False  # Ctrl+G came before the generation panel was plugged in

    # Slots of the subclass that the actions trigger.
    def show_preferences(self) -> None:
        raise NotImplementedError

    def show_status(self, text: str) -> None:
        raise NotImplementedError

    def _toggle_projector(self, on: bool) -> None:
        raise NotImplementedError

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
        self.action_new = self._action(tr("&New"), files.new, QKeySequence.New, tr("Start a new song"))
        self.action_open = self._action(tr("&Open…"), files.open_dialog, QKeySequence.Open,
                                        tr("Open a project, MIDI, MusicXML, .mxl or ABC file"))
        self.action_import = self._action(tr("&Import MIDI…"), files.import_dialog, "Ctrl+I",
                                          tr("Add the tracks of a MIDI or MusicXML file to this song"))
        self.action_save = self._action(tr("&Save"), files.save, QKeySequence.Save, tr("Save the project"))
        self.action_save_as = self._action(tr("Save &As…"), files.save_as, QKeySequence.SaveAs,
                                           tr("Save the project under a new name"))
        self.action_export = self._action(tr("&Export MIDI…"), files.export_midi_dialog, "Ctrl+E",
                                          tr("Write the song as a Standard MIDI File"))
        self.action_preferences = self._action(tr("&Preferences…"), self.show_preferences, QKeySequence.Preferences)
        self.action_quit = self._action(tr("&Quit"), self.close, QKeySequence.Quit)
        self.action_undo = stack.createUndoAction(self, "&Undo")
        self.action_undo.setShortcut(QKeySequence.Undo)
        self.action_redo = stack.createRedoAction(self, "&Redo")
        self.action_redo.setShortcuts([QKeySequence.Redo, QKeySequence("Ctrl+Y")])
        self.action_cut = self._action(tr("Cu&t"), notes.cut, QKeySequence.Cut)
        self.action_copy = self._action(tr("&Copy"), notes.copy, QKeySequence.Copy)
        self.action_paste = self._action(tr("&Paste"), notes.paste, QKeySequence.Paste, tr("Paste notes at the playhead"))
        self.action_select_all = self._action(tr("Select &All"), notes.select_all, QKeySequence.SelectAll)
        self.action_delete = self._action(tr("&Delete"), notes.delete_selection, QKeySequence.Delete)
        self.action_duplicate = self._action(tr("D&uplicate"), notes.duplicate, "Ctrl+D")
        self.action_quantize = self._action(tr("&Quantize"), notes.quantize, "Q",
                                            tr("Snap the selection (or the whole track) to the grid"))
        # Arrow keys belong to whichever widget has focus, so these menu entries only show the roll's keys.
        self.action_transpose_up = self._action(tr("Transpose Up\tUp"), lambda: notes.transpose(1))
        self.action_transpose_down = self._action(tr("Transpose Down\tDown"), lambda: notes.transpose(-1))
        self.action_octave_up = self._action(tr("Octave Up\tShift+Up"), lambda: notes.transpose(12))
        self.action_octave_down = self._action(tr("Octave Down\tShift+Down"), lambda: notes.transpose(-12))
        self.action_zoom_in = self._action(tr("Zoom &In"), editor.zoom_in, QKeySequence.ZoomIn)
        self.action_zoom_out = self._action(tr("Zoom &Out"), editor.zoom_out, QKeySequence.ZoomOut)
        self.action_zoom_fit = self._action(tr("Zoom to &Fit"), editor.zoom_fit, "Ctrl+0")
        self.action_projector = self._action(tr("P&rojector Mode"), self._toggle_projector, "F11",
                                             tr("Large type and high contrast for a classroom"), checkable=True)
        self.action_play = self._action(tr("&Play / Stop"), None, "Space", tr("Play or stop the song"))
        translate = QCoreApplication.translate
        # The window owns Ctrl+G from its first frame, before the generation panel is plugged in, so an early
        # press is never lost: it waits for the panel and says so.
        self.action_generate = self._action(translate("window", "&Generate Variations"), self.request_generate, "Ctrl+G",
                                            translate("window", "Generate variations with the chosen model"))
        self.action_shortcuts = self._action(tr("&Keyboard Shortcuts"), self._show_shortcuts, QKeySequence.HelpContents)
        self.action_about = self._action(tr("&About {0}").format(APP_NAME), self._show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.action_new, self.action_open])
        self.menu_recent = file_menu.addMenu(tr("Open &Recent"))
        file_menu.addSeparator()
        file_menu.addActions([self.action_import, self.action_save, self.action_save_as, self.action_export])
        file_menu.addSeparator()
        file_menu.addAction(self.action_preferences)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        edit = bar.addMenu(tr("&Edit"))
        edit.addActions([self.action_undo, self.action_redo])
        edit.addSeparator()
        edit.addActions([self.action_cut, self.action_copy, self.action_paste, self.action_delete,
                         self.action_select_all, self.action_duplicate])
        edit.addSeparator()
        edit.addAction(self.action_quantize)
        transpose = edit.addMenu(tr("&Transpose"))
        transpose.addActions([self.action_transpose_up, self.action_transpose_down, self.action_octave_up,
                              self.action_octave_down])
        view = bar.addMenu(tr("&View"))
        view.addActions([self.action_zoom_in, self.action_zoom_out, self.action_zoom_fit])
        view.addSeparator()
        grid_menu = view.addMenu(tr("&Grid"))
        for number, grid in enumerate(GRIDS, start=1):
            action = grid_menu.addAction(f"{grid.label}\t{number}")
            action.triggered.connect(lambda _c=False, g=grid: self.editor.state.set_grid(g))
        grid_menu.addAction(tr("Snap off") + "\t0").triggered.connect(lambda: self.editor.state.set_snap(False))
        view.addActions([self.editor.action_follow, self.editor.action_kit_lanes, self.editor.action_loop])
        view.addSeparator()
        view.addAction(self.action_projector)
        self.menu_panels = view.addMenu(tr("&Panels"))
        transport = bar.addMenu(tr("&Transport"))
        transport.addAction(self.action_play)
        generate = bar.addMenu(QCoreApplication.translate("window", "&Generate"))
        generate.addAction(self.action_generate)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.action_shortcuts, self.action_about])
        self._fill_recent_menu()

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("Main"), self)
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

    # -- recent files --------------------------------------------------------------------
    def _fill_recent_menu(self) -> None:
        menu = self.menu_recent
        menu.clear()
        recent = self.settings.recent_files()
        for path in recent:
            menu.addAction(Path(path).name, lambda p=path: self.files.open_path(p)).setStatusTip(path)
        if recent:
            menu.addSeparator()
            menu.addAction(tr("Clear List"), self._clear_recent)
        menu.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self._fill_recent_menu()

    # -- help ----------------------------------------------------------------------------
    def _show_shortcuts(self) -> None:
        QMessageBox.information(self, tr("Keyboard shortcuts"), SHORTCUT_HELP)

    def _show_about(self) -> None:
        from composer_app import __version__

        QMessageBox.about(self, f"About {APP_NAME}",
                          f"<b>{APP_NAME}</b> {__version__}<br>Compose with Google Magenta's generative models.")

    def request_generate(self) -> None:
        """Generate now, or as soon as the generation panel is plugged in (the first frames come before it)."""
        generation = getattr(self, "generation", None)
        if generation is not None:
            generation.panel.generate_button.click()
            return
        self.generate_pending = True
        self.show_status(QCoreApplication.translate("window", "Getting the models ready; generating as soon as "
                                                              "they are…"))
