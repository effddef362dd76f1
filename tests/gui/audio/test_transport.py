"""The transport bar: buttons drive the player, the read-out shows bars:beats, and no device disables play clearly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from composer_app.audio.output import FakeOutput
from composer_app.gui.audio.player import PLAYING, Player
from composer_app.gui.audio.transport import Transport, bar_beat, clock
from composer_app.music.song import PPQ, Note, Song, TimeSignature, Track
from tests.audio.no_device import NO_DEVICE, without_output_device, without_sounddevice

pytest.importorskip("fluidsynth")


def _song() -> Song:
    return Song(tracks=(Track(notes=tuple(Note(i * PPQ, 60 + i, PPQ) for i in range(8))),))


@pytest.fixture
def transport(qtbot):
    player = Player(output=FakeOutput(realtime=True))
    player.wait_until_prepared(10)
    player.set_song(_song())
    widget = Transport(player)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    player.close()


def test_bar_beat_follows_time_signatures():
    """Positions read bar:beat from 1, and a 3/4 bar after a 4/4 one counts three beats."""
    song = Song(time_signatures=(TimeSignature(0, 4, 4), TimeSignature(4 * PPQ, 3, 4)))
    assert bar_beat(song, 0) == "1:1"
    assert bar_beat(song, 3 * PPQ + 5) == "1:4"
    assert bar_beat(song, 4 * PPQ) == "2:1"
    assert bar_beat(song, 7 * PPQ) == "3:1"
    eighths = Song(time_signatures=(TimeSignature(0, 6, 8),))
    assert bar_beat(eighths, 5 * PPQ // 2) == "1:6"


def test_clock_format():
    """Seconds read as m:ss.s."""
    assert clock(0) == "0:00.0" and clock(65.34) == "1:05.3" and clock(-1) == "0:00.0"


def test_play_button_plays_and_pauses(qtbot, transport):
    """Clicking play starts playback and turns the button into Pause; clicking again pauses."""
    transport.play_button.click()
    assert transport.player.state == PLAYING
    assert transport.play_button.text() == "Pause"
    transport.play_button.click()
    assert transport.play_button.text() == "Play"


def test_space_toggles_play(qtbot, transport):
    """Space starts and pauses playback."""
    qtbot.keyClick(transport, Qt.Key_Space)
    assert transport.player.state == PLAYING
    qtbot.keyClick(transport, Qt.Key_Space)
    assert transport.player.state != PLAYING


def test_position_read_out_moves_while_playing(qtbot, transport):
    """The bar:beat read-out advances with the audio clock."""
    transport.play_button.click()
    qtbot.waitUntil(lambda: transport.position_label.text() == "1:2", timeout=5000)
    transport.stop_button.click()
    assert transport.position_label.text() == "1:1" and transport.time_label.text() == "0:00.0"


def test_loop_button_switches_looping(qtbot, transport):
    """The loop button turns the player's loop on and off."""
    transport.loop_button.click()
    assert transport.player.loop_enabled
    transport.loop_button.click()
    assert not transport.player.loop_enabled


def test_window_actions_can_drive_it(qtbot):
    """Given the window's play and loop actions, the transport uses them instead of its own shortcut."""
    player = Player(output=FakeOutput(realtime=True))
    player.wait_until_prepared(10)
    player.set_song(_song())
    play, loop = QAction("Play"), QAction("Loop", checkable=True)
    widget = Transport(player, play_action=play, loop_action=loop)
    qtbot.addWidget(widget)
    assert widget.shortcut is None and widget.loop_button.defaultAction() is loop
    play.trigger()
    assert player.state == PLAYING
    play.trigger()
    assert player.state != PLAYING
    player.close()


@pytest.mark.parametrize("machine,reason", [
    (without_output_device, NO_DEVICE),
    (without_sounddevice, "the sounddevice package is not installed"),
])
def test_without_a_device_play_is_disabled_with_the_reason(qtbot, monkeypatch, machine, reason):
    """No device (or no sounddevice): play and stop are disabled, and the bar says why; export stays possible."""
    machine(monkeypatch)
    player = Player()
    player.wait_until_prepared(10)
    play = QAction("Play")
    widget = Transport(player, play_action=play)
    qtbot.addWidget(widget)
    assert not widget.play_button.isEnabled() and not widget.stop_button.isEnabled() and not play.isEnabled()
    assert widget.status_label.text() == f"No sound: {reason}"
    assert "Export" in widget.play_button.toolTip()
    player.close()
