"""The audio package stays light to import: no Qt, and FluidSynth and PortAudio only load when first used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
