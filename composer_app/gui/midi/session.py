"""The MIDI menu: choose the input to play from (and whether it sounds), and record with R. The MIDI system is
probed when the menu first opens, not at start-up."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from composer_app.audio.midi.devices import MidiDevices, MidiError
from composer_app.gui.midi.recorder import Recorder
from composer_app.gui.shell import dialogs
from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, localized, tr


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
        self.recorder = Recorder(window, window)
        self.menu = _MidiMenu(self.retranslate, window)
        self.menu.setObjectName("menu_midi")
        self.menu.aboutToShow.connect(self._fill)
        window.menuBar().insertMenu(window.menuBar().actions()[-1], self.menu)  # before Help
        self.action_record = QAction(window, objectName="action_record", shortcut="R", checkable=True)
        self.action_record.triggered.connect(self._toggle_record)
        self.recorder.state_changed.connect(self.action_record.setChecked)
        window.addAction(self.action_record)
        self._texts = [(self.menu, QT_TR_NOOP("&MIDI")), (self.action_record, QT_TR_NOOP("&Record"))]
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

    def _fill(self) -> None:
        """The menu's entries for the ports there are now (devices come and go)."""
        menu = self.menu
        menu.clear()
        menu.addAction(self.action_record)
        menu.addSeparator()
        devices = self.devices
        if devices.unavailable_reason:
            note = menu.addAction(tr("No MIDI system: {0}").format(localized(devices.unavailable_reason)))
            note.setEnabled(False)
            return
        group = QActionGroup(menu)
        names = devices.input_names()
        for name in [""] + names:
            action = menu.addAction(tr("No input") if not name else tr("Input: {0}").format(name))
            action.setCheckable(True)
            action.setChecked(name == self.input_name)
            action.triggered.connect(lambda _c=False, n=name: self.use_input(n))
            group.addAction(action)
        if not names:
            hint = menu.addAction(tr("No MIDI input found: connect a keyboard and open this menu again"))
            hint.setEnabled(False)
        menu.addSeparator()
        for text, attribute in ((QT_TR_NOOP("Count-in Bar"), "count_in"), (QT_TR_NOOP("Metronome"), "metronome"),
                                (QT_TR_NOOP("Quantize Recording to the Grid"), "quantize")):
            action = menu.addAction(tr(text))
            action.setCheckable(True)
            action.setChecked(getattr(self.recorder, attribute))
            action.toggled.connect(lambda on, a=attribute: setattr(self.recorder, a, on))
        monitor = menu.addAction(tr("Hear the Input (Local Monitor)"))
        monitor.setCheckable(True)
        monitor.setChecked(self.recorder.monitor)
        monitor.toggled.connect(lambda on: setattr(self.recorder, "monitor", on))

    def use_input(self, name: str) -> bool:
        """Listen to the input `name` ("" for none); a port that cannot open is explained and nothing changes."""
        if name == self.input_name:
            return True
        try:
            port = self.devices.open_input(name, self._receive) if name else None
        except MidiError as exc:
            dialogs.show_user_error(self.window, tr("MIDI"), exc)
            return False
        if self.input is not None:
            self.input.close()
        self.input, self.input_name = port, name
        self.window.show_status(tr("Playing from {0}").format(name) if name else tr("MIDI input off"))
        return True

    def _receive(self, message) -> None:
        """On the MIDI thread: handed to the recorder, which takes it on the UI thread."""
        self.recorder.receive(message)

    def _toggle_record(self) -> None:
        if not self.input_name and not self.recorder.recording:
            self.action_record.setChecked(False)
            self.window.show_status(tr("Choose a MIDI input in the MIDI menu first."))
            return
        self.recorder.toggle()

    def close(self) -> None:
        if self.recorder.recording:
            self.recorder.stop()
        if self.input is not None:
            self.input.close()
            self.input = None


def attach_midi(window, devices: MidiDevices | None = None) -> MidiSession:
    """Give the window its MIDI menu and Record action; the ports close when the window does."""
    session = MidiSession(window, devices)
    window.close_checks.append(lambda: session.close() or True)
    return session
