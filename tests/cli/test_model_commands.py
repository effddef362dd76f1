"""The model commands as a course uses them: melody_rnn_generate, drums_rnn_generate, inspect, score, evaluate."""

import json
import subprocess
import sys

import mido
import numpy as np
import pytest

from composer_app.cli.main import main
from composer_app.music.midi_io import read_midi
from tests.conftest import ROOT
from tests.models.conftest import bundle_path, fixture_bundle_path, fixture_golden


def _run(*args):
    return subprocess.run([sys.executable, "-c", "import sys; from composer_app.cli.generate import melody_main, "
                           "drums_main; sys.argv[0] = sys.argv[1]; del sys.argv[1]; "
                           "sys.exit({'melody_rnn_generate': melody_main, 'drums_rnn_generate': drums_main}"
                           "[sys.argv[0]]())", *args], cwd=ROOT, capture_output=True, text=True)


def test_melody_rnn_generate_writes_one_file_per_output(tmp_path):
    """Magenta's flags as the course writes them give num_outputs MIDI files that start with the primer."""
    proc = _run("melody_rnn_generate", "--config=attention_rnn", f"--bundle_file={bundle_path('attention_rnn')}",
                f"--output_dir={tmp_path}", "--num_outputs=3", "--num_steps=64",
                "--primer_melody=[60, -2, 60, -2, 67, -2, 67, -2]", "--seed=4", "--qpm=90")
    assert proc.returncode == 0, proc.stderr[-1000:]
    files = sorted(tmp_path.glob("*.mid"))
    assert len(files) == 3
    song = read_midi(files[0])
    assert song.qpm == 90
    assert [n.pitch for n in song.tracks[0].notes[:4]] == [60, 60, 67, 67]
    assert song.tracks[0].end <= 64 * 240


def test_drums_rnn_generate_with_beam_search(tmp_path):
    """drums_rnn_generate with a drum primer and beam search writes drum tracks on channel 10."""
    proc = _run("drums_rnn_generate", "--config=drum_kit", f"--bundle_file={bundle_path('drum_kit')}",
                f"--output_dir={tmp_path}", "--num_outputs=2", "--num_steps=32", "--beam_size=2",
                "--branch_factor=2", "--primer_drums=[(36, 42), (), (42,)]")
    assert proc.returncode == 0, proc.stderr[-1000:]
    files = sorted(tmp_path.glob("*.mid"))
    assert len(files) == 2
    channels = {m.channel for t in mido.MidiFile(files[0]).tracks for m in t if m.type == "note_on"}
    assert channels == {9}


@pytest.mark.parametrize("args,message", [
    (["--primer_melody=[60, 61, 999]"], "999"),
    (["--temperature=0"], "above 0"),
    (["--num_outputs=many"], "whole number"),
    (["--config=drum_kit"], "invalid choice"),
    (["--bundle_file=/nonexistent.mag"], "no such file"),
])
def test_wrong_flag_values_give_one_line(tmp_path, args, message):
    """A wrong flag value gives one line naming the problem, no traceback, and a non-zero exit."""
    proc = _run("melody_rnn_generate", "--config=basic_rnn", f"--bundle_file={bundle_path('basic_rnn')}",
                f"--output_dir={tmp_path}", *args)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert message in last


def test_inspect_json(capsys):
    """inspect reports the id, layout, sizes, attn_length, input size and classes."""
    assert main(["inspect", str(fixture_bundle_path("drum_kit")), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["generator_id"] == "drum_kit" and info["layout"] == "layer0"
    assert (info["layer_sizes"], info["attn_length"], info["input_size"], info["num_classes"]) == ([32, 32], 32, 518,
                                                                                                    512)


def test_score_raw_matches_magenta(capsys):
    """score --raw --json gives Magenta's per-step softmax for the fixture events, and a perplexity."""
    golden = fixture_golden("attention_rnn")
    primer = "[" + ", ".join(str(e) for e in golden["events"]) + "]"
    assert main(["score", str(fixture_bundle_path("attention_rnn")), "--primer_melody", primer, "--raw",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    np.testing.assert_allclose(np.array(out["softmax"]), np.array(golden["softmax"]), atol=1e-5)
    assert out["steps_scored"] == 15
    # Expected figures from Magenta's own softmax: the probability it gave each next event's class.
    from composer_app.models.rnn.configs import get_config

    labels = get_config("attention_rnn").encoder().labels_array(golden["events"])[1:]
    expected_ll = float(np.sum(np.log(np.array(golden["softmax"])[np.arange(15), labels])))
    assert out["log_likelihood"] == pytest.approx(expected_ll, abs=1e-4)
    assert out["perplexity"] == pytest.approx(np.exp(-expected_ll / 15), rel=1e-4)


def test_evaluate_folder(tmp_path, capsys):
    """evaluate gives perplexity and accuracy over the melodies extracted from a folder."""
    src = ROOT.parent / "shared" / "datasets" / "nottingham" / "MIDI" / "melody"
    if not src.exists():
        pytest.skip(f"shared data not found at {src}")
    for p in sorted(src.glob("*.mid"))[:5]:
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "broken.mid").write_bytes(b"MThd broken")
    assert main(["evaluate", str(fixture_bundle_path("basic_rnn")), str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == 6 and report["unreadable"] == 1 and report["sequences"] >= 4
    assert 1 < report["perplexity"] < 38 and 0 < report["accuracy"] < 1
