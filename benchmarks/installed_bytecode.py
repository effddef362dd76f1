"""Compile the app's modules to bytecode before timing its command lines, as an installed package has them.

pip compiles a package's modules when it installs it (Magenta's reference venv included), but this checkout is
installed in editable mode, and where PYTHONDONTWRITEBYTECODE is set (as on the project's build machines) every
command line would compile the app's modules again: 0.1-0.2 s of a 1-2 s run that a user's install never pays.
"""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compile_app() -> None:
    compileall.compile_dir(ROOT / "composer_app", quiet=1)
