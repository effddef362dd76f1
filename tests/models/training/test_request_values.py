"""Training values no run could use are refused in one line before the corpus is read (which can take minutes)."""

from __future__ import annotations

import pytest

from composer_app.cli.main import main
from composer_app.models.training.errors import TrainingError
from composer_app.models.training.loop import TrainingRequest, check_request_values


def _request(tmp_path, **changes) -> TrainingRequest:
    return TrainingRequest(config_id="basic_rnn", output=tmp_path / "out.mag", inputs=(tmp_path,), **changes)


@pytest.mark.parametrize("changes, words", [
    ({"eval_every": 0}, "--eval-every must be at least 1"),
    ({"checkpoint_every": 0}, "--checkpoint-every must be at least 1"),
    ({"steps": 0}, "--steps must be between 1"),
    ({"steps": 10 ** 12}, "--steps must be between 1"),
    ({"seed": -1}, "--seed must be 0 or more"),
])
def test_impossible_values_are_refused(tmp_path, changes, words):
    """Each value raises TrainingError naming the flag."""
    with pytest.raises(TrainingError, match=words):
        check_request_values(_request(tmp_path, **changes))


def test_an_unwritable_metrics_log_is_refused_before_reading(tmp_path, capsys):
    """--log-metrics in a missing folder fails at once with one line; no corpus is read and nothing is written."""
    corpus = tmp_path / "tunes"
    corpus.mkdir()
    (corpus / "never-read.mid").write_bytes(b"not even MIDI")
    code = main(["train", "--config", "basic_rnn", "--input", str(corpus), "--output", str(tmp_path / "x.mag"),
                 "--log-metrics", str(tmp_path / "missing" / "m.jsonl")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "cannot write the metrics log" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tunes"]


def test_batch_size_zero_is_a_training_error(tmp_path):
    """--hparams batch_size=0 is refused by the trainer with the rule, not a crash in TensorFlow."""
    from composer_app.models.training.loop import train

    with pytest.raises(TrainingError, match="batch_size=0 is out of range"):
        train(_request(tmp_path, hparams="batch_size=0"))
