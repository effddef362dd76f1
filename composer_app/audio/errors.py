"""Errors the audio package raises for problems a user can meet (SoundFonts, devices, output files)."""

from __future__ import annotations

from pathlib import Path

from composer_app.errors import Cancelled, ComposerError
from composer_app.said import said


class AudioError(ComposerError):
    """An audio problem explained in one line."""


class SoundFontError(AudioError):
    """A SoundFont is missing or unusable; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(said("SoundFont {path}: {problem}").format(path=str(self.path), problem=problem))


class SynthUnavailableError(AudioError):
    """FluidSynth (the library or its Python binding) cannot be loaded."""


class NoAudioOutputError(AudioError):
    """There is no audio output device to play through."""


class RenderCancelled(Cancelled):
    """A render was stopped by its progress callback."""
