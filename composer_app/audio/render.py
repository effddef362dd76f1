"""Offline rendering: a Song to a numpy buffer or a WAV/FLAC file, faster than real time."""

from __future__ import annotations

import os
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from composer_app.atomic_file import write_atomically
from composer_app.audio.engine import Engine
from composer_app.audio.errors import AudioError, RenderCancelled
from composer_app.audio.schedule import TrackMix
from composer_app.audio.soundfont import SoundFontChoice
from composer_app.audio.synth import DEFAULT_SAMPLE_RATE, GRID, Synthesizer
from composer_app.music.song import Song
from composer_app.said import said

RENDER_BLOCK = 256 * GRID
# Rendered audio is held in memory (10.6 MB a minute): a song at the slowest tempo a MIDI file can state would
# otherwise ask for days of audio.
MAX_RENDER_SECONDS = 3 * 60 * 60
AUDIO_SUFFIXES = (".wav", ".wave", ".flac")


@dataclass(frozen=True)
class Rendered:
    """Rendered audio (int16, shape (frames, 2)), its sample rate, and the SoundFont that made it."""

    audio: np.ndarray
    sample_rate: int
    soundfont: SoundFontChoice

    @property
    def seconds(self) -> float:
        return len(self.audio) / self.sample_rate


def render_song(
    song: Song,
    soundfont: str | os.PathLike | None = None,
    sample_rate: int = DEFAULT_SAMPLE_RATE,
    mixes: list[TrackMix] | None = None,
    progress: Callable[[float], object] | None = None,
) -> Rendered:
    """Render a whole song, with its release and reverb tail, through a fresh synth.

    `progress(fraction)` is called as rendering goes; raising RenderCancelled from it (or returning False)
    stops the render.
    """
    if song.duration_seconds > MAX_RENDER_SECONDS:
        raise AudioError(said("the song lasts {hours:.1f} hours; rendering stops at {limit} hours").format(
            hours=song.duration_seconds / 3600, limit=MAX_RENDER_SECONDS // 3600),
            hint=said("Raise its tempo, or export a part of it."))
    # Offline, FluidSynth may spread voices over a second core; live playback stays on one.
    with Synthesizer(soundfont, sample_rate, cpu_cores=min(2, os.cpu_count() or 1)) as synth:
        engine = Engine(synth, song)
        if mixes:
            engine.set_mixes(mixes)
        engine.play()
        total = max(1, engine.end_frame)
        blocks = []
        while not engine.finished:
            blocks.append(engine.render(RENDER_BLOCK).audio)
            if progress is not None and progress(min(1.0, len(blocks) * RENDER_BLOCK / total)) is False:
                raise RenderCancelled(said("rendering was cancelled"))
        # The engine pads with exact silence once it has finished; keep the audible part.
        audio = np.concatenate(blocks) if blocks else np.zeros((0, 2), dtype=np.int16)
        nonzero = np.flatnonzero(np.any(audio != 0, axis=1))
        end = max(int(nonzero[-1]) + 1 if len(nonzero) else 0, min(len(audio), engine.end_frame))
        return Rendered(audio[:end], sample_rate, synth.soundfont)


def write_audio(rendered: Rendered, path: str | os.PathLike) -> Path:
    """Write 16-bit stereo WAV, or FLAC when the soundfile package is installed; atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in AUDIO_SUFFIXES:
        raise AudioError(said("{path}: can only write audio as .wav or .flac").format(path=str(path)))
    writer = _write_wav if suffix in (".wav", ".wave") else _flac_writer(path)
    try:
        return write_atomically(path, lambda fh: writer(rendered, fh))
    except OSError as exc:
        folder = path.parent if str(path.parent) else Path(".")
        raise AudioError(said("{path}: cannot write in {folder}: {reason}").format(
            path=str(path), folder=str(folder), reason=exc.strerror or str(exc))) from None


def render_to_file(
    song: Song,
    path: str | os.PathLike,
    soundfont: str | os.PathLike | None = None,
    sample_rate: int = DEFAULT_SAMPLE_RATE,
    mixes: list[TrackMix] | None = None,
    progress: Callable[[float], object] | None = None,
) -> Rendered:
    """Render a song and write it to a .wav (or .flac) file; checks the suffix before spending time rendering."""
    path = Path(path)
    if path.suffix.lower() not in AUDIO_SUFFIXES:
        raise AudioError(said("{path}: can only write audio as .wav or .flac").format(path=str(path)))
    if path.suffix.lower() == ".flac":
        _flac_writer(path)
    rendered = render_song(song, soundfont, sample_rate, mixes, progress)
    write_audio(rendered, path)
    return rendered


def _write_wav(rendered: Rendered, fh) -> None:
    with wave.open(fh, "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(rendered.sample_rate)
        wav.writeframes(np.ascontiguousarray(rendered.audio, dtype="<i2").tobytes())


def _flac_writer(path: Path):
    try:
        import soundfile
    except (ImportError, OSError):
        raise AudioError(said(
            "{path}: writing FLAC needs the soundfile package (pip install soundfile); use .wav instead").format(
            path=str(path))) from None

    def write(rendered: Rendered, fh) -> None:
        soundfile.write(fh, rendered.audio, rendered.sample_rate, format="FLAC", subtype="PCM_16")

    return write
