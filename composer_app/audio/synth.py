"""A FluidSynth instance rendered by hand (get_samples into numpy), never through FluidSynth's audio drivers."""

from __future__ import annotations

import os

import numpy as np

from composer_app.audio.errors import SoundFontError, SynthUnavailableError
from composer_app.audio.soundfont import SoundFontChoice, bundled_soundfont, check_soundfont, choose_soundfont
from composer_app.music.song import DRUM_CHANNEL
from composer_app.quiet_imports import import_quietly
from composer_app.said import said

DEFAULT_SAMPLE_RATE = 44100
# FluidSynth renders in fixed 64-frame blocks; events take effect on these boundaries.
GRID = 64
# 256 MIDI channels let every track have its own, so mute and volume never touch another track.
CHANNELS = 256
AUDITION_CHANNEL = 255
AUDITION_DRUM_CHANNEL = 240 + DRUM_CHANNEL  # FluidSynth's percussion slot in the last group of 16
DRUM_BANK = 128
# Several GM tracks at full velocity stay below clipping at this gain with the common GM fonts.
DEFAULT_GAIN = 0.35
FLUSH_BLOCK = 32 * GRID
MAX_FLUSH_SECONDS = 2.0

_FLUID_LOG_LEVELS = (1, 2, 3, 4)  # error, warning, info, debug: this package reports problems itself


def load_fluidsynth():
    """Import pyfluidsynth, turning a missing libfluidsynth into a clear SynthUnavailableError."""
    try:
        fluidsynth = import_quietly("fluidsynth")
    except ImportError as exc:
        raise SynthUnavailableError(
            said("FluidSynth is not available ({reason}); install libfluidsynth3 (Debian/Ubuntu) "
                 "and pyfluidsynth").format(reason=str(exc))
        ) from None
    lib = getattr(fluidsynth, "_fl", None)
    if lib is not None and hasattr(lib, "fluid_set_log_function"):
        for level in _FLUID_LOG_LEVELS:
            lib.fluid_set_log_function(level, None, None)
    return fluidsynth


class Synthesizer:
    """One FluidSynth synth with a loaded SoundFont, driven channel by channel and rendered in int16 stereo."""

    def __init__(
        self,
        soundfont: str | os.PathLike | None = None,
        sample_rate: int = DEFAULT_SAMPLE_RATE,
        gain: float = DEFAULT_GAIN,
        reverb: bool = True,
        chorus: bool = True,
        cpu_cores: int = 1,
    ):
        fluidsynth = load_fluidsynth()
        self.sample_rate = int(sample_rate)
        settings = {
            "synth.reverb.active": int(reverb),
            "synth.chorus.active": int(chorus),
            "synth.cpu-cores": max(1, int(cpu_cores)),
            "synth.polyphony": 256,
        }
        self._fs = fluidsynth.Synth(gain=float(gain), samplerate=float(self.sample_rate), channels=CHANNELS,
                                    **settings)
        self.soundfont = choose_soundfont(soundfont)
        self._sfid = self._fs.sfload(str(self.soundfont.path))
        if self._sfid < 0:
            self._load_fallback()
        self._programs: dict[int, tuple[int, int]] = {}
        self.frames_rendered = 0

    def _load_fallback(self) -> None:
        failed = self.soundfont.path
        bundled = bundled_soundfont()
        if failed == bundled:
            self.close()
            raise SoundFontError(failed, said("FluidSynth could not load it"))
        self._sfid = self._fs.sfload(str(check_soundfont(bundled)))
        if self._sfid < 0:
            self.close()
            raise SoundFontError(bundled, said("FluidSynth could not load it"))
        problem = said("SoundFont {path}: {problem}").format(
            path=str(failed), problem=said("FluidSynth could not load it"))
        reason = said("{problem}; using {name} instead").format(problem=problem, name=bundled.name)
        self.soundfont = SoundFontChoice(bundled, reason)

    # -- MIDI -------------------------------------------------------------------------------
    def set_program(self, channel: int, program: int, is_drum: bool = False) -> None:
        """Select a GM program (or, for drums, a kit in bank 128, falling back to the standard kit)."""
        wanted = (DRUM_BANK if is_drum else 0, program)
        if self._programs.get(channel) == wanted:
            return
        if self._fs.program_select(channel, self._sfid, *wanted) != 0:
            self._fs.program_select(channel, self._sfid, wanted[0], 0)
        self._programs[channel] = wanted

    def note_on(self, channel: int, pitch: int, velocity: int) -> None:
        self._fs.noteon(channel, pitch, max(1, min(127, velocity)))

    def note_off(self, channel: int, pitch: int) -> None:
        self._fs.noteoff(channel, pitch)

    def control_change(self, channel: int, control: int, value: int) -> None:
        self._fs.cc(channel, control, max(0, min(127, int(value))))

    def release_all(self, channels) -> None:
        """Let every note on these channels fade out by its own release."""
        for ch in channels:
            self._fs.all_notes_off(ch)

    def hush(self, channels) -> None:
        """Cut every voice on these channels and let the reverb and chorus run dry, so nothing of them is heard again.

        FluidSynth has no call that empties its effects, so their tail is rendered and thrown away (a few ms).
        """
        for ch in channels:
            self._fs.all_sounds_off(ch)
        limit = int(MAX_FLUSH_SECONDS * self.sample_rate)
        flushed = 0
        while flushed < limit:
            block = self.render(FLUSH_BLOCK)
            flushed += FLUSH_BLOCK
            if np.abs(block).max() <= 2:  # dither only
                break

    @property
    def active_voices(self) -> int:
        return int(self._fs.get_active_voice_count())

    # -- audio ------------------------------------------------------------------------------
    def render(self, frames: int) -> np.ndarray:
        """The next `frames` frames as an int16 array of shape (frames, 2)."""
        self.frames_rendered += frames
        return self._fs.get_samples(frames).reshape(frames, 2)

    def close(self) -> None:
        fs, self._fs = getattr(self, "_fs", None), None
        if fs is not None:
            fs.delete()

    def __enter__(self) -> Synthesizer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
