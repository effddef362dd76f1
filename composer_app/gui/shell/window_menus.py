"""The main window's actions, menus and main tool bar, and the help dialogs they open."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QToolBar

from composer_app import APP_NAME
from composer_app.gui.project.document import SongDocument
from composer_app.gui.project.file_actions import FileActions
from composer_app.gui.roll.editor import RollEditor
from composer_app.gui.roll.grid import GRIDS
from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, tr
from composer_app.gui.shell.settings import AppSettings
from composer_app.gui.song.song_controls import SongControls

# The keys, then what they do (translated when the help opens).
SHORTCUT_HELP = (
    ("B / V / E / G", QT_TR_NOOP("Draw, Select, Erase, Velocity tool")),
    ("Click, drag", QT_TR_NOOP("Draw a note; drag to set its length")),
    ("Drag a note", QT_TR_NOOP("Move it (Alt copies); drag an edge to resize")),
    ("Right-click", QT_TR_NOOP("Erase")),
    ("← →", QT_TR_NOOP("Move selection by the grid (Shift: by a bar)")),
    ("↑ ↓", QT_TR_NOOP("Transpose selection a semitone (Shift: an octave)")),
    ("Delete", QT_TR_NOOP("Delete selection")),
    ("Ctrl+D", QT_TR_NOOP("Duplicate selection")),
    ("F2", QT_TR_NOOP("Rename the selected track")),
    ("Q", QT_TR_NOOP("Quantize to the grid")),
    ("1 … 8, 0", QT_TR_NOOP("Grid 1/4, 1/8, 1/16, 1/32, then triplets; 0 toggles snap")),
    ("Space", QT_TR_NOOP("Play / stop")),
    ("R", QT_TR_NOOP("Record from the MIDI input into the selected track (choose it in the MIDI menu)")),
    ("Double-click the chord lane", QT_TR_NOOP("Type a chord on that beat (C, Am7, G/B, N.C.); drag a chord to move "
                                               "it, Delete removes it")),
    ("Wheel", QT_TR_NOOP("Scroll up/down (Shift: left/right, Ctrl: zoom, Ctrl+Shift: zoom rows)")),
)
# Key names as the user's keyboard and mouse call them.
KEY_NAMES = {"Click, drag": QT_TR_NOOP("Click, drag"), "Drag a note": QT_TR_NOOP("Drag a note"),
             "Right-click": QT_TR_NOOP("Right-click"), "Delete": QT_TR_NOOP("Delete"), "Space": QT_TR_NOOP("Space"),
             "Wheel": QT_TR_NOOP("Wheel"), "Double-click the chord lane": QT_TR_NOOP("Double-click the chord lane")}


def shortcut_help_html() -> str:
    """The keyboard and mouse help as a table, in the current language."""
    rows = "".join(f"<tr><td><b>{html.escape(tr(KEY_NAMES.get(keys, keys)))}</b></td><td>{html.escape(tr(text))}</td></tr>"
                   for keys, text in SHORTCUT_HELP)
    return f"<table cellspacing=6>{rows}</table>"


class MenuWindow(Retranslating, QMainWindow):
    """A main window with the app's actions, menus and main tool bar; the subclass supplies what they act on."""

    # The subclass creates these before it builds the menus, whose actions are bound to them.
    document: SongDocument
    editor: RollEditor
    files: FileActions
    settings: AppSettings

    generate_pending = False  # Ctrl+G came before the generation panel was plugged in
    _texts: list  # (action or menu, source text, source tip) for retranslate()

    # Slots of the subclass that the actions trigger.
    def show_preferences(self) -> None:
        raise NotImplementedError

    def show_status(self, text: str) -> None:
        raise NotImplementedError

    def _toggle_projector(self, on: bool) -> None:
        raise NotImplementedError

    def open_demo(self, ask: bool = True) -> bool:
        """Open the demo song with the first-steps hint (asking first to save unsaved work, unless `ask` is False)."""
        from composer_app.gui.project.demo import open_demo

        if ask and not self.files.maybe_save():
            return False
        open_demo(self)
        return True

    # -- building ------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
        """An action of the window; `text` and `tip` are source strings (QT_TR_NOOP), shown translated."""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        self._remember_text(action, text, tip)
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _remember_text(self, item, text: str, tip: str = "") -> None:
        if not hasattr(self, "_texts"):
            self._texts = []
        self._texts.append((item, text, tip))
        self._apply_text(item, text, tip)

    @staticmethod
    def _apply_text(item, text: str, tip: str) -> None:
        if isinstance(item, QMenu):
            item.setTitle(tr(text))
            return
        item.setText(tr(text))
        if tip:
            item.setStatusTip(tr(tip))
            item.setToolTip(tr(tip))

    def _menu(self, parent, text: str) -> QMenu:
        """A menu whose title is the source string `text`, shown translated."""
        menu = parent.addMenu("")
        self._remember_text(menu, text)
        return menu

    def retranslate(self) -> None:
        """Every action, menu and tool bar title in the current language."""
        for item, text, tip in self._texts:
            self._apply_text(item, text, tip)
        self.action_about.setText(tr("&About {0}").format(APP_NAME))
        self._update_undo_actions()
        self.main_toolbar.setWindowTitle(tr("Main"))
        self._fill_recent_menu()

    def _update_undo_actions(self, *_args) -> None:
        stack = self.document.undo_stack
        for action, text, what in ((self.action_undo, tr("&Undo"), stack.undoText()),
                                   (self.action_redo, tr("&Redo"), stack.redoText())):
            action.setText(tr("{0} {1}", "an undo action: Undo, then what it undoes").format(text, what)
                           if what else text)
        self.action_undo.setEnabled(stack.canUndo())
        self.action_redo.setEnabled(stack.canRedo())

    def _build_actions(self) -> None:
        files, notes, editor = self.files, self.editor.actions, self.editor
        stack = self.document.undo_stack
        self.action_new = self._action(QT_TR_NOOP("&New"), files.new, QKeySequence.New, QT_TR_NOOP("Start a new song"))
        self.action_open = self._action(QT_TR_NOOP("&Open…"), files.open_dialog, QKeySequence.Open,
                                        QT_TR_NOOP("Open a project, MIDI, MusicXML, .mxl or ABC file"))
        self.action_import = self._action(QT_TR_NOOP("&Import MIDI…"), files.import_dialog, "Ctrl+I",
                                          QT_TR_NOOP("Add the tracks of a MIDI or MusicXML file to this song"))
        self.action_save = self._action(QT_TR_NOOP("&Save"), files.save, QKeySequence.Save, QT_TR_NOOP("Save the project"))
        self.action_save_as = self._action(QT_TR_NOOP("Save &As…"), files.save_as, QKeySequence.SaveAs,
                                           QT_TR_NOOP("Save the project under a new name"))
        self.action_export = self._action(QT_TR_NOOP("&Export MIDI…"), files.export_midi_dialog, "Ctrl+E",
                                          QT_TR_NOOP("Write the song as a Standard MIDI File"))
        self.action_preferences = self._action(QT_TR_NOOP("&Preferences…"), self.show_preferences, QKeySequence.Preferences)
        self.action_quit = self._action(QT_TR_NOOP("&Quit"), self.close, QKeySequence.Quit)
        # The stack's own undo actions keep the prefix they were made with; these follow the language.
        self.action_undo = self._action(QT_TR_NOOP("&Undo"), stack.undo, QKeySequence.Undo)
        self.action_redo = self._action(QT_TR_NOOP("&Redo"), stack.redo, [QKeySequence(QKeySequence.Redo), QKeySequence("Ctrl+Y")])
        for signal in (stack.undoTextChanged, stack.redoTextChanged, stack.canUndoChanged, stack.canRedoChanged):
            signal.connect(self._update_undo_actions)
        self.action_cut = self._action(QT_TR_NOOP("Cu&t"), notes.cut, QKeySequence.Cut)
        self.action_copy = self._action(QT_TR_NOOP("&Copy"), notes.copy, QKeySequence.Copy)
        self.action_paste = self._action(QT_TR_NOOP("&Paste"), notes.paste, QKeySequence.Paste, QT_TR_NOOP("Paste notes at the playhead"))
        self.action_select_all = self._action(QT_TR_NOOP("Select &All"), notes.select_all, QKeySequence.SelectAll)
        self.action_delete = self._action(QT_TR_NOOP("&Delete"), notes.delete_selection, QKeySequence.Delete)
        self.action_duplicate = self._action(QT_TR_NOOP("D&uplicate"), notes.duplicate, "Ctrl+D")
        self.action_quantize = self._action(QT_TR_NOOP("&Quantize"), notes.quantize, "Q",
                                            QT_TR_NOOP("Snap the selection (or the whole track) to the grid"))
        # Arrow keys belong to whichever widget has focus, so these menu entries only show the roll's keys.
        self.action_transpose_up = self._action(QT_TR_NOOP("Transpose Up\tUp"), lambda: notes.transpose(1))
        self.action_transpose_down = self._action(QT_TR_NOOP("Transpose Down\tDown"), lambda: notes.transpose(-1))
        self.action_octave_up = self._action(QT_TR_NOOP("Octave Up\tShift+Up"), lambda: notes.transpose(12))
        self.action_octave_down = self._action(QT_TR_NOOP("Octave Down\tShift+Down"), lambda: notes.transpose(-12))
        self.action_zoom_in = self._action(QT_TR_NOOP("Zoom &In"), editor.zoom_in, QKeySequence.ZoomIn)
        self.action_zoom_out = self._action(QT_TR_NOOP("Zoom &Out"), editor.zoom_out, QKeySequence.ZoomOut)
        self.action_zoom_fit = self._action(QT_TR_NOOP("Zoom to &Fit"), editor.zoom_fit, "Ctrl+0")
        self.action_projector = self._action(QT_TR_NOOP("P&rojector Mode"), self._toggle_projector, "F11",
                                             QT_TR_NOOP("Large type and high contrast for a classroom"), checkable=True)
        self.action_play = self._action(QT_TR_NOOP("&Play / Stop"), None, "Space", QT_TR_NOOP("Play or stop the song"))
        # The window owns Ctrl+G from its first frame, before the generation panel is plugged in, so an early
        # press is never lost: it waits for the panel and says so.
        self.action_generate = self._action(QT_TR_NOOP("&Generate Variations"), self.request_generate, "Ctrl+G",
                                            QT_TR_NOOP("Generate variations with the chosen model"))
        self.action_open_demo = self._action(QT_TR_NOOP("Open &Demo"), lambda: self.open_demo(), None,
                                             QT_TR_NOOP("Open the demo song and the three first steps"))
        self.action_shortcuts = self._action(QT_TR_NOOP("&Keyboard Shortcuts"), self._show_shortcuts, QKeySequence.HelpContents)
        self.action_about = self._action("", self._show_about)  # its text names the app: set in retranslate()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self._menu(bar, QT_TR_NOOP("&File"))
        file_menu.addActions([self.action_new, self.action_open])
        self.menu_recent = self._menu(file_menu, QT_TR_NOOP("Open &Recent"))
        file_menu.addSeparator()
        file_menu.addActions([self.action_import, self.action_save, self.action_save_as, self.action_export])
        file_menu.addSeparator()
        file_menu.addAction(self.action_preferences)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        edit = self._menu(bar, QT_TR_NOOP("&Edit"))
        edit.addActions([self.action_undo, self.action_redo])
        edit.addSeparator()
        edit.addActions([self.action_cut, self.action_copy, self.action_paste, self.action_delete,
                         self.action_select_all, self.action_duplicate])
        edit.addSeparator()
        edit.addAction(self.action_quantize)
        transpose = self._menu(edit, QT_TR_NOOP("&Transpose"))
        transpose.addActions([self.action_transpose_up, self.action_transpose_down, self.action_octave_up,
                              self.action_octave_down])
        view = self._menu(bar, QT_TR_NOOP("&View"))
        view.addActions([self.action_zoom_in, self.action_zoom_out, self.action_zoom_fit])
        view.addSeparator()
        grid_menu = self._menu(view, QT_TR_NOOP("&Grid"))
        for number, grid in enumerate(GRIDS, start=1):
            action = grid_menu.addAction(f"{grid.label}\t{number}")
            action.triggered.connect(lambda _c=False, g=grid: self.editor.state.set_grid(g))
        snap_off = grid_menu.addAction("")
        snap_off.triggered.connect(lambda: self.editor.state.set_snap(False))
        self._remember_text(snap_off, QT_TR_NOOP("Snap off\t0"))
        view.addActions([self.editor.action_follow, self.editor.action_kit_lanes, self.editor.action_loop])
        view.addSeparator()
        view.addAction(self.action_projector)
        self.menu_panels = self._menu(view, QT_TR_NOOP("&Panels"))
        transport = self._menu(bar, QT_TR_NOOP("&Transport"))
        transport.addAction(self.action_play)
        generate = self._menu(bar, QT_TR_NOOP("&Generate"))
        generate.addAction(self.action_generate)
        help_menu = self._menu(bar, QT_TR_NOOP("&Help"))
        help_menu.addActions([self.action_open_demo, self.action_shortcuts, self.action_about])

    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
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
        QMessageBox.information(self, tr("Keyboard shortcuts"), shortcut_help_html())

    def _show_about(self) -> None:
        from composer_app import __version__

        QMessageBox.about(self, tr("About {0}").format(APP_NAME),
                          f"<b>{APP_NAME}</b> {__version__}<br>"
                          + html.escape(tr("Compose with Google Magenta's generative models.")))

    def request_generate(self) -> None:
        """Generate now, or as soon as the generation panel is plugged in (the first frames come before it)."""
        generation = getattr(self, "generation", None)
        if generation is not None:
            generation.panel.generate_button.click()
            return
        self.generate_pending = True
        self.show_status(tr("Getting the models ready; generating as soon as they are…"))
