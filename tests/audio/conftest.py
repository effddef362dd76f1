"""Fixtures for the audio tests: FluidSynth (skipping cleanly without libfluidsynth), a synth, a null ALSA device."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def bundled_soundfont_only(monkeypatch):
    """Measure against one known font (pretty_midi's TimGM6mb), whatever else this machine has installed."""
    from composer_app.audio import soundfont

    monkeypatch.setattr(soundfont, "SYSTEM_SOUNDFONTS", ())


@pytest.fixture(scope="session")
def fluidsynth_ok():
    from composer_app.audio.errors import SynthUnavailableError
    from composer_app.audio.synth import load_fluidsynth

    try:
        load_fluidsynth()
    except SynthUnavailableError as exc:
        pytest.skip(str(exc))
    return True


@pytest.fixture
def synth(fluidsynth_ok):
    from composer_app.audio.synth import Synthesizer

    with Synthesizer() as s:
        yield s


@pytest.fixture
def null_alsa_env(tmp_path) -> dict[str, str]:
    """An environment for a subprocess in which ALSA's default PCM is the null device, so PortAudio sees an output.

    The null device takes audio as fast as it is given, so it proves the real stream path, not timing.
    """
    conf = tmp_path / "xdg" / "alsa"
    conf.mkdir(parents=True)
    (conf / "asoundrc").write_text("pcm.!default { type null }\n")
    return {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "PYTHONPATH": str(ROOT)}
