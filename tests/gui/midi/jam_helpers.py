"""Helpers of the jam tests: a transport the test moves by hand, and a call played over one time round."""

from __future__ import annotations

import mido
from PySide6.QtCore import QObject, Signal

from composer_app.music.song import PPQ

BAR = 4 * PPQ


class FakePlayer(QObject):
    """The transport a jam follows: the test moves its position as playback would."""

    position_changed = Signal(int)
    state_changed = Signal(str)
    available = True

    def __init__(self):
        super().__init__()
        self.playing, self.position, self.is_playing = False, 0, False

    def seek(self, tick):
        self.position = tick

    def play(self):
        self.playing = self.is_playing = True

    def stop(self):
        self.playing = self.is_playing = False

    def audition(self, *args, **kwargs):
        return True

    def move_to(self, tick):
        self.position = tick
        self.position_changed.emit(tick)


def play_round(player, end_tick):
    """Play one time round the loop, in 20 ms-ish position steps, to just before its end."""
    for tick in range(0, end_tick - 60, 60):
        player.move_to(tick)


def play_call(qtbot, devices, port, pitches=(60, 62, 64, 65)):
    """A short phrase on the MIDI input `port`."""
    for pitch in pitches:
        devices.play(port, mido.Message("note_on", note=pitch, velocity=90))
        qtbot.wait(30)
        devices.play(port, mido.Message("note_off", note=pitch))
    qtbot.wait(20)
