"""The real app under Xvfb: screenshots of the main generation states are taken and are not blank."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.models.conftest import bundle_path

HOOKS = ROOT / "tests" / "gui" / "generation_hooks.py"
LAUNCHER = ROOT / "tests" / "gui" / "launch_with_hook.py"


def test_screenshots_of_generation_states(tmp_path):
    """Empty, primer drawn, generating and candidates shown: four real, non-blank window images."""
    from PySide6.QtGui import QImage

    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed (Debian package xvfb; scripts/run-tests.sh installs it)")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(COMPOSER_SHOT_DIR=str(tmp_path),
               COMPOSER_SHOT_BUNDLE=str(bundle_path("attention_rnn")),
               COMPOSER_CONFIG_DIR=str(tmp_path / "config"), COMPOSER_RECOVERY_DIR=str(tmp_path / "recovery"))
    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, str(LAUNCHER),
                           f"{HOOKS}:screenshots", "--through-main"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout[-1500:] + proc.stderr[-1500:]
    names = ["1-empty", "2-primer", "3-generating", "4-candidates"]
    for name in names:
        image = QImage(str(tmp_path / f"{name}.png"))
        assert image.width() >= 1200 and image.height() >= 800, name
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
        assert len(colours) > 20, f"{name} looks blank"
    # The candidates state differs from the primer state: the variations strip filled in.
    assert QImage(str(tmp_path / "4-candidates.png")) != QImage(str(tmp_path / "2-primer.png"))
