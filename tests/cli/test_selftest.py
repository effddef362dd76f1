"""`composer-app --selftest` from the source tree: one line a check, every shipped model covered, exit 0."""

from __future__ import annotations

import os
import subprocess
import sys

from composer_app import RESOURCE_DIR
from tests.conftest import ROOT


def _selftest(tmp_path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    return subprocess.run([sys.executable, "-m", "composer_app", "--selftest", *extra], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_selftest_passes_with_a_line_per_check(tmp_path):
    """Every check prints an `ok` line (window, each shipped model, audio, MIDI), the summary says so, exit 0."""
    shot = tmp_path / "window.png"
    out = _selftest(tmp_path, "--screenshot", str(shot))
    lines = out.stdout.splitlines()
    assert out.returncode == 0, out.stdout + out.stderr
    checks = lines[1:-1]
    assert checks and all(line.startswith("ok ") for line in checks), out.stdout
    names = {line[3:].split(":", 1)[0] for line in checks}
    models = {f"model {p.stem}" for p in RESOURCE_DIR.glob("*/*.mag")}
    assert len(models) >= 6
    assert models | {"commands", "window", "generate in the window", "audio render", "MIDI file", "MusicXML"} <= names
    assert lines[-1] == f"selftest: all {len(checks)} checks passed"
    assert shot.stat().st_size > 10_000  # a real picture of the window, not an empty file


def test_selftest_option_mistake_is_one_line(tmp_path):
    """An unknown selftest option is one `composer-app: error:` line naming it, with exit status 2."""
    wrong = _selftest(tmp_path, "--no-such-option")
    assert wrong.returncode == 2, wrong.stdout + wrong.stderr
    assert wrong.stderr.startswith("composer-app: error:") and wrong.stderr.count("\n") == 1
    assert "--no-such-option" in wrong.stderr
