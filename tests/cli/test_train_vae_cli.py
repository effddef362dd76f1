"""`composer-app train --config cat-mel_2bar_small`: MIDI folders in, a MusicVAE .tar out; a rerun resumes."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import numpy as np
import pytest

from composer_app.music.events import melody_to_track
from composer_app.music.io import write_song
from composer_app.music.song import Song
from tests.conftest import ROOT

TINY = "z_size=4,enc_rnn_size=[8],dec_rnn_size=[8,8],batch_size=4,max_seq_len=4"


def _cli(args: list[str]) -> subprocess.CompletedProcess:
    """The CLI in a child process: training imports TensorFlow, which this test process must stay without (the
    app's own tests check that generating never imports it)."""
    code = "import sys; from composer_app.cli.main import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_train_cli_writes_a_tar_and_resumes(tmp_path):
    """Two steps write a .tar our engine loads; rerunning with --steps 3 goes on from step 2 with the windows kept."""
    if importlib.util.find_spec("tensorflow") is None:
        pytest.skip("training needs TensorFlow (the training extra), which is not installed")
    from composer_app.models.musicvae.model import MusicVae

    (tmp_path / "in").mkdir()
    for k in range(4):
        rng = np.random.default_rng(k)
        events = [e for _ in range(32) for e in (60 + int(rng.integers(0, 12)), -2, -2, -2)]
        write_song(Song(tracks=(melody_to_track(events),)), tmp_path / "in" / f"tune{k}.mid")
    out = tmp_path / "mel.tar"
    args = ["train", "--config", "cat-mel_2bar_small", "--input", str(tmp_path / "in"), "--output", str(out),
            "--hparams", TINY, "--eval-every", "0", "--checkpoint-every", "1", "--eval-ratio", "0.3"]
    first = _cli([*args, "--steps", "2"])
    assert first.returncode == 0, first.stderr[-2000:]
    assert "2 steps" in first.stdout
    assert MusicVae.load(out).z_size == 4
    assert (tmp_path / "mel.run" / "windows.npz").exists()
    captured = _cli([*args, "--steps", "3"])
    assert captured.returncode == 0, captured.stderr[-2000:]
    assert "resumed at step 2" in captured.stderr and "step 3:" in captured.stderr and "step 1:" not in captured.stderr
    assert _cli([*args, "--steps", "3", "--keep-best"]).returncode != 0  # an event-RNN option is refused, not ignored
