"""Where playback goes: a sounddevice (PortAudio) callback stream, or a fake device for tests and benchmarks."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from composer_app.audio.errors import NoAudioOutputError
from composer_app.said import said

# Fills an int16 array of shape (frames, 2) in place; called from the device's thread.
FillCallback = Callable[[np.ndarray], None]
# Enough for a Python callback to keep up on a busy machine, short enough that audition feels immediate.
DEFAULT_LATENCY_SECONDS = 0.05


@dataclass(frozen=True)
class OutputInfo:
    """Whether sound can be played, why not, and the default device's name and sample rate."""

    available: bool
    reason: str = ""
    device: str = ""
    sample_rate: int = 44100


def probe_output() -> OutputInfo:
    """Look for a default output device through PortAudio, without opening it."""
    try:
        import sounddevice as sd
    except OSError:
        return OutputInfo(False, said("the PortAudio library is not installed (Debian/Ubuntu: libportaudio2)"))
    except ImportError:
        return OutputInfo(False, said("the sounddevice package is not installed"))
    try:
        device = sd.query_devices(kind="output")
    except Exception:
        return OutputInfo(False, said("no audio output device was found"))
    rate = int(device.get("default_samplerate") or 44100)
    return OutputInfo(True, "", str(device.get("name", "default")), rate)


class SoundDeviceOutput:
    """The default output device through a sounddevice OutputStream with a callback."""

    def __init__(self, device=None, latency: float = DEFAULT_LATENCY_SECONDS):
        self._device = device
        self._latency = latency
        self._stream = None
        self.sample_rate = 0

    def open(self, sample_rate: int, blocksize: int, fill: FillCallback) -> None:
        import sounddevice as sd

        def callback(outdata, frames, time_info, status):
            fill(outdata)

        try:
            self._stream = sd.OutputStream(samplerate=sample_rate, blocksize=blocksize, channels=2, dtype="int16",
                                           callback=callback, device=self._device, latency=self._latency)
        except Exception as exc:
            raise NoAudioOutputError(said("the audio output could not be opened ({reason})").format(
                reason=_first_line(exc))) from None
        self.sample_rate = sample_rate

    @property
    def latency_frames(self) -> int:
        if self._stream is None:
            return 0
        return int(round(float(self._stream.latency) * self.sample_rate))

    @property
    def active(self) -> bool:
        return self._stream is not None and self._stream.active

    def start(self) -> None:
        if self._stream is not None and not self._stream.active:
            if self._stream.stopped is False:
                self._stream.stop()
            self._stream.start()

    def stop(self) -> None:
        if self._stream is not None and self._stream.active:
            self._stream.stop()

    def close(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.close(ignore_errors=True)


class FakeOutput:
    """A stand-in device: tests pull blocks by hand; with `realtime` a thread consumes them at the sample rate.

    It records when the first block was handed over after start(), and can keep everything it received.
    """

    def __init__(self, realtime: bool = False, latency_frames: int = 0, keep: bool = False):
        self.realtime = realtime
        self._latency_frames = latency_frames
        self.keep = keep
        self.captured: list[np.ndarray] = []
        self.first_block_at: float | None = None
        self.frames_consumed = 0
        self._fill: FillCallback | None = None
        self._blocksize = 0
        self.sample_rate = 0
        self._active = False
        self._thread: threading.Thread | None = None

    def open(self, sample_rate: int, blocksize: int, fill: FillCallback) -> None:
        self.sample_rate, self._blocksize, self._fill = sample_rate, blocksize, fill

    @property
    def latency_frames(self) -> int:
        return self._latency_frames

    @property
    def active(self) -> bool:
        return self._active

    def start(self) -> None:
        if self._active:
            return
        self._active = True
        self.first_block_at = None
        if self.realtime:
            self._thread = threading.Thread(target=self._run, name="fake-audio-device", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._active = False
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def close(self) -> None:
        self.stop()

    def pull(self, blocks: int = 1) -> np.ndarray:
        """Consume `blocks` blocks now, as a device callback would, and return them."""
        return np.concatenate([self._consume() for _ in range(blocks)])

    def audio(self) -> np.ndarray:
        return np.concatenate(self.captured) if self.captured else np.zeros((0, 2), dtype=np.int16)

    def _consume(self) -> np.ndarray:
        out = np.zeros((self._blocksize, 2), dtype=np.int16)
        if self.first_block_at is None:
            self.first_block_at = time.perf_counter()
        self._fill(out)
        self.frames_consumed += len(out)
        if self.keep:
            self.captured.append(out)
        return out

    def _run(self) -> None:
        period = self._blocksize / self.sample_rate
        due = time.perf_counter()
        while self._active:
            self._consume()
            due += period
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
