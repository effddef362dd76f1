"""Plugs sound into the main window in one call: player, transport bar, audition, exports and drag-out.

    session = attach_audio(window)      # in MainWindow.__init__ or app.create_window, after the window is built

It uses only the window's documented plug-in points (document, editor, action_play, add_toolbar, show_status,
preferences_changed) and adds File → Export Audio… and File → Export Selection as MIDI… after Export MIDI.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from composer_app.audio.excerpt import excerpt
from composer_app.audio.schedule import TrackMix
from composer_app.gui.audio.audition import Auditioner
from composer_app.gui.audio.dragout import MidiDragHandle, install_midi_drag
from composer_app.gui.audio.export import export_audio_dialog, export_midi_dialog
from composer_app.gui.audio.player import Player
from composer_app.gui.audio.transport import Transport
from composer_app.gui.shell.i18n import tr
from composer_app.music.song import Song, Track


class AudioSession(QObject):
    """Keeps the player in step with the document and the roll, and offers the audio actions."""

    def __init__(self, window, *, output=None, player: Player | None = None):
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.editor = window.editor
        self._soundfont = None
        self.player = player or Player(self, soundfont=self._preferred_soundfont(), output=output)
        self.auditioner = Auditioner(self.player, self, current_track=self._current_track)
        self.transport = Transport(self.player, play_action=window.action_play,
                                   loop_action=getattr(self.editor, "action_loop", None))
        self.drag_handle = MidiDragHandle(self.drag_source)
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("toolbar_transport")
        self.toolbar.addWidget(self.transport)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.auditioner.action)
        self.toolbar.addWidget(self.drag_handle)
        window.add_toolbar(self.toolbar, "bottom")
        self._build_actions()
        self._connect()
        self._on_state_changed(self.document.state, None)
        self._on_loop(self.editor.loop_region)
        self._hook_track_rows()
        # The core player is plain Python: close it even when Qt has already deleted this object.
        core = self.player.core
        window.destroyed.connect(lambda *_: core.close())
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(core.close)

    # -- wiring -------------------------------------------------------------------------------
    def _connect(self) -> None:
        doc, editor, player = self.document, self.editor, self.player
        doc.state_changed.connect(self._on_state_changed)
        doc.song_replaced.connect(self._on_song_replaced)
        for signal in (doc.state_changed, doc.song_replaced, doc.current_track_changed):
            # After the track list has rebuilt its rows for the same change.
            signal.connect(lambda *_: QTimer.singleShot(0, self._hook_track_rows))
        editor.seek_requested.connect(player.seek)
        editor.loop_region_changed.connect(self._on_loop)
        editor.note_preview_requested.connect(self.auditioner.preview)
        player.position_changed.connect(editor.set_playhead)
        player.message.connect(self.window.show_status)
        self.window.preferences_changed.connect(self._on_preferences)

    def _build_actions(self) -> None:
        window = self.window
        self.action_export_audio = QAction(window)
        self.action_export_audio.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.action_export_audio.triggered.connect(self.export_audio)
        self.action_export_selection = QAction(window)
        self.action_export_selection.triggered.connect(self.export_selection)
        self.retranslate()
        if hasattr(window, "language_changed"):
            window.language_changed.connect(self.retranslate)
        for action in (self.action_export_audio, self.action_export_selection):
            window.addAction(action)
        anchor = getattr(window, "action_export", None)
        menus = [m for m in anchor.associatedObjects() if isinstance(m, QMenu)] if anchor is not None else []
        for menu in menus:
            actions = menu.actions()
            after = actions[actions.index(anchor) + 1] if actions.index(anchor) + 1 < len(actions) else None
            menu.insertActions(after, [self.action_export_selection, self.action_export_audio])

    def retranslate(self) -> None:
        """The actions' and the tool bar's texts in the current language."""
        self.toolbar.setWindowTitle(tr("Transport"))
        self.action_export_audio.setText(tr("Export &Audio…"))
        self.action_export_audio.setStatusTip(tr("Render the song to a WAV file with the current SoundFont"))
        self.action_export_selection.setText(tr("Export &Selection as MIDI…"))
        self.action_export_selection.setStatusTip(tr("Write the selected notes (or the current track) as a MIDI "
                                                     "file"))
        self.auditioner.action.setText(tr("Hear Notes While Editing"))
        self.auditioner.action.setToolTip(tr("Sound a key you click and a note you draw or move"))

    def _on_state_changed(self, new, _old) -> None:
        self.player.set_song(new.song)
        self.player.set_mixes([TrackMix(mute=look.muted, solo=look.soloed) for look in new.looks])

    def _on_song_replaced(self) -> None:
        self.player.stop()
        self.player.seek(0)

    def _on_loop(self, region) -> None:
        if region is None:
            self.player.set_loop_enabled(False)
        else:
            self.player.set_loop(*region)
            self.player.set_loop_enabled(True)

    def _on_preferences(self, prefs) -> None:
        wanted = getattr(prefs, "soundfont", None)
        if wanted is not None and (wanted or None) != self._soundfont:
            self._soundfont = wanted or None
            self.player.set_soundfont(self._soundfont)
        audition = getattr(prefs, "audition", None)
        if audition is not None:
            self.auditioner.set_enabled(bool(audition))

    def _preferred_soundfont(self):
        prefs = getattr(self.window, "prefs", None)
        self._soundfont = getattr(prefs, "soundfont", None) or None
        return self._soundfont

    # -- what is exported or dragged -------------------------------------------------------------
    def _current_track(self) -> Track | None:
        tracks = self.document.song.tracks
        index = self.document.current_track
        return tracks[index] if 0 <= index < len(tracks) else None

    def selection_song(self) -> tuple[Song, str]:
        """The selected notes as a song of their own, else the current track, with a name for the file."""
        song, track = self.document.song, self._current_track()
        selected = getattr(self.editor.state, "selection", frozenset())
        index = self.document.current_track
        if track is not None and selected:
            return excerpt(song, selected=[(index, n) for n in selected]), tr("{0} selection").format(track.name)
        if track is not None:
            return excerpt(song, tracks=[index], start=0), track.name
        return song, self.document.display_name

    def track_song(self, index: int) -> tuple[Song, str] | None:
        """One track as a song of its own (tempo and metre kept), for dragging its header out."""
        song = self.document.song
        if not 0 <= index < len(song.tracks):
            return None
        return excerpt(song, tracks=[index], start=0), song.tracks[index].name

    def _hook_track_rows(self) -> None:
        """Let each track header (its row and colour swatch) be dragged out of the window as that track's MIDI."""
        track_list = getattr(self.window, "track_list", None)
        if track_list is None or not hasattr(track_list, "row_widget"):
            return
        for index in range(len(self.document.song.tracks)):
            row = track_list.row_widget(index)
            if row is None or row.property("midi_drag_index") == index:
                continue
            row.setProperty("midi_drag_index", index)
            for widget in (row, getattr(row, "color_button", None)):
                if widget is not None:
                    install_midi_drag(widget, lambda i=index: self.track_song(i))

    def drag_source(self) -> tuple[Song, str]:
        """What the drag handle drops: the selection if there is one, else the whole song."""
        if getattr(self.editor.state, "selection", None):
            return self.selection_song()
        return self.document.song, self.document.display_name.rsplit(".", 1)[0]

    def export_audio(self) -> None:
        name = self.document.display_name.rsplit(".", 1)[0]
        mixes = [TrackMix(mute=look.muted, solo=look.soloed) for look in self.document.looks]
        path = export_audio_dialog(self.window, self.document.song, name, self._soundfont, mixes)
        if path is not None:
            self.window.show_status(tr("Exported {0}").format(path.name))

    def export_selection(self) -> None:
        song, name = self.selection_song()
        path = export_midi_dialog(self.window, song, name, tr("Export Selection as MIDI"))
        if path is not None:
            self.window.show_status(tr("Exported {0}").format(path.name))


def attach_audio(window, **options) -> AudioSession:
    """Give a MainWindow its sound: see the module docstring."""
    return AudioSession(window, **options)
