"""The transport bar: play/pause, stop, loop, and the position in bars:beats and minutes, for a Player.

    transport = Transport(player)                                   # its own Space shortcut
    transport = Transport(player, play_action=window.action_play,   # or the window's Space action
                          loop_action=editor.action_loop)           # and the roll's loop switch
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from composer_app.gui.audio.player import PLAYING, STARTING, Player
from composer_app.gui.roll.timeline import bar_at
from composer_app.gui.shell.i18n import Retranslating, localized, tr
from composer_app.music.song import Song


def bar_beat(song: Song, tick: int) -> str:
    """The position as bar:beat, both counted from 1 and following time-signature changes ("3:2")."""
    bar = bar_at(song.time_signatures, max(0, tick))
    return f"{bar.number}:{(max(0, tick) - bar.start) // bar.beat + 1}"


def clock(seconds: float) -> str:
    """Minutes, seconds and tenths: "1:05.3"."""
    seconds = max(0.0, seconds)
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


class Transport(Retranslating, QWidget):
    """Play/pause, stop and loop buttons with a position read-out; disabled, with the reason, without a device."""

    def __init__(self, player: Player, parent: QWidget | None = None, *, play_action: QAction | None = None,
                 loop_action: QAction | None = None):
        super().__init__(parent)
        self.player = player
        style = self.style()
        self._play_icon = style.standardIcon(QStyle.SP_MediaPlay)
        self._pause_icon = style.standardIcon(QStyle.SP_MediaPause)

        self.play_button = QToolButton(self)
        self.play_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.play_button.clicked.connect(player.toggle)
        self.stop_button = QToolButton(self)
        self.stop_button.setIcon(style.standardIcon(QStyle.SP_MediaStop))
        self.stop_button.clicked.connect(player.stop)
        self.loop_button = QToolButton(self)
        self.loop_button.setCheckable(True)
        self._own_loop = loop_action is None
        if loop_action is not None:
            self.loop_button.setDefaultAction(loop_action)
        else:
            self.loop_button.setChecked(player.loop_enabled)
            self.loop_button.toggled.connect(player.set_loop_enabled)
        self.position_label = QLabel(self)
        self.position_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000:00") + 8)
        self.time_label = QLabel(self)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.PlainText)  # reasons quote device and SoundFont names
        self.status_label.setObjectName("transport_status")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (self.play_button, self.stop_button, self.loop_button, self.position_label, self.time_label,
                       self.status_label):
            layout.addWidget(widget)
        layout.addStretch(1)

        if play_action is not None:
            play_action.triggered.connect(player.toggle)
            self.shortcut = None
        else:
            self.shortcut = QShortcut(QKeySequence(Qt.Key_Space), self, context=Qt.WindowShortcut)
            self.shortcut.activated.connect(player.toggle)
        self._play_action = play_action

        player.state_changed.connect(self._show_state)
        player.position_changed.connect(self._show_position)
        player.availability_changed.connect(self._show_availability)
        self._show_position(player.position)
        self.retranslate()

    def retranslate(self) -> None:
        """Button texts, tips and the sound's state in the current language."""
        self.stop_button.setText(tr("Stop"))
        if self._own_loop:
            self.loop_button.setText(tr("Loop"))
            self.loop_button.setToolTip(tr("Loop the loop region (the whole song when none is set)"))
        self.position_label.setToolTip(tr("Position: bar:beat"))
        self.time_label.setToolTip(tr("Position: minutes:seconds"))
        self._show_state(self.player.state)
        self._show_availability(self.player.available)

    def _show_state(self, state: str) -> None:
        playing = state == PLAYING
        self.play_button.setIcon(self._pause_icon if playing else self._play_icon)
        self.play_button.setText(tr("Pause") if playing else tr("Play"))
        self.play_button.setToolTip(tr("Pause (Space)") if playing else tr("Play (Space)"))

    def _show_position(self, tick: int) -> None:
        song = self.player.song
        self.position_label.setText(bar_beat(song, tick))
        self.time_label.setText(clock(song.tick_to_seconds(tick)))

    def _show_availability(self, available: bool) -> None:
        reason = self.player.unavailable_reason
        starting = not available and reason == STARTING
        usable = available or starting  # a play pressed while starting waits for the set-up
        for widget in (self.play_button, self.stop_button):
            widget.setEnabled(usable)
        if self._play_action is not None:
            self._play_action.setEnabled(usable)
        if self.shortcut is not None:
            self.shortcut.setEnabled(usable)
        if usable:
            self.status_label.setText(tr(STARTING) if starting else "")
            self.status_label.setToolTip("")
            self.stop_button.setToolTip(tr("Stop and return to the start"))
            self._show_state(self.player.state)
            return
        explanation = tr("Playback is off: {0}. Export to MIDI and WAV still works.").format(localized(reason))
        for widget in (self.play_button, self.stop_button):
            widget.setToolTip(explanation)
        if self._play_action is not None:
            self._play_action.setToolTip(explanation)
            self._play_action.setStatusTip(explanation)
        self.status_label.setText(tr("No sound: {0}").format(localized(reason)))
        self.status_label.setToolTip(explanation)
