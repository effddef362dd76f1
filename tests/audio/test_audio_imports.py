"""The audio package stays light to import: no Qt, and FluidSynth and PortAudio only load when first used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import importlib, pkgutil, sys
import composer_app.audio as p
for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):
    importlib.import_module(m.name)
import composer_app.cli.render, composer_app.cli.play
print(' '.join(sorted(sys.modules)))
"""


def test_importing_every_audio_module_loads_no_qt_fluidsynth_or_sounddevice():
    """Importing all of composer_app.audio and the render/play commands pulls in none of the heavy libraries."""
    out = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    loaded = {name.split(".")[0] for name in out.split()}
    assert not loaded & {"PySide6", "fluidsynth", "sounddevice", "soundfile", "music21", "mido", "pretty_midi"}


def test_reading_midi_and_loading_fluidsynth_print_nothing_even_under_ci(tmp_path):
    """pyfluidsynth's "found at" line (printed when CI is set, also via pretty_midi) never reaches our stdout."""
    from audio_songs import scale_song

    from composer_app.music.midi_io import write_midi

    mid = write_midi(scale_song(), tmp_path / "scale.mid")
    code = (
        "import sys; from composer_app.music.midi_io import read_midi; read_midi(sys.argv[1]); "
        "from composer_app.audio.synth import load_fluidsynth; load_fluidsynth()"
    )
    env = {**os.environ, "CI": "1"}
    result = subprocess.run([sys.executable, "-c", code, str(mid)], cwd=ROOT, env=env, capture_output=True, text=True)
    if "FluidSynth is not available" in result.stderr:
        pytest.skip("libfluidsynth is not installed here")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
