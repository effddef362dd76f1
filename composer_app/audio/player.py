"""Live playback: transport, loop, mixes and audition, heard through a LiveStream with an audio-clock position."""

from __future__ import annotations

import os
import threading

from composer_app.audio.engine import Block, Engine
from composer_app.audio.errors import AudioError, NoAudioOutputError
from composer_app.audio.excerpt import bar_end
from composer_app.audio.live_stream import LiveStream
from composer_app.audio.output import FakeOutput, SoundDeviceOutput, probe_output
from composer_app.audio.schedule import Schedule, TrackMix
from composer_app.audio.soundfont import SoundFontChoice
from composer_app.audio.synth import DEFAULT_SAMPLE_RATE, GRID, Synthesizer
from composer_app.music.song import Song
from composer_app.said import said

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
        self._sample_rate = sample_rate
        self._song = Song()
        self._mixes: list[TrackMix] = []
        self._silent = False
        self._loop: tuple[int | None, int | None] = (None, None)
        self._loop_enabled = False
        self._engine: Engine | None = None
        self._synth: Synthesizer | None = None
        self._state = STOPPED
        self._available: bool | None = None
        self._reason = ""
        self._prepare_lock = threading.Lock()
        self._lock = threading.RLock()  # guards the engine
        self._last_position = 0
        self._idle_tick = 0  # the position while no engine exists yet (before prepare, or without a device)
        self._stream = LiveStream(output, blocksize, ahead_blocks, IDLE_STOP_SECONDS, self._lock,
                                  self._render_block, self._is_quiet)

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
                self._available, self._reason = False, exc.args[0] if len(exc.args) == 1 else str(exc)
            return self._available

    def prepare_async(self) -> threading.Thread:
        thread = threading.Thread(target=self.prepare, name="audio-prepare", daemon=True)
        thread.start()
        return thread

    def _setup(self) -> None:
        rate = self._sample_rate
        if self._stream.output is None:
            info = probe_output()
            if not info.available:
                raise NoAudioOutputError(info.reason)
            self._stream.output = SoundDeviceOutput()
            rate = rate or info.sample_rate
        rate = rate or DEFAULT_SAMPLE_RATE
        synth = Synthesizer(self._soundfont_request, rate)
        with self._lock:
            self._synth = synth
            self._engine = self._new_engine(synth)
        try:
            self._stream.open(rate)
        except AudioError:
            synth.close()
            raise

    def _new_engine(self, synth: Synthesizer) -> Engine:
        engine = Engine(synth, self._song)
        engine.set_mixes(self._mixes)
        engine.set_silent(self._silent)
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

    def set_silent(self, silent: bool) -> None:
        """Play nothing through the synth while the transport runs (the song goes to a MIDI output instead)."""
        with self._lock:
            self._silent = bool(silent)
            if self._engine is not None:
                self._engine.set_silent(self._silent)

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
            if (self._state == PLAYING and self._engine is not None and self._engine.finished
                    and self._stream.finish_heard):
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
            self._stream.note_play_pressed()
            self._state = PLAYING
            self._stream.skip_queued_silence()
            self._mark_jump(self._engine.song_frame)
        self._stream.ensure_running()

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
        self._stream.mark_jump()
        self._last_position = frame

    def position_frame(self) -> int:
        """The song frame being heard now, from the frames the device has consumed less its output latency."""
        with self._lock:
            if self._state != PLAYING or self._engine is None:
                return self._engine.song_frame if self._engine is not None else self._last_position
            heard = self._stream.heard_position()
            if heard is not None:
                self._last_position = heard
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
            self._stream.skip_queued_silence()
        self._stream.ensure_running()
        return True

    # -- the device side --------------------------------------------------------------------------
    def _render_block(self, frames: int) -> Block:
        """The next block for the device; the stream calls it with the engine lock held."""
        return self._engine.render(frames)

    def _is_quiet(self) -> bool:
        """Nothing plays and the engine is silent, so the device may stop; called with the engine lock held."""
        return self._state != PLAYING and self._engine.silent

    def release_device(self) -> None:
        """Stop the output stream now unless something plays (what a quiet while does by itself)."""
        if self._stream.running and self._engine is not None:
            self._stream.stop_if_quiet()

    @property
    def frames_played(self) -> int:
        """Frames the device has taken since the player was made."""
        return self._stream.frames_played

    @property
    def underruns(self) -> int:
        """Blocks the device callback had to render itself because the render-ahead thread fell behind."""
        return self._stream.underruns

    @property
    def callback_error(self) -> str:
        """The last exception in the device callback (which then played silence), or ''."""
        return self._stream.callback_error

    @property
    def last_play_latency(self) -> float | None:
        """Seconds from the last play() to the device taking its first block of song audio (for benchmarks)."""
        return self._stream.last_play_latency

    def close(self) -> None:
        """Stop the device and free the synth; the player cannot be used afterwards."""
        self._stream.close()
        with self._lock:
            if self._synth is not None:
                self._synth.close()
                self._synth = None
            self._engine = None
            self._available = False
            self._reason = said("the player was closed")
