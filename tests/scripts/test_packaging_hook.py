"""The packaged app's runtime hook hands out its own FluidSynth and PortAudio, and leaves other libraries alone."""

from __future__ import annotations

import ctypes.util
import runpy
import sys

from tests.conftest import ROOT

HOOK = ROOT / "packaging" / "hooks" / "rthook_native_libraries.py"


def test_bundled_libraries_win_over_the_system_search(tmp_path, monkeypatch):
    """With the package's folder as sys._MEIPASS, every name pyfluidsynth and sounddevice try finds the bundled
    file; a library the package does not carry still goes to the system's search."""
    for name in ("libfluidsynth.so.3", "libportaudio.so.2"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"system:{name}")
    runpy.run_path(str(HOOK))
    find = ctypes.util.find_library
    for name in ("fluidsynth", "fluidsynth-3", "libfluidsynth", "libfluidsynth-3", "libfluidsynth-2"):
        assert find(name) == str(tmp_path / "libfluidsynth.so.3"), name
    assert find("portaudio") == str(tmp_path / "libportaudio.so.2")
    assert find("c") == "system:c"
    assert find("fluidsynthesizer") == "system:fluidsynthesizer"


def test_missing_bundled_library_falls_back_to_the_system(tmp_path, monkeypatch):
    """A package without its own PortAudio (macOS and Windows: sounddevice carries it) asks the system."""
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"system:{name}")
    runpy.run_path(str(HOOK))
    assert ctypes.util.find_library("portaudio") == "system:portaudio"
