"""The Qt face of the audio player: signals for the playhead and transport state, driven by the audio clock.

    player = Player(parent)                 # probes the device and loads the SoundFont in the background
    player.set_song(song)                   # after every edit; playback keeps its place
    player.position_changed.connect(roll.set_playhead)
    player.play() / pause() / stop() / toggle() / seek(tick)
    player.set_loop(start, end); player.set_loop_enabled(True)
    player.set_mixes([TrackMix(mute=..., solo=..., volume=...), ...])
    player.audition(pitch, program=..., is_drum=...)
    player.preview(candidate_song)          # play something else once, then return to the song
    player.available / player.unavailable_reason
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from composer_app.audio.player import PAUSED, PLAYING, STOPPED
from composer_app.audio.player import Player as AudioPlayer
from composer_app.audio.schedule import TrackMix
from composer_app.gui.shell import qt_compat  # noqa: F401  (before any signal is emitted)
from composer_app.gui.shell.i18n import QT_TR_NOOP, localized
from composer_app.music.song import Song

__all__ = ["Player", "PLAYING", "PAUSED", "STOPPED"]

# 60 Hz: the playhead moves smoothly; each poll only reads a counter the audio callback keeps.
POLL_MS = 16
STARTING = QT_TR_NOOP("Starting audio…")  # a source string: shown through tr()


class Player(QObject):
    """Plays the song through the sound device; every position it reports comes from the frames the device took."""

    position_changed = Signal(int)  # tick
    state_changed = Signal(str)  # "stopped", "playing" or "paused"
    availability_changed = Signal(bool)
    message = Signal(str)  # one line for the status bar: SoundFont fallbacks, why play is unavailable
    preview_finished = Signal()

    def __init__(self, parent: QObject | None = None, *, soundfont: str | os.PathLike | None = None,
                 output=None, core: AudioPlayer | None = None, prepare: bool = True):
        super().__init__(parent)
        self._core = core or AudioPlayer(soundfont=soundfont, output=output)
        self._song = Song()
        self._state = STOPPED
        self._tick = 0
        self._preview_return: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._prepare_thread: threading.Thread | None = None
        self._announced = False
        if prepare:
            self.prepare_in_background()

    @property
    def core(self) -> AudioPlayer:
        """The thread-safe player underneath (composer_app.audio.player.Player)."""
        return self._core

    # -- availability -----------------------------------------------------------------------
    def prepare_in_background(self) -> None:
        """Probe the device and load the SoundFont off the GUI thread; availability_changed follows."""
        if self._core.prepared or self._prepare_thread is not None:
            return
        self._prepare_thread = self._core.prepare_async()
        self._timer.start()

    def wait_until_prepared(self, timeout: float | None = None) -> bool:
        """Block until the background set-up is done (tests, and a play pressed during start-up)."""
        if self._prepare_thread is not None:
            self._prepare_thread.join(timeout)
        else:
            self._core.prepare()
        self._poll()
        return self.available

    @property
    def available(self) -> bool:
        return self._core.available

    @property
    def unavailable_reason(self) -> str:
        if not self._core.prepared:
            return STARTING
        return self._core.unavailable_reason

    @property
    def soundfont_name(self) -> str:
        choice = self._core.soundfont
        return choice.name if choice is not None else ""

    def set_soundfont(self, path: str | os.PathLike | None) -> None:
        """Use another SoundFont (None or "" for the default); a bad one falls back, with a message saying so."""
        self.wait_until_prepared()
        choice = self._core.set_soundfont(path or None)
        if choice is not None and choice.fallback_reason:
            self.message.emit(localized(choice.fallback_reason))

    # -- song -------------------------------------------------------------------------------
    @property
    def song(self) -> Song:
        return self._song

    def set_song(self, song: Song) -> None:
        """The song to play; while a preview plays, it takes over when the preview ends."""
        self._song = song
        if self._preview_return is None:
            self._core.set_song(song)

    def set_mixes(self, mixes: list[TrackMix]) -> None:
        self._core.set_mixes(mixes)

    def set_silent(self, silent: bool) -> None:
        """The synth plays nothing while the transport runs (the song goes to a MIDI output instead)."""
        self._core.set_silent(silent)

    def set_track_mix(self, index: int, mute: bool | None = None, solo: bool | None = None,
                      volume: float | None = None) -> None:
        self._core.set_track_mix(index, mute, solo, volume)

    def set_loop(self, start_tick: int | None, end_tick: int | None) -> None:
        self._core.set_loop(start_tick, end_tick)

    def set_loop_enabled(self, enabled: bool) -> None:
        self._core.set_loop_enabled(enabled)

    @property
    def loop_enabled(self) -> bool:
        return self._core.loop_enabled

    # -- transport --------------------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state

    @property
    def is_playing(self) -> bool:
        return self._state == PLAYING

    @property
    def position(self) -> int:
        """The playhead in ticks."""
        return self._tick

    def play(self) -> bool:
        """Start or resume; without a device it emits `message` with the reason and returns False."""
        if not self._core.prepared:
            self.wait_until_prepared()
        if not self.available:
            self.message.emit(self.unavailable_reason)
            return False
        self._core.play()
        self._timer.start()
        self._poll()
        return True

    def pause(self) -> None:
        self._core.pause()
        self._poll()

    def stop(self) -> None:
        """Stop and go back to the start (or, after a preview, to where the song was)."""
        self._core.stop()
        self._poll()

    def toggle(self) -> None:
        """Space: play when stopped or paused, pause when playing."""
        if self._state == PLAYING:
            self.pause()
        else:
            self.play()

    def seek(self, tick: int) -> None:
        self._core.seek(max(0, int(tick)))
        self._poll(force=True)

    # -- audition and preview ---------------------------------------------------------------
    def audition(self, pitch: int, velocity: int = 100, program: int = 0, is_drum: bool = False,
                 seconds: float = 0.35) -> bool:
        """Sound one note briefly (over playback if playing); False when there is no sound."""
        if not self.available:
            return False
        return self._core.audition(pitch, velocity, program, is_drum, seconds)

    @property
    def is_previewing(self) -> bool:
        return self._preview_return is not None

    def preview(self, song: Song, start_tick: int = 0) -> bool:
        """Play another song (a generated candidate, alone or mixed in) once; the song returns when it stops."""
        if not self.available and not self.wait_until_prepared():
            self.message.emit(self.unavailable_reason)
            return False
        if self._preview_return is None:
            self._preview_return = self._tick
        self._core.stop()
        self._core.set_song(song)
        self._core.seek(start_tick)
        return self.play()

    def end_preview(self) -> None:
        """Stop a preview now and put the song back where it was."""
        if self._preview_return is None:
            return
        self._core.stop()
        self._finish_preview()

    def _finish_preview(self) -> None:
        back, self._preview_return = self._preview_return, None
        self._core.set_song(self._song)
        self._core.seek(back)
        self._poll(force=True)
        self.preview_finished.emit()

    # -- the clock --------------------------------------------------------------------------
    def _poll(self, force: bool = False) -> None:
        if self._prepare_thread is not None and self._core.prepared:
            self._prepare_thread = None
            self.availability_changed.emit(self.available)
            choice = self._core.soundfont
            if choice is not None and choice.fallback_reason:
                self.message.emit(localized(choice.fallback_reason))
        state = self._core.state
        tick = self._core.position_tick()
        if state != self._state:
            self._state = state
            if state == STOPPED and self._preview_return is not None:
                self._finish_preview()
                tick = self._core.position_tick()
            self.state_changed.emit(state)
        if tick != self._tick or force:
            self._tick = tick
            self.position_changed.emit(tick)
        if self._state != PLAYING and self._prepare_thread is None:
            self._timer.stop()

    def close(self) -> None:
        """Stop the device and free the synth (when the window closes)."""
        self._timer.stop()
        if self._prepare_thread is not None:
            self._prepare_thread.join()
            self._prepare_thread = None
        self._core.close()
