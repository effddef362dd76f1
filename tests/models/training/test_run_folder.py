"""The run folder: --restart deletes only what the trainer made, state files are atomic, damage is a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from composer_app.models.training.errors import TrainingError
from composer_app.models.training.loop import train
from tests.models.training.tunes import TINY, request, write_tunes


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_tunes(folder, 8)
    return folder


def _cli(corpus: Path, out: Path, *extra: str) -> int:
    from composer_app.cli.main import main

    return main(["train", "--config", "basic_rnn", "--input", str(corpus), "--output", str(out), "--steps", "2",
                 "--hparams", TINY, "--eval-ratio", "0.3", "--quiet", *extra])


def _tree(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_restart_refuses_a_folder_it_did_not_make(tmp_path, corpus, capsys, monkeypatch):
    """`--run-dir . --restart` in a folder of the user's own files deletes nothing and says why in one line."""
    home = tmp_path / "home"
    (home / "thesis").mkdir(parents=True)
    (home / "thesis" / "chapter1.tex").write_text("\\chapter{One}")
    (home / "run.json").write_text('{"mine": true}')
    before = _tree(home)
    monkeypatch.chdir(home)
    assert _cli(corpus, tmp_path / "out.mag", "--run-dir", ".", "--restart") == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "not made by composer-app train" in err and "--run-dir" in err
    assert _tree(home) == before


def test_restart_deletes_only_the_runs_own_files(tmp_path, corpus, capsys):
    """--restart removes checkpoints, run.json and the metrics log the run made; a file of the user's stays."""
    run = tmp_path / "out.run"
    log = run / "metrics.jsonl"
    assert _cli(corpus, tmp_path / "out.mag", "--log-metrics", str(log)) == 0
    assert (run / "checkpoints" / "checkpoint").exists() and log.exists()
    (run / "notes.txt").write_text("my notes")
    (run / "checkpoints" / "mine.txt").write_text("mine")
    assert _cli(corpus, tmp_path / "out.mag", "--log-metrics", str(log), "--restart") == 0
    assert "kept" in capsys.readouterr().err  # it says what it left in place
    assert (run / "notes.txt").read_text() == "my notes" and (run / "checkpoints" / "mine.txt").read_text() == "mine"
    steps = [json.loads(line)["step"] for line in log.read_text().splitlines()]
    # Started again, not appended to: no step twice (step 0 is there only when a file was held out, which the
    # path-hashed split of this temporary corpus leaves to chance).
    assert steps and len(steps) == len(set(steps))


def test_restart_of_a_plain_run_removes_the_whole_folder(tmp_path, corpus):
    """A run folder holding only the trainer's files is gone after clearing it."""
    from composer_app.models.training.run_folder import clear_run

    run = tmp_path / "r"
    train(request(tmp_path, corpus, run_dir=run, steps=2, log_metrics=run / "m.jsonl"))
    assert clear_run(run) == [] and not run.exists()


def test_training_will_not_write_among_other_files(tmp_path, corpus):
    """A --run-dir that holds other files (and no marker) is refused before anything is written into it."""
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(TrainingError, match="not made by composer-app train") as caught:
        train(request(tmp_path, corpus, run_dir=folder, steps=2))
    assert str(folder) in str(caught.value)
    assert _tree(folder) == {"holiday.jpg": b"\xff\xd8"}


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


@pytest.mark.parametrize("name, damage", [
    ("run.json", _truncate),
    ("run.json", lambda p: p.write_text("[1, 2]")),
    ("run.json", lambda p: p.write_text(json.dumps({**json.loads(p.read_text()), "train_sequences": "12"}))),
    ("checkpoints/checkpoint", _truncate),
    ("checkpoints/checkpoint", lambda p: p.write_bytes(b"\x00\xff{{")),
    ("checkpoints/ckpt-2.index", _truncate),
    ("checkpoints/ckpt-2.data-00000-of-00001", lambda p: p.write_bytes(b"xx")),
], ids=["run-truncated", "run-not-object", "run-wrong-type", "state-truncated", "state-garbage", "index-truncated",
        "data-truncated"])
def test_damaged_run_state_is_a_training_error_naming_the_file(tmp_path, corpus, name, damage):
    """A damaged state file stops the resumed run with a TrainingError naming it and saying to use --restart."""
    run = tmp_path / "run"
    train(request(tmp_path, corpus, run_dir=run, steps=2))
    damage(run / name)
    with pytest.raises(TrainingError) as caught:
        train(request(tmp_path, corpus, run_dir=run, steps=4))
    # TensorFlow reads a checkpoint's .index and .data files as one: the error names their common prefix.
    named = run / "checkpoints" / "ckpt-2" if name.startswith("checkpoints/ckpt-") else run / name
    assert str(named) in str(caught.value)
    assert "--restart" in caught.value.hint


def test_run_state_is_written_atomically(tmp_path, corpus, monkeypatch):
    """A write that cannot be completed (a full disk at the rename) leaves no half-written state file."""
    import composer_app.atomic_file as atomic_file

    def no_space(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", no_space)
    run = tmp_path / "run"
    with pytest.raises(TrainingError, match="No space left"):
        train(request(tmp_path, corpus, run_dir=run, steps=2, use_cache=False))
    assert not [p for p in run.rglob("*") if p.is_file()]


def test_a_torn_metrics_line_does_not_swallow_the_next_record(tmp_path):
    """After a crash mid-line, the next record still starts on a line of its own."""
    from composer_app.models.training.metrics import MetricsLog, StepMetrics

    log = tmp_path / "m.jsonl"
    log.write_text('{"step": 1}\n{"step": 2, "lo')
    MetricsLog(log).write(StepMetrics(3, 1.0, 2.7, 0.5, 1.0, 1.0))
    assert json.loads(log.read_text().splitlines()[-1])["step"] == 3


def test_a_file_of_the_users_beside_the_output_is_not_replaced_by_the_card(tmp_path, corpus):
    """OUT.md that is not a model card stops training before it starts, and keeps its text."""
    notes = tmp_path / "out.md"
    notes.write_text("# My notes\n")
    with pytest.raises(TrainingError, match="out.md"):
        train(request(tmp_path, corpus, steps=2))
    assert notes.read_text() == "# My notes\n" and not (tmp_path / "out.mag").exists()


def test_restart_clears_a_musicvae_runs_name_based_checkpoints(tmp_path):
    """The MusicVAE trainer's model.ckpt-N files, its checkpoint list and kept windows go; the user's file stays."""
    from composer_app.models.training.run_folder import clear_run, note_made, open_run_folder

    run = tmp_path / "mel.run"
    open_run_folder(run)
    note_made(run, run / "windows.npz")
    (run / "checkpoints").mkdir()
    for name in ("checkpoint", "model.ckpt-25.index", "model.ckpt-25.data-00000-of-00001"):
        (run / "checkpoints" / name).write_bytes(b"x")
    (run / "windows.npz").write_bytes(b"x")
    (run / "notes.txt").write_text("mine")
    assert clear_run(run) == [run / "notes.txt"]
    assert not (run / "checkpoints").exists() and not (run / "windows.npz").exists()
