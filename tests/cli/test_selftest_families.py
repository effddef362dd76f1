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
