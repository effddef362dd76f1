"""What the app's Training panel relies on in `composer-app train`: JSON progress, a stop file that keeps a
checkpoint to resume from, continuing a bundle's network, and a summary of what reading left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from composer_app.models.training.loop import train
from composer_app.models.training.metrics import read_metrics
from composer_app.models.training.weights_init import bundle_weights
from tests.models.training.tunes import TINY, request, write_beat, write_tunes


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_tunes(folder, 6)
    (folder / "notes.mid").write_bytes(b"MThd not really")  # unreadable: reading says so and why
    return folder


def _cli(corpus: Path, out: Path, capsys, *extra: str) -> tuple[int, list[dict], str]:
    from composer_app.cli.main import main

    code = main(["train", "--config", "basic_rnn", "--input", str(corpus), "--output", str(out), "--steps", "4",
                 "--hparams", TINY, "--eval-ratio", "0.3", "--eval-every", "2", "--checkpoint-every", "2",
                 "--quiet", "--progress-json", *extra])
    out_err = capsys.readouterr()
    records = [json.loads(line) for line in out_err.out.splitlines() if line.startswith("{")]
    return code, records, out_err.err


def test_progress_json_reports_reading_training_and_the_result(tmp_path, corpus, capsys):
    """Every line is a JSON record: what reading gave and skipped, metrics by step, then the written bundle."""
    code, records, _err = _cli(corpus, tmp_path / "out.mag", capsys)
    assert code == 0
    (read,) = [r for r in records if r["phase"] == "read"]
    assert read["files_total"] == 7 and "notes.mid" in read["message"] and "unreadable" in read["message"]
    steps = [r["metrics"]["step"] for r in records if r["phase"] == "training" and "metrics" in r]
    assert steps[0] == 0 and steps[-1] == 4
    result = records[-1]
    assert result["phase"] == "result" and Path(result["bundle"]).is_file() and Path(result["card"]).is_file()
    assert result["steps"] == 4


def test_a_stop_file_stops_with_a_checkpoint_and_a_rerun_resumes(tmp_path, corpus, capsys):
    """The stop file ends the run at once with its checkpoint kept; the same command then carries on to the end."""
    stop = tmp_path / "stop"
    stop.touch()
    log = tmp_path / "out.run" / "metrics.jsonl"
    code, records, _err = _cli(corpus, tmp_path / "out.mag", capsys, "--stop-file", str(stop), "--log-metrics", str(log))
    assert code == 130 and records[-1]["phase"] == "stopped"
    assert not (tmp_path / "out.mag").exists()
    stop.unlink()
    code, records, _err = _cli(corpus, tmp_path / "out.mag", capsys, "--stop-file", str(stop), "--log-metrics", str(log))
    assert code == 0 and records[-1]["phase"] == "result"
    assert [r["step"] for r in read_metrics(log)][-1] == 4


def test_nice_out_of_range_is_one_line(tmp_path, corpus, capsys):
    """--nice takes 0 to 19; anything else is a user error, not a traceback."""
    code, _records, err = _cli(corpus, tmp_path / "out.mag", capsys, "--nice", "40")
    assert code == 1 and "--nice" in err and len(err.strip().splitlines()) == 1


def test_continuing_a_bundle_starts_from_its_weights(tmp_path, corpus):
    """Training from a bundle starts where that bundle was: its held-out loss at step 0 equals the bundle's end."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = train(request(tmp_path / "a", corpus, steps=6, eval_ratio=0.3))
    more = train(request(tmp_path / "b", corpus, steps=2, eval_ratio=0.3, init_from=first.bundle))
    assert more.history[0].step == 0
    assert more.history[0].eval_loss == pytest.approx(first.held_out.loss, rel=1e-4)


def test_a_bundle_of_another_model_cannot_be_continued(tmp_path):
    """A drum bundle given to a melody run is refused by name, before any reading."""
    from composer_app.models.errors import BundleError  # noqa: F401  (the trainer turns it into a TrainingError)
    from composer_app.models.rnn.bundle import shipped_bundle_path
    from composer_app.models.rnn.configs import get_config
    from composer_app.models.training.errors import TrainingError

    config = get_config("basic_rnn")
    with pytest.raises(TrainingError, match="drum_kit"):
        bundle_weights(shipped_bundle_path("drum_kit"), config, config.hparams)


def test_a_drum_corpus_summary_names_what_was_used(tmp_path, capsys):
    """A folder of drum beats read for drum_kit: the read record counts its training sequences."""
    for i in range(3):
        write_beat(tmp_path / "beats" / f"b{i}.mid")
    from composer_app.cli.main import main

    code = main(["train", "--config", "drum_kit", "--input", str(tmp_path / "beats"), "--output",
                 str(tmp_path / "d.mag"), "--steps", "1", "--hparams", TINY, "--quiet", "--progress-json"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert code == 0
    (read,) = [r for r in records if r["phase"] == "read"]
    assert read["message"].startswith("read 3 file(s): ") and "training" in read["message"]


def test_a_failure_reaches_the_app_in_translatable_form(tmp_path, capsys):
    """With --progress-json a user's error is also a JSON record whose text keeps its said() template and values."""
    from composer_app.said import Said, from_plain

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.mid").write_bytes(b"MThd not really")
    code, records, _ = _cli(tmp_path / "in", tmp_path / "x.mag", capsys)
    (failure,) = [r for r in records if r["phase"] == "error"]
    text = from_plain(failure["said"])
    assert code == 1 and isinstance(text, Said) and text == failure["message"] and "broken.mid" in text
