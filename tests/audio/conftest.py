"""Fixtures for the audio tests: FluidSynth (skipping cleanly without libfluidsynth) and a synth to play."""

from __future__ import annotations

import pytest


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
