"""`composer-app train --config cat-mel_2bar_small`: MIDI folders in, a MusicVAE .tar out; a rerun resumes."""

from __future__ import annotations

import numpy as np
import pytest

from composer_app.cli.main import main
from composer_app.music.events import melody_to_track
from composer_app.music.io import write_song
from composer_app.music.song import Song

TINY = "z_size=4,enc_rnn_size=[8],dec_rnn_size=[8,8],batch_size=4,max_seq_len=4"


def test_train_cli_writes_a_tar_and_resumes(tmp_path, capsys):
    """Two steps write a .tar our engine loads; rerunning with --steps 3 goes on from step 2 with the windows kept."""
    pytest.importorskip("tensorflow")
    from composer_app.models.musicvae.model import MusicVae

    (tmp_path / "in").mkdir()
    for k in range(4):
        rng = np.random.default_rng(k)
        events = [e for _ in range(32) for e in (60 + int(rng.integers(0, 12)), -2, -2, -2)]
        write_song(Song(tracks=(melody_to_track(events),)), tmp_path / "in" / f"tune{k}.mid")
    out = tmp_path / "mel.tar"
    args = ["train", "--config", "cat-mel_2bar_small", "--input", str(tmp_path / "in"), "--output", str(out),
            "--hparams", TINY, "--eval-every", "0", "--checkpoint-every", "1", "--eval-ratio", "0.3"]
    assert main([*args, "--steps", "2"]) == 0
    assert "2 steps" in capsys.readouterr().out
    assert MusicVae.load(out).z_size == 4
    assert (tmp_path / "mel.run" / "windows.npz").exists()
    assert main([*args, "--steps", "3"]) == 0
    captured = capsys.readouterr()
    assert "resumed at step 2" in captured.err and "step 3:" in captured.err and "step 1:" not in captured.err
    assert main([*args, "--steps", "3", "--keep-best"]) != 0  # an event-RNN option is refused, not ignored
