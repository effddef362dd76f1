"""`composer-app --selftest` on Polyphony and Performance RNN bundles: once the app ships them, the model check runs
each as its Generate tab does (the melody check would not fit them)."""

from __future__ import annotations

import pytest

from composer_app.cli.selftest import SelfTest
from tests.conftest import shared_path

RNN2 = ("fixtures", "magenta-rnn2")


@pytest.mark.parametrize("name, what", [("polyphony.mag", "32 steps"), ("performance_with_dynamics.mag", "2 s"),
                                        ("multiconditioned_performance_with_dynamics.mag", "2 s")])
def test_a_polyphony_or_performance_bundle_passes_the_model_check(tmp_path, name, what):
    """The check reads the bundle, continues a held chord with it and keeps the notes for the MIDI check."""
    check = SelfTest(tmp_path, None, lambda: [])
    line = check.model(shared_path(*RNN2, name))
    assert line.startswith(f"{name} loaded and generated {what} (") and " notes) in " in line
    (song,) = check.songs
    assert song.tracks[0].notes
    assert f"({len(song.tracks[0].notes)} notes)" in line


@pytest.mark.parametrize("fixture, config_id", [("mel2bar_tiny.tar", "cat-mel_2bar_small"),
                                                ("groovae_humanize_tiny.tar", "groovae_2bar_humanize")])
def test_a_shipped_musicvae_passes_its_check(tmp_path, monkeypatch, fixture, config_id):
    """Each shipped MusicVAE is loaded as its config and decodes a clip (a GrooVAE regrooves the probe beat)."""
    import shutil

    from composer_app.models.musicvae import shipped

    monkeypatch.setattr(shipped, "SHIPPED_VAE_DIR", tmp_path)
    shutil.copyfile(shared_path("fixtures", "magenta-vae", fixture), tmp_path / f"{config_id}.tar")
    (found,) = shipped.shipped_vaes()
    check = SelfTest(tmp_path, None, lambda: [])
    line = check.vae(found)
    assert line.startswith(f"{config_id}.tar loaded as {config_id} and decoded a clip (")
    (song,) = check.songs
    notes = [n for t in song.tracks for n in t.notes]
    assert f"({len(notes)} notes)" in line
    assert notes or config_id == "cat-mel_2bar_small"  # the tiny melody fixture may decode to a rest
