"""The device side of live playback: blocks rendered a few ahead on a thread and copied out by the device callback."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

import numpy as np

from composer_app.audio.engine import NOT_SONG_TIME, Block
from composer_app.audio.output import FakeOutput, SoundDeviceOutput


class LiveStream:
    """Keeps an output device fed with rendered blocks and knows which song frame the device is playing now.

    The stream does not own the engine. `render_block(frames)` renders the next block and `is_quiet()` says whether
    nothing plays and the engine is silent; the stream calls both with `engine_lock` held, and so must anyone who
    calls `skip_queued_silence()`. The device callback (`_fill`) runs on the device's thread.
    """

    def __init__(
        self,
        output: SoundDeviceOutput | FakeOutput | None,
        blocksize: int,
        ahead_blocks: int,
        idle_stop_seconds: float,
        engine_lock: threading.RLock,
        render_block: Callable[[int], Block],
        is_quiet: Callable[[], bool],
    ):
        self.output = output
        self._blocksize = blocksize
        self._ahead = ahead_blocks
        self._idle_stop_seconds = idle_stop_seconds
        self._sample_rate = 0
        self._engine_lock = engine_lock
        self._render_block = render_block
        self._is_quiet = is_quiet
        self._cond = threading.Condition()  # guards the queue of rendered blocks
        self._stream_lock = threading.Lock()
        self._queue: deque[Block] = deque()
        self._current: Block | None = None
        self._current_offset = 0
        self._history: deque[tuple[int, int, Block, int]] = deque(maxlen=256)
        self._device_frames = 0
        self._barrier = 0  # device frame before which heard audio is older than the last seek
        self.finish_heard = False
        self._running = False
        self._closing = False
        self._thread: threading.Thread | None = None
        self.underruns = 0
        self.callback_error: str = ""
        # Seconds from the last play to the device taking its first block of song audio (for benchmarks).
        self.last_play_latency: float | None = None
        self._play_pressed_at = 0.0

    def open(self, sample_rate: int) -> None:
        """Open the output stream (not started yet); raises AudioError when the device refuses."""
        self._sample_rate = sample_rate
        self.output.open(sample_rate, self._blocksize, self._fill)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def frames_played(self) -> int:
        """Frames the device has taken since the stream was made."""
        return self._device_frames

    # -- what the device hears ----------------------------------------------------------------------
    def note_play_pressed(self) -> None:
        """Playback (re)starts now: the end of the song is not heard yet, and the start latency is timed afresh."""
        self.finish_heard = False
        self._play_pressed_at = time.perf_counter()
        self.last_play_latency = None

    def mark_jump(self) -> None:
        """Until the audio rendered after now is heard, the heard position is not read from the device."""
        with self._cond:
            pending = sum(len(b.audio) for b in self._queue)
            if self._current is not None:
                pending += len(self._current.audio) - self._current_offset
            self._barrier = self._device_frames + pending

    def heard_position(self) -> int | None:
        """The song position the device is playing now, or None while it plays nothing rendered since the last jump.

        None also when what it plays is not song time (a fade, silence, an audition tail).
        """
        heard = self._device_frames - self.output.latency_frames
        if heard > self._barrier:
            for device_frame, length, block, offset in reversed(list(self._history)):
                if device_frame < heard:
                    if heard <= device_frame + length:
                        # The frame just heard, plus one: positions are boundaries between frames.
                        frame = block.song_frame_at(offset + heard - device_frame - 1)
                        if frame != NOT_SONG_TIME:
                            return frame + 1
                    break
        return None

    def skip_queued_silence(self) -> None:
        """Blocks of pure silence waiting for the device would only delay the new sound: replace them now."""
        with self._cond:
            if self._running and self._queue and not any(b.audio.any() for b in self._queue):
                self._queue.clear()
                self._queue.append(self._render_block(self._blocksize))

    # -- starting and stopping the device ------------------------------------------------------------
    def ensure_running(self) -> None:
        with self._stream_lock:
            if self._running or self._closing:
                return
            with self._engine_lock:
                first = self._render_block(self._blocksize)
            with self._cond:
                # Anything still queued is silence from before the device stopped.
                self._queue.clear()
                self._queue.append(first)
                self._current = None
            self._running = True
            self.output.start()
            if self._ahead and (self._thread is None or not self._thread.is_alive()):
                self._thread = threading.Thread(target=self._render_ahead, name="audio-render", daemon=True)
                self._thread.start()
            with self._cond:
                self._cond.notify_all()

    def stop_if_quiet(self) -> None:
        with self._stream_lock:
            with self._engine_lock:
                if not self._is_quiet():
                    return
            self._running = False
            self.output.stop()

    def close(self) -> None:
        """Close the device and end the render thread; the stream cannot be used afterwards."""
        with self._stream_lock:
            self._closing = True
            with self._cond:
                self._cond.notify_all()
            if self.output is not None:
                self.output.close()
            self._running = False
        if self._thread is not None:
            self._thread.join(timeout=2)

    # -- the device thread and the render thread -----------------------------------------------------
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
                        with self._engine_lock:
                            block = self._render_block(self._blocksize)
                        if self._ahead:
                            self.underruns += 1
                    self._current, self._current_offset = block, 0
                    if block.finished:
                        self.finish_heard = True
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
            with self._engine_lock:
                block = self._render_block(self._blocksize)
                quiet = self._is_quiet()
            with self._cond:
                self._queue.append(block)
            idle = idle + len(block.audio) if quiet else 0
            if idle >= self._idle_stop_seconds * self._sample_rate:
                idle = 0
                self.stop_if_quiet()
