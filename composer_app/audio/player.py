"""Live playback: the engine rendered a few small blocks ahead into a device callback, with an audio-clock position."""

from __future__ import annotations

import os
import threading
import time
from collections import deque

import numpy as np

from composer_app.music.song import Song

from .engine import NOT_SONG_TIME, Block, Engine
from .errors import AudioError, NoAudioOutputError
from .excerpt import bar_end
from .output import FakeOutput, SoundDeviceOutput, probe_output
from .schedule import Schedule, TrackMix
from .soundfont import SoundFontChoice
from .synth import DEFAULT_SAMPLE_RATE, GRID, Synthesizer

STOPPED, PLAYING, PAUSED = "stopped", "playing", "paused"
DEFAULT_BLOCKSIZE = 4 * GRID
# About 23 ms rendered ahead: enough for the render thread to ride out a busy moment, short enough that a seek,
# a mute or an audition during playback is heard at once.
DEFAULT_AHEAD_BLOCKS = 4
# The device is stopped after this much silence, so an idle app uses no CPU for audio.
IDLE_STOP_SECONDS = 2.0


class Player:
    """Plays a Song through an output device; every method may be called from any thread.

    Nothing heavy happens in the constructor: `prepare()` (or the first play) probes the device and loads the
    SoundFont. Without a device the player stays usable for everything but sound: `available` is False and
    `unavailable_reason` says why.
    """

    def __init__(
        self,
        soundfont: str | os.PathLike | None = None,
        output: SoundDeviceOutput | FakeOutput | None = None,
        sample_rate: int | None = None,
        blocksize: int = DEFAULT_BLOCKSIZE,
        ahead_blocks: int = DEFAULT_AHEAD_BLOCKS,
    ):
        if blocksize % GRID:
            raise ValueError(f"blocksize must be a multiple of {GRID}")
        self._soundfont_request = soundfont
        self._output = output
        self._sample_rate = sample_rate
        self._blocksize = blocksize
        self._ahead = ahead_blocks
        self._song = Song()
        self._mixes: list[TrackMix] = []
        self._loop: tuple[int | None, int | None] = (None, None)
        self._loop_enabled = False
        self._engine: Engine | None = None
        self._synth: Synthesizer | None = None
        self._state = STOPPED
        self._available: bool | None = None
        self._reason = ""
        self._prepare_lock = threading.Lock()
        self._lock = threading.RLock()  # guards the engine
        self._cond = threading.Condition()  # guards the queue of rendered blocks
        self._stream_lock = threading.Lock()
        self._queue: deque[Block] = deque()
        self._current: Block | None = None
        self._current_offset = 0
        self._history: deque[tuple[int, int, Block, int]] = deque(maxlen=256)
        self._device_frames = 0
        self._barrier = 0  # device frame before which heard audio is older than the last seek
        self._last_position = 0
        self._idle_tick = 0  # the position while no engine exists yet (before prepare, or without a device)
        self._finish_heard = False
        self._running = False
        self._closing = False
        self._thread: threading.Thread | None = None
        self.underruns = 0
        self.callback_error: str = ""
        # Seconds from the last play() to the device taking its first block of song audio (for benchmarks).
        self.last_play_latency: float | None = None
        self._play_pressed_at = 0.0

    # -- set-up -----------------------------------------------------------------------------------
    def prepare(self) -> bool:
        """Find the device, load the SoundFont and open the stream (once); return whether sound is available."""
        with self._prepare_lock:
            if self._available is not None:
                return self._available
            try:
                self._setup()
                self._available = True
            except AudioError as exc:
                self._available, self._reason = False, str(exc)
            return self._available

    def prepare_async(self) -> threading.Thread:
        thread = threading.Thread(target=self.prepare, name="audio-prepare", daemon=True)
        thread.start()
        return thread

    def _setup(self) -> None:
        rate = self._sample_rate
        if self._output is None:
            info = probe_output()
            if not info.available:
                raise NoAudioOutputError(info.reason)
            self._output = SoundDeviceOutput()
            rate = rate or info.sample_rate
        rate = rate or DEFAULT_SAMPLE_RATE
        synth = Synthesizer(self._soundfont_request, rate)
        with self._lock:
            self._synth = synth
            self._engine = self._new_engine(synth)
        try:
            self._output.open(rate, self._blocksize, self._fill)
        except AudioError:
            synth.close()
            raise

    def _new_engine(self, synth: Synthesizer) -> Engine:
        engine = Engine(synth, self._song)
        engine.set_mixes(self._mixes)
        engine.set_loop(*self._loop, enabled=self._loop_enabled)
        engine.seek(self._idle_tick)
        return engine

    @property
    def available(self) -> bool:
        """Whether sound can be played; False until prepare() has run."""
        return bool(self._available)

    @property
    def prepared(self) -> bool:
        return self._available is not None

    @property
    def unavailable_reason(self) -> str:
        return self._reason

    @property
    def soundfont(self) -> SoundFontChoice | None:
        return self._synth.soundfont if self._synth is not None else None

    @property
    def sample_rate(self) -> int:
        return self._synth.sample_rate if self._synth is not None else (self._sample_rate or DEFAULT_SAMPLE_RATE)

    def set_soundfont(self, soundfont: str | os.PathLike | None) -> SoundFontChoice | None:
        """Switch SoundFont (None: the default), carrying on from the same place; returns what is now loaded."""
        self._soundfont_request = soundfont
        if not self.prepare():
            return None
        synth = Synthesizer(soundfont, self.sample_rate)
        with self._lock:
            old_engine, old_synth = self._engine, self._synth
            frame = old_engine.song_frame
            engine = self._new_engine(synth)
            engine.seek_frame(frame)
            if old_engine.playing:
                engine.play()
            self._engine, self._synth = engine, synth
        old_synth.close()
        return synth.soundfont

    # -- song, mix, loop --------------------------------------------------------------------------
    @property
    def song(self) -> Song:
        return self._song

    def set_song(self, song: Song) -> None:
        """Play this song from now on; an edit while playing keeps the position and the notes still held."""
        # Scheduling a long song takes milliseconds: do it before taking the lock the audio thread needs.
        schedule = Schedule(song, self.sample_rate) if self._engine is not None else None
        with self._lock:
            self._song = song
            if self._engine is not None:
                self._engine.set_song(song, schedule if schedule and schedule.sample_rate == self.sample_rate else None)
            self._apply_loop()

    def set_mixes(self, mixes: list[TrackMix]) -> None:
        with self._lock:
            self._mixes = list(mixes)
            if self._engine is not None:
                self._engine.set_mixes(self._mixes)

    def set_track_mix(self, index: int, mute: bool | None = None, solo: bool | None = None,
                      volume: float | None = None) -> None:
        """Change one track's mute, solo or volume (0..1), leaving the rest as they are."""
        with self._lock:
            mixes = list(self._mixes) + [TrackMix()] * max(0, index + 1 - len(self._mixes))
            old = mixes[index]
            mixes[index] = TrackMix(old.mute if mute is None else bool(mute), old.solo if solo is None else bool(solo),
                                    old.volume if volume is None else float(volume))
            self.set_mixes(mixes)

    def track_mix(self, index: int) -> TrackMix:
        return self._mixes[index] if index < len(self._mixes) else TrackMix()

    def set_loop(self, start_tick: int | None, end_tick: int | None) -> None:
        """The loop region in ticks; None for either end clears it (then the whole song, to its last bar line, loops)."""
        with self._lock:
            self._loop = (start_tick, end_tick)
            self._apply_loop()

    def set_loop_enabled(self, enabled: bool) -> None:
        with self._lock:
            self._loop_enabled = bool(enabled)
            self._apply_loop()

    @property
    def loop_enabled(self) -> bool:
        return self._loop_enabled

    @property
    def loop_region(self) -> tuple[int, int] | None:
        start, end = self._loop
        return None if start is None or end is None else (start, end)

    @property
    def loop_span(self) -> tuple[int, int]:
        """The ticks that loop when looping is on: the region, or else the whole song to its last bar line."""
        start, end = self._loop
        if start is None or end is None:
            # To the end of the last bar, so the beat carries on across the wrap.
            return 0, bar_end(self._song, self._song.end)
        return start, end

    def _apply_loop(self) -> None:
        if self._engine is not None:
            self._engine.set_loop(*self.loop_span, enabled=self._loop_enabled)

    # -- transport --------------------------------------------------------------------------------
    @property
    def state(self) -> str:
        """STOPPED, PLAYING or PAUSED; a song that has played to its end reads as STOPPED, back at the start."""
        with self._lock:
            if self._state == PLAYING and self._engine is not None and self._engine.finished and self._finish_heard:
                self._state = STOPPED
                self._engine.seek_frame(0)
                self._last_position = 0
            return self._state

    @property
    def is_playing(self) -> bool:
        return self.state == PLAYING

    def play(self) -> None:
        """Start or resume; raises NoAudioOutputError (with the reason) when there is no device."""
        if not self.prepare():
            raise NoAudioOutputError(self._reason)
        with self._lock:
            if self._state == PLAYING and not self._engine.finished:
                return
            if self._engine.finished:
                self._engine.seek_frame(0)
            self._apply_loop()
            self._engine.play()
            self._finish_heard = False
            self._state = PLAYING
            self._play_pressed_at = time.perf_counter()
            self.last_play_latency = None
            self._skip_queued_silence()
            self._mark_jump(self._engine.song_frame)
        self._ensure_running()

    def pause(self) -> None:
        with self._lock:
            if self.state != PLAYING:
                return
            heard = self.position_frame()
            self._engine.pause(at_frame=heard)
            self._state = PAUSED
            self._last_position = heard

    def stop(self) -> None:
        """Stop and go back to the start."""
        with self._lock:
            self._state = STOPPED
            self._last_position = self._idle_tick = 0
            if self._engine is not None:
                self._engine.pause(at_frame=0)
                self._engine.seek_frame(0)

    def toggle(self) -> None:
        """Play when stopped or paused, pause when playing."""
        if self.state == PLAYING:
            self.pause()
        else:
            self.play()

    def seek(self, tick: int) -> None:
        with self._lock:
            if self._engine is None:
                self._idle_tick = max(0, int(tick))
                return
            self._engine.seek(tick)
            self._mark_jump(self._engine.song_frame)

    def _mark_jump(self, frame: int) -> None:
        """Until the audio rendered after now is heard, the position is the jump target."""
        with self._cond:
            pending = sum(len(b.audio) for b in self._queue)
            if self._current is not None:
                pending += len(self._current.audio) - self._current_offset
            self._barrier = self._device_frames + pending
        self._last_position = frame

    def position_frame(self) -> int:
        """The song frame being heard now, from the frames the device has consumed less its output latency."""
        with self._lock:
            if self._state != PLAYING or self._engine is None:
                return self._engine.song_frame if self._engine is not None else self._last_position
            heard = self._device_frames - self._output.latency_frames
            if heard > self._barrier:
                for device_frame, length, block, offset in reversed(list(self._history)):
                    if device_frame < heard:
                        if heard <= device_frame + length:
                            # The frame just heard, plus one: positions are boundaries between frames.
                            frame = block.song_frame_at(offset + heard - device_frame - 1)
                            if frame != NOT_SONG_TIME:
                                self._last_position = frame + 1
                        break
            return self._last_position

    def position_tick(self) -> int:
        with self._lock:
            if self._engine is None:
                return self._idle_tick
            return self._engine.frame_to_tick(self.position_frame())

    # -- audition ---------------------------------------------------------------------------------
    def audition(self, pitch: int, velocity: int = 100, program: int = 0, is_drum: bool = False,
                 seconds: float = 0.35) -> bool:
        """Sound one note now (over playback, if any); returns False when there is no sound to make."""
        if not self.prepare():
            return False
        with self._lock:
            self._engine.audition(pitch, velocity, program, is_drum, seconds)
            self._skip_queued_silence()
        self._ensure_running()
        return True

    def _skip_queued_silence(self) -> None:
        """Blocks of pure silence waiting for the device would only delay the new sound: replace them now."""
        with self._cond:
            if self._running and self._queue and not any(b.audio.any() for b in self._queue):
                self._queue.clear()
                self._queue.append(self._engine.render(self._blocksize))

    # -- the device side --------------------------------------------------------------------------
    def _ensure_running(self) -> None:
        with self._stream_lock:
            if self._running or self._closing:
                return
            with self._lock:
                first = self._engine.render(self._blocksize)
            with self._cond:
                # Anything still queued is silence from before the device stopped.
                self._queue.clear()
                self._queue.append(first)
                self._current = None
            self._running = True
            self._output.start()
            if self._ahead and (self._thread is None or not self._thread.is_alive()):
                self._thread = threading.Thread(target=self._render_ahead, name="audio-render", daemon=True)
                self._thread.start()
            with self._cond:
                self._cond.notify_all()

    def _fill(self, out: np.ndarray) -> None:
        """The device callback: copy rendered blocks out, rendering inline only if the thread fell behind."""
        try:
            frames, filled = len(out), 0
            while filled < frames:
                if self._current is None:
                    with self._cond:
                        block = self._queue.popleft() if self._queue else None
                        self._cond.notify_all()
                    if block is None:
                        with self._lock:
                            block = self._engine.render(self._blocksize)
                        if self._ahead:
                            self.underruns += 1
                    self._current, self._current_offset = block, 0
                    if block.finished:
                        self._finish_heard = True
                    if self.last_play_latency is None and any(f != NOT_SONG_TIME for _o, f in block.marks):
                        self.last_play_latency = time.perf_counter() - self._play_pressed_at
                block, offset = self._current, self._current_offset
                k = min(frames - filled, len(block.audio) - offset)
                out[filled:filled + k] = block.audio[offset:offset + k]
                self._history.append((self._device_frames, k, block, offset))
                self._device_frames += k
                filled += k
                self._current_offset += k
                if self._current_offset >= len(block.audio):
                    self._current = None
        except Exception as exc:  # never let an exception kill the device thread
            out.fill(0)
            self.callback_error = f"{type(exc).__name__}: {exc}"

    def _render_ahead(self) -> None:
        idle = 0
        while True:
            with self._cond:
                while not self._closing and (len(self._queue) >= self._ahead or not self._running):
                    self._cond.wait(0.5)
                if self._closing:
                    return
            with self._lock:
                block = self._engine.render(self._blocksize)
                quiet = self._state != PLAYING and self._engine.silent
            with self._cond:
                self._queue.append(block)
            idle = idle + len(block.audio) if quiet else 0
            if idle >= IDLE_STOP_SECONDS * self.sample_rate:
                idle = 0
                self._stop_stream_if_quiet()

    def _stop_stream_if_quiet(self) -> None:
        with self._stream_lock:
            with self._lock:
                if self._state == PLAYING or not self._engine.silent:
                    return
            self._running = False
            self._output.stop()

    def release_device(self) -> None:
        """Stop the output stream now unless something plays (what a quiet while does by itself)."""
        if self._running and self._engine is not None:
            self._stop_stream_if_quiet()

    @property
    def frames_played(self) -> int:
        """Frames the device has taken since the player was made."""
        return self._device_frames

    def close(self) -> None:
        """Stop the device and free the synth; the player cannot be used afterwards."""
        with self._stream_lock:
            self._closing = True
            with self._cond:
                self._cond.notify_all()
            if self._output is not None:
                self._output.close()
            self._running = False
        if self._thread is not None:
            self._thread.join(timeout=2)
        with self._lock:
            if self._synth is not None:
                self._synth.close()
                self._synth = None
            self._engine = None
            self._available = False
            self._reason = "the player was closed"
