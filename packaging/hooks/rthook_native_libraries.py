"""PyInstaller runtime hook: the libraries loaded through ctypes.util.find_library come from the package.

pyfluidsynth and sounddevice look libfluidsynth and libportaudio up with ctypes.util.find_library, which a
frozen app on Linux does not redirect (it asks ldconfig, so it would find the system's copy or nothing). The
package carries both next to the app's other libraries (sys._MEIPASS); this hands those files out instead.
"""

import ctypes.util
import glob
import os
import sys

_BUNDLED = ("fluidsynth", "portaudio")
_system_find_library = ctypes.util.find_library


def _bundled_file(name: str):
    base = os.path.basename(name).removeprefix("lib").split("-")[0].split(".")[0]
    if base not in _BUNDLED:
        return None
    folder = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
    for pattern in (f"lib{base}.so*", f"lib{base}*.dylib", f"lib{base}*.dll", f"{base}*.dll"):
        found = sorted(glob.glob(os.path.join(folder, pattern)))
        if found:
            return found[0]
    return None


def find_library(name):
    return _bundled_file(name) or _system_find_library(name)


ctypes.util.find_library = find_library
