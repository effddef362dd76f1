"""The architecture's rules: the pure core never pulls in Qt, and start-up stays free of heavy imports."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    return set(out.split())


@pytest.mark.parametrize("package", ["composer_app.music", "composer_app.models", "composer_app.audio"])
def test_core_packages_do_not_import_qt(package):
    """Importing a core package (and all its modules) loads no PySide6."""
    code = (
        "import importlib, pkgutil\n"
        f"import {package} as p\n"
        "for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
    )
    loaded = _modules_after(code)
    assert not [m for m in loaded if m.startswith("PySide6")]


def test_no_source_file_outside_gui_imports_qt():
    """No module outside composer_app/gui names PySide6 in an import."""
    offenders = []
    for path in (ROOT / "composer_app").rglob("*.py"):
        if "gui" in path.relative_to(ROOT / "composer_app").parts[:1]:
            continue
        for line in path.read_text().splitlines():
            stripped = line.strip()
            if stripped.startswith(("import PySide6", "from PySide6")):
                offenders.append(str(path))
    assert offenders == []


def test_cli_start_is_light():
    """Building the command line parser loads neither TensorFlow, FluidSynth, music21 nor Qt."""
    loaded = _modules_after("from composer_app.cli.main import build_parser\nbuild_parser()")
    heavy = [m for m in loaded if m.split(".")[0] in {"tensorflow", "fluidsynth", "music21", "PySide6", "sounddevice"}]
    assert heavy == []


def test_opening_the_app_skips_the_command_parser(monkeypatch):
    """With no command, main() goes straight to the GUI without importing the model registry or numpy."""
    code = (
        "import sys\n"
        "import composer_app.cli.main as m\n"
        "m.has_display = lambda: True\n"
        "m.run_gui = lambda args: print('GUI', args.files) or 0\n"
        "m.main([])\n"
    )
    loaded = _modules_after(code)
    assert "composer_app.models.configs" not in loaded and "numpy" not in loaded
