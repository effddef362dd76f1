"""The live player, driven by a fake device: audio-clock position, transport, loop, end of song, no-device mode."""

from __future__ import annotations

import time

import numpy as np
import pytest
from audio_signals import band_energy, midi_hz, mono
from audio_songs import scale_song

from composer_app.audio import player as player_module
from composer_app.audio.errors import NoAudioOutputError
from composer_app.audio.output import FakeOutput, OutputInfo
from composer_app.audio.player import PAUSED, PLAYING, STOPPED, Player
from composer_app.music.song import PPQ, Note, Song, Track

pytestmark = pytest.mark.usefixtures("fluidsynth_ok")
BLOCK = 256


@pytest.fixture
def manual():
    """A player whose fake device is pulled by the test itself, rendering inline (deterministic)."""
    out = FakeOutput(keep=True)
    player = Player(output=out, blocksize=BLOCK, ahead_blocks=0)
    player.set_song(scale_song())
    yield player, out
    player.close()


def _seconds(out: FakeOutput, seconds: float) -> np.ndarray:
    return out.pull(int(seconds * 44100) // BLOCK)


def test_without_a_device_play_is_refused_with_the_reason(monkeypatch):
    """No device: available is False with a reason, play raises it, audition does nothing, the song can still be set."""
    monkeypatch.setattr(player_module, "probe_output", lambda: OutputInfo(False, "no audio output device was found"))
    player = Player()
    player.set_song(scale_song())
    assert player.prepare() is False
    assert not player.available
    assert "no audio output device" in player.unavailable_reason
    with pytest.raises(NoAudioOutputError, match="no audio output device"):
        player.play()
    assert player.audition(60) is False
    assert player.state == STOPPED and player.position_tick() == 0


def test_position_is_the_frames_the_device_consumed(manual):
    """While playing, the position is exactly what the device has taken, less nothing (zero latency)."""
    player, out = manual
    player.play()
    out.pull(40)
    assert player.position_frame() == 40 * BLOCK
    assert player.position_tick() == pytest.approx(40 * BLOCK / 44100 * 2 * PPQ, abs=1)


def test_position_allows_for_output_latency():
    """With 1000 frames of device latency, the heard position trails the consumed frames by 1000."""
    out = FakeOutput(latency_frames=1000)
    player = Player(output=out, blocksize=BLOCK, ahead_blocks=0)
    player.set_song(scale_song())
    player.play()
    out.pull(40)
    assert player.position_frame() == 40 * BLOCK - 1000
    player.close()


def test_nothing_advances_without_the_device(manual):
    """The clock is the device: with no blocks consumed, a playing song stays at its start."""
    player, out = manual
    player.play()
    time.sleep(0.05)
    assert player.position_frame() == 0


def test_pause_keeps_the_heard_position_and_resumes_from_it(manual):
    """Pause holds the position that was heard; play continues from there."""
    player, out = manual
    player.play()
    _seconds(out, 1.0)
    heard = player.position_frame()
    player.pause()
    assert player.state == PAUSED
    _seconds(out, 0.5)
    assert player.position_frame() == heard
    player.play()
    out.pull(10)
    assert player.position_frame() > heard


def test_stop_returns_to_the_start(manual):
    """Stop goes back to tick 0 and silences the output."""
    player, out = manual
    player.play()
    _seconds(out, 1.0)
    player.stop()
    assert player.state == STOPPED and player.position_tick() == 0
    quiet = _seconds(out, 0.3)
    assert not quiet[2048:].any()


def test_seek_while_playing_jumps_and_goes_on_from_there(manual):
    """After a seek the position reads the target at once and then advances from it."""
    player, out = manual
    player.play()
    _seconds(out, 0.5)
    player.seek(5 * PPQ)
    target = player.position_frame()
    assert player.position_tick() == 5 * PPQ
    _seconds(out, 0.5)
    assert target < player.position_frame() < target + 0.5 * 44100


def test_seek_while_stopped_sets_where_play_starts(manual):
    """Seeking before play makes playback start there: the note at that bar is heard."""
    player, out = manual
    player.seek(4 * PPQ)  # the fifth scale note, G4
    player.play()
    x = mono(_seconds(out, 0.4))
    assert band_energy(x, 44100, midi_hz(67)) > 100 * band_energy(x, 44100, midi_hz(60))


def test_loop_keeps_the_position_inside_the_region(manual):
    """With a one-bar loop on, the position never leaves bar 1 however long it plays."""
    player, out = manual
    player.set_loop(0, 4 * PPQ)
    player.set_loop_enabled(True)
    player.play()
    ticks = []
    for _ in range(30):
        _seconds(out, 0.2)
        ticks.append(player.position_tick())
    assert max(ticks) <= 4 * PPQ and min(ticks) >= 0
    assert any(b < a for a, b in zip(ticks, ticks[1:])), "it should wrap"


def test_song_end_stops_and_returns_to_the_start(manual):
    """Playing to the end (and its tail) turns the state to STOPPED, back at tick 0."""
    player, out = manual
    player.set_song(Song(tracks=(Track(notes=(Note(0, 76, 240),)),)))
    player.play()
    for _ in range(100):
        _seconds(out, 0.2)
        if player.state != PLAYING:
            break
    assert player.state == STOPPED and player.position_tick() == 0


def test_set_track_mix_mutes_a_track_while_playing(manual):
    """Muting the only track through the player silences the output."""
    player, out = manual
    player.play()
    _seconds(out, 0.3)
    player.set_track_mix(0, mute=True)
    assert player.track_mix(0).mute
    later = _seconds(out, 1.5)[-22050:]
    assert np.abs(later).max() < 300


def test_audition_plays_while_stopped(manual):
    """audition() starts the device when needed and sounds the pitch."""
    player, out = manual
    assert player.audition(69, seconds=0.2)
    x = mono(_seconds(out, 0.2))
    assert band_energy(x, 44100, 440.0) > 1e3 * band_energy(x, 44100, 622.25)


def test_render_ahead_thread_keeps_a_realtime_device_fed():
    """With a device consuming in real time, the render-ahead thread serves every block with no underrun."""
    out = FakeOutput(realtime=True, keep=True)
    player = Player(output=out, blocksize=BLOCK, ahead_blocks=4)
    player.set_song(scale_song())
    assert player.prepare()
    start = time.perf_counter()
    player.play()
    time.sleep(1.0)
    tick = player.position_tick()
    player.close()
    assert out.first_block_at is not None and out.first_block_at >= start  # press-to-sound time: bench_audio.py
    # On an underrun the callback renders inline (a little CPU, never a gap); a busy machine has some.
    blocks = out.frames_consumed // BLOCK
    assert player.underruns < blocks / 4 and player.callback_error == ""
    assert 0.5 * 2 * PPQ < tick < 1.5 * 2 * PPQ
    assert np.abs(out.audio()).max() > 500


def test_idle_device_is_stopped_after_a_quiet_while(monkeypatch):
    """Once stopped and silent for IDLE_STOP_SECONDS the device stops, and play starts it again."""
    monkeypatch.setattr(player_module, "IDLE_STOP_SECONDS", 0.1)
    out = FakeOutput(realtime=True)
    player = Player(output=out, blocksize=BLOCK, ahead_blocks=2)
    player.set_song(scale_song())
    player.play()
    time.sleep(0.2)
    player.stop()
    deadline = time.perf_counter() + 3
    while out.active and time.perf_counter() < deadline:
        time.sleep(0.02)
    assert not out.active
    player.play()
    assert out.active
    player.close()


def test_switching_soundfont_carries_on_from_the_same_place(manual, tmp_path):
    """set_soundfont loads the new font and keeps the position; a bad one falls back with a reason."""
    player, out = manual
    player.play()
    _seconds(out, 0.5)
    before = player.position_frame()
    bad = tmp_path / "bad.sf2"
    bad.write_text("x")
    choice = player.set_soundfont(bad)
    assert choice.fallback_reason and str(bad) in choice.fallback_reason
    _seconds(out, 0.2)
    assert player.position_frame() > before


def test_release_device_stops_an_idle_stream_only(manual):
    """release_device() stops the device when nothing plays, and leaves it running during playback."""
    player, out = manual
    player.play()
    out.pull(4)
    player.release_device()
    assert out.active
    player.stop()
    out.pull(40)
    player.release_device()
    assert not out.active
    assert player.frames_played == 44 * BLOCK


def test_looping_without_a_region_loops_the_song_to_its_last_bar_line(manual):
    """With no loop region, looping covers the whole song up to the bar line after its last note."""
    player, out = manual
    player.set_loop_enabled(True)
    assert player.loop_span == (0, 2 * 4 * PPQ)
    player.set_loop(PPQ, 3 * PPQ)
    assert player.loop_span == (PPQ, 3 * PPQ)
