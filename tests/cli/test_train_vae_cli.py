"""`composer-app train --config cat-mel_2bar_small`: MIDI folders in, a MusicVAE .tar out; a rerun resumes."""

from __future__ import annotations

import importlib.util
import json
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


def test_train_cli_writes_a_tar_resumes_and_starts_another_run_from_it(tmp_path):
    """Two steps write a .tar our engine loads; rerunning with --steps 3 goes on from step 2 with the windows kept;
    --init-from starts a new run (of its own sizes) from that .tar."""
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
    again = _cli(["train", "--config", "cat-mel_2bar_small", "--input", str(tmp_path / "in"), "--output",
                  str(tmp_path / "again.tar"), "--hparams", "batch_size=4,max_seq_len=4", "--eval-every", "0",
                  "--eval-ratio", "0.3", "--steps", "1", "--init-from", str(out)])
    assert again.returncode == 0, again.stderr[-2000:]
    assert f"starting from the weights of {out}" in again.stderr and MusicVae.load(tmp_path / "again.tar").z_size == 4


@pytest.mark.parametrize("flag", ["--all-windows", "--tfds-windows"])
def test_musicvae_window_options_are_refused_for_an_event_rnn(tmp_path, flag):
    """--all-windows and --tfds-windows are MusicVAE options: an RNN training says so instead of ignoring them."""
    (tmp_path / "in").mkdir()
    done = _cli(["train", "--config", "basic_rnn", "--input", str(tmp_path / "in"), "--output",
                 str(tmp_path / "m.mag"), flag])
    assert done.returncode != 0 and f"{flag} applies to MusicVAE" in done.stderr


def test_the_event_rnn_window_option_is_refused_for_musicvae(tmp_path):
    """--window cuts event-RNN training sequences; MusicVAE training says it does not apply instead of ignoring it."""
    (tmp_path / "in").mkdir()
    done = _cli(["train", "--config", "cat-mel_2bar_small", "--input", str(tmp_path / "in"), "--output",
                 str(tmp_path / "m.tar"), "--window", "64"])
    assert done.returncode != 0 and "--window applies to the event RNNs, not to MusicVAE" in done.stderr


def _records(done: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def test_progress_json_speaks_the_training_panels_protocol(tmp_path):
    """--progress-json: reading and what it gave, averaged step figures (loss, accuracy, KL, β), held-out figures
    at each evaluation, a stop on the stop file that a rerun resumes, then writing and the .tar as the result."""
    if importlib.util.find_spec("tensorflow") is None:
        pytest.skip("training needs TensorFlow (the training extra), which is not installed")
    from composer_app.said import Said, from_plain

    (tmp_path / "in").mkdir()
    for k in range(5):
        rng = np.random.default_rng(k)
        events = [e for _ in range(32) for e in (60 + int(rng.integers(0, 12)), -2, -2, -2)]
        write_song(Song(tracks=(melody_to_track(events),)), tmp_path / "in" / f"tune{k}.mid")
    out, stop = tmp_path / "mel.tar", tmp_path / "stop"
    args = ["train", "--config", "cat-mel_2bar_small", "--input", str(tmp_path / "in"), "--output", str(out),
            "--hparams", TINY, "--eval-every", "12", "--checkpoint-every", "100", "--eval-ratio", "0.3",
            "--steps", "24", "--stop-file", str(stop), "--progress-json", "--quiet", "--nice", "5"]
    stop.touch()
    first = _cli(args)
    records = _records(first)
    assert first.returncode == 130 and records[-1]["phase"] == "stopped", first.stderr[-2000:]
    (reading,) = [r for r in records if r["phase"] == "reading"]
    assert reading["files_done"] == reading["files_total"] == 5
    (read,) = [r for r in records if r["phase"] == "read"]
    assert isinstance(from_plain(read["said"]), Said) and read["files_total"] == 5 and "windows" in read["message"]
    assert [r["metrics"]["step"] for r in records if "metrics" in r] == [1] and not out.exists()

    stop.unlink()
    second = _cli(args)
    records = _records(second)
    assert second.returncode == 0, second.stderr[-2000:]
    phases = [r["phase"] for r in records]
    assert phases[0] == "read" and phases[-2:] == ["writing", "result"]  # the windows read before are kept
    assert any(r.get("said", {}).get("template", "").startswith("resumed") and r["step"] == 1 for r in records)
    steps = [r["metrics"] for r in records if "metrics" in r and "loss" in r["metrics"]]
    assert steps[-1]["step"] == 24 and 2 <= len(steps) < 23  # averaged, not one record per step
    assert all({"loss", "accuracy", "kl_bits", "beta", "r_loss", "elapsed_s"} <= set(s) for s in steps)
    assert all(r["total_steps"] == 24 for r in records if "metrics" in r)
    held = [r["metrics"] for r in records if "metrics" in r and "eval_accuracy" in r["metrics"]]
    assert [h["step"] for h in held] == [12, 24] and all(0 <= h["eval_accuracy"] <= 1 for h in held)
    assert all("eval_kl_bits" in h and "loss" not in h for h in held)
    result = records[-1]
    assert result["bundle"] == str(out) and out.is_file() and result["steps"] == 24 and result["card"] is None
    assert result["eval_accuracy"] == pytest.approx(held[-1]["eval_accuracy"])


def test_a_progress_json_error_keeps_its_said_template(tmp_path):
    """A folder without music fails as a JSON error record whose text the app can translate."""
    from composer_app.said import Said, from_plain

    (tmp_path / "empty").mkdir()
    done = _cli(["train", "--config", "cat-drums_2bar_small", "--input", str(tmp_path / "empty"), "--output",
                 str(tmp_path / "d.tar"), "--progress-json", "--quiet"])
    (failure,) = [r for r in _records(done) if r["phase"] == "error"]
    text = from_plain(failure["said"])
    assert done.returncode == 1 and isinstance(text, Said) and "empty" in text and text == failure["message"]


def test_the_parsers_musicvae_configs_are_the_trainers():
    """`train` sends exactly the configs the MusicVAE trainer builds to it (the app's Training tab lists those)."""
    from composer_app.cli.train_vae import VAE_CONFIGS
    from composer_app.models.training.vae.spec import TRAINABLE

    assert set(VAE_CONFIGS) == set(TRAINABLE)
