"""The Qt Player: playhead signals from the audio clock, transport states, no-device mode, candidate previews."""

from __future__ import annotations

import pytest

from composer_app.audio.output import FakeOutput
from composer_app.gui.audio.player import PAUSED, PLAYING, STOPPED, Player
from composer_app.music.song import PPQ, Note, Song, Track
from tests.audio.no_device import NO_DEVICE, without_output_device

pytest.importorskip("fluidsynth")


def _song(notes: int = 8) -> Song:
    return Song(tracks=(Track(notes=tuple(Note(i * PPQ, 60 + i, PPQ - 60) for i in range(notes))),))


@pytest.fixture
def player(qtbot):
    """A Player on a fake device that consumes audio in real time."""
    out = FakeOutput(realtime=True)
    p = Player(output=out)
    assert p.wait_until_prepared(10)
    p.set_song(_song())
    yield p
    p.close()


def test_position_changed_follows_the_audio_clock(qtbot, player):
    """While playing, position_changed rises steadily and matches what the device has consumed."""
    ticks = []
    player.position_changed.connect(ticks.append)
    with qtbot.waitSignal(player.state_changed, timeout=3000):
        player.play()
    # Two beats (a second): enough position updates to see them rise, even on a loaded machine.
    qtbot.waitUntil(lambda: player.position > 2 * PPQ, timeout=8000)
    player.pause()
    assert ticks == sorted(ticks) and len(ticks) > 5
    assert abs(player.position - player.core.position_tick()) <= 1


def test_transport_states_in_order(qtbot, player):
    """play → pause → stop gives playing, paused, stopped, and stop puts the playhead at 0."""
    states = []
    player.state_changed.connect(states.append)
    player.play()
    qtbot.waitUntil(lambda: player.position > 0, timeout=5000)
    player.pause()
    player.stop()
    assert states == [PLAYING, PAUSED, STOPPED]
    assert player.position == 0


def test_seek_reports_the_new_position_at_once(qtbot, player):
    """A seek while stopped emits position_changed with the target straight away."""
    with qtbot.waitSignal(player.position_changed, timeout=1000) as signal:
        player.seek(3 * PPQ)
    assert signal.args == [3 * PPQ] and player.position == 3 * PPQ


def test_toggle_plays_and_pauses(qtbot, player):
    """toggle() starts playback, and pauses it when it is playing."""
    player.toggle()
    assert player.state == PLAYING
    player.toggle()
    assert player.state == PAUSED


def test_without_a_device_play_explains_and_returns_false(qtbot, monkeypatch):
    """No device: availability_changed(False) after set-up, play() returns False and emits the probe's reason."""
    without_output_device(monkeypatch)
    p = Player()
    if p._prepare_thread is not None:
        with qtbot.waitSignal(p.availability_changed, timeout=5000) as signal:
            pass
        assert signal.args == [False]
    with qtbot.waitSignal(p.message, timeout=1000) as said:
        assert p.play() is False
    assert said.args == [NO_DEVICE]
    assert not p.available and p.audition(60) is False
    p.close()


def test_preview_plays_a_candidate_then_returns_to_the_song(qtbot, player):
    """preview() plays another song once; when it ends the song is back and the playhead where it was."""
    player.seek(2 * PPQ)
    candidate = Song(tracks=(Track(notes=(Note(0, 72, 120),)),))
    assert player.preview(candidate)
    assert player.is_previewing and player.core.song is candidate
    with qtbot.waitSignal(player.preview_finished, timeout=10000):
        pass
    assert not player.is_previewing
    assert player.core.song is player.song
    assert player.position == 2 * PPQ


def test_song_edits_during_a_preview_wait_for_its_end(qtbot, player):
    """set_song while previewing keeps the preview playing and takes effect afterwards."""
    candidate = _song(2)
    player.preview(candidate)
    edited = _song(3)
    player.set_song(edited)
    assert player.core.song is candidate
    player.end_preview()
    assert player.core.song is edited
