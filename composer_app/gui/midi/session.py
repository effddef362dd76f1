"""The MIDI menu: choose the input to play from (and whether it sounds), and record with R. The MIDI system is
probed when the menu first opens, not at start-up."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from composer_app.audio.midi.devices import APP_PORT_NAME, MidiDevices, MidiError
from composer_app.audio.schedule import TrackMix
from composer_app.gui.midi.jam import Jam
from composer_app.gui.midi.recorder import Recorder
from composer_app.gui.shell import dialogs
from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, localized, tr

VIRTUAL = "\0virtual"  # the menu's entry for the app's own input or output port (a name no device has)


class _MidiMenu(Retranslating, QMenu):
    """The MIDI menu; a language switch retitles it and the Record action."""

    def __init__(self, retranslate, parent):
        super().__init__(parent)
        self._retranslate = retranslate

    def retranslate(self) -> None:
        self._retranslate()


class MidiSession:
    """The window's MIDI: one open input (or none), the recorder, and the menu that chooses them."""

    def __init__(self, window, devices: MidiDevices | None = None):
        self.window = window
        self._devices = devices
        self.input = None
        self.input_name = ""
        self.output = None
        self.output_name = ""
        self.playback = None  # a MidiPlayback on the output, following the window's transport
        self.synth_too = True  # with an output chosen, the built-in synth plays as well (else the output instead)
        self.recorder = Recorder(window, window)
        self.jam = Jam(window, window)
        self.menu = _MidiMenu(self.retranslate, window)
        self.menu.setObjectName("menu_midi")
        self.menu.aboutToShow.connect(self._fill)
        window.menuBar().insertMenu(window.menuBar().actions()[-1], self.menu)  # before Help
        self.action_record = QAction(window, objectName="action_record", shortcut="R", checkable=True)
        self.action_record.triggered.connect(self._toggle_record)
        self.recorder.state_changed.connect(self.action_record.setChecked)
        window.addAction(self.action_record)
        self.action_jam = QAction(window, objectName="action_jam", shortcut="J", checkable=True)
        self.action_jam.triggered.connect(self._toggle_jam)
        self.jam.state_changed.connect(self.action_jam.setChecked)
        window.addAction(self.action_jam)
        self._texts = [(self.menu, QT_TR_NOOP("&MIDI")), (self.action_record, QT_TR_NOOP("&Record")),
                       (self.action_jam, QT_TR_NOOP("&Jam: Call and Response"))]
        self.retranslate()

    @property
    def devices(self) -> MidiDevices:
        if self._devices is None:
            from composer_app.audio.midi.rtmidi_devices import system_devices

            self._devices = system_devices()
        return self._devices

    def retranslate(self) -> None:
        for item, text in self._texts:
            item.setTitle(tr(text)) if isinstance(item, QMenu) else item.setText(tr(text))
        self.action_record.setStatusTip(tr("Record what is played on the MIDI input into the selected track (R)"))
        self.action_jam.setStatusTip(tr("Play a phrase over the loop region; the model answers the next time round (J)"))

    def _fill(self) -> None:
        """The menu's entries for the ports there are now (devices come and go)."""
        menu = self.menu
        menu.clear()
        menu.addActions([self.action_record, self.action_jam])
        menu.addSeparator()
        devices = self.devices
        if devices.unavailable_reason:
            note = menu.addAction(tr("No MIDI system: {0}").format(localized(devices.unavailable_reason)))
            note.setEnabled(False)
            return
        group = QActionGroup(menu)
        names = [n for n in devices.input_names() if n != APP_PORT_NAME]
        for name in ["", VIRTUAL] + names:
            text = (tr("No input") if not name else
                    tr("Input: {0} (a port DAWs on this computer can play into)").format(APP_PORT_NAME)
                    if name == VIRTUAL else tr("Input: {0}").format(name))
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(name == self.input_name)
            action.triggered.connect(lambda _c=False, n=name: self.use_input(n))
            group.addAction(action)
        if not names:
            hint = menu.addAction(tr("No MIDI input found: connect a keyboard and open this menu again"))
            hint.setEnabled(False)
        menu.addSeparator()
        outputs = QActionGroup(menu)
        names = [n for n in devices.output_names() if n != APP_PORT_NAME]
        for name in ["", VIRTUAL] + names:
            text = (tr("No output") if not name else
                    tr("Output: {0} (a port for DAWs on this computer)").format(APP_PORT_NAME) if name == VIRTUAL
                    else tr("Output: {0}").format(name))
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(name == self.output_name)
            action.triggered.connect(lambda _c=False, n=name: self.use_output(n))
            outputs.addAction(action)
        menu.addSeparator()
        for text, attribute in ((QT_TR_NOOP("Count-in Bar"), "count_in"), (QT_TR_NOOP("Metronome"), "metronome"),
                                (QT_TR_NOOP("Quantize Recording to the Grid"), "quantize")):
            action = menu.addAction(tr(text))
            action.setCheckable(True)
            action.setChecked(getattr(self.recorder, attribute))
            action.toggled.connect(lambda on, a=attribute: setattr(self.recorder, a, on))
        continuous = menu.addAction(tr("Continuous Jam: the Model Keeps Playing"))
        continuous.setCheckable(True)
        continuous.setChecked(self.jam.continuous)
        continuous.setEnabled(not self.jam.active)
        continuous.toggled.connect(lambda on: setattr(self.jam, "continuous", on))
        synth = menu.addAction(tr("Built-in Synth Plays Too"))
        synth.setCheckable(True)
        synth.setChecked(self.synth_too)
        synth.setEnabled(bool(self.output_name))
        synth.toggled.connect(self.set_synth_too)
        monitor = menu.addAction(tr("Hear the Input (Local Monitor)"))
        monitor.setCheckable(True)
        monitor.setChecked(self.recorder.monitor)
        monitor.toggled.connect(lambda on: setattr(self.recorder, "monitor", on))

    def use_input(self, name: str) -> bool:
        """Listen to the input `name` ("" for none, VIRTUAL for the app's own port, which a DAW on this computer
        plays into); a port that cannot open is explained and nothing changes."""
        if name == self.input_name:
            return True
        try:
            if not name:
                port = None
            elif name == VIRTUAL:
                port = self.devices.open_virtual_input(APP_PORT_NAME, self._receive)
            else:
                port = self.devices.open_input(name, self._receive)
        except MidiError as exc:
            dialogs.show_user_error(self.window, tr("MIDI"), exc)
            return False
        if self.input is not None:
            self.input.close()
        self.input, self.input_name = port, name
        shown = APP_PORT_NAME if name == VIRTUAL else name
        self.window.show_status(tr("Playing from {0}").format(shown) if name else tr("MIDI input off"))
        return True

    def use_output(self, name: str) -> bool:
        """Play the song to the output `name` as well ("" for none, VIRTUAL for the app's own port)."""
        if name == self.output_name:
            return True
        try:
            if not name:
                port = None
            elif name == VIRTUAL:
                port = self.devices.open_virtual_output(APP_PORT_NAME)
            else:
                port = self.devices.open_output(name)
        except MidiError as exc:
            dialogs.show_user_error(self.window, tr("MIDI"), exc)
            return False
        self._close_output()
        self.output, self.output_name = port, name
        if port is not None:
            from composer_app.audio.midi.playback import MidiPlayback

            self.playback = MidiPlayback(port)
            self._follow_transport()
        self._apply_silence()
        shown = APP_PORT_NAME if name == VIRTUAL else name
        self.window.show_status(tr("The song also plays to {0}").format(shown) if name else tr("MIDI output off"))
        return True

    def set_synth_too(self, on: bool) -> None:
        """Hear the built-in synth besides the MIDI output, or only the output (the synth falls silent)."""
        self.synth_too = bool(on)
        self._apply_silence()

    def _apply_silence(self) -> None:
        audio = getattr(self.window, "audio", None)
        if audio is not None and hasattr(audio.player, "set_silent"):
            audio.player.set_silent(self.output is not None and not self.synth_too)

    def _follow_transport(self) -> None:
        """Start and stop with the window's player (the first time an output is chosen)."""
        audio = getattr(self.window, "audio", None)
        if audio is None or getattr(self, "_following", False):
            return
        self._following = True
        audio.player.state_changed.connect(self._on_transport)
        if audio.player.is_playing:
            self._on_transport("playing")

    def _on_transport(self, state: str) -> None:
        if self.playback is None:
            return
        if state != "playing":
            self.playback.stop()
            return
        audio, doc = self.window.audio, self.window.document
        player = audio.player
        if player.is_previewing:  # a variation being auditioned: that is what plays, once, with no mix
            self.playback.play(player.core.song, player.position)
            return
        loop = player.core.loop_region if player.loop_enabled else None
        mixes = [TrackMix(mute=look.muted, solo=look.soloed) for look in doc.looks]
        self.playback.play(doc.song, player.position, mixes, loop)

    def _close_output(self) -> None:
        if self.playback is not None:
            self.playback.stop()
            self.playback = None
        if self.output is not None:
            self.output.close()
            self.output = None

    def _receive(self, message) -> None:
        """On the MIDI thread: handed to the recorder and the jam, which take it on the UI thread."""
        self.recorder.receive(message)
        self.jam.receive(message)

    def _toggle_record(self) -> None:
        if not self.input_name and not self.recorder.recording:
            self.action_record.setChecked(False)
            self.window.show_status(tr("Choose a MIDI input in the MIDI menu first."))
            return
        self.recorder.toggle()

    def _toggle_jam(self) -> None:
        if self.jam.active:
            self.jam.stop()
            return
        if not self.input_name and not self.jam.continuous:  # a continuous jam can play on its own
            self.action_jam.setChecked(False)
            self.window.show_status(tr("Choose a MIDI input in the MIDI menu first."))
            return
        if not self.jam.start():
            self.action_jam.setChecked(False)

    def close(self) -> None:
        self.jam.stop()
        if self.recorder.recording:
            self.recorder.stop()
        if self.input is not None:
            self.input.close()
            self.input = None
        self._close_output()


def attach_midi(window, devices: MidiDevices | None = None) -> MidiSession:
    """Give the window its MIDI menu and Record action; the ports close when the window does."""
    session = MidiSession(window, devices)
    window.close_checks.append(lambda: session.close() or True)
    return session
