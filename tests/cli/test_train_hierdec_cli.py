"""`composer-app train --config hierdec-mel_16bar`: folders of 16-bar melodies in, a hierarchical MusicVAE .tar out."""

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

TINY = "z_size=4,enc_rnn_size=[8],dec_rnn_size=[8,8],batch_size=4"


def test_train_cli_writes_a_hierdec_tar(tmp_path):
    """Two steps on 18-bar string melodies (a program cat-mel leaves out, mel_16bar_converter reads) write a .tar
    our engine loads as hierdec-mel_16bar; a too-short max_seq_len is refused with Magenta's reason."""
    if importlib.util.find_spec("tensorflow") is None:
        pytest.skip("training needs TensorFlow (the training extra), which is not installed")
    from composer_app.models.musicvae.configs import detect_config
    from composer_app.models.musicvae.model import MusicVae

    (tmp_path / "in").mkdir()
    for k in range(4):
        rng = np.random.default_rng(k)
        events = [e for _ in range(18 * 4) for e in (60 + int(rng.integers(0, 12)), -2, -2, -2)]
        write_song(Song(tracks=(melody_to_track(events, program=48),)), tmp_path / "in" / f"tune{k}.mid")
    out = tmp_path / "hier.tar"
    args = ["train", "--config", "hierdec-mel_16bar", "--input", str(tmp_path / "in"), "--output", str(out),
            "--eval-every", "0", "--eval-ratio", "0.3"]
    code = "import sys; from composer_app.cli.main import main; sys.exit(main(sys.argv[1:]))"
    # A child process: training imports TensorFlow, which this test process must stay without.
    done = subprocess.run([sys.executable, "-c", code, *args, "--hparams", TINY, "--steps", "2"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "2 steps" in done.stdout
    vae = MusicVae.load(out)
    assert vae.hierarchical and detect_config(vae.weights).id == "hierdec-mel_16bar"
    refused = subprocess.run([sys.executable, "-c", code, *args, "--hparams", TINY + ",max_seq_len=32", "--steps",
                              "1", "--restart"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert refused.returncode != 0 and "max_seq_len must be 256" in refused.stderr
