"""`music_vae_generate --config=X` without a checkpoint: the checkpoint this app ships for X, else what to pass."""

from __future__ import annotations

import shutil

import pytest

from composer_app.cli import music_vae
from composer_app.models.musicvae import shipped
from composer_app.music.io import read_song
from tests.conftest import shared_path


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """An empty shipped folder in place of the app's."""
    path = tmp_path / "shipped"
    path.mkdir()
    monkeypatch.setattr(shipped, "SHIPPED_VAE_DIR", path)
    return path


def test_config_alone_samples_from_the_shipped_checkpoint(folder, tmp_path, capsys):
    """With cat-drums_2bar_small.tar shipped, --config=cat-drums_2bar_small alone writes drum clips from it."""
    shutil.copyfile(shared_path("fixtures", "magenta-vae", "drums2bar_tiny.tar"), folder / "cat-drums_2bar_small.tar")
    out = tmp_path / "out"
    assert music_vae.main(["--config=cat-drums_2bar_small", "--mode=sample", "--num_outputs=2", "--seed=3",
                           f"--output_dir={out}"]) == 0
    files = sorted(out.glob("cat-drums_2bar_small_sample_*.mid"))
    assert len(files) == 2 and all(read_song(f).tracks[0].is_drum for f in files)
    assert "Wrote 2 MIDI files" in capsys.readouterr().out


def test_a_config_that_ships_nothing_says_what_to_pass(folder, tmp_path, capsys):
    """No shipped checkpoint for the config: one line naming --checkpoint_file and --run_dir, and what does ship."""
    (folder / "groovae_2bar_humanize.tar").write_bytes(b"not read")
    assert music_vae.main(["--config=cat-mel_2bar_small", "--mode=sample", f"--output_dir={tmp_path}"]) == 1
    err = capsys.readouterr().err.strip()
    assert "no checkpoint ships with this app for cat-mel_2bar_small" in err
    assert "--checkpoint_file" in err and "--run_dir" in err and "groovae_2bar_humanize" in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_no_config_and_no_checkpoint_offers_config(folder, tmp_path, capsys):
    """Neither a checkpoint nor --config: the line names both ways, and says when nothing ships yet."""
    assert music_vae.main(["--mode=sample", f"--output_dir={tmp_path}"]) == 1
    err = capsys.readouterr().err
    assert "--checkpoint_file" in err and "--config" in err and "ships no MusicVAE checkpoint yet" in err
