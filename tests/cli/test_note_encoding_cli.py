"""performance_rnn_generate and composer-app score/inspect with the note encoding (Magenta's own tiny bundle)."""

from __future__ import annotations

import json

import numpy as np

from composer_app.music.midi_io import read_midi
from tests.cli.test_timed_cli import _run
from tests.conftest import ROOT

DATA = ROOT / "tests" / "models" / "rnn" / "data"
CONFIG = "performance_with_dynamics_and_note_encoding"
BUNDLE = DATA / f"{CONFIG}.mag"


def test_generate_writes_notes_with_durations_and_velocities(tmp_path):
    """--config with a primer: two MIDI files; the primer's three notes come first, then generated notes."""
    proc = _run("performance_main", f"--config={CONFIG}", f"--bundle_file={BUNDLE}", f"--output_dir={tmp_path}",
                "--num_outputs=2", "--num_steps=300", "--primer_pitches=[60,64,67]", "--seed=7")
    assert proc.returncode == 0, proc.stderr[-1000:]
    files = sorted(tmp_path.glob("*.mid"))
    assert len(files) == 2
    notes = read_midi(files[0]).tracks[0].notes
    assert [n.pitch for n in notes[:3]] == [60, 64, 67] and len(notes) > 3
    assert len({n.velocity for n in notes[3:]}) > 1 and all(n.duration > 0 for n in notes)


def test_generate_without_a_primer_says_why_in_one_line(tmp_path):
    """Magenta cannot start a note performance from silence; the error says so, on one line."""
    proc = _run("performance_main", f"--bundle_file={BUNDLE}", f"--output_dir={tmp_path}", "--num_steps=300")
    assert proc.returncode == 1
    assert "needs a primer with notes" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_score_gives_each_heads_softmax_as_magenta(capsys):
    """score --events FIXTURE.json --json: one softmax per head, each Magenta's to 1e-5, and a finite perplexity."""
    from composer_app.cli.main import main

    assert main(["score", str(BUNDLE), "--events", str(DATA / f"{CONFIG}.json"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    golden = json.loads((DATA / f"{CONFIG}.json").read_text())
    assert len(result["softmax"]) == 6
    for ours, theirs in zip(result["softmax"], golden["softmax"]):
        assert np.abs(np.array(ours) - np.array(theirs)).max() <= 1e-5
    assert np.isfinite(result["perplexity"]) and result["steps_scored"] == len(golden["events"]) - 1


def test_inspect_names_the_config_and_its_sizes(capsys):
    """inspect reads the bundle as the note config: 315 inputs and 315 logits."""
    from composer_app.cli.main import main

    assert main(["inspect", str(BUNDLE)]) == 0
    out = capsys.readouterr().out
    assert CONFIG in out and "315" in out
