"""Import a third-party module without letting it print to stdout."""

from __future__ import annotations

import contextlib
import importlib
import io
from types import ModuleType


def import_quietly(name: str) -> ModuleType:
    """Import `name` with stdout swallowed.

    pyfluidsynth prints where it found libfluidsynth whenever the CI variable is set, and pretty_midi
    imports it, so a plain import would corrupt CLI output and anything piped from it.
    """
    with contextlib.redirect_stdout(io.StringIO()):
        return importlib.import_module(name)
