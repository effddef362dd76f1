"""A shipped MusicVAE card says how long training took, estimating only steps it did not time, and where it began."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.conftest import shared_path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from finish_shipped_vae import started_line, wall_time  # noqa: E402


def test_wall_time_adds_untimed_steps_as_an_estimate():
    """Measured minutes alone, or with the untimed steps' estimate named as one, in English and Japanese."""
    assert wall_time({"wall_time_s": 600.0}, "en").startswith("10.0 min of training")
    both = {"wall_time_s": 600.0, "untimed": {"steps": 100, "seconds_per_step": 8.4}}
    assert "plus about 14 min for the first 100 steps, which were not timed (estimated at 8.4 s a step" in \
        wall_time(both, "en")
    assert "最初の 100 ステップが約 14 分" in wall_time(both, "ja")


def test_the_started_from_line_names_the_checkpoints_model_and_step(tmp_path):
    """A run started from another checkpoint says whose weights and which step; a fresh run says nothing."""
    start = tmp_path / "model.ckpt-925.tar"
    shutil.copyfile(shared_path("fixtures", "magenta-vae", "groovae_humanize_tiny.tar"), start)
    assert started_line(None, "en") == ""
    line = started_line(str(start), "en")
    assert "groovae_2bar_humanize run at step 925 (`model.ckpt-925.tar`)" in line
    assert "groovae_2bar_humanize" in started_line(str(start), "ja")
